//! Runs the batch example's binary from integration tests.
//!
//! Cargo gives integration tests the path of the package's binaries, not of its examples, so
//! the example is built here once, with the test's own profile, and its path is taken from
//! Cargo's build messages rather than guessed.
#![allow(dead_code)] // each test file uses part of this

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::OnceLock;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// The batch tool's executable, built on first use.
pub fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(build)
}

fn build() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let mut cargo = Command::new(env!("CARGO"));
    cargo
        .args([
            "build",
            "--example",
            "batch",
            "--message-format=json-render-diagnostics",
        ])
        .arg("--manifest-path")
        .arg(&manifest)
        .stderr(Stdio::inherit());
    if !cfg!(debug_assertions) {
        cargo.arg("--release");
    }
    // The `icu` feature as the test's own build has it (on by default); the tool needs no
    // other feature.
    if !cfg!(feature = "icu") {
        cargo.arg("--no-default-features");
    }
    let output = cargo.output().expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo build --example batch failed"
    );
    let stdout = String::from_utf8(output.stdout).expect("cargo prints UTF-8");
    stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == "batch")
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
        .expect("cargo reports the batch executable")
}

/// What one run printed, and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Fails, showing stderr, unless stderr contains `needle`.
    #[track_caller]
    pub fn assert_stderr_contains(&self, needle: &str) {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
    }

    /// stdout's lines, each parsed as JSON.
    pub fn records(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|line| {
                serde_json::from_str(line)
                    .unwrap_or_else(|e| panic!("not a JSON record ({e}): {line}"))
            })
            .collect()
    }
}

/// Runs the tool with these arguments in `dir`, feeding it `stdin`.
pub fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(binary())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the batch tool starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    // Written from a thread: the tool may fill stdout before it has read all of stdin.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("the batch tool runs");
    writer.join().expect("stdin writer");
    Run::from(output)
}

impl From<Output> for Run {
    /// What a run of the tool that exited printed (a [`command`]'s output).
    #[track_caller]
    fn from(output: Output) -> Run {
        let Output {
            status,
            stdout,
            stderr,
        } = output;
        Run {
            code: status
                .code()
                .expect("the tool exits, not killed by a signal"),
            stdout: String::from_utf8(stdout).expect("records are UTF-8"),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }
}

/// The tool with these arguments in `dir`, its three streams piped, ready to be changed
/// (environment...) and started.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(binary());
    command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// The tool run in `dir` with `args` so that the permissions of files apply to it: as
/// itself, or, when the tests run as root (who may write anything), as the user `nobody`
/// through `setpriv`, from a copy in `dir` (the build's folder may be root's alone); `None`
/// when neither can show it (root without `setpriv`). `dir` must let that user in (mode
/// 0777).
pub fn run_as_another_user(dir: &Path, args: &[&str]) -> Option<Run> {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let root = unsafe { libc::geteuid() } == 0;
    let mut command = if root {
        Command::new("setpriv").arg("--help").output().ok()?;
        let copy = dir.join("batch");
        std::fs::copy(binary(), &copy).unwrap();
        std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut command = Command::new("setpriv");
        command
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(copy);
        command
    } else {
        Command::new(binary())
    };
    let output = command.args(args).current_dir(dir).output().unwrap();
    Some(Run::from(output))
}

/// A started tool whose stdout and stderr are read by threads of their own, so that it
/// never waits on a full pipe.
pub struct Running {
    pub child: Child,
    stdout: Option<JoinHandle<Vec<u8>>>,
    stderr: Option<JoinHandle<Vec<u8>>>,
    stdin: Option<JoinHandle<()>>,
}

fn drain(mut from: impl Read + Send + 'static) -> JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut all = Vec::new();
        let _ = from.read_to_end(&mut all);
        all
    })
}

impl Running {
    /// Starts `command`, feeding it `stdin` from a thread, then closing it.
    pub fn start(command: Command, stdin: Vec<u8>) -> Running {
        Running::start_with(command, move |input| {
            let _ = input.write_all(&stdin);
        })
    }

    /// Starts `command`, its stdin written by `feed` on a thread, then closed.
    pub fn start_with(
        mut command: Command,
        feed: impl FnOnce(&mut std::process::ChildStdin) + Send + 'static,
    ) -> Running {
        let mut child = command.spawn().expect("the batch tool starts");
        let mut input = child.stdin.take().expect("stdin is piped");
        let stdin = thread::spawn(move || feed(&mut input));
        let stdout = child.stdout.take().map(drain);
        let stderr = child.stderr.take().map(drain);
        Running {
            child,
            stdout,
            stderr,
            stdin: Some(stdin),
        }
    }

    /// Waits for the end, for at most `limit`: a tool that would hang is killed and the
    /// test fails.
    #[track_caller]
    pub fn wait(mut self, limit: Duration) -> (ExitStatus, Vec<u8>, String) {
        let deadline = Instant::now() + limit;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("the tool can be waited for") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!("the batch tool ran longer than {limit:?}: killed");
            }
            thread::sleep(Duration::from_millis(20));
        };
        let stdout = self
            .stdout
            .take()
            .map_or_else(Vec::new, |t| t.join().unwrap());
        let stderr = self
            .stderr
            .take()
            .map_or_else(Vec::new, |t| t.join().unwrap());
        if let Some(stdin) = self.stdin.take() {
            stdin.join().expect("stdin writer");
        }
        (
            status,
            stdout,
            String::from_utf8_lossy(&stderr).into_owned(),
        )
    }

    /// Waits for the end as [`wait`](Self::wait), for a tool that exits with a code.
    #[track_caller]
    pub fn finish(self, limit: Duration) -> Run {
        let (status, stdout, stderr) = self.wait(limit);
        Run {
            code: status
                .code()
                .expect("the tool exits, not killed by a signal"),
            stdout: String::from_utf8(stdout).expect("records are UTF-8"),
            stderr,
        }
    }
}

/// Makes a named pipe.
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::CString::new(path.as_os_str().as_bytes()).expect("no NUL in paths");
    // SAFETY: `name` is a NUL-terminated string that lives through the call.
    let made = unsafe { libc::mkfifo(name.as_ptr(), 0o644) };
    assert_eq!(made, 0, "mkfifo {}", path.display());
}

/// Sends `signal` to the process.
#[cfg(unix)]
pub fn send_signal(child: &Child, signal: i32) {
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    // SAFETY: kill has no memory effects; the child has not been waited for, so its pid is
    // still its own.
    let sent = unsafe { libc::kill(pid, signal) };
    assert_eq!(sent, 0, "kill {pid}");
}

/// The corpus folder of the repository.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// The NTREX sample (corpus/ntrex/*.txt, in name order) as JSON Lines: one document per line
/// of each file, with id `{file stem}-{line number from 0}`, each ending in a newline.
pub fn ntrex_jsonl() -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir(corpus().join("ntrex"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for path in &files {
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        for (i, line) in std::fs::read_to_string(path).unwrap().lines().enumerate() {
            docs.push(format!(
                "{}\n",
                serde_json::json!({"id": format!("{name}-{i}"), "text": line})
            ));
        }
    }
    docs
}
