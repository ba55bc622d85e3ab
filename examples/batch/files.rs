//! The files a run writes (`--output`, `--stats`, `--stats-dir`, `merge --output`): whole or
//! not at all where that can be done, in place where it cannot (never over an input:
//! `refusals` checks that first); and what makes two paths one file (`Identity`), which
//! those checks and the folder walk's `links` compare.
//!
//! A regular file or a new name is written under a temporary name in the same folder
//! (`.NAME.XXXXXX.part`) and renamed when every output of the run is complete: a run that
//! stops leaves no truncated file and no half of a pair. Anything else (a device such as
//! `/dev/null` or `/dev/full`, a named pipe, a symbolic link) cannot be replaced without
//! destroying it: it is opened and written as it goes, as a shell's `>` would, and its
//! write errors stop the run. A path to where stdout already goes (`/dev/stdout`) is written
//! through stdout.
//!
//! The temporary files are listed here so that an interrupted run removes them on its way
//! out (see `signals`). Two runs naming the same files rename theirs one run after the other
//! ([`FolderLocks`]), so a pair always comes from one run.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use tempfile::NamedTempFile;

/// The temporary files not yet renamed or removed.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn temporaries() -> MutexGuard<'static, Vec<PathBuf>> {
    // A panic while the list was held leaves it as it was: still the right list.
    TEMPORARIES.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes every temporary file of the run and returns the list's lock: hold it until the
/// process ends, so that no temporary file is renamed after its removal was decided.
pub fn remove_temporaries() -> MutexGuard<'static, Vec<PathBuf>> {
    let mut list = temporaries();
    for path in list.drain(..) {
        let _ = fs::remove_file(path);
    }
    list
}

/// Why an output cannot be written.
#[derive(Debug)]
pub enum Refusal {
    /// The arguments are wrong (exit code 2): a folder, an input, another output.
    Usage(String),
    /// It cannot be created (exit code 3): no such folder, no permission...
    Io(io::Error),
}

/// One output file of the run.
pub struct OutputFile {
    path: PathBuf,
    target: Option<Target>,
}

enum Target {
    /// A temporary file in `path`'s folder, renamed to `path` by [`OutputFile::commit`].
    Renamed(BufWriter<NamedTempFile>),
    /// `path` itself, written as it goes.
    InPlace(BufWriter<File>),
    /// `path` is where stdout goes (`/dev/stdout`, or its file): written through stdout,
    /// which neither truncates a file stdout appends to nor writes over what went before.
    Stdout(BufWriter<io::Stdout>),
}

impl OutputFile {
    /// Opens `path` for writing: a temporary file beside it when it is a regular file or a
    /// new name, else the file itself. Nothing is created under `path` itself until
    /// [`commit`](Self::commit) unless it is written in place.
    pub fn create(path: &Path) -> Result<OutputFile, Refusal> {
        if path.as_os_str().is_empty() {
            return Err(Refusal::Usage(
                "an empty name is no file: name a file to write".into(),
            ));
        }
        if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            return Err(Refusal::Usage(format!(
                "{} is a folder: name a file to write",
                path.display()
            )));
        }
        // `new/` names a folder that is not there: the file would be made at the end, when
        // its rename failed, after the whole run.
        let spelt = path.as_os_str().to_string_lossy();
        let last = spelt.rsplit(['/', std::path::MAIN_SEPARATOR]).next();
        if matches!(last, Some("" | "." | "..")) {
            return Err(Refusal::Usage(format!(
                "{} ends as a folder's name does (/, /. or /..): name a file to write",
                path.display()
            )));
        }
        // A stdout closed at start is /dev/null now: a name of stdout is refused, /dev/null
        // itself (or another name of it) is written as any device.
        let closed = crate::closed_streams::stdout_was_closed();
        if closed && names_stdout(path) {
            return Err(Refusal::Usage(format!(
                "{}: {}",
                path.display(),
                crate::output::STDOUT_CLOSED
            )));
        }
        if !closed && is_stdout(path) {
            return Ok(OutputFile {
                path: path.to_owned(),
                target: Some(Target::Stdout(BufWriter::with_capacity(
                    1 << 16,
                    io::stdout(),
                ))),
            });
        }
        let replaceable = match fs::symlink_metadata(path) {
            Ok(meta) => meta.file_type().is_file(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => true,
            Err(e) => return Err(Refusal::Io(with_path(e, path))),
        };
        let target = if replaceable {
            Target::Renamed(BufWriter::with_capacity(
                1 << 16,
                temporary_beside(path, &path.display()).map_err(Refusal::Io)?,
            ))
        } else {
            let file = OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .open(path)
                .map_err(|e| Refusal::Io(with_path(e, path)))?;
            Target::InPlace(BufWriter::with_capacity(1 << 16, file))
        };
        Ok(OutputFile {
            path: path.to_owned(),
            target: Some(target),
        })
    }

    /// A file in `dir` whose name is chosen later, with [`set_path`](Self::set_path).
    pub fn in_folder(dir: &Path) -> io::Result<OutputFile> {
        let path = dir.join("stats.json");
        // (Its name is not known yet: an error names the folder.)
        let file = temporary_beside(&path, &format_args!("a file in {}", dir.display()))?;
        Ok(OutputFile {
            path,
            target: Some(Target::Renamed(BufWriter::with_capacity(1 << 16, file))),
        })
    }

    /// Names the file (of [`in_folder`](Self::in_folder)) in the same folder.
    pub fn set_path(&mut self, path: PathBuf) {
        self.path = path;
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes out what is buffered and, for a file to be renamed, syncs it to disk: after
    /// this only the rename is left.
    pub fn finish(&mut self) -> io::Result<()> {
        let path = &self.path;
        match &mut self.target {
            Some(Target::Renamed(out)) => {
                out.flush().map_err(|e| with_path(e, path))?;
                out.get_ref()
                    .as_file()
                    .sync_all()
                    .map_err(|e| with_path(e, path))
            }
            Some(Target::InPlace(out)) => out.flush().map_err(|e| with_path(e, path)),
            Some(Target::Stdout(out)) => out.flush().map_err(|e| with_path(e, path)),
            None => Ok(()),
        }
    }

    /// Refuses what would make the rename of [`commit`](Self::commit) fail and can be seen
    /// before it: a folder where the file is to go (made while the run read). A run checks
    /// each of its files so before it renames any, so that one file of a pair is not renamed
    /// when the other cannot be.
    pub fn check_renamable(&self) -> io::Result<()> {
        let renamed = matches!(self.target, Some(Target::Renamed(_)));
        if renamed && fs::symlink_metadata(&self.path).is_ok_and(|m| m.is_dir()) {
            let e = io::Error::new(io::ErrorKind::IsADirectory, "a folder is there now");
            return Err(with_path(e, &self.path));
        }
        Ok(())
    }

    /// Gives a finished file its name; what it returns can take it back.
    pub fn commit(mut self) -> io::Result<Committed> {
        self.finish()?;
        let Some(Target::Renamed(out)) = self.target.take() else {
            return Ok(Committed { created: None });
        };
        let file = out
            .into_inner()
            .map_err(|e| with_path(e.into_error(), &self.path))?;
        let mut list = temporaries();
        list.retain(|p| p != file.path());
        let new =
            fs::symlink_metadata(&self.path).is_err_and(|e| e.kind() == io::ErrorKind::NotFound);
        let file = file
            .persist(&self.path)
            .map_err(|e| with_path(e.error, &self.path))?;
        // What to take back: a file this commit created, as long as it is that file.
        let created = match file.metadata() {
            Ok(meta) if new => Some((self.path.clone(), identity_of(&meta, &self.path))),
            _ => None,
        };
        Ok(Committed { created })
    }
}

/// A file given its name by [`OutputFile::commit`].
#[must_use = "a run that cannot give every file its name takes back those it gave"]
pub struct Committed {
    /// Its name and identity, when nothing was there before.
    created: Option<(PathBuf, Identity)>,
}

impl Committed {
    /// Removes the file when the commit created it and it is still there (the same file:
    /// another program may have written that name since): a run whose other output could
    /// not be renamed leaves neither. (A file it replaced cannot be brought back: its old
    /// bytes are gone with the rename.)
    pub fn take_back(self) {
        if let Some((path, id)) = self.created
            && identity(&path) == id
        {
            let _ = fs::remove_file(path);
        }
    }
}

impl Drop for OutputFile {
    fn drop(&mut self) {
        if let Some(Target::Renamed(out)) = &self.target {
            // NamedTempFile removes the file itself.
            temporaries().retain(|p| p != out.get_ref().path());
        }
    }
}

impl Write for OutputFile {
    // Every error names the file, whichever way it is written: serde_json writes with
    // `write`, not `write_all`.
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.target {
            Some(Target::Renamed(out)) => out.write(buf),
            Some(Target::InPlace(out)) => out.write(buf),
            Some(Target::Stdout(out)) => out.write(buf),
            None => Err(io::Error::other("the file is already written")),
        }
        .map_err(|e| with_path(e, &self.path))
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.target {
            Some(Target::Renamed(out)) => out.write_all(buf),
            Some(Target::InPlace(out)) => out.write_all(buf),
            Some(Target::Stdout(out)) => out.write_all(buf),
            None => Err(io::Error::other("the file is already written")),
        }
        .map_err(|e| with_path(e, &self.path))
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.target {
            Some(Target::Renamed(out)) => out.flush(),
            Some(Target::InPlace(out)) => out.flush(),
            Some(Target::Stdout(out)) => out.flush(),
            None => Ok(()),
        }
        .map_err(|e| with_path(e, &self.path))
    }
}

/// Exclusive locks on the folders a run renames its files in, held while it renames them.
///
/// Each rename is atomic, but a pair's two are not one step: two runs writing the same
/// `--output` and `--stats` at once could each rename one file last, leaving records of one
/// run beside statistics of the other. Under these locks the runs rename their files one run
/// after the other, so the pair left is the last run's. The locks are advisory (`flock`):
/// only this tool asks for them. Where a folder cannot be locked (no file locks on its file
/// system; no directory handles on Windows) the run renames without.
pub struct FolderLocks {
    _held: Vec<File>,
}

impl FolderLocks {
    /// Waits for and takes the locks of the folders of `files` that are renamed.
    pub fn take<'a>(files: impl IntoIterator<Item = &'a OutputFile>) -> FolderLocks {
        let mut folders: Vec<PathBuf> = files
            .into_iter()
            .filter(|file| matches!(file.target, Some(Target::Renamed(_))))
            .filter_map(|file| {
                let folder = file.path.parent().filter(|p| !p.as_os_str().is_empty());
                fs::canonicalize(folder.unwrap_or(Path::new("."))).ok()
            })
            .collect();
        // Always in the same order, so that two runs never each hold a lock the other waits
        // for.
        folders.sort();
        folders.dedup();
        let held = folders
            .iter()
            .filter_map(|folder| {
                let handle = File::open(folder).ok()?;
                handle.lock().ok()?;
                Some(handle)
            })
            .collect();
        FolderLocks { _held: held }
    }
}

/// A new temporary file in `path`'s folder (`.NAME.XXXXXX.part`), removed unless renamed,
/// and listed for removal on a signal; an error that it cannot be made names it `shown`.
fn temporary_beside(path: &Path, shown: &dyn std::fmt::Display) -> io::Result<NamedTempFile> {
    let dir = folder_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".part");
    // The file replaced, when there is one.
    let old = fs::metadata(path).ok().filter(fs::Metadata::is_file);
    // A file replaced keeps its permissions, as a shell's `>` keeps them (a private 0600
    // file must not become readable by all, a group-writable one stays so); a new one is
    // made as `File::create` makes one (0666 less the umask), not tempfile's private 0600.
    #[cfg(unix)]
    let kept = {
        use std::os::unix::fs::PermissionsExt;
        let mode = old.as_ref().map_or(0o666, |m| m.permissions().mode());
        builder.permissions(fs::Permissions::from_mode(mode));
        old.as_ref().map(|m| m.permissions())
    };
    // Listed before it exists: a signal between the two finds nothing to remove.
    let mut list = temporaries();
    let cannot_create = |e: io::Error| {
        io::Error::new(
            e.kind(),
            format!(
                "cannot create {shown}: {} (its folder must exist and be writable)",
                io_message(&e)
            ),
        )
    };
    // Replacing by renaming needs only the folder's permission: a file the user may not
    // write (read-only, another's) is refused as a shell's `>` refuses it. Opened without
    // truncation, so nothing of it changes.
    if old.is_some() {
        OpenOptions::new().write(true).open(path).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("cannot write {}: {}", path.display(), io_message(&e)),
            )
        })?;
    }
    let file = builder.tempfile_in(dir).map_err(cannot_create)?;
    list.push(file.path().to_owned());
    // The umask took bits off the old mode when the file was made: given back (a mode set
    // on an open file is not masked). A file system that refuses modes (some network and
    // FAT mounts) keeps its own, as it did for the old file: nothing to stop for.
    #[cfg(unix)]
    if let Some(permissions) = kept {
        let _ = file.as_file().set_permissions(permissions);
    }
    Ok(file)
}

/// Whether `path` names stdout itself, whatever it is open on: `/dev/stdout`, `/dev/fd/1`,
/// `/proc/self/fd/1`, or a link to one of them.
fn names_stdout(path: &Path) -> bool {
    names_one_of(path, &["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
}

/// Whether `path` names stdin itself: `-`, `/dev/stdin`, `/dev/fd/0`, `/proc/self/fd/0`, or a
/// link to one of them.
pub fn names_stdin(path: &Path) -> bool {
    path.as_os_str() == "-" || names_one_of(path, &["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"])
}

/// Whether `path` is one of `names` or a link to one.
fn names_one_of(path: &Path, names: &[&str]) -> bool {
    let mut path = path.to_owned();
    // (A few links at most: a loop is not followed for ever.)
    for _ in 0..8 {
        if names.iter().any(|name| path == Path::new(name)) {
            return true;
        }
        match fs::read_link(&path) {
            Ok(target) if target.is_absolute() => path = target,
            Ok(target) => path = folder_of(&path).join(target),
            Err(_) => return false,
        }
    }
    false
}

/// The regular file stdout writes to (`batch corpus/ > corpus/records.jsonl`), for the
/// checks of outputs: its identity, from the open descriptor (on every Unix), and its path
/// where the system says it (Linux's `/proc/self/fd/1`), which the check of input folders
/// needs. `None` when stdout is a pipe, a terminal or a device: no input can be those.
pub fn stdout_file() -> Option<(Identity, Option<PathBuf>)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let stdout = fd_metadata(&io::stdout())?;
        if !stdout.is_file() {
            return None;
        }
        let path = fs::read_link("/proc/self/fd/1")
            .ok()
            .filter(|p| is_stdout(p));
        Some((Identity::Inode(stdout.dev(), stdout.ino()), path))
    }
    #[cfg(not(unix))]
    None
}

/// Whether `path` is the file, pipe or terminal stdout writes to.
pub fn is_stdout(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Some(stdout), Ok(meta)) = (fd_metadata(&io::stdout()), fs::metadata(path)) {
            return (stdout.dev(), stdout.ino()) == (meta.dev(), meta.ino());
        }
    }
    let _ = path;
    false
}

pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// What makes two paths the same file: its device and inode when it exists, else its
/// absolute path.
#[derive(Debug, PartialEq, Eq, Hash)]
pub enum Identity {
    #[cfg(unix)]
    Inode(u64, u64),
    Path(PathBuf),
}

pub fn identity(path: &Path) -> Identity {
    match fs::metadata(path) {
        Ok(meta) => identity_of(&meta, path),
        Err(_) => Identity::Path(absolute(path)),
    }
}

/// [`identity`] of the file at `path` whose metadata (symbolic links followed) is `meta`.
pub fn identity_of(meta: &fs::Metadata, path: &Path) -> Identity {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        Identity::Inode(meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Identity::Path(absolute(path))
    }
}

/// `path` with its folder's symbolic links and `..` resolved, as far as it exists.
pub fn absolute(path: &Path) -> PathBuf {
    if let Ok(path) = fs::canonicalize(path) {
        return path;
    }
    let name = path.file_name().unwrap_or_default();
    match fs::canonicalize(folder_of(path)) {
        Ok(dir) => dir.join(name),
        Err(_) => std::path::absolute(path).unwrap_or_else(|_| path.to_owned()),
    }
}

/// [`identity`] of an input, `-` (or another name of stdin) the standard input: the file it
/// reads, or (a pipe, which has no identity to compare) a marker of its own.
pub fn input_identity(input: &Path) -> Identity {
    // `-` and `/dev/stdin` are one input whatever stdin is: on a pipe the second would read
    // nothing, without a word.
    if names_stdin(input) {
        stdin_identity().unwrap_or(Identity::Path(PathBuf::from("-")))
    } else {
        identity(input)
    }
}

/// The identity of the file the standard input reads, when it is a regular file (`<
/// corpus.jsonl`); pipes and terminals are no file an output could name.
pub fn stdin_identity() -> Option<Identity> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = fd_metadata(&io::stdin())?;
        meta.is_file()
            .then(|| Identity::Inode(meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    None
}

/// The metadata of the file a standard stream reads or writes.
#[cfg(unix)]
fn fd_metadata(stream: &impl std::os::fd::AsFd) -> Option<fs::Metadata> {
    let fd = stream.as_fd().try_clone_to_owned().ok()?;
    File::from(fd).metadata().ok()
}

/// Whether `path` is a character device (`/dev/null`): outputs may share it.
pub fn is_device(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        fs::metadata(path).is_ok_and(|m| m.file_type().is_char_device())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Whether `path` is `/dev/null` (by another name too): reading and writing it destroys
/// nothing, where a disk or tape that is a character device would be destroyed.
pub fn is_null_device(path: &Path) -> bool {
    is_device(path) && identity(path) == identity(Path::new("/dev/null"))
}

/// The error, saying which file it was about.
pub fn with_path(e: io::Error, path: &Path) -> io::Error {
    let message = io_message(&e);
    let name = path.display().to_string();
    if message.starts_with(&name) {
        return e; // said already
    }
    io::Error::new(e.kind(), format!("{name}: {message}"))
}

/// An I/O error without Rust's "(os error N)" suffix and what follows it.
pub fn io_message(e: &io::Error) -> String {
    let message = e.to_string();
    match message.find(" (os error") {
        Some(i) => message[..i].to_owned(),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_taken_back_is_removed_only_if_the_commit_created_it_and_it_is_still_there() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let mut file = OutputFile::create(&dir.path().join(name)).unwrap();
            file.write_all(text.as_bytes()).unwrap();
            file.commit().unwrap()
        };
        // Created: taken back.
        write("new.json", "new").take_back();
        assert!(!dir.path().join("new.json").exists());
        // Replaced: the new bytes stay (the old ones are gone with the rename).
        fs::write(dir.path().join("old.json"), "old").unwrap();
        write("old.json", "new").take_back();
        assert_eq!(
            fs::read_to_string(dir.path().join("old.json")).unwrap(),
            "new"
        );
        // Created, then replaced by another program (by a rename, as this tool replaces
        // files): its file stays.
        let committed = write("raced.json", "ours");
        fs::write(dir.path().join("theirs.tmp"), "theirs").unwrap();
        fs::rename(dir.path().join("theirs.tmp"), dir.path().join("raced.json")).unwrap();
        committed.take_back();
        assert_eq!(
            fs::read_to_string(dir.path().join("raced.json")).unwrap(),
            "theirs"
        );
    }

    #[test]
    fn a_folder_is_not_an_output() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            OutputFile::create(dir.path()),
            Err(Refusal::Usage(_))
        ));
        assert!(matches!(
            OutputFile::create(&dir.path().join("no/such/folder.json")),
            Err(Refusal::Io(_))
        ));
        assert!(matches!(
            OutputFile::create(Path::new("")),
            Err(Refusal::Usage(_))
        ));
        // A new name that ends as a folder's does.
        for end in ["new/", "new/.", "new/.."] {
            let name = PathBuf::from(format!("{}/{end}", dir.path().display()));
            let refused = OutputFile::create(&name);
            assert!(matches!(refused, Err(Refusal::Usage(_))), "{end}");
        }
    }

    #[test]
    fn a_file_appears_at_commit_and_its_temporary_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        let mut file = OutputFile::create(&path).unwrap();
        file.write_all(b"{}\n").unwrap();
        assert!(!path.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "the .part");
        let _ = file.commit().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"{}\n");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        let dropped = OutputFile::create(&dir.path().join("never.json")).unwrap();
        drop(dropped);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
