//! Bad input of issue 14: every document gets exactly one record, whatever its bytes, and
//! a document whose analysis panics is an error record while the run goes on.

use std::fs;
use std::time::Duration;

use serde_json::{Value, json};

use crate::batch_support::{Running, command};
use crate::{SENTENCE, SENTENCE_TOKENS, run, run_in, temp};

fn error_of(record: &Value) -> &str {
    record["error"]
        .as_str()
        .unwrap_or_else(|| panic!("not an error record: {record}"))
}

#[test]
fn a_document_whose_analysis_panics_is_an_error_record_and_the_run_goes_on() {
    let dir = temp();
    // Seven documents in batches of three: the panics are in the first and the last batch,
    // beside documents that must still get their records.
    let texts = [
        "Muscat",
        "PANIC",
        "Oman",
        "Russia",
        "Lavrov",
        "Muscat",
        "PANIC here",
    ];
    let input: String = texts
        .iter()
        .enumerate()
        .map(|(i, text)| format!("{}\n", json!({"id": format!("d{i}"), "text": text})))
        .collect();
    fs::write(dir.path().join("d.jsonl"), &input).unwrap();
    let start = |extra: &[&str]| {
        let mut args = vec!["d.jsonl", "--batch-size", "3", "--stats", "stats.json"];
        args.extend_from_slice(extra);
        let mut tool = command(dir.path(), &args);
        tool.env("WORDMILL_BATCH_TEST_PANIC", "PANIC");
        Running::start(tool, Vec::new()).finish(Duration::from_secs(120))
    };
    let out = start(&[]);
    assert_eq!(
        out.code, 1,
        "a failed document, not a crash: {}",
        out.stderr
    );
    let records = out.records();
    assert_eq!(records.len(), texts.len(), "one record per document");
    for (i, record) in records.iter().enumerate() {
        assert_eq!(record["id"], format!("d{i}"), "input order");
        if texts[i].contains("PANIC") {
            assert_eq!(record["file"], "d.jsonl");
            assert_eq!(record["line"], i as u64 + 1);
            let error = error_of(record);
            assert!(error.contains("the analysis panicked"), "{error}");
        } else {
            assert_eq!(record["token_count"], 1, "{record}");
        }
    }
    assert!(!out.stderr.contains("panicked at"), "{}", out.stderr);
    out.assert_stderr_contains("7 documents: 5 analysed, 2 failed");
    let stats: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("stats.json")).unwrap()).unwrap();
    assert_eq!(
        stats["documents"], 5,
        "statistics of the analysed documents"
    );

    let allowed = start(&["--allow-failures"]);
    assert_eq!(allowed.code, 0);
    assert_eq!(allowed.records().len(), texts.len());
}

#[test]
fn utf16_with_a_byte_order_mark_is_refused_even_without_nul_bytes() {
    let dir = temp();
    // 中文 (CJK: no byte of its UTF-16 is NUL), little- then big-endian, with their BOMs.
    let le = b"\xFF\xFE\x2D\x4E\x87\x65\x0A\x00".to_vec();
    let be = b"\xFE\xFF\x4E\x2D\x65\x87".to_vec();
    fs::write(dir.path().join("le.txt"), &le).unwrap();
    fs::write(dir.path().join("be.txt"), &be).unwrap();
    fs::write(dir.path().join("good.txt"), SENTENCE).unwrap();
    for extra in [&[][..], &["--lines"]] {
        let mut args = vec!["le.txt", "be.txt", "good.txt"];
        args.extend_from_slice(extra);
        let out = run(dir.path(), &args);
        assert_eq!(out.code, 1, "{}", out.stderr);
        let records = out.records();
        assert_eq!(records.len(), 3, "one record per file: {records:?}");
        for record in &records[..2] {
            let error = error_of(record);
            assert!(error.starts_with("UTF-16 text"), "{error}");
            assert!(error.contains("iconv -f UTF-16 -t UTF-8"), "{error}");
        }
        assert_eq!(records[2]["token_count"], SENTENCE_TOKENS);
    }
    let out = run_in(dir.path(), &["-"], &le);
    assert!(error_of(&out.records()[0]).starts_with("UTF-16 text"));
}

#[test]
fn a_byte_order_mark_alone_is_an_empty_input_under_lines() {
    // The mark is dropped at the start of an input: what remains is an empty file, which has
    // no line. A mark and a line end is one empty line, as a line end alone is.
    let dir = temp();
    for (content, documents) in [
        (&b""[..], 0),
        (b"\xEF\xBB\xBF", 0),
        (b"\n", 1),
        (b"\xEF\xBB\xBF\n", 1),
    ] {
        fs::write(dir.path().join("in.txt"), content).unwrap();
        let out = run(dir.path(), &["--lines", "in.txt"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(out.records().len(), documents, "{content:?}");
    }
    // (Blank stdin holds no document, `stdin.rs` says why; the mark alone is blank too.)
    let out = run_in(dir.path(), &["--lines", "-"], b"\xEF\xBB\xBF");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.records().len(), 0);
}

#[test]
fn utf8_byte_order_marks_at_the_start_and_in_the_middle_of_json_lines() {
    let dir = temp();
    let bom = "\u{FEFF}";
    // Two files with BOMs joined as `cat` joins them: the second BOM is mid-stream.
    let part = |id: &str| format!("{bom}{}\n", json!({"id": id, "text": SENTENCE}));
    let joined = format!("{}{}", part("first"), part("second"));
    fs::write(dir.path().join("joined.jsonl"), &joined).unwrap();
    for out in [
        run(dir.path(), &["joined.jsonl"]),
        run_in(dir.path(), &["-"], joined.as_bytes()),
    ] {
        assert_eq!(out.code, 0, "{}", out.stderr);
        let records = out.records();
        let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["first", "second"]);
        assert!(records.iter().all(|r| r["token_count"] == SENTENCE_TOKENS));
    }
}

#[test]
fn escapes_in_json_strings_nul_and_lone_surrogates() {
    let dir = temp();
    let input = [
        r#"{"id":"nul","text":"Muscat\u0000Oman"}"#,
        r#"{"id":"lone","text":"Muscat \ud800 Oman"}"#,
        r#"{"id":"low","text":"\udc00"}"#,
        r#"{"id":"pair","text":"Muscat \ud83d\ude00"}"#,
        r#"{"id":"after","text":"Muscat"}"#,
    ]
    .join("\n");
    fs::write(dir.path().join("d.jsonl"), input).unwrap();
    let out = run(dir.path(), &["d.jsonl"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let records = out.records();
    assert_eq!(records.len(), 5);
    // An escaped NUL is a character of the text, between two words.
    assert_eq!(records[0]["token_count"], 2, "{}", records[0]);
    // An unpaired surrogate (half of a UTF-16 pair, which JSON can escape but Unicode text
    // cannot hold) becomes U+FFFD, with a warning in the record and on stderr, as invalid
    // UTF-8 bytes do: the words around it are analysed.
    assert_eq!(records[1]["id"], "lone");
    assert_eq!(records[1]["token_count"], 2, "{}", records[1]);
    assert_eq!(records[2]["id"], "low");
    assert_eq!(records[2]["token_count"], 0, "{}", records[2]);
    for record in &records[1..3] {
        let warning = record["warnings"][0].as_str().unwrap();
        assert!(warning.contains("lone surrogate"), "{record}");
    }
    assert!(out.stderr.contains("lone surrogate"), "{}", out.stderr);
    assert_eq!(
        records[3]["token_count"], 1,
        "a proper pair: {}",
        records[3]
    );
    assert_eq!(records[4]["token_count"], 1);

    // With --strict, the error records of the two lines, named by their ids.
    let strict = run(dir.path(), &["d.jsonl", "--strict"]);
    assert_eq!(strict.code, 1);
    let records = strict.records();
    assert_eq!(records.len(), 5);
    for record in &records[1..3] {
        assert!(error_of(record).contains("lone surrogate"), "{record}");
    }
    assert_eq!(records[1]["id"], "lone");
    assert_eq!(records[2]["id"], "low");
    assert_eq!(records[4]["token_count"], 1);
}

#[test]
fn a_json_line_holds_exactly_one_value() {
    let dir = temp();
    let input = [
        r#"{"id":1,"text":"Muscat"}{"id":2,"text":"Oman"}"#,
        r#"{"id":3,"text":"Muscat"} garbage"#,
        r#"{"id":4,"text":"Muscat"}   "#,
        r#"{"id":5,"text":"Muscat"} {"id":6,"text":"Oman"}"#,
    ]
    .join("\n");
    fs::write(dir.path().join("d.jsonl"), input).unwrap();
    let out = run(dir.path(), &["d.jsonl"]);
    assert_eq!(out.code, 1);
    let records = out.records();
    assert_eq!(records.len(), 4);
    for i in [0, 1, 3] {
        let error = error_of(&records[i]);
        assert!(error.contains("more than one JSON value"), "{error}");
        assert_eq!(records[i]["line"], i as u64 + 1);
    }
    assert_eq!(records[2]["id"], "4", "trailing blanks are fine");
    assert_eq!(records[2]["token_count"], 1);
}

#[test]
fn deep_nesting_costs_no_stack() {
    let dir = temp();
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let input = [
        // Ignored fields are skipped however deep (serde_json skips them with a loop).
        format!(
            r#"{{"id":"ignored","x":{},"text":"Muscat"}}"#,
            deep(1_000_000)
        ),
        format!(r#"{{"id":"objects","x":{},"text":"Muscat"}}"#, {
            let n = 100_000;
            format!("{}1{}", r#"{"a":"#.repeat(n), "}".repeat(n))
        }),
        // In the text field: skipped the same way, and named.
        format!(r#"{{"id":"text","text":{}}}"#, deep(1_000_000)),
        // Unclosed: invalid JSON, not a crash.
        format!(r#"{{"id":"open","x":{}"#, "[".repeat(1_000_000)),
        // As the line itself: not an object.
        deep(1_000_000),
        r#"{"id":"after","text":"Muscat"}"#.to_owned(),
    ]
    .join("\n");
    fs::write(dir.path().join("d.jsonl"), input).unwrap();
    let out = run(dir.path(), &["d.jsonl"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let records = out.records();
    assert_eq!(records.len(), 6);
    assert_eq!(records[0]["token_count"], 1);
    assert_eq!(records[1]["token_count"], 1);
    assert!(error_of(&records[2]).contains("\"text\" is an array, not a string"));
    assert_eq!(records[2]["id"], "text");
    assert!(error_of(&records[3]).starts_with("invalid JSON"));
    assert!(error_of(&records[4]).starts_with("invalid JSON"));
    assert_eq!(records[5]["token_count"], 1);
}

#[test]
fn wrong_types_in_the_text_and_id_fields_are_named_and_not_built() {
    let dir = temp();
    // A 20 MB array and a 10 MB object where the text should be (built, they took 16 and 11
    // times their size in memory; skipped, nothing).
    let array = format!("[{}1]", "1,".repeat(10_000_000));
    let object: String = (0..1_000_000).map(|i| format!("\"k{i}\":0,")).collect();
    let input = format!(
        "{}\n{}\n{}\n{}\n",
        format_args!(r#"{{"id":"a","text":{array}}}"#),
        format_args!(r#"{{"id":"o","text":{{{object}"z":1}}}}"#),
        r#"{"id":{"nested":[1,2]},"text":"Muscat"}"#,
        r#"{"id":"after","text":"Muscat"}"#,
    );
    fs::write(dir.path().join("d.jsonl"), input).unwrap();
    let out = run(dir.path(), &["d.jsonl"]);
    assert_eq!(out.code, 1);
    let records = out.records();
    assert_eq!(records.len(), 4);
    assert!(error_of(&records[0]).contains("field \"text\" is an array, not a string"));
    assert!(error_of(&records[1]).contains("field \"text\" is an object, not a string"));
    assert_eq!(records[1]["id"], "o");
    assert!(error_of(&records[2]).contains("field \"id\" is an object: ids must be"));
    assert_eq!(records[2]["id"], "d.jsonl:3", "the id could not be read");
    assert_eq!(records[3]["token_count"], 1);
}

#[test]
#[ignore = "hundreds of MB of input: run by the README's test command (--include-ignored)"]
fn a_line_over_the_limit_is_an_error_record_and_the_run_goes_on() {
    let dir = temp();
    const LIMIT: usize = 1 << 30;
    // Streamed through stdin, never held by the test: a line of 1 GiB and one byte, then a
    // short one.
    let tool = command(dir.path(), &["-", "--lines"]);
    let running = Running::start_with(tool, |input| {
        use std::io::Write;
        let block = vec![b'a'; 1 << 20];
        for _ in 0..LIMIT / block.len() {
            if input.write_all(&block).is_err() {
                return;
            }
        }
        let _ = input.write_all(b"a\nMuscat\n");
    });
    let out = running.finish(Duration::from_secs(600));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let records = out.records();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["line"], 1);
    assert!(error_of(&records[0]).contains("longer than the 1073741824 bytes"));
    assert_eq!(records[1]["token_count"], 1);
}

#[test]
fn every_input_line_gets_exactly_one_record_across_bad_lines() {
    let dir = temp();
    // JSON Lines: one of every kind of line, good and bad, twice over.
    let kinds: Vec<Vec<u8>> = vec![
        br#"{"id":"good","text":"Muscat"}"#.to_vec(),
        br#"{"id":1,"text":"a"}{"id":2,"text":"b"}"#.to_vec(),
        br#"{"text":"a"} garbage"#.to_vec(),
        br#"{"text":"cut short"#.to_vec(),
        b"not json".to_vec(),
        br#"{"text":"Muscat \ud800"}"#.to_vec(),
        br#"{"text":"a\u0000b"}"#.to_vec(),
        b"{\"text\":\"caf\xE9\"}".to_vec(),
        b"{\"text\":\"raw \x00 NUL\"}".to_vec(),
        b"\xEF\xBB\xBF{\"text\":\"bom\"}".to_vec(),
        br#"{"text":[[[[[]]]]]}"#.to_vec(),
        br#"{"id":null,"text":"Muscat"}"#.to_vec(),
        br#"{"text":"a","text":"b"}"#.to_vec(),
        br#"{}"#.to_vec(),
        br#"[]"#.to_vec(),
        b"\x00\x01\x02".to_vec(),
        b"{\"text\":\"Muscat\"}\r".to_vec(),
    ];
    let lines: Vec<Vec<u8>> = kinds.iter().chain(&kinds).cloned().collect();
    let input = lines.join(&b'\n');
    fs::write(dir.path().join("d.jsonl"), &input).unwrap();
    let out = run(dir.path(), &["d.jsonl", "--batch-size", "5"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let records = out.records();
    assert_eq!(records.len(), lines.len(), "one record per line");
    for (i, record) in records.iter().enumerate() {
        let line = i as u64 + 1;
        if record.get("error").is_some() {
            assert_eq!(record["line"], line, "{record}");
        } else if record["id"]
            .as_str()
            .is_some_and(|id| id.starts_with("d.jsonl:"))
        {
            assert_eq!(record["id"], format!("d.jsonl:{line}"));
        }
    }
    out.assert_stderr_contains(&format!("{} documents:", lines.len()));

    // Text lines, with NUL bytes, invalid UTF-8, a lone CR and a line of nothing.
    let text = b"Muscat\nbinary \x00 line\ncaf\xE9\n\r\n\nOman\r\nlast without end".to_vec();
    fs::write(dir.path().join("t.txt"), &text).unwrap();
    let out = run(dir.path(), &["--lines", "t.txt"]);
    let records = out.records();
    assert_eq!(records.len(), 7, "{records:?}");
    let lines: Vec<u64> = records
        .iter()
        .map(|r| {
            r.get("line").map_or_else(
                || r["id"].as_str().unwrap()[6..].parse().unwrap(),
                |l| l.as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(lines, [1, 2, 3, 4, 5, 6, 7]);
}

#[cfg(unix)]
#[test]
fn a_folder_holding_a_named_pipe_is_read_without_waiting() {
    let dir = temp();
    let folder = dir.path().join("news");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("a.txt"), SENTENCE).unwrap();
    crate::batch_support::mkfifo(&folder.join("b.txt"));
    fs::write(folder.join("c.txt"), SENTENCE).unwrap();
    let out =
        Running::start(command(dir.path(), &["news"]), Vec::new()).finish(Duration::from_secs(120));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let records = out.records();
    assert_eq!(records.len(), 3);
    assert_eq!(records[1]["id"], "b.txt");
    let error = error_of(&records[1]);
    assert!(
        error.starts_with("not a regular file (a named pipe)"),
        "{error}"
    );
    assert_eq!(records[2]["token_count"], SENTENCE_TOKENS);
}

#[cfg(unix)]
#[test]
fn a_link_in_a_folder_to_a_file_read_already_is_not_read_twice() {
    use std::os::unix::fs::symlink;
    let dir = temp();
    let folder = dir.path().join("news");
    fs::create_dir_all(folder.join("a")).unwrap();
    fs::write(folder.join("a/1.txt"), SENTENCE).unwrap();
    // A link to a sibling folder and one to a sibling file, which the walk reads under their
    // own names, and a hard link.
    symlink("a", folder.join("b")).unwrap();
    symlink("a/1.txt", folder.join("c.txt")).unwrap();
    fs::hard_link(folder.join("a/1.txt"), folder.join("d.txt")).unwrap();
    fs::write(folder.join("e.txt"), SENTENCE).unwrap();
    let stats = dir.path().join("stats.json");
    let out = run(
        dir.path(),
        &["news", "--stats", stats.to_str().unwrap(), "--quiet"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let records = out.records();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a/1.txt", "b/1.txt", "c.txt", "d.txt", "e.txt"]);
    for link in &records[1..3] {
        let error = error_of(link);
        assert!(
            error.starts_with("a link to ") && error.contains("news/a/1.txt"),
            "{error}"
        );
    }
    let error = error_of(&records[3]);
    assert!(
        error.starts_with("the same file as news/a/1.txt"),
        "{error}"
    );
    assert_eq!(records[4]["token_count"], SENTENCE_TOKENS);
    // The statistics count the file once, and the distinct file beside it.
    let stats: Value = serde_json::from_str(&fs::read_to_string(&stats).unwrap()).unwrap();
    assert_eq!(stats["documents"], 2);
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_named_as_an_input_is_skipped_whatever_the_order() {
    let dir = temp();
    let folder = dir.path().join("news");
    fs::create_dir(&folder).unwrap();
    fs::write(dir.path().join("other.txt"), SENTENCE).unwrap();
    std::os::unix::fs::symlink("../other.txt", folder.join("link.txt")).unwrap();
    for args in [["news", "other.txt"], ["other.txt", "news"]] {
        let out = run(dir.path(), &[args[0], args[1], "--quiet"]);
        assert_eq!(out.code, 1, "{args:?}: {}", out.stderr);
        let records = out.records();
        let read: Vec<&Value> = records
            .iter()
            .filter(|r| r.get("error").is_none())
            .collect();
        assert_eq!(read.len(), 1, "{args:?}: {records:?}");
        assert_eq!(read[0]["id"], "other.txt");
        let skipped: Vec<&Value> = records
            .iter()
            .filter(|r| r.get("error").is_some())
            .collect();
        assert!(error_of(skipped[0]).starts_with("a link to "), "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn links_to_the_same_file_outside_the_inputs_read_it_once() {
    use std::os::unix::fs::symlink;
    let dir = temp();
    let folder = dir.path().join("news");
    fs::create_dir(&folder).unwrap();
    fs::create_dir(dir.path().join("elsewhere")).unwrap();
    fs::write(dir.path().join("elsewhere/x.txt"), SENTENCE).unwrap();
    symlink("../elsewhere/x.txt", folder.join("l1.txt")).unwrap();
    symlink("../elsewhere/x.txt", folder.join("l2.txt")).unwrap();
    // A link to a file of the folder that the walk does not read (not a corpus file): read.
    fs::write(folder.join("data.dat"), SENTENCE).unwrap();
    symlink("data.dat", folder.join("l3.txt")).unwrap();
    let out = run(dir.path(), &["news", "--quiet"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let records = out.records();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["l1.txt", "l2.txt", "l3.txt"]);
    assert_eq!(records[0]["token_count"], SENTENCE_TOKENS);
    assert!(error_of(&records[1]).starts_with("the same file as news/l1.txt"));
    assert_eq!(records[2]["token_count"], SENTENCE_TOKENS);
}

#[cfg(unix)]
#[test]
fn a_folder_named_through_a_link_is_read_whole() {
    let dir = temp();
    fs::create_dir(dir.path().join("2026-12")).unwrap();
    fs::write(dir.path().join("2026-12/a.txt"), SENTENCE).unwrap();
    fs::write(dir.path().join("2026-12/b.txt"), SENTENCE).unwrap();
    std::os::unix::fs::symlink("2026-12", dir.path().join("latest")).unwrap();
    let out = run(dir.path(), &["latest", "--quiet"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.records().len(), 2);
}
