//! The Python package's tests, run by `cargo test`: builds and installs wordmill for Python
//! from `python/` with pip, exactly as `pip install ./python` does (maturin is the build
//! backend), but into `target/python-test/site` rather than the user's Python, then runs
//! pytest on `python/tests` with that folder first on `PYTHONPATH`. The package is rebuilt
//! on every run (cargo rebuilds only what changed), so the tests never see a stale build.
//!
//! Ignored by a plain `cargo test`, run by the README's test command (`-- --include-ignored`).
//! Needs Python 3 with pip (skipped, saying so, without them) and maturin, pytest, pyarrow,
//! pandas, datasets, pyspark and mypy (`scripts/setup` installs them; the test fails, saying what
//! is missing, otherwise). The Spark comparison (python/tests/test_spark.py) also needs
//! Java 17 and the batch tool, which this test builds. `WORDMILL_PYTHON` chooses the
//! interpreter (default `python3`); `WORDMILL_SKIP_PYTHON=1` skips everything,
//! `WORDMILL_SKIP_SPARK=1` the Spark comparison only.

mod batch_support;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Modules the tests import, with the pip package that provides each.
const NEEDED: &[(&str, &str)] = &[
    ("maturin", "maturin"),
    ("pytest", "pytest"),
    ("pyarrow", "pyarrow"),
    ("pandas", "pandas"),
    ("datasets", "datasets"),
    ("pyspark", "pyspark"),
    ("mypy", "mypy"),
];

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Cargo's target folder: this test runs from `target/<profile>/deps/`.
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows its path");
    exe.ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| repository().join("target"))
}

fn runs(python: &str, args: &[&str]) -> bool {
    Command::new(python)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
#[ignore = "builds the Python package with pip (minutes; scripts/setup installs what it needs); run with --include-ignored"]
fn python_package_passes_its_tests() {
    if std::env::var_os("WORDMILL_SKIP_PYTHON").is_some_and(|v| v == "1") {
        eprintln!("python tests skipped: WORDMILL_SKIP_PYTHON=1");
        return;
    }
    let python = std::env::var("WORDMILL_PYTHON").unwrap_or_else(|_| "python3".into());
    if !runs(&python, &["-m", "pip", "--version"]) {
        eprintln!(
            "python tests skipped: no `{python}` with pip on this machine (install Python 3 and pip, then run scripts/setup)"
        );
        return;
    }
    let missing: Vec<&str> = NEEDED
        .iter()
        .filter(|(module, _)| !runs(&python, &["-c", &format!("import {module}")]))
        .map(|&(_, package)| package)
        .collect();
    assert!(
        missing.is_empty(),
        "{python} lacks {}: run scripts/setup (or `{python} -m pip install {}`), or set WORDMILL_SKIP_PYTHON=1 to skip the Python tests",
        missing.join(", "),
        missing.join(" ")
    );

    let site = target_dir().join("python-test").join("site");
    let _ = std::fs::remove_dir_all(&site);
    // --no-build-isolation: the maturin scripts/setup installed, rather than a download per
    // run; --no-deps: the package has no run-time dependency.
    let install = Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-build-isolation",
            "--no-deps",
            "--root-user-action=ignore",
            "--target",
        ])
        .arg(&site)
        .arg(repository().join("python"))
        .status()
        .expect("pip runs");
    assert!(install.success(), "pip install ./python failed");

    let mut pytest = Command::new(&python);
    pytest
        .args([
            "-m",
            "pytest",
            "python/tests",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
        ])
        .current_dir(repository())
        .env("PYTHONPATH", &site)
        .env("PYTHONDONTWRITEBYTECODE", "1");
    if std::env::var_os("WORDMILL_SKIP_SPARK").is_none_or(|v| v != "1") {
        pytest.env("WORDMILL_BATCH", batch_support::binary());
    }
    let status = pytest.status().expect("pytest runs");
    assert!(
        status.success(),
        "the Python tests failed (pytest's report is above)"
    );
}
