//! Standard input: JSON Lines told from text however its lines come, blank input, and
//! text one document or one per line.

use std::fs;

use serde_json::{Value, json};

use crate::batch_support::{command, run_in};
use crate::{SENTENCE, SENTENCE_TOKENS, run, sentence_records, temp};

#[test]
fn stdin_json_lines_give_records_and_nothing_else_on_stdout() {
    let dir = temp();
    let input = sentence_records(2500);
    let out = run_in(dir.path(), &["-"], input.as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let records = out.records(); // every stdout line is a JSON record
    assert_eq!(
        records.len(),
        2500,
        "one record per line, across several batches"
    );
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r["id"], format!("doc-{i}"), "input order");
        assert_eq!(r["token_count"], SENTENCE_TOKENS);
    }
    out.assert_stderr_contains("2500 documents"); // the summary is on stderr
}

#[test]
fn blank_stdin_holds_no_document_unless_said_to_be_text() {
    // A shard of a JSON Lines stream may come out empty or blank: it adds nothing, so the
    // merged statistics are the single run's.
    let dir = temp();
    for input in [&b""[..], b"\n\n", b" \r\n\t\n", b"\xEF\xBB\xBF\n"] {
        let out = run_in(dir.path(), &["-", "--stats-dir", "parts"], input);
        assert_eq!(out.code, 0, "{input:?}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{input:?}: {}", out.stdout);
    }
    let merged = run(dir.path(), &["merge", "parts", "--output", "merged.json"]);
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    let merged: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("merged.json")).unwrap()).unwrap();
    assert_eq!(merged["documents"], 0);
    // Said to be text, an empty stdin is an empty document, as an empty file is.
    let out = run_in(dir.path(), &["-", "--input-format", "text"], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.records().len(), 1);
}

#[test]
fn stdin_json_lines_are_told_apart_from_text_however_slowly_they_come() {
    // A pipe gives what its writer has written so far: a first read may hold a blank line
    // or the byte order mark alone, and the format is told by the first character that is
    // neither.
    for first in [&b"\n"[..], b"\xEF", b"\xEF\xBB\xBF", b"  \r\n"] {
        let dir = temp();
        let mut child = command(dir.path(), &["-", "--quiet"])
            .spawn()
            .expect("the batch tool starts");
        let mut stdin = child.stdin.take().expect("stdin is piped");
        let rest: &[u8] = if first == b"\xEF" {
            b"\xBB\xBF{\"id\":\"a\",\"text\":\"Oman\"}\n{\"id\":\"b\",\"text\":\"Muscat\"}\n"
        } else {
            b"{\"id\":\"a\",\"text\":\"Oman\"}\n{\"id\":\"b\",\"text\":\"Muscat\"}\n"
        };
        let first = first.to_vec();
        let writer = std::thread::spawn(move || {
            use std::io::Write;
            stdin.write_all(&first).unwrap();
            stdin.flush().unwrap();
            std::thread::sleep(std::time::Duration::from_millis(200));
            stdin.write_all(rest).unwrap();
        });
        let output = child.wait_with_output().expect("the batch tool runs");
        writer.join().unwrap();
        assert_eq!(output.status.code(), Some(0));
        let ids: Vec<Value> = String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(|line| serde_json::from_str::<Value>(line).unwrap()["id"].clone())
            .collect();
        assert_eq!(
            ids,
            [json!("a"), json!("b")],
            "two JSON records, not one text"
        );
    }
}

#[test]
fn stdin_records_after_a_first_line_of_something_else_stay_records() {
    // A comment, or the end of a record that a shard's cut left: the records after it are
    // still one document each, and the first line an error record.
    let dir = temp();
    let records = sentence_records(300);
    for first in ["// exported 2026-12-06\n", "ext\": \"cut\"}\n"] {
        let out = run_in(
            dir.path(),
            &["-", "--quiet"],
            format!("{first}{records}").as_bytes(),
        );
        assert_eq!(
            out.code, 1,
            "a bad line is a failed document: {}",
            out.stderr
        );
        let records = out.records();
        assert_eq!(records.len(), 301, "{first}");
        assert_eq!(records[0]["id"], "-:1");
        assert!(records[0]["error"].is_string());
        assert_eq!(records[300]["id"], "doc-299");
        assert_eq!(records[300]["token_count"], SENTENCE_TOKENS);
    }
}

#[test]
fn stdin_plain_text_is_one_document_or_one_per_line() {
    let dir = temp();
    let whole = run_in(dir.path(), &["-"], SENTENCE.repeat(3).as_bytes());
    assert_eq!(whole.code, 0, "{}", whole.stderr);
    assert_eq!(whole.records().len(), 1);
    assert_eq!(whole.records()[0]["token_count"], 3 * SENTENCE_TOKENS);
    let lines = run_in(dir.path(), &["-", "--lines"], b"Oman and Russia\nMuscat\n");
    let ids: Vec<Value> = lines.records().iter().map(|r| r["id"].clone()).collect();
    assert_eq!(ids, [json!("-:1"), json!("-:2")]);
}

#[cfg(unix)]
#[test]
fn stdin_by_another_name_and_pipes_are_told_by_their_content_as_dash_is() {
    let dir = temp();
    let records = sentence_records(3);
    let ids = |out: &crate::batch_support::Run| -> Vec<Value> {
        out.records().iter().map(|r| r["id"].clone()).collect()
    };
    let want = [json!("doc-0"), json!("doc-1"), json!("doc-2")];
    // `/dev/stdin` on a pipe, and on a file (`batch /dev/stdin < records`).
    let piped = run_in(dir.path(), &["/dev/stdin"], records.as_bytes());
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    assert_eq!(ids(&piped), want);
    fs::write(dir.path().join("records"), &records).unwrap();
    let from_file: crate::batch_support::Run = command(dir.path(), &["/dev/stdin"])
        .stdin(fs::File::open(dir.path().join("records")).unwrap())
        .output()
        .unwrap()
        .into();
    assert_eq!(from_file.code, 0, "{}", from_file.stderr);
    assert_eq!(ids(&from_file), want);
    // A named pipe (as `<(cmd)` gives) with no extension.
    let fifo = dir.path().join("fifo");
    crate::batch_support::mkfifo(&fifo);
    let writer = {
        let (fifo, records) = (fifo.clone(), records.clone());
        std::thread::spawn(move || fs::write(fifo, records).unwrap())
    };
    let out = run_in(dir.path(), &["fifo"], b"");
    // Had the tool ended without opening the pipe, the writer would wait for a reader
    // forever: a reader of ours that reads nothing lets it finish (the records fit in the
    // pipe's buffer), so that the assertions below say what went wrong instead of a hang.
    let _unblocks_the_writer = {
        use std::os::unix::fs::OpenOptionsExt;
        fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(&fifo)
    };
    writer.join().unwrap();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(ids(&out), want);
    // Text through them stays text: one document, named by the path.
    let text = run_in(dir.path(), &["/dev/stdin"], SENTENCE.as_bytes());
    assert_eq!(ids(&text), [json!("/dev/stdin")]);
    assert_eq!(text.records()[0]["token_count"], SENTENCE_TOKENS);
}
