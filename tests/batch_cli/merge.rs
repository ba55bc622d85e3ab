//! `batch merge`: shards' statistics add up to the single run's, only when made with the
//! same analysis options, and what is not statistics is refused.

use std::fs;

use serde_json::{Value, json};

use crate::batch_support::{ntrex_jsonl, run_in};
use crate::{run, temp};

#[test]
fn partial_statistics_merge_into_the_single_run() {
    let dir = temp();
    // The NTREX sample as JSON Lines, cut into three uneven parts.
    let docs = ntrex_jsonl();
    let whole: String = docs.concat();
    fs::write(dir.path().join("all.jsonl"), &whole).unwrap();
    let single = run(dir.path(), &["all.jsonl", "--stats", "single.json"]);
    assert_eq!(single.code, 0, "{}", single.stderr);

    let cuts = [0, docs.len() / 7, docs.len() / 2, docs.len()];
    let mut records = String::new();
    for part in cuts.windows(2) {
        let input = docs[part[0]..part[1]].concat();
        let out = run_in(
            dir.path(),
            &["-", "--quiet", "--stats-dir", "parts"],
            input.as_bytes(),
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(out.stderr.is_empty(), "--quiet: {}", out.stderr);
        records.push_str(&out.stdout);
    }
    assert_eq!(
        records, single.stdout,
        "records of the parts, in order, are the single run's"
    );
    assert_eq!(fs::read_dir(dir.path().join("parts")).unwrap().count(), 3);

    // A file where the folder should be: a usage error, and nothing written.
    fs::write(dir.path().join("taken"), "mine").unwrap();
    let refused = run_in(
        dir.path(),
        &["-", "--stats-dir", "taken"],
        docs[..1].concat().as_bytes(),
    );
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("not a folder"),
        "{}",
        refused.stderr
    );
    assert!(refused.stdout.is_empty());
    assert_eq!(fs::read(dir.path().join("taken")).unwrap(), b"mine");

    // A worker run twice on the same part replaces its own file.
    let again = run_in(
        dir.path(),
        &["-", "--quiet", "--stats-dir", "parts"],
        docs[..cuts[1]].concat().as_bytes(),
    );
    assert_eq!(again.code, 0);
    assert_eq!(fs::read_dir(dir.path().join("parts")).unwrap().count(), 3);

    let merged = run(dir.path(), &["merge", "parts", "--output", "merged.json"]);
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    let single_stats = fs::read(dir.path().join("single.json")).unwrap();
    assert_eq!(
        fs::read(dir.path().join("merged.json")).unwrap(),
        single_stats,
        "byte for byte"
    );
    let stats: Value = serde_json::from_slice(&single_stats).unwrap();
    assert_eq!(stats["documents"], docs.len() as u64);

    // Files can also be named one by one, and the result goes to stdout.
    let mut parts: Vec<String> = fs::read_dir(dir.path().join("parts"))
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_owned())
        .collect();
    parts.sort();
    let mut args = vec!["merge"];
    args.extend(parts.iter().map(String::as_str));
    let to_stdout = run(dir.path(), &args);
    assert_eq!(to_stdout.stdout.as_bytes(), single_stats.as_slice());

    // `-` is the standard input, as for an analysis (it read a file named `-`): a share
    // piped in and the others named.
    fs::write(dir.path().join("-"), "not the standard input").unwrap();
    let mut args = vec!["merge", "-"];
    args.extend(parts[1..].iter().map(String::as_str));
    let piped = run_in(dir.path(), &args, &fs::read(&parts[0]).unwrap());
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    assert_eq!(piped.stdout.as_bytes(), single_stats.as_slice());
}

#[test]
fn merge_adds_up_only_terms_made_with_the_same_options() {
    let dir = temp();
    let doc = |id: &str| {
        format!(
            "{}\n",
            json!({"id": id, "text": "The ministers held talks."})
        )
    };
    let shard = |folder: &str, id: &str, options: &[&str]| {
        let mut args = vec!["-", "--quiet", "--stats-dir", folder];
        args.extend(options);
        let out = run_in(dir.path(), &args, doc(id).as_bytes());
        assert_eq!(out.code, 0, "{}", out.stderr);
    };
    // Stemmed against unstemmed with stop words: "minist" beside "ministers", "the" counted.
    shard("mixed", "a", &[]);
    shard("mixed", "b", &["--no-stem", "--keep-stopwords"]);
    let refused = run(dir.path(), &["merge", "mixed", "--output", "m.json"]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    refused.assert_stderr_contains("were analysed with different options");
    // In the order of the files' names (their hashes).
    refused.assert_stderr_contains("--no-stem --keep-stopwords");
    refused.assert_stderr_contains("the defaults");
    assert!(!dir.path().join("m.json").exists());
    // Detection's options do not change what a term is: shards may allow other languages.
    shard("same", "a", &["--cjk", "bigrams"]);
    shard(
        "same",
        "b",
        &["--cjk", "bigrams", "--lang-allow", "eng,fra"],
    );
    let merged = run(dir.path(), &["merge", "same", "--output", "m.json"]);
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    let text = fs::read_to_string(dir.path().join("m.json")).unwrap();
    assert!(
        text.starts_with(r#"{"analysis":"--cjk bigrams","#),
        "{text}"
    );
    // The merged file keeps them, read from a pipe too; and the library loads it.
    let stats: wordmill::tf::CorpusStats = serde_json::from_str(&text).unwrap();
    assert_eq!(stats.documents(), 2);
    let out = run_in(
        dir.path(),
        &["-", "--quiet", "--nfkc", "--stats", "other.json"],
        doc("c").as_bytes(),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let piped = run_in(
        dir.path(),
        &["merge", "/dev/stdin", "other.json"],
        text.as_bytes(),
    );
    assert_eq!(piped.code, 2, "{}", piped.stderr);
    piped.assert_stderr_contains("(--cjk bigrams against --nfkc)");
    // A file that names no options (the library's JSON) is added, with a warning.
    let named = fs::read_to_string(dir.path().join("other.json")).unwrap();
    let unnamed = named.replacen(r#""analysis":"--nfkc","#, "", 1);
    assert_ne!(unnamed, named);
    fs::write(dir.path().join("library.json"), unnamed).unwrap();
    let mixed = run(
        dir.path(),
        &["merge", "other.json", "library.json", "--quiet"],
    );
    assert_eq!(mixed.code, 0, "{}", mixed.stderr);
    mixed.assert_stderr_contains("1 of 2 files (library.json) name no analysis options");
}

#[test]
fn merge_refuses_what_is_not_statistics() {
    let dir = temp();
    fs::write(dir.path().join("good.json"), r#"{"documents":1,"tokens":1,"languages":{"eng":{"documents":1,"tokens":1,"terms":[["muscat",1,1]]}}}"#).unwrap();
    fs::write(dir.path().join("bad.json"), "{\"documents\": \"many\"}").unwrap();
    let out = run(
        dir.path(),
        &[
            "merge",
            "good.json",
            "bad.json",
            "missing.json",
            "--output",
            "m.json",
        ],
    );
    assert_eq!(out.code, 1);
    out.assert_stderr_contains("missing.json");
    assert!(!dir.path().join("m.json").exists(), "nothing is written");
    let out = run(
        dir.path(),
        &["merge", "good.json", "bad.json", "--output", "m.json"],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("bad.json: not a wordmill statistics file"),
        "{}",
        out.stderr
    );
    assert!(!dir.path().join("m.json").exists(), "nothing is written");
    // A large file of something else is refused by the check of its first bytes, whose
    // message this is (a sparse file: no disk used; read whole, it took a GiB of memory
    // before the parse said anything); wordmill's binary statistics are named as such.
    let big = std::fs::File::create(dir.path().join("big.json")).unwrap();
    big.set_len(1 << 30).unwrap();
    drop(big);
    std::fs::write(dir.path().join("bin.json"), b"WMSTATS\0\x01\0rest").unwrap();
    for (file, says) in [
        ("big.json", "does not begin with a JSON object"),
        ("bin.json", "wordmill's binary statistics"),
    ] {
        let out = run(dir.path(), &["merge", "good.json", file]);
        assert_eq!(out.code, 1);
        out.assert_stderr_contains(says);
    }
    // The same file twice would count its documents twice: refused, as the batch tool
    // refuses an input named twice. A copy of it adds up.
    let out = run(dir.path(), &["merge", "good.json", "good.json"]);
    assert_eq!(out.code, 2);
    out.assert_stderr_contains("counted twice");
    fs::copy(dir.path().join("good.json"), dir.path().join("copy.json")).unwrap();
    let out = run(dir.path(), &["merge", "good.json", "copy.json"]);
    assert_eq!(out.code, 0);
    let merged: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        merged["languages"]["eng"]["terms"],
        json!([["muscat", 2, 2]])
    );
}

/// A share copied into another folder (`cp parts/*.json backup/`) would count its
/// documents twice: refused, nothing written. Shares of the same texts under other ids, and
/// the empty shares of empty partitions, are merged.
#[test]
fn a_copied_share_is_refused_not_counted_twice() {
    let dir = temp();
    let doc = |id: &str| format!("{}\n", json!({"id": id, "text": "Talks in Muscat."}));
    for input in [doc("a"), doc("b"), String::new()] {
        let args = ["-", "--quiet", "--stats-dir", "parts"];
        let out = run_in(dir.path(), &args, input.as_bytes());
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    let shares: Vec<_> = fs::read_dir(dir.path().join("parts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(shares.len(), 3);
    fs::create_dir(dir.path().join("backup")).unwrap();
    for share in &shares {
        fs::copy(
            share,
            dir.path().join("backup").join(share.file_name().unwrap()),
        )
        .unwrap();
    }
    let out = run(
        dir.path(),
        &["merge", "parts", "backup", "-o", "total.json"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    out.assert_stderr_contains("are the statistics of one input");
    assert!(!dir.path().join("total.json").exists());

    // The empty share twice, and the two others (the same text, other ids) once.
    for share in &shares {
        let name = share.file_name().unwrap().to_str().unwrap();
        if !name.starts_with("stats-0-") {
            fs::remove_file(dir.path().join("backup").join(name)).unwrap();
        }
    }
    let out = run(
        dir.path(),
        &["merge", "parts", "backup", "-o", "total.json"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let total = fs::read(dir.path().join("total.json")).unwrap();
    let total: Value = serde_json::from_slice(&total).unwrap();
    assert_eq!(total["documents"], 2);
}
