//! The batch tool under Apache Spark, in local mode: examples/spark/wordmill_spark.py spreads
//! the NTREX sample over four partitions, pipes each through the tool and merges the partial
//! statistics. Records and statistics must be those of one single-process run.
//!
//! Needs Python 3 with pyspark and Java 17, which `scripts/setup` installs: ignored by a plain
//! `cargo test`, run by the README's test command (`-- --include-ignored`), where it fails,
//! saying what is missing, when they are not there. `WORDMILL_SKIP_SPARK=1` skips it even
//! then. `WORDMILL_PYTHON` chooses the Python interpreter (default `python3`).

mod batch_support;

use std::fs;
use std::process::Command;

use batch_support::{binary, ntrex_jsonl, run_in};

#[test]
#[ignore = "needs Java 17 and pyspark (scripts/setup installs them); run with --include-ignored"]
fn spark_local_mode_equals_a_single_run() {
    if std::env::var_os("WORDMILL_SKIP_SPARK").is_some_and(|v| v == "1") {
        eprintln!("spark test skipped: WORDMILL_SKIP_SPARK=1");
        return;
    }
    let python = std::env::var("WORDMILL_PYTHON").unwrap_or_else(|_| "python3".into());
    let check = Command::new(&python)
        .args(["-c", "import pyspark"])
        .output();
    match check {
        Ok(out) if out.status.success() => {}
        _ => panic!(
            "{python} cannot import pyspark: `{python} -m pip install pyspark` (and Java 17: \
             apt-get install openjdk-17-jre-headless), or set WORDMILL_SKIP_SPARK=1 to skip this test"
        ),
    }
    let java = Command::new("java").arg("-version").output();
    assert!(
        java.is_ok_and(|o| o.status.success()),
        "Spark needs Java 17: apt-get install openjdk-17-jre-headless, or set WORDMILL_SKIP_SPARK=1"
    );

    let dir = tempfile::tempdir().unwrap();
    let docs = ntrex_jsonl();
    let documents = docs.len();
    let corpus_jsonl = docs.concat();
    fs::write(dir.path().join("corpus.jsonl"), &corpus_jsonl).unwrap();

    let single = run_in(
        dir.path(),
        &["corpus.jsonl", "--stats", "single-stats.json"],
        b"",
    );
    assert_eq!(single.code, 0, "{}", single.stderr);

    let script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/spark/wordmill_spark.py");
    let spark_run = |corpus: &str, records: &str, stats: &str, parts: &str| {
        Command::new(&python)
            .arg(&script)
            .arg(corpus)
            .arg("--binary")
            .arg(binary())
            .args(["--partitions", "4", "--master", "local[2]"])
            .args(["--records", records, "--stats", stats, "--stats-dir", parts])
            .current_dir(dir.path())
            .output()
            .expect("python runs")
    };
    let spark = spark_run("corpus.jsonl", "spark.jsonl", "spark-stats.json", "parts");
    let stderr = String::from_utf8_lossy(&spark.stderr);
    assert!(spark.status.success(), "the Spark run failed:\n{stderr}");
    assert!(
        stderr.contains(&format!("{documents} records (0 errors)")),
        "{stderr}"
    );

    let parts = fs::read_dir(dir.path().join("parts")).unwrap().count();
    assert!(
        parts >= 4,
        "one statistics file per partition, at least 4: {parts}"
    );
    let spark_records = fs::read_to_string(dir.path().join("spark.jsonl")).unwrap();
    assert_eq!(spark_records.lines().count(), documents);
    assert!(
        spark_records == single.stdout,
        "Spark's records differ from the single run's"
    );
    assert!(
        fs::read(dir.path().join("spark-stats.json")).unwrap()
            == fs::read(dir.path().join("single-stats.json")).unwrap(),
        "the merged statistics differ from the single run's"
    );

    // An empty corpus makes no Spark task, and still the statistics of one run over it.
    fs::write(dir.path().join("empty.jsonl"), "").unwrap();
    let single = run_in(
        dir.path(),
        &["empty.jsonl", "--stats", "single-empty.json"],
        b"",
    );
    assert_eq!(single.code, 0, "{}", single.stderr);
    let spark = spark_run(
        "empty.jsonl",
        "empty.out",
        "spark-empty.json",
        "parts-empty",
    );
    let stderr = String::from_utf8_lossy(&spark.stderr);
    assert!(spark.status.success(), "the Spark run failed:\n{stderr}");
    assert_eq!(
        fs::read_to_string(dir.path().join("empty.out")).unwrap(),
        ""
    );
    assert!(
        fs::read(dir.path().join("spark-empty.json")).unwrap()
            == fs::read(dir.path().join("single-empty.json")).unwrap(),
        "the statistics of an empty corpus differ from the single run's"
    );
}
