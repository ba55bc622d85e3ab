//! Outputs of issue 14 refused before anything is read: those that would destroy an input
//! (the same file, a link to it, a file a folder reaches through a link, the file the shell
//! gives as standard input), those read back as input, and files the user may not write.

use std::fs;

use serde_json::json;

use crate::batch_support::{command, run_as_another_user};
use crate::outputs::names;
use crate::{SENTENCE, news_folder, run, run_in, temp};

#[test]
fn stats_named_in_the_stats_dir_through_a_link_are_refused_too() {
    let dir = news_folder();
    fs::create_dir(dir.path().join("shards")).unwrap();
    fs::create_dir(dir.path().join("elsewhere")).unwrap();
    fs::write(dir.path().join("elsewhere/real.json"), "{}").unwrap();
    std::os::unix::fs::symlink(
        "../elsewhere/real.json",
        dir.path().join("shards/total.json"),
    )
    .unwrap();
    let out = run(
        dir.path(),
        &[
            "news.txt",
            "--stats-dir",
            "shards",
            "--stats",
            "shards/total.json",
        ],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    out.assert_stderr_contains("is in --stats-dir shards");
    assert_eq!(
        fs::read_to_string(dir.path().join("elsewhere/real.json")).unwrap(),
        "{}"
    );
}

#[test]
fn outputs_linked_to_what_is_read_are_refused() {
    // A link is written in place, at the file it leads to: one of another name that leads to
    // a corpus file of an input folder, or to a shard that `merge` reads, would destroy it.
    let dir = temp();
    fs::create_dir(dir.path().join("corpus")).unwrap();
    fs::write(dir.path().join("corpus/x.txt"), SENTENCE).unwrap();
    std::os::unix::fs::symlink("corpus/x.txt", dir.path().join("out.log")).unwrap();
    let out = run(dir.path(), &["corpus", "--output", "out.log"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    out.assert_stderr_contains("would be read as input");
    assert_eq!(
        fs::read_to_string(dir.path().join("corpus/x.txt")).unwrap(),
        SENTENCE
    );
    let shards = run(dir.path(), &["corpus", "--quiet", "--stats-dir", "parts"]);
    assert_eq!(shards.code, 0, "{}", shards.stderr);
    let shard = names(&dir.path().join("parts")).remove(0);
    let before = fs::read(dir.path().join("parts").join(&shard)).unwrap();
    std::os::unix::fs::symlink(format!("parts/{shard}"), dir.path().join("merged.out")).unwrap();
    let merged = run(dir.path(), &["merge", "parts", "--output", "merged.out"]);
    assert_eq!(merged.code, 2, "{}", merged.stderr);
    merged.assert_stderr_contains("would be read as input");
    // And the records of a run of --stats-dir written through a link into that folder.
    std::os::unix::fs::symlink(format!("parts/{shard}"), dir.path().join("records.out")).unwrap();
    let out = run(
        dir.path(),
        &["corpus", "--stats-dir", "parts", "--output", "records.out"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    out.assert_stderr_contains("is in --stats-dir parts");
    assert_eq!(
        fs::read(dir.path().join("parts").join(&shard)).unwrap(),
        before
    );
    // A link of a corpus file's name in the input folder that leads elsewhere: the walk
    // would read what is written through it.
    fs::create_dir(dir.path().join("else")).unwrap();
    std::os::unix::fs::symlink("../else/x.dat", dir.path().join("corpus/out.txt")).unwrap();
    let out = run(dir.path(), &["corpus", "--output", "corpus/out.txt"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    out.assert_stderr_contains("would be read as input");
    // A link to a shard not there yet: writing it would make one.
    std::os::unix::fs::symlink("parts/extra.json", dir.path().join("rec.out")).unwrap();
    let out = run(
        dir.path(),
        &[
            "corpus/x.txt",
            "--stats-dir",
            "parts",
            "--output",
            "rec.out",
        ],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    out.assert_stderr_contains("is in --stats-dir parts");
    assert!(!dir.path().join("parts/extra.json").exists());
}

#[test]
fn outputs_that_would_destroy_inputs_are_refused_before_reading() {
    let dir = news_folder();
    let doc = format!("{}\n", json!({"id": "a", "text": SENTENCE}));
    fs::write(dir.path().join("docs.jsonl"), &doc).unwrap();
    fs::create_dir(dir.path().join("folder")).unwrap();
    for (args, says) in [
        (
            &["news.txt", "--output", "news.txt"][..],
            "--output news.txt is also an input",
        ),
        (
            &["news.txt", "--output", "o.json", "--stats", "./o.json"],
            "--output and --stats name the same file",
        ),
        (
            &["news.txt", "--stats", "docs.jsonl", "docs.jsonl"],
            "--stats docs.jsonl is also an input",
        ),
        (&["news.txt", "--output", "folder"], "folder is a folder"),
        (&[".", "--output", "docs.jsonl"], "would be read as input"),
        // Not yet there, but read back by this run's folder walk or the next run's.
        (&[".", "--output", "new.jsonl"], "would be read as input"),
        // Inputs that would give the same documents twice.
        (&["-", "-"], "the standard input is named twice (- and -)"),
        // Stdin a pipe: the second name would read nothing.
        (
            &["-", "/dev/stdin"],
            "the standard input is named twice (- and /dev/stdin)",
        ),
        (&["news.txt", "./news.txt"], "are the same input"),
        (&[".", "folder"], "is inside the input folder"),
        (&[".", "news.txt"], "is inside the input folder"),
        (
            &["merge", "docs.jsonl", "--output", "docs.jsonl"],
            "is also an input",
        ),
        // merge reads a folder's .json files: its total must not join them.
        (
            &["merge", "folder", "--output", "folder/total.json"],
            "would be read as input",
        ),
        // A file and a folder of one name: found out after the whole run, before.
        (
            &["news.txt", "--output", "place", "--stats-dir", "place"],
            "--output and --stats-dir name the same place (place)",
        ),
        // ... and so it would count a run's total written among its shares.
        (
            &[
                "news.txt",
                "--stats-dir",
                "folder",
                "--stats",
                "folder/all.json",
            ],
            "is in --stats-dir folder",
        ),
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        out.assert_stderr_contains(says);
        assert!(out.stdout.is_empty(), "nothing was read: {args:?}");
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("news.txt")).unwrap(),
        SENTENCE
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("docs.jsonl")).unwrap(),
        doc
    );
    assert_eq!(names(dir.path()), ["docs.jsonl", "folder", "news.txt"]);
}

#[test]
fn the_file_stdin_reads_is_not_an_output() {
    let dir = temp();
    let doc = format!("{}\n", json!({"id": "a", "text": SENTENCE}));
    let path = dir.path().join("docs.jsonl");
    fs::write(&path, &doc).unwrap();
    // With stdin reading docs.jsonl: writing it would destroy it, reading it too would read
    // it twice.
    for (args, says) in [
        (
            &["-", "--output", "docs.jsonl"][..],
            "is the file the standard input reads",
        ),
        (
            &["-", "docs.jsonl"],
            "- reads docs.jsonl, which is also an input",
        ),
        (
            &["docs.jsonl", "-"],
            "- reads docs.jsonl, which is also an input",
        ),
    ] {
        let out = command(dir.path(), args)
            .stdin(fs::File::open(&path).unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "nothing was read: {args:?}");
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            doc,
            "the input is intact"
        );
    }
    // Outputs may share a device.
    let out = command(
        dir.path(),
        &[
            "docs.jsonl",
            "--output",
            "/dev/null",
            "--stats",
            "/dev/null",
        ],
    )
    .output()
    .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn records_sent_by_the_shell_into_an_input_are_refused() {
    let dir = news_folder();
    let records = dir.path().join("records.jsonl");
    let into_folder = command(dir.path(), &["."])
        .stdout(fs::File::create(&records).unwrap())
        .output()
        .unwrap();
    assert_eq!(into_folder.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&into_folder.stderr);
    assert!(
        stderr.contains("records.jsonl is in the input folder . and would be read as input"),
        "{stderr}"
    );
    assert_eq!(fs::read(&records).unwrap(), b"", "nothing written");

    let news = dir.path().join("news.txt");
    let append = fs::OpenOptions::new().append(true).open(&news).unwrap();
    let into_input = command(dir.path(), &["--lines", "news.txt"])
        .stdout(append)
        .output()
        .unwrap();
    assert_eq!(into_input.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&into_input.stderr);
    assert!(
        stderr.contains("the standard output is the input news.txt"),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&news).unwrap(), SENTENCE);

    // Into a file elsewhere, as ever.
    fs::remove_file(&records).unwrap();
    let elsewhere = temp();
    let file = elsewhere.path().join("records.jsonl");
    let out = command(dir.path(), &["."])
        .stdout(fs::File::create(&file).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(fs::read_to_string(&file).unwrap().lines().count(), 1);
}

#[test]
fn outputs_a_folder_reaches_through_links_are_refused() {
    use std::os::unix::fs::symlink;
    let dir = temp();
    let data = dir.path().join("data");
    let input = dir.path().join("in");
    fs::create_dir(&data).unwrap();
    fs::create_dir(&input).unwrap();
    let corpus = data.join("news.jsonl");
    let original = "{\"id\":\"a\",\"text\":\"Muscat is the capital.\"}\n";
    fs::write(&corpus, original).unwrap();
    let refused = |args: &[&str], expected: &str| {
        let out = run(dir.path(), args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        out.assert_stderr_contains(expected);
        assert_eq!(fs::read_to_string(&corpus).unwrap(), original, "{args:?}");
    };
    // A symbolic link to the corpus file, then a hard link to it.
    symlink("../data/news.jsonl", input.join("news.jsonl")).unwrap();
    for option in ["--output", "--stats"] {
        refused(
            &["in", "-q", option, "data/news.jsonl"],
            "which the input folder in reads (another name of the same file)",
        );
    }
    fs::remove_file(input.join("news.jsonl")).unwrap();
    fs::hard_link(&corpus, input.join("copy.jsonl")).unwrap();
    refused(
        &["in", "-q", "--output", "data/news.jsonl"],
        "another name of the same file",
    );
    let appended = command(dir.path(), &["in", "-q"])
        .stdout(fs::OpenOptions::new().append(true).open(&corpus).unwrap())
        .output()
        .unwrap();
    assert_eq!(appended.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&corpus).unwrap(), original);
    fs::remove_file(input.join("copy.jsonl")).unwrap();
    // A link to the folder: a new corpus file there is read by the next run.
    symlink("../data", input.join("data")).unwrap();
    refused(
        &["in", "-q", "--output", "data/records.jsonl"],
        "which the input folder in reaches through a link, and would be read as input",
    );
    assert!(!data.join("records.jsonl").exists());
    // A link to a file not there yet: what is written there, the next run reads.
    fs::remove_file(input.join("data")).unwrap();
    symlink("../data/later.jsonl", input.join("later.jsonl")).unwrap();
    refused(
        &["in", "-q", "--output", "data/later.jsonl"],
        "a link in the input folder in, leads",
    );
    assert!(!data.join("later.jsonl").exists());
    fs::remove_file(input.join("later.jsonl")).unwrap();
    symlink("../data", input.join("data")).unwrap();
    // Statistics of another extension, or records outside, are written as ever.
    let out = run(dir.path(), &["in", "-q", "--output", "records.jsonl"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run(dir.path(), &["in", "-q", "--stats", "data/stats.json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn merge_refuses_to_write_what_it_reads() {
    let dir = temp();
    let out = run_in(
        dir.path(),
        &["-", "-q", "--stats-dir", "parts"],
        SENTENCE.as_bytes(),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let share = fs::read_dir(dir.path().join("parts"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let before = fs::read(&share).unwrap();
    let appended = command(dir.path(), &["merge", share.to_str().unwrap()])
        .stdout(fs::OpenOptions::new().append(true).open(&share).unwrap())
        .output()
        .unwrap();
    assert_eq!(appended.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&appended.stderr);
    assert!(
        stderr.contains("the standard output is the input"),
        "{stderr}"
    );
    assert_eq!(fs::read(&share).unwrap(), before);
    let total = dir.path().join("parts/total.json");
    let into_folder = command(dir.path(), &["merge", "parts"])
        .stdout(fs::File::create(&total).unwrap())
        .output()
        .unwrap();
    assert_eq!(into_folder.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&into_folder.stderr);
    assert!(stderr.contains("would be read as input"), "{stderr}");
    fs::remove_file(&total).unwrap();
    let sum = dir.path().join("sum.json");
    std::os::unix::fs::symlink(&sum, dir.path().join("parts/sum.json")).unwrap();
    fs::write(&sum, &before).unwrap();
    let out = run(dir.path(), &["merge", "parts", "-o", "sum.json"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    out.assert_stderr_contains("which the input folder parts reads");
}

#[test]
fn a_file_the_user_may_not_write_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    fs::write(dir.path().join("in.txt"), SENTENCE).unwrap();
    let kept = dir.path().join("kept.jsonl");
    fs::write(&kept, "precious\n").unwrap();
    fs::set_permissions(&kept, fs::Permissions::from_mode(0o444)).unwrap();
    // A root without setpriv cannot show it: the check is the open below, as for anyone.
    let args = ["in.txt", "-q", "--output", "kept.jsonl"];
    let Some(out) = run_as_another_user(dir.path(), &args) else {
        return;
    };
    assert_eq!(out.code, 3, "{}", out.stderr);
    out.assert_stderr_contains("cannot write kept.jsonl");
    assert_eq!(fs::read_to_string(&kept).unwrap(), "precious\n");
}

#[test]
fn stdin_reading_a_file_of_an_input_folder_is_refused() {
    // `corpus - < corpus/x.txt`: the folder's walk reads the file stdin reads; by any name of
    // stdin, and under a link of the folder too.
    let dir = temp();
    fs::create_dir(dir.path().join("corpus")).unwrap();
    fs::write(dir.path().join("corpus/x.txt"), SENTENCE).unwrap();
    fs::create_dir(dir.path().join("linked")).unwrap();
    std::os::unix::fs::symlink("../corpus/x.txt", dir.path().join("linked/y.txt")).unwrap();
    for args in [
        &["corpus", "-"][..],
        &["-", "corpus"],
        &["corpus", "/dev/stdin"],
        &["linked", "-"],
    ] {
        let out = command(dir.path(), args)
            .stdin(fs::File::open(dir.path().join("corpus/x.txt")).unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("it would be read twice"),
            "{args:?}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "nothing was read: {args:?}");
    }
    // Stdin reading a file of the folder that its walk does not read (not a corpus file):
    // both are read.
    fs::write(dir.path().join("corpus/notes.md"), "Rain fell in Muscat.").unwrap();
    let out = command(dir.path(), &["corpus", "-", "--quiet"])
        .stdin(fs::File::open(dir.path().join("corpus/notes.md")).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
}

#[test]
fn stdin_by_another_name_is_not_walked_when_it_is_a_folder() {
    // `/dev/stdin c < c` read the folder twice, once under each name; `-` and `/dev/stdin`
    // are one input, read as a file: a folder there is an error record.
    let dir = news_folder();
    fs::create_dir(dir.path().join("c")).unwrap();
    fs::write(dir.path().join("c/x.txt"), SENTENCE).unwrap();
    for name in ["-", "/dev/stdin"] {
        let out = command(dir.path(), &[name, "c", "--quiet"])
            .stdin(fs::File::open(dir.path().join("c")).unwrap())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let records: Vec<serde_json::Value> = stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(records.len(), 2, "{name}: {stdout}");
        assert!(records[0]["error"].is_string(), "{name}: {stdout}");
        assert_eq!(records[1]["id"], "c/x.txt", "{name}");
    }
}

#[test]
fn an_output_through_a_dangling_link_to_the_other_output_is_refused() {
    // `link.json` → `out.json`, which is not there yet: both outputs would be one file, and
    // the rename of one would take the other's place.
    let dir = news_folder();
    std::os::unix::fs::symlink("out.json", dir.path().join("link.json")).unwrap();
    for args in [
        &["news.txt", "--output", "out.json", "--stats", "link.json"][..],
        &["news.txt", "--output", "link.json", "--stats", "out.json"],
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        out.assert_stderr_contains("name the same file");
        assert!(!dir.path().join("out.json").exists(), "{args:?}");
    }
}

#[test]
fn records_the_shell_sends_into_the_stats_dir_are_refused() {
    // `merge` reads every .json file of the folder: records there would be counted as
    // statistics (or stop it).
    let dir = news_folder();
    fs::create_dir(dir.path().join("shards")).unwrap();
    let records = fs::File::create(dir.path().join("shards/records.json")).unwrap();
    let out = command(
        dir.path(),
        &["news.txt", "--quiet", "--stats-dir", "shards"],
    )
    .stdout(records)
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is in --stats-dir shards"), "{stderr}");
    assert!(
        stderr.contains("remove the file the shell made there"),
        "{stderr}"
    );
}

#[test]
fn dev_null_may_be_both_an_input_and_an_output() {
    // Reading and writing it destroys nothing (another device might be a disk).
    let dir = temp();
    let out = run(dir.path(), &["/dev/null", "--output", "/dev/null"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}
