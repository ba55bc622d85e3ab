//! The batch tool as a user runs it: real files, real processes, stdout, stderr and exit
//! codes. Every bad input of issues 4 and 14 has its test here (issue 14's in
//! `batch_cli/bad_input.rs`, `batch_cli/outputs.rs` and `batch_cli/refusals.rs`; standard
//! input in `batch_cli/stdin.rs`, `batch merge` in `batch_cli/merge.rs`); huge inputs are
//! made in a temporary folder by the test itself.

#[path = "batch_cli/analysis_options.rs"]
mod analysis_options;
#[path = "batch_cli/bad_input.rs"]
mod bad_input;
mod batch_support;
#[path = "batch_cli/merge.rs"]
mod merge;
#[path = "batch_cli/outputs.rs"]
mod outputs;
#[path = "batch_cli/refusals.rs"]
mod refusals;
#[path = "batch_cli/stdin.rs"]
mod stdin;

use std::fs;
use std::path::Path;

use batch_support::{Run, binary, corpus, run_in};
use serde_json::{Value, json};

const SENTENCE: &str = "Oman and Russia held talks in Muscat. ";
/// What a reader expects of SENTENCE: seven words, of which "and" and "in" are stop words;
/// "talks" stems to "talk".
const SENTENCE_TOKENS: u64 = 7;
const SENTENCE_TERMS: [&str; 5] = ["held", "muscat", "oman", "russia", "talk"];

/// Huge inputs are this big in release builds (CI runs `cargo test --release`), smaller in
/// debug builds, whose analysis is an order of magnitude slower.
fn huge(release: usize, debug: usize) -> usize {
    if cfg!(debug_assertions) {
        debug
    } else {
        release
    }
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// A temporary folder holding `news.txt`, one [`SENTENCE`].
fn news_folder() -> tempfile::TempDir {
    let dir = temp();
    fs::write(dir.path().join("news.txt"), SENTENCE).unwrap();
    dir
}

/// JSON Lines of `n` documents `doc-0`, `doc-1`... whose text is [`SENTENCE`].
fn sentence_records(n: usize) -> String {
    (0..n)
        .map(|i| format!("{}\n", json!({"id": format!("doc-{i}"), "text": SENTENCE})))
        .collect()
}

fn run(dir: &Path, args: &[&str]) -> Run {
    run_in(dir, args, b"")
}

fn top_terms(record: &Value) -> Vec<(String, u64)> {
    record["top_terms"]
        .as_array()
        .expect("top_terms is a list")
        .iter()
        .map(|pair| {
            (
                pair[0].as_str().unwrap().to_owned(),
                pair[1].as_u64().unwrap(),
            )
        })
        .collect()
}

fn terms_of(record: &Value) -> Vec<String> {
    let mut terms: Vec<String> = top_terms(record).into_iter().map(|(t, _)| t).collect();
    terms.sort();
    terms
}

#[test]
fn folders_are_read_recursively_in_name_order_one_document_per_file() {
    let dir = temp();
    let root = dir.path().join("news");
    fs::create_dir_all(root.join("b")).unwrap();
    fs::write(
        root.join("b/2.txt"),
        "سلطنة عمان وروسيا تعقدان جلسة الحوار الاستراتيجي بمسقط",
    )
    .unwrap();
    fs::write(root.join("a.txt"), SENTENCE).unwrap();
    fs::write(root.join("notes.md"), "not a corpus file").unwrap();
    let out = run(dir.path(), &["news"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let records = out.records();
    assert_eq!(records.len(), 2, "the .md file is not a document");
    assert_eq!(records[0]["id"], "a.txt");
    assert_eq!(records[0]["lang"], "eng");
    assert_eq!(records[0]["token_count"], SENTENCE_TOKENS);
    assert_eq!(terms_of(&records[0]), SENTENCE_TERMS);
    assert_eq!(records[1]["id"], "b/2.txt");
    assert_eq!(records[1]["lang"], "ara");
    assert_eq!(records[1]["script"], "Arabic");
    out.assert_stderr_contains("2 documents: 2 analysed, 0 failed");
    // With several inputs, ids are paths from the folder named: two folders' files of one
    // name keep distinct ids.
    fs::create_dir(dir.path().join("more")).unwrap();
    fs::write(dir.path().join("more/a.txt"), SENTENCE).unwrap();
    fs::write(dir.path().join("more/b.jsonl"), "{\"text\": \"Muscat\"}\n").unwrap();
    let out = run(dir.path(), &["news", "more"]);
    let records = out.records();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["news/a.txt", "news/b/2.txt", "more/a.txt", "more/b.jsonl:1"]
    );
}

#[test]
fn records_show_the_language_of_each_part_of_a_mixed_document() {
    let dir = temp();
    // An Arabic report quoting an English statement: two spans, the quote stemmed as English.
    let arabic = "سلطنة عُمان وروسيا تعقدان جلسة الحوار الاستراتيجي بمسقط. ";
    let english = "Lavrov said the meetings in Muscat were constructive.";
    fs::write(dir.path().join("mixed.txt"), format!("{arabic}{english}")).unwrap();
    let out = run(dir.path(), &["mixed.txt", "--top", "50"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let record = &out.records()[0];
    assert_eq!(record["lang"], "ara", "the majority of the bytes");
    let spans = record["spans"].as_array().expect("spans");
    assert_eq!(spans.len(), 2, "{spans:?}");
    assert_eq!(spans[0]["lang"], "ara");
    assert_eq!(spans[1]["lang"], "eng");
    assert_eq!(
        spans[1]["span"]["end"],
        (arabic.len() + english.len()) as u64
    );
    let terms = terms_of(record);
    assert!(
        terms.contains(&"meet".to_owned()),
        "English stem: {terms:?}"
    );
    assert!(terms.contains(&"عمان".to_owned()), "{terms:?}");
}

#[test]
fn json_lines_with_chosen_fields_keep_input_order() {
    let dir = temp();
    let lines = [
        json!({"key": "first", "body": "Oman and Russia held talks in Muscat."}),
        json!({"body": "Die Minister trafen sich in Maskat.", "extra": {"nested": [1, 2]}}),
        json!({"key": 3, "body": "El ministro de Omán se reunió con su homólogo ruso en Mascate."}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    fs::write(dir.path().join("docs.jsonl"), text).unwrap();
    let out = run(
        dir.path(),
        &[
            "docs.jsonl",
            "--text-field",
            "body",
            "--id-field",
            "key",
            "--top",
            "2",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let records = out.records();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["first", "docs.jsonl:2", "3"],
        "missing ids are FILE:LINE"
    );
    let langs: Vec<&str> = records
        .iter()
        .map(|r| r["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["eng", "deu", "spa"]);
    assert!(
        records
            .iter()
            .all(|r| r["top_terms"].as_array().unwrap().len() == 2)
    );
}

/// `--lang-field`: a document whose source gives its language is analysed in it, without
/// detection (two words of English are too few to detect); documents without it, with null
/// or und are detected; an unknown code is detected with a warning, never dropped.
#[test]
fn the_language_a_document_gives_is_the_one_it_is_analysed_in() {
    let dir = temp();
    let lines = [
        json!({"text": "cheap flights", "lang": "en"}),
        json!({"text": "cheap flights"}),
        json!({"text": "Die Minister trafen sich in Maskat.", "lang": null}),
        json!({"text": "Die Minister trafen sich in Maskat.", "lang": "und"}),
        json!({"text": "Die Minister trafen sich in Maskat.", "lang": "klingon"}),
        json!({"text": "Die Minister trafen sich in Maskat.", "lang": 7}),
        json!({"text": "Die Minister trafen sich in Maskat.", "lang": "eng"}),
        json!({"text": "x", "lang": "x".repeat(1000), "id": "long"}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    fs::write(dir.path().join("docs.jsonl"), text).unwrap();
    let out = run(
        dir.path(),
        &["docs.jsonl", "--lang-field", "lang", "--top", "5"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let records = out.records();
    assert_eq!(records.len(), lines.len());
    assert_eq!(records[0]["lang"], "eng");
    assert_eq!(terms_of(&records[0]), ["cheap", "flight"]);
    assert!(records[0].get("warnings").is_none(), "{}", records[0]);
    for (i, record) in records.iter().enumerate().take(6).skip(2) {
        assert_eq!(record["lang"], "deu", "line {}", i + 1);
    }
    // The field, not detection, decides: German words analysed as English keep "die" (a
    // German stop word, not an English one), sure and reliable.
    assert_eq!(records[6]["lang"], "eng");
    assert_eq!(records[6]["reliable"], true);
    assert!(
        terms_of(&records[6]).contains(&"die".to_owned()),
        "{}",
        records[6]
    );
    assert!(
        !terms_of(&records[2]).contains(&"die".to_owned()),
        "{}",
        records[2]
    );
    // A long unknown value is cut in its warning.
    let warning = records[7]["warnings"][0].as_str().unwrap();
    assert!(warning.len() < 200 && warning.contains('…'), "{warning}");
    for (i, needle) in [
        (4, "unknown language code \"klingon\""),
        (5, "\"lang\" is a number"),
    ] {
        let warnings: Vec<&str> = records[i]["warnings"]
            .as_array()
            .map_or(vec![], |w| w.iter().filter_map(Value::as_str).collect());
        let warnings = warnings.join("; ");
        assert!(warnings.contains(needle), "line {}: {}", i + 1, records[i]);
    }
    // One field cannot be two.
    let out = run(dir.path(), &["docs.jsonl", "--lang-field", "text"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    out.assert_stderr_contains("name the same field");
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let dir = temp();
    // "café" in Latin-1: é is the lone byte 0xE9.
    fs::write(
        dir.path().join("latin1.txt"),
        b"Le caf\xE9 de Mascate\n".as_slice(),
    )
    .unwrap();
    let out = run(dir.path(), &["latin1.txt"]);
    assert_eq!(out.code, 0, "a warning is not a failure: {}", out.stderr);
    let record = &out.records()[0];
    assert_eq!(record["token_count"], 4, "Le, caf\u{FFFD}, de, Mascate");
    let warnings = record["warnings"]
        .as_array()
        .expect("the record carries the warning");
    assert!(warnings[0].as_str().unwrap().contains("not valid UTF-8"));
    out.assert_stderr_contains("warning: latin1.txt: not valid UTF-8");
}

#[test]
fn invalid_utf8_is_an_error_with_strict() {
    let dir = temp();
    fs::write(
        dir.path().join("latin1.txt"),
        b"Le caf\xE9 de Mascate\n".as_slice(),
    )
    .unwrap();
    fs::write(dir.path().join("good.txt"), SENTENCE).unwrap();
    let out = run(dir.path(), &["--strict", "latin1.txt", "good.txt"]);
    assert_eq!(out.code, 1);
    let records = out.records();
    assert_eq!(records[0]["file"], "latin1.txt");
    assert!(
        records[0]["error"]
            .as_str()
            .unwrap()
            .contains("not valid UTF-8 (invalid byte at offset 6)")
    );
    assert!(
        records[0].get("lang").is_none(),
        "an error record has no analysis"
    );
    assert_eq!(
        records[1]["token_count"], SENTENCE_TOKENS,
        "the run went on"
    );
    // The same byte inside a JSON line.
    fs::write(
        dir.path().join("d.jsonl"),
        b"{\"text\":\"caf\xE9\"}\n{\"text\":\"Muscat\"}\n".as_slice(),
    )
    .unwrap();
    let out = run(dir.path(), &["--strict", "d.jsonl"]);
    assert_eq!(out.code, 1);
    let records = out.records();
    assert_eq!(
        (records[0]["file"].as_str(), records[0]["line"].as_u64()),
        (Some("d.jsonl"), Some(1))
    );
    assert_eq!(records[1]["token_count"], 1);
}

#[test]
fn empty_and_whitespace_only_documents_have_zero_tokens() {
    let dir = temp();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("blank.txt"), " \n\t\u{3000}\r\n").unwrap();
    fs::write(dir.path().join("lines.txt"), "Muscat\n\n   \nMuscat\n").unwrap();
    fs::write(
        dir.path().join("d.jsonl"),
        "{\"text\":\"\"}\n\n{\"text\":\"  \\n \"}\n",
    )
    .unwrap();
    let out = run(dir.path(), &["empty.txt", "blank.txt", "d.jsonl"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let records = out.records();
    assert_eq!(records.len(), 4, "the blank JSON line holds no document");
    for r in &records {
        assert_eq!(r["token_count"], 0, "{r}");
        assert_eq!(r["lang"], "und");
        assert_eq!(r["top_terms"], json!([]));
    }
    let out = run(dir.path(), &["--lines", "lines.txt"]);
    let counts: Vec<u64> = out
        .records()
        .iter()
        .map(|r| r["token_count"].as_u64().unwrap())
        .collect();
    assert_eq!(
        counts,
        [1, 0, 0, 1],
        "with --lines every line is a document"
    );
}

#[test]
#[ignore = "hundreds of MB of input: run by the README's test command (--include-ignored)"]
fn a_single_500_mb_document() {
    let dir = temp();
    let repeats = huge(500_000_000, 50_000_000) / SENTENCE.len();
    fs::write(dir.path().join("huge.txt"), SENTENCE.repeat(repeats)).unwrap();
    let out = run(dir.path(), &["huge.txt", "--top", "5"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let records = out.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["lang"], "eng");
    assert_eq!(records[0]["token_count"], SENTENCE_TOKENS * repeats as u64);
    let top = top_terms(&records[0]);
    assert_eq!(top.len(), 5);
    assert!(
        top.iter().all(|(_, count)| *count == repeats as u64),
        "{top:?}"
    );
    assert_eq!(terms_of(&records[0]), SENTENCE_TERMS);
}

#[test]
#[ignore = "hundreds of MB of input: run by the README's test command (--include-ignored)"]
fn a_line_of_100_mb() {
    let dir = temp();
    let repeats = huge(100_000_000, 10_000_000) / SENTENCE.len();
    let long = SENTENCE.repeat(repeats);
    fs::write(
        dir.path().join("lines.txt"),
        format!("Muscat\n{long}\nMuscat\n"),
    )
    .unwrap();
    let out = run(dir.path(), &["--lines", "lines.txt"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let counts: Vec<u64> = out
        .records()
        .iter()
        .map(|r| r["token_count"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [1, SENTENCE_TOKENS * repeats as u64, 1]);
    // The same text as one JSON line.
    let line = json!({"id": "long", "text": long}).to_string();
    fs::write(
        dir.path().join("d.jsonl"),
        format!("{line}\n{{\"id\":\"short\",\"text\":\"Muscat\"}}\n"),
    )
    .unwrap();
    let out = run(dir.path(), &["d.jsonl"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let records = out.records();
    assert_eq!(records[0]["token_count"], SENTENCE_TOKENS * repeats as u64);
    assert_eq!(records[1]["id"], "short");
}

#[test]
fn a_binary_file_is_an_error_record_and_the_run_goes_on() {
    let dir = temp();
    // A real executable: the tool itself.
    fs::copy(binary(), dir.path().join("program.txt")).unwrap();
    fs::write(dir.path().join("news.txt"), SENTENCE).unwrap();
    let out = run(dir.path(), &["program.txt", "news.txt"]);
    assert_eq!(out.code, 1);
    let records = out.records();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["id"], "program.txt");
    assert!(
        records[0]["error"]
            .as_str()
            .unwrap()
            .starts_with("binary data, not text")
    );
    assert_eq!(records[1]["token_count"], SENTENCE_TOKENS);
    out.assert_stderr_contains("error: program.txt: binary data");
    out.assert_stderr_contains("2 documents: 1 analysed, 1 failed");
}

#[test]
fn malformed_json_lines_are_error_records_naming_file_and_line() {
    let dir = temp();
    let input = [
        r#"{"id":"a","text":"Muscat"}"#,
        r#"{"id":"b","text":"Muscat""#, // cut short
        r#"not json at all"#,
        r#"{"id":"c"}"#,             // no text
        r#"{"id":"d","text":42}"#,   // not a string
        r#"{"id":"e","text":null}"#, // not a string either
        r#"["Muscat"]"#,             // not an object
        r#"{"id":"f","text":"Muscat"}"#,
    ]
    .join("\n");
    fs::write(dir.path().join("docs.jsonl"), input).unwrap();
    let out = run(dir.path(), &["docs.jsonl"]);
    assert_eq!(out.code, 1);
    let records = out.records();
    assert_eq!(records.len(), 8, "one record per line, errors included");
    assert_eq!(records[0]["token_count"], 1);
    assert_eq!(records[7]["token_count"], 1, "processing went on");
    for (i, r) in records.iter().enumerate().take(7).skip(1) {
        assert_eq!(r["file"], "docs.jsonl", "{r}");
        assert_eq!(r["line"], i as u64 + 1, "{r}");
        assert!(r["error"].is_string(), "{r}");
    }
    assert!(
        records[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("invalid JSON")
    );
    assert_eq!(
        records[3]["id"], "c",
        "the id is kept when it could be read"
    );
    assert!(
        records[3]["error"]
            .as_str()
            .unwrap()
            .contains("no \"text\" field")
    );
    assert!(
        records[4]["error"]
            .as_str()
            .unwrap()
            .contains("is a number, not a string")
    );
    assert!(
        records[5]["error"]
            .as_str()
            .unwrap()
            .contains("is null, not a string")
    );
    out.assert_stderr_contains("docs.jsonl:2: invalid JSON");
    out.assert_stderr_contains("8 documents: 2 analysed, 6 failed");
}

#[test]
fn missing_paths_and_unreadable_files_are_named() {
    let dir = news_folder();
    fs::create_dir(dir.path().join("folder")).unwrap();
    // A symbolic link to itself cannot be read, even by root.
    #[cfg(unix)]
    std::os::unix::fs::symlink("loop.txt", dir.path().join("folder/loop.txt")).unwrap();
    let out = run(dir.path(), &["no-such-file.txt", "news.txt", "folder"]);
    assert_eq!(out.code, 1);
    let records = out.records();
    assert_eq!(records[0]["file"], "no-such-file.txt");
    assert!(
        records[0]["error"]
            .as_str()
            .unwrap()
            .contains("No such file"),
        "{}",
        records[0]
    );
    assert_eq!(records[1]["token_count"], SENTENCE_TOKENS);
    out.assert_stderr_contains("no-such-file.txt: cannot read");
    #[cfg(unix)]
    {
        assert_eq!(records.len(), 3);
        assert!(records[2]["file"].as_str().unwrap().ends_with("loop.txt"));
        out.assert_stderr_contains("loop.txt: cannot read");
    }

    // A file without read permission (root reads everything: then there is nothing to see).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked.txt");
        fs::write(&locked, SENTENCE).unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        if fs::read(&locked).is_err() {
            let out = run(dir.path(), &["locked.txt"]);
            assert_eq!(out.code, 1);
            assert!(
                out.stderr
                    .contains("locked.txt: cannot read: Permission denied"),
                "{}",
                out.stderr
            );
        }
    }
}

#[test]
fn output_file_appears_whole_or_not_at_all() {
    let dir = news_folder();
    let out = run(dir.path(), &["news.txt", "--output", "out/records.jsonl"]);
    assert_eq!(out.code, 3, "the folder does not exist");
    out.assert_stderr_contains("out/records.jsonl");
    assert!(out.stdout.is_empty());

    fs::create_dir(dir.path().join("out")).unwrap();
    let out = run(
        dir.path(),
        &[
            "news.txt",
            "--output",
            "out/records.jsonl",
            "--stats",
            "out/stats.json",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty(), "records go to the file");
    let mut names: Vec<String> = fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["records.jsonl", "stats.json"],
        "no temporary file is left"
    );
    let records = fs::read_to_string(dir.path().join("out/records.jsonl")).unwrap();
    let record: Value = serde_json::from_str(records.trim_end()).unwrap();
    assert_eq!(record["id"], "news.txt");
    let stats: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("out/stats.json")).unwrap())
            .unwrap();
    assert_eq!(stats["documents"], 1);
    assert_eq!(
        stats["term_count"], 5,
        "the five terms that are not stop words"
    );
}

#[test]
fn options_mirror_the_pipeline() {
    let dir = temp();
    let text = "The ministers of Oman met the ministers of Russia in Muscat.";
    fs::write(dir.path().join("a.txt"), text).unwrap();
    let terms = |args: &[&str]| {
        let mut all = vec!["a.txt", "--top", "100"];
        all.extend_from_slice(args);
        let out = run(dir.path(), &all);
        assert_eq!(out.code, 0, "{}", out.stderr);
        top_terms(&out.records()[0])
    };
    let default = terms(&[]);
    assert!(default.contains(&("minist".to_owned(), 2)), "{default:?}");
    assert!(!default.iter().any(|(t, _)| t == "the"));
    let unstemmed = terms(&["--no-stem"]);
    assert!(
        unstemmed.contains(&("ministers".to_owned(), 2)),
        "{unstemmed:?}"
    );
    let with_stopwords = terms(&["--keep-stopwords"]);
    assert!(
        with_stopwords.contains(&("the".to_owned(), 2)),
        "{with_stopwords:?}"
    );

    // NFKC folds compatibility characters (the roman numeral Ⅻ, the black-letter ℌ); NFC
    // keeps them (case-folded).
    fs::write(dir.path().join("b.txt"), "Ⅻ ℌilbert").unwrap();
    let run_b = |form: &str| {
        let out = run(dir.path(), &["b.txt", "--no-stem", "--normalize", form]);
        terms_of(&out.records()[0])
    };
    assert_eq!(run_b("nfkc"), ["hilbert", "xii"]);
    assert_eq!(run_b("nfc"), ["ℌilbert", "ⅻ"]);

    // Only the allowed languages can be detected.
    fs::write(
        dir.path().join("c.txt"),
        "Die Minister trafen sich in Maskat.",
    )
    .unwrap();
    let lang = |args: &[&str]| {
        let mut all = vec!["c.txt"];
        all.extend_from_slice(args);
        run(dir.path(), &all).records()[0]["lang"].clone()
    };
    assert_eq!(lang(&[]), "deu");
    assert_eq!(lang(&["--lang-allow", "eng,ara"]), "eng");
}

#[test]
fn tokens_carry_their_span_term_and_kind() {
    let dir = temp();
    let text = "Oman’s GDP grew 3.5% in 2024.";
    fs::write(dir.path().join("a.txt"), text).unwrap();
    // Too short to detect reliably: English is the only language allowed.
    let out = run(dir.path(), &["a.txt", "--tokens", "--lang-allow", "eng"]);
    let tokens = out.records()[0]["tokens"].as_array().unwrap().clone();
    let seen: Vec<(&str, &str, &str)> = tokens
        .iter()
        .map(|t| {
            let (start, end) = (
                t["span"]["start"].as_u64().unwrap(),
                t["span"]["end"].as_u64().unwrap(),
            );
            (
                &text[start as usize..end as usize],
                t["term"].as_str().unwrap(),
                t["kind"].as_str().unwrap(),
            )
        })
        .collect();
    // "in" is a stop word: it is counted, but it is not a term.
    assert_eq!(
        seen,
        [
            ("Oman’s", "oman", "word"),
            ("GDP", "gdp", "word"),
            ("grew", "grew", "word"),
            ("3.5", "3.5", "number"),
            ("2024", "2024", "number"),
        ]
    );
    let without = run(dir.path(), &["a.txt"]);
    assert!(without.records()[0].get("tokens").is_none());
}

#[test]
fn results_do_not_depend_on_threads_or_batch_size() {
    let dir = temp();
    let ntrex = corpus().join("ntrex");
    let ntrex = ntrex.to_str().unwrap();
    let one = run(
        dir.path(),
        &["--lines", ntrex, "--threads", "1", "--stats", "one.json"],
    );
    let two = run(
        dir.path(),
        &[
            "--lines",
            ntrex,
            "--threads",
            "2",
            "--batch-size",
            "7",
            "--stats",
            "two.json",
        ],
    );
    assert_eq!((one.code, two.code), (0, 0), "{}", one.stderr);
    assert!(one.records().len() > 10_000);
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(
        fs::read(dir.path().join("one.json")).unwrap(),
        fs::read(dir.path().join("two.json")).unwrap()
    );
}

#[test]
fn usage_errors_say_what_to_do_and_exit_2() {
    let dir = temp();
    let out = run(dir.path(), &["--lang-allow", "english", "x.txt"]);
    assert_eq!(out.code, 2);
    out.assert_stderr_contains("ISO 639-3");
    let out = run(dir.path(), &[]);
    assert_eq!(out.code, 2);
    let help = run(dir.path(), &["--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("Exit codes:"));
    assert!(help.stdout.contains("batch merge parts/"));
    let version = run(dir.path(), &["--version"]);
    assert!(version.stdout.starts_with("batch "));
}

#[test]
fn allow_failures_keeps_exit_code_zero() {
    let dir = temp();
    let out = run_in(
        dir.path(),
        &["-", "--allow-failures"],
        b"{\"text\":\"Muscat\"}\nnot json\n",
    );
    assert_eq!(out.code, 0);
    assert_eq!(out.records().len(), 2);
    assert!(out.records()[1]["error"].is_string());
}

#[test]
fn an_option_given_twice_takes_its_last_value_and_lists_add_up() {
    let dir = temp();
    let german = json!({"id": "de", "text": "Die Minister trafen sich in Maskat, um über Handel zu sprechen."});
    let input = format!("{german}\n");
    // The last --top wins (a script may add its own options after a user's).
    let out = run_in(
        dir.path(),
        &["-", "--top", "1", "--top", "3", "-q", "-q"],
        input.as_bytes(),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(top_terms(&out.records()[0]).len(), 3);
    // --lang-allow given twice allows both lists' languages: German text stays German.
    let out = run_in(
        dir.path(),
        &["-", "--lang-allow", "deu", "--lang-allow", "eng"],
        input.as_bytes(),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.records()[0]["lang"], "deu");
}
