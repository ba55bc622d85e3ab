//! Outputs of issue 14: special files written in place, never replaced; output files that
//! appear together or not at all; stable statistics file names; interrupted runs and closed
//! pipes. (Outputs refused before anything is read: `refusals.rs`.)

use std::fs;
use std::path::Path;
use std::time::Duration;

use serde_json::json;

use crate::batch_support::{Run, Running, binary, command, run_as_another_user};
use crate::{SENTENCE, news_folder, run, run_in, temp};

/// The names in `dir`, sorted.
pub(crate) fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn stats_dir_file_names_are_a_crc_64_xz_of_the_input() {
    let dir = temp();
    let input = "{\"id\":\"a\",\"text\":\"Muscat\"}\n{\"id\":\"b\",\"text\":\"Oman\"}\n";
    let out = run_in(
        dir.path(),
        &["-", "--quiet", "--stats-dir", "parts"],
        input.as_bytes(),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    // CRC-64/XZ of each document's id, 0xFF, text, 0xFF, in input order; 2 documents. Fixed
    // for ever: a retried worker built with any toolchain must find its own file.
    assert_eq!(
        names(&dir.path().join("parts")),
        ["stats-2-cf4cec5d824f904f.json"]
    );
    let crc = crc::Crc::<u64>::new(&crc::CRC_64_XZ);
    assert_eq!(
        crc.checksum(b"a\xFFMuscat\xFFb\xFFOman\xFF"),
        0xcf4c_ec5d_824f_904f,
        "the formula the README gives"
    );
}

#[cfg(unix)]
#[cfg(unix)]
#[cfg(unix)]
#[test]
fn output_to_a_named_pipe_is_written_in_place() {
    let dir = news_folder();
    let pipe = dir.path().join("records.jsonl");
    crate::batch_support::mkfifo(&pipe);
    let reader = {
        let pipe = pipe.clone();
        std::thread::spawn(move || fs::read_to_string(pipe).unwrap())
    };
    let out = Running::start(
        command(dir.path(), &["news.txt", "--output", "records.jsonl"]),
        Vec::new(),
    )
    .finish(Duration::from_secs(120));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let records = reader.join().unwrap();
    let record: serde_json::Value = serde_json::from_str(records.trim_end()).unwrap();
    assert_eq!(record["id"], "news.txt");
    use std::os::unix::fs::FileTypeExt;
    let kind = fs::symlink_metadata(&pipe).unwrap().file_type();
    assert!(kind.is_fifo(), "still a named pipe");
    assert_eq!(
        names(dir.path()),
        ["news.txt", "records.jsonl"],
        "no temporary file"
    );
}

#[cfg(unix)]
#[test]
fn a_file_size_limit_stops_the_run_as_a_full_disk_does() {
    // `ulimit -f 1`: files of at most 512 bytes. The write past it fails (the tool ignores
    // SIGXFSZ, which would kill it and leave its temporary file behind), with records
    // written to a file of their own or to stdout redirected to one: the run stops with
    // exit code 3 and says why.
    let dir = news_folder();
    for records in ["--output out.jsonl", "> out.jsonl"] {
        let script = format!(
            "ulimit -f 1 && exec '{}' news.txt --tokens {records}",
            binary().display()
        );
        let out = Run::from(
            std::process::Command::new("sh")
                .args(["-c", &script])
                .current_dir(dir.path())
                .output()
                .unwrap(),
        );
        assert_eq!(out.code, 3, "{records}: {}", out.stderr);
        out.assert_stderr_contains("File too large");
        if records.starts_with("--output") {
            let names: Vec<String> = fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            assert!(
                !names.iter().any(|n| n.contains("out.jsonl")),
                "no output, no temporary file: {names:?}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn output_to_a_full_device_fails_with_exit_3_and_the_device_stays() {
    use std::os::unix::fs::FileTypeExt;
    let full = Path::new("/dev/full");
    if !fs::metadata(full).is_ok_and(|m| m.file_type().is_char_device()) {
        eprintln!("skipped: no /dev/full on this system");
        return;
    }
    let dir = news_folder();
    let out = run(dir.path(), &["news.txt", "--output", "/dev/full"]);
    assert_eq!(out.code, 3, "{}", out.stderr);
    out.assert_stderr_contains("/dev/full: No space left on device");
    // Run as root, a rename would have replaced the device with a regular file.
    let kind = fs::symlink_metadata(full).unwrap().file_type();
    assert!(kind.is_char_device(), "/dev/full is still a device");

    // Records and statistics appear together or not at all: statistics that cannot be
    // written leave no records file either.
    let out = run(
        dir.path(),
        &[
            "news.txt",
            "--output",
            "records.jsonl",
            "--stats",
            "/dev/full",
        ],
    );
    assert_eq!(out.code, 3, "{}", out.stderr);
    out.assert_stderr_contains("/dev/full: No space left on device");
    assert_eq!(
        names(dir.path()),
        ["news.txt"],
        "no records, no temporary file"
    );
    // Statistics larger than a buffer fail while serde writes them, not at the flush: the
    // error names the file all the same.
    let words: Vec<String> = (0..20_000).map(|i| format!("w{i}x")).collect();
    fs::write(dir.path().join("many.txt"), words.join(" ")).unwrap();
    let args = [
        "many.txt",
        "-q",
        "--output",
        "/dev/null",
        "--stats",
        "/dev/full",
    ];
    let out = run(dir.path(), &args);
    assert_eq!(out.code, 3, "{}", out.stderr);
    out.assert_stderr_contains("/dev/full: No space left on device");

    // Records on a stdout that is full: the error says where it went.
    let mut records_to_full = command(dir.path(), &["many.txt"]);
    records_to_full.stdout(fs::OpenOptions::new().write(true).open(full).unwrap());
    let out = Run::from(records_to_full.output().unwrap());
    assert_eq!(out.code, 3, "{}", out.stderr);
    out.assert_stderr_contains("stopped: standard output: No space left on device");
}

#[cfg(unix)]
#[test]
fn statistics_are_not_written_among_the_records() {
    let dir = news_folder();
    let out = run(dir.path(), &["news.txt", "--stats", "/dev/stdout"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    out.assert_stderr_contains("is where the standard output goes");
    assert!(out.stdout.is_empty());
    // With the records in a file, stdout may have the statistics.
    let out = run(
        dir.path(),
        &["news.txt", "--output", "r.jsonl", "--stats", "/dev/stdout"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let stats: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(stats["documents"], 1);
}

#[test]
fn output_to_dev_stdout_goes_to_stdout() {
    let dir = news_folder();
    let out = run(dir.path(), &["news.txt", "--output", "/dev/stdout"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.records()[0]["id"], "news.txt");
}

#[cfg(unix)]
#[cfg(unix)]
#[test]
fn an_interrupted_run_removes_its_temporary_files() {
    for signal in [libc::SIGTERM, libc::SIGINT] {
        let dir = temp();
        let args = [
            "-",
            "--output",
            "records.jsonl",
            "--stats",
            "stats.json",
            "--stats-dir",
            "parts",
        ];
        // Stdin that never ends, as a large input being read.
        let running = Running::start_with(command(dir.path(), &args), |input| {
            use std::io::Write;
            let line = format!("{}\n", json!({"text": SENTENCE})).repeat(1000);
            while input.write_all(line.as_bytes()).is_ok() {}
        });
        let temporaries = |dir: &Path| {
            names(dir)
                .into_iter()
                .filter(|n| n.ends_with(".part"))
                .count()
        };
        // Interrupted while it writes: once its temporary files exist.
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        while temporaries(dir.path()) < 2 || !dir.path().join("parts").exists() {
            assert!(std::time::Instant::now() < deadline, "no temporary files");
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(300));
        crate::batch_support::send_signal(&running.child, signal);
        let (status, _, stderr) = running.wait(Duration::from_secs(60));
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(
            status.signal(),
            Some(signal),
            "ends by the signal: {stderr}"
        );
        assert_eq!(temporaries(dir.path()), 0, "{:?}", names(dir.path()));
        assert_eq!(temporaries(&dir.path().join("parts")), 0);
        assert_eq!(names(dir.path()), ["parts"], "no output either");
    }
}

#[test]
fn a_closed_stdout_stops_the_run_quietly_with_exit_3() {
    use std::io::{BufRead, Read, Write};
    let dir = temp();
    // Far more records than a pipe holds.
    let input = format!("{}\n", json!({"text": SENTENCE})).repeat(50_000);
    let mut child = command(dir.path(), &["-"]).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stderr = child.stderr.take().unwrap();
    let errors = std::thread::spawn(move || {
        let mut all = String::new();
        let _ = stderr.read_to_string(&mut all);
        all
    });
    // Read one record, then close the pipe, as `| head -1` does.
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    drop(stdout);
    assert!(first.starts_with("{\"id\":\"-:1\""), "{first}");
    let status = child.wait().unwrap();
    writer.join().unwrap();
    let stderr = errors.join().unwrap();
    assert_eq!(status.code(), Some(3), "{stderr}");
    assert!(stderr.is_empty(), "no message, no panic: {stderr}");
}

/// A signal the tool's caller ignores (`nohup`'s SIGHUP, SIGINT in a shell's background
/// jobs) stays ignored: the run goes on to its end and writes its output.
#[cfg(unix)]
#[test]
fn a_signal_ignored_by_the_caller_stays_ignored() {
    use std::os::unix::process::CommandExt;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = temp();
    let lines = 20_000;
    let mut command = command(dir.path(), &["-", "--output", "records.jsonl", "-q"]);
    // SAFETY: between fork and exec only `signal`, which is async-signal-safe, runs.
    unsafe {
        command.pre_exec(|| {
            libc::signal(libc::SIGHUP, libc::SIG_IGN);
            Ok(())
        });
    }
    // Half the input, then the rest once the signal is sent: the run is under way when it
    // comes.
    let sent = Arc::new(AtomicBool::new(false));
    let feeder_sees = Arc::clone(&sent);
    let running = Running::start_with(command, move |input| {
        use std::io::Write;
        let line = format!("{}\n", json!({"text": SENTENCE}));
        for i in 0..lines {
            while i == lines / 2 && !feeder_sees.load(Ordering::Acquire) {
                std::thread::sleep(Duration::from_millis(5));
            }
            if input.write_all(line.as_bytes()).is_err() {
                return;
            }
        }
    });
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while !names(dir.path()).iter().any(|n| n.ends_with(".part")) {
        assert!(std::time::Instant::now() < deadline, "no temporary output");
        std::thread::sleep(Duration::from_millis(5));
    }
    crate::batch_support::send_signal(&running.child, libc::SIGHUP);
    sent.store(true, Ordering::Release);
    let (status, _, stderr) = running.wait(Duration::from_secs(120));
    assert!(status.success(), "{status:?}: {stderr}");
    let records = fs::read_to_string(dir.path().join("records.jsonl")).unwrap();
    assert_eq!(records.lines().count(), lines);
}

/// A file replaced keeps its permissions, as a shell's `>` keeps them: a private file stays
/// private.
#[cfg(unix)]
#[test]
fn a_replaced_output_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = news_folder();
    let private = dir.path().join("private.jsonl");
    fs::write(&private, "old\n").unwrap();
    fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).unwrap();
    let out = run(dir.path(), &["news.txt", "--output", "private.jsonl"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mode = fs::metadata(&private).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(fs::read_to_string(&private).unwrap().contains("muscat"));

    // A group-writable file stays so under a umask that would mask a new file's group
    // write (a shared folder's records): the umask is for new files.
    let shared = dir.path().join("shared.jsonl");
    fs::write(&shared, "old\n").unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o664)).unwrap();
    let status = std::process::Command::new("sh")
        .args(["-c", "umask 022 && exec \"$0\" \"$@\""])
        .arg(binary())
        .args(["news.txt", "--quiet", "--output", "shared.jsonl"])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let mode = fs::metadata(&shared).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o664);
}

/// Records the shell sends into an input (`batch corpus/ > corpus/records.jsonl`, `batch
/// --lines a.txt >> a.txt`) would be read back, then their records, without end: refused
/// before anything is read, as `--output` there is.
#[cfg(target_os = "linux")]
/// A folder's walk follows its links: a file it reaches through a symbolic link or as a hard
/// link, and a folder a link of it leads to, are the folder's as much as its own files are.
/// Writing there, by an option or by the shell, is refused before anything is read.
#[cfg(target_os = "linux")]
/// `batch merge` keeps its inputs as the analysis does: its sum sent by the shell into a
/// share (`>> a.json`: a file of two objects) or beside the shares of a folder it reads,
/// and a share reached through a link, are refused.
#[cfg(target_os = "linux")]
/// A file the user may not write is not replaced, although its folder would let a new file
/// be renamed over it: refused as a shell's `>` refuses it. Run as another user when the
/// tests run as root (who may write anything).
#[cfg(target_os = "linux")]
/// The largest values the options take work, or are refused as usage errors: none aborts
/// the process or starts threads for minutes.
#[test]
fn threads_and_batch_size_at_their_limits() {
    let dir = temp();
    fs::write(dir.path().join("three.txt"), "one\ntwo\nthree\n").unwrap();
    let out = run(
        dir.path(),
        &["--lines", "three.txt", "--batch-size", "4294967295"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.records().len(), 3);
    let out = run(dir.path(), &["--lines", "three.txt", "--threads", "65535"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    out.assert_stderr_contains("number of threads from 1 to");
    let out = run(dir.path(), &["--lines", "three.txt", "--threads", "256"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // `-` is stdin for inputs; as an output it would be a file named `-`.
    let out = run(dir.path(), &["three.txt", "--output", "-"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    out.assert_stderr_contains("leave the option out to write to stdout");
    // Statistics never go to stdout: leaving `--stats` out writes none.
    let out = run(dir.path(), &["three.txt", "--stats", "-"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    out.assert_stderr_contains("statistics go to a file");
    assert!(!dir.path().join("-").exists());
}

/// merge counts every file once: a file named twice, or named beside its folder, is refused
/// before anything is written; a file that is no JSON fails at its first bytes, not after
/// reading it whole (`/dev/zero` grew to gigabytes).
#[test]
fn merge_refuses_a_file_counted_twice_and_stops_at_the_first_bad_byte() {
    let dir = temp();
    fs::write(dir.path().join("a.txt"), "one two\nthree four\n").unwrap();
    fs::create_dir(dir.path().join("parts")).unwrap();
    let out = run(
        dir.path(),
        &["-q", "--lines", "a.txt", "--stats", "parts/s.json"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    for args in [
        &["merge", "parts/s.json", "parts/s.json"][..],
        &["merge", "parts", "parts/./s.json"],
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        out.assert_stderr_contains("counted twice");
        assert!(out.stdout.is_empty());
    }
    if Path::new("/dev/zero").exists() {
        let out = run(dir.path(), &["merge", "/dev/zero"]);
        assert_eq!(out.code, 1, "{}", out.stderr);
        out.assert_stderr_contains("not a wordmill statistics file");
    }
}

/// Two inputs of the same ids and texts make one --stats-dir file, and the second run says
/// that it replaced it.
#[test]
fn a_replaced_shard_is_announced() {
    let dir = temp();
    for _ in 0..2 {
        let out = run_in(
            dir.path(),
            &["-", "-q", "--lines", "--stats-dir", "parts"],
            b"same line\n",
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    assert_eq!(names(&dir.path().join("parts")).len(), 1);
    let out = run_in(
        dir.path(),
        &["-", "-q", "--lines", "--stats-dir", "parts"],
        b"same line\n",
    );
    out.assert_stderr_contains("replaced");
}

/// Empty partitions of a stream all write the share of no documents: written silently, not
/// announced as a replaced shard (every empty partition of a Spark job said so), and merged
/// as nothing.
#[test]
fn an_empty_shard_is_written_without_a_word_and_merges_as_nothing() {
    let dir = temp();
    for quiet in [true, false, false] {
        let args: &[&str] = if quiet {
            &["-", "--quiet", "--stats-dir", "parts"]
        } else {
            &["-", "--stats-dir", "parts"]
        };
        let out = run_in(dir.path(), args, b"");
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(!out.stderr.contains("replaced"), "{}", out.stderr);
    }
    // CRC-64/XZ of nothing is 0.
    assert_eq!(
        names(&dir.path().join("parts")),
        ["stats-0-0000000000000000.json"]
    );
    let out = run_in(
        dir.path(),
        &["-", "--quiet", "--stats-dir", "parts"],
        b"{\"id\":\"a\",\"text\":\"Muscat\"}\n",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let merged = run_in(dir.path(), &["merge", "parts", "--output", "all.json"], b"");
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    let all: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("all.json")).unwrap()).unwrap();
    assert_eq!(all["documents"], 1);
}

/// What `command` does when it starts with its descriptor `fd` closed.
#[cfg(target_os = "linux")]
fn with_closed(mut command: std::process::Command, fd: i32) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    // SAFETY: between fork and exec only `close`, which is async-signal-safe, runs.
    unsafe {
        command.pre_exec(move || {
            libc::close(fd);
            Ok(())
        });
    }
    command.output().unwrap()
}

/// A stdin closed when the run starts (`batch - <&-`) is no empty corpus: refused, as a
/// closed stdout is, where `-` names it.
#[cfg(target_os = "linux")]
#[test]
fn a_closed_stdin_is_refused() {
    let dir = news_folder();
    let closed = |args: &[&str]| with_closed(command(dir.path(), args), 0);
    for args in [
        &["-"][..],
        &["merge", "-"],
        &["/dev/stdin"],
        &["--lines", "/dev/fd/0"],
    ] {
        let out = closed(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        let name = args.last().unwrap();
        assert!(
            stderr.contains(&format!("standard input ({name}) is closed")),
            "{stderr}"
        );
        assert!(out.stdout.is_empty());
    }
    // Files named, a closed stdin does not matter.
    let out = closed(&["news.txt"]);
    assert!(out.status.success());
}

/// A stdout closed when the run starts (`batch news.txt >&-`) is refused before anything is
/// read: Rust's start-up puts /dev/null in its place, where the records would vanish while
/// the run reported success. With `--output` a closed stdout does not matter.
#[cfg(target_os = "linux")]
#[test]
fn a_closed_stdout_is_refused() {
    let dir = news_folder();
    let closed = |args: &[&str]| {
        let mut command = command(dir.path(), args);
        command.stdin(std::process::Stdio::null());
        with_closed(command, 1)
    };
    let out = closed(&["news.txt"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("standard output is closed"), "{stderr}");
    let out = closed(&[
        "news.txt",
        "--output",
        "records.jsonl",
        "--stats",
        "stats.json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        fs::read_to_string(dir.path().join("records.jsonl"))
            .unwrap()
            .contains("muscat")
    );
    // Nor through a name of stdout.
    for output in [["--output", "/dev/stdout"], ["--stats", "/dev/stdout"]] {
        let mut args = vec!["news.txt", "--output", "r2.jsonl"];
        args.splice(1..3, output);
        let out = closed(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("standard output is closed"), "{stderr}");
    }
    // /dev/null, where stdout now goes, is still a place to throw records away.
    let out = closed(&["news.txt", "--output", "/dev/null", "--stats", "s2.json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = closed(&["merge", "stats.json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("standard output is closed"), "{stderr}");
}

#[test]
fn two_runs_writing_one_pair_leave_the_records_and_statistics_of_one_run() {
    // Each rename is atomic; the pair's two renames are made one step for other runs by
    // locks on their folder: without them one round in eight or so (3,000 documents a run)
    // left the records of one run beside the statistics of the other.
    let dir = temp();
    let news = fs::read_to_string(crate::batch_support::corpus().join("ntrex/eng.txt")).unwrap();
    let lines: Vec<&str> = news.lines().collect();
    let input = |first: usize, n: usize| -> String {
        (0..n)
            .map(|i| {
                format!(
                    "{{\"id\":{},\"text\":{}}}\n",
                    first + i,
                    json!(lines[i % lines.len()])
                )
            })
            .collect()
    };
    fs::write(dir.path().join("a.jsonl"), input(0, 600)).unwrap();
    fs::write(dir.path().join("b.jsonl"), input(10_000, 599)).unwrap();
    let args = |input| {
        [
            input,
            "--output",
            "records.jsonl",
            "--stats",
            "stats.json",
            "--quiet",
        ]
    };
    for round in 0..12 {
        let runs = ["a.jsonl", "b.jsonl"]
            .map(|input| Running::start(command(dir.path(), &args(input)), Vec::new()));
        for running in runs {
            let out = running.finish(Duration::from_secs(120));
            assert_eq!(out.code, 0, "{}", out.stderr);
        }
        let records = fs::read_to_string(dir.path().join("records.jsonl")).unwrap();
        let stats: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.path().join("stats.json")).unwrap())
                .unwrap();
        assert_eq!(
            stats["documents"],
            records.lines().count(),
            "round {round}: the records and the statistics of one run"
        );
        assert_eq!(
            names(dir.path()),
            ["a.jsonl", "b.jsonl", "records.jsonl", "stats.json"]
        );
    }
}

#[test]
fn a_pair_whose_statistics_cannot_be_renamed_leaves_no_records_either() {
    // A folder where this input's shard goes (as if made while the run read): the run
    // stops with exit 3 before renaming anything, and --output is not created.
    let dir = news_folder();
    let first = run(dir.path(), &["news.txt", "--quiet", "--stats-dir", "parts"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let shard = names(&dir.path().join("parts")).remove(0);
    fs::remove_file(dir.path().join("parts").join(&shard)).unwrap();
    fs::create_dir(dir.path().join("parts").join(&shard)).unwrap();
    let out = run(
        dir.path(),
        &[
            "news.txt",
            "--quiet",
            "--stats-dir",
            "parts",
            "--output",
            "records.jsonl",
        ],
    );
    assert_eq!(out.code, 3, "{}", out.stderr);
    out.assert_stderr_contains("a folder is there now");
    assert!(!dir.path().join("records.jsonl").exists());
    assert_eq!(
        names(&dir.path().join("parts")),
        [shard],
        "no temporary file left"
    );
    assert_eq!(
        names(dir.path()),
        ["news.txt", "parts"],
        "nor beside the records"
    );
}

#[test]
fn a_stats_dir_that_cannot_be_written_is_named_in_the_error() {
    // The file's name is chosen at the end; the error names the folder, not a placeholder.
    use std::os::unix::fs::PermissionsExt;
    let dir = news_folder();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    fs::create_dir(dir.path().join("shards")).unwrap();
    fs::set_permissions(dir.path().join("shards"), fs::Permissions::from_mode(0o555)).unwrap();
    let args = ["news.txt", "--quiet", "--stats-dir", "shards"];
    let Some(out) = run_as_another_user(dir.path(), &args) else {
        return;
    };
    assert_eq!(out.code, 3, "{}", out.stderr);
    out.assert_stderr_contains("cannot create a file in shards");
    assert!(!out.stderr.contains("stats.json"), "{}", out.stderr);
}
