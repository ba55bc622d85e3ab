//! What a run refuses before it reads anything: inputs that would give the same documents
//! twice, and outputs that would destroy an input, each other, or be read back as documents
//! (by this run, or by the next one that reads the same folders). A folder is what its walk
//! reaches, links followed, as the run will walk it.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::files::{
    Identity, absolute, folder_of, identity, identity_of, input_identity, is_device,
    is_null_device, names_stdin, stdin_identity, stdout_file,
};
use crate::input::{EXTENSIONS, has_extension};

/// The files an output named `path` may write, as absolute paths: its name (its folder
/// resolved, the name itself not followed: where a file replaced by renaming appears) and,
/// when the name is a symbolic link, the file the link leads to, through any number of links
/// (up to eight) and whether or not it exists yet: a link is written in place.
pub fn output_places(path: &Path) -> Vec<PathBuf> {
    let name = match path.file_name() {
        Some(name) => absolute(folder_of(path)).join(name),
        None => absolute(path),
    };
    let mut places = vec![name];
    let target = link_target(path);
    if target != path {
        places.push(absolute(&target));
    }
    places
}

/// Where the symbolic link `path` leads, through any number of links (up to eight), whether
/// or not the end exists; `path` itself when it is no link.
fn link_target(path: &Path) -> PathBuf {
    let mut target = path.to_owned();
    for _ in 0..8 {
        match fs::read_link(&target) {
            Ok(next) if next.is_absolute() => target = next,
            Ok(next) => target = folder_of(&target).join(next),
            Err(_) => break,
        }
    }
    target
}

/// Refuses, before anything is read, inputs that would give the same documents twice: the
/// standard input (`-`) named twice or beside the file it reads, a file or folder named
/// twice (however spelled), or a corpus file or folder inside another input folder, or
/// stdin reading a file an input folder holds. One look at each input (a run over a million
/// files costs a million checks, not the square), and, only when stdin reads a regular file
/// beside input folders, one walk of each folder for it.
pub fn check_inputs(inputs: &[PathBuf]) -> Result<(), String> {
    check_stdin_open(inputs)?;
    let twice = |first: &Path, then: &Path| match (names_stdin(first), names_stdin(then)) {
        (true, true) => format!(
            "the standard input is named twice ({} and {})",
            first.display(),
            then.display()
        ),
        // `- corpus.jsonl < corpus.jsonl`: the file stdin reads is an input of its own.
        (true, false) | (false, true) => {
            let (stdin, file) = if names_stdin(first) {
                (first, then)
            } else {
                (then, first)
            };
            format!(
                "{} reads {}, which is also an input: it would be read twice",
                stdin.display(),
                file.display()
            )
        }
        (false, false) => format!(
            "{} and {} are the same input: it would be read twice",
            first.display(),
            then.display()
        ),
    };
    let mut seen: HashMap<Identity, &Path> = HashMap::new();
    let mut folders: HashMap<PathBuf, &Path> = HashMap::new();
    // Folders and corpus files (what a folder's walk reads), by absolute path.
    let mut walkable: Vec<(PathBuf, &Path)> = Vec::new();
    for input in inputs {
        let id = input_identity(input);
        if let Some(first) = seen.insert(id, input) {
            return Err(twice(first, input));
        }
        if names_stdin(input) {
            continue;
        }
        let is_dir = fs::metadata(input).is_ok_and(|m| m.is_dir());
        // The extension of the file read: a link of another name (`notes`, `x.log`) to a
        // corpus file of an input folder reads that file.
        let path = absolute(input);
        if is_dir || has_extension(&path, &EXTENSIONS) {
            if is_dir {
                folders.insert(path.clone(), input);
            }
            walkable.push((path, input));
        }
    }
    for (path, input) in &walkable {
        if let Some(folder) = path.ancestors().skip(1).find_map(|a| folders.get(a)) {
            return Err(format!(
                "{} is inside the input folder {}: it would be read twice",
                input.display(),
                folder.display()
            ));
        }
    }
    // `corpus - < corpus/a.txt`: the file stdin reads is one that an input folder's walk
    // reads too (under any name it reaches: the walk follows links). Walked only then.
    if let Some(stdin) = inputs.iter().find(|p| names_stdin(p))
        && !folders.is_empty()
        && let Some(file) = stdin_identity()
    {
        let mut folders: Vec<&Path> = folders.into_values().collect();
        folders.sort();
        for folder in folders {
            let reach = FolderReach::walk(folder, &EXTENSIONS, std::slice::from_ref(&file));
            if let Some(path) = &reach.files[0] {
                return Err(format!(
                    "{} reads {}, which the input folder {} holds: it would be read twice",
                    stdin.display(),
                    path.display(),
                    folder.display()
                ));
            }
        }
    }
    Ok(())
}

/// Refuses `-` (or `/dev/stdin`) when stdin was closed (`batch - <&-`): it would read as an
/// empty corpus, and the run succeed on nothing.
pub fn check_stdin_open(inputs: &[PathBuf]) -> Result<(), String> {
    if !crate::closed_streams::stdin_was_closed() {
        return Ok(());
    }
    match inputs.iter().find(|p| names_stdin(p)) {
        Some(input) => Err(format!(
            "the standard input ({}) is closed: there is nothing to read; pipe the input in, or name files",
            input.display()
        )),
        None => Ok(()),
    }
}

/// Refuses, before anything is read, outputs that would destroy an input or each other:
/// two outputs naming the same file (a device such as `/dev/null` aside), an output naming
/// an input file (`/dev/null` aside) or the file the standard input reads, or an output
/// that a folder given as input holds and would be read from, this run or the next (a file
/// of one of the extensions `read_in_folders` that the command reads in folders). A folder
/// holds what its walk reaches: the files and folders its symbolic links lead to, and its
/// hard links (one walk of each input folder, as the run will walk it, when there are
/// outputs to check).
/// `outputs` pairs each path with the option that named it.
pub fn check_outputs(
    inputs: &[PathBuf],
    outputs: &[(&str, &Path)],
    read_in_folders: &[&str],
) -> Result<(), String> {
    let stdin = inputs
        .iter()
        .any(|p| names_stdin(p))
        .then(stdin_identity)
        .flatten();
    let ids: Vec<Identity> = outputs.iter().map(|(_, path)| identity(path)).collect();
    // Where each output's file will be: a link not there yet to another output's name is
    // that output (`--output out.json --stats link.json`, `link.json` → `out.json`).
    let places: Vec<Vec<PathBuf>> = outputs
        .iter()
        .map(|(_, path)| output_places(path))
        .collect();
    for (i, (option, path)) in outputs.iter().enumerate() {
        let id = &ids[i];
        let others = outputs[..i].iter().zip(&ids).zip(&places);
        for ((other, other_id), other_places) in others {
            let same = other_id == id || other_places.iter().any(|p| places[i].contains(p));
            if same && !is_device(path) {
                return Err(format!(
                    "{} and {option} name the same file ({}): each needs its own",
                    other.0,
                    path.display()
                ));
            }
        }
        if stdin.as_ref() == Some(id) {
            return Err(format!(
                "{option} {} is the file the standard input reads: writing it would destroy what is read",
                path.display()
            ));
        }
        // (`/dev/null` read and written is not destroyed.)
        for input in inputs.iter().filter(|p| !names_stdin(p)) {
            if identity(input) == *id && !is_null_device(path) {
                return Err(format!(
                    "{option} {} is also an input: writing it would destroy what is read",
                    path.display()
                ));
            }
        }
    }
    for input in inputs.iter().filter(|p| !names_stdin(p)) {
        if outputs.is_empty() || !fs::metadata(input).is_ok_and(|m| m.is_dir()) {
            continue;
        }
        let folder = absolute(input);
        let reach = FolderReach::walk(input, read_in_folders, &ids);
        for (i, (option, path)) in outputs.iter().enumerate() {
            for place in output_places(path) {
                if !has_extension(&place, read_in_folders) {
                    continue;
                }
                if place.starts_with(&folder) {
                    return Err(format!(
                        "{option} {} is in the input folder {} and would be read as input: write it elsewhere",
                        path.display(),
                        input.display()
                    ));
                }
                if let Some(linked) = reach.linked.iter().find(|l| place.starts_with(l)) {
                    return Err(format!(
                        "{option} {} is in {}, which the input folder {} reaches through a link, and would be read as input: write it elsewhere",
                        path.display(),
                        linked.display(),
                        input.display()
                    ));
                }
            }
            if let Some(file) = &reach.files[i] {
                return Err(format!(
                    "{option} {} is {}, which the input folder {} reads (another name of the same file): writing it would destroy what is read",
                    path.display(),
                    file.display(),
                    input.display()
                ));
            }
            let places = output_places(path);
            if let Some((link, _)) = reach.dangling.iter().find(|(_, to)| places.contains(to)) {
                return Err(format!(
                    "{option} {} is where {}, a link in the input folder {}, leads: the next run would read it back: write it elsewhere",
                    path.display(),
                    link.display(),
                    input.display()
                ));
            }
        }
    }
    Ok(())
}

/// Refuses a standard output that is a regular file the run reads: an input (`batch
/// --lines a.txt >> a.txt`, `batch merge a.json >> a.json`), or a file of an input folder,
/// existing or new (`batch corpus/ > corpus/records.jsonl`). What is written would be read
/// back; by the analysis, record after record without end.
pub fn check_stdout(inputs: &[PathBuf], read_in_folders: &[&str]) -> Result<(), String> {
    match stdout_is_no_input(inputs)? {
        Some(path) => check_outputs(
            inputs,
            &[("the standard output", path.as_path())],
            read_in_folders,
        ),
        None => Ok(()),
    }
}

/// [`check_stdout`]'s first half: refuses a standard output that is an input file, and
/// returns the path of the regular file it is, if the system says it, for the check of input
/// folders ([`check_outputs`], which a run makes once for all its outputs).
pub fn stdout_is_no_input(inputs: &[PathBuf]) -> Result<Option<PathBuf>, String> {
    let Some((identity, path)) = stdout_file() else {
        return Ok(None);
    };
    let mut named = inputs.iter().filter(|p| !names_stdin(p));
    if let Some(input) = named.find(|p| self::identity(p) == identity) {
        return Err(format!(
            "the standard output is the input {}: what is written would be read back",
            input.display()
        ));
    }
    Ok(path)
}

/// What the walk of an input folder reaches besides the paths under its own name.
struct FolderReach {
    /// The folders it enters through symbolic links, canonical.
    linked: Vec<PathBuf>,
    /// Its links (of an extension it reads) to files not there yet, with where they lead
    /// (absolute): what a run writes there, the next reads.
    dangling: Vec<(PathBuf, PathBuf)>,
    /// For each identity asked about, a file of the walk that is it, under the walk's name.
    files: Vec<Option<PathBuf>>,
}

impl FolderReach {
    /// Walks `folder` as a run reads it (symbolic links followed), looking at the files of
    /// `read_in_folders` for any of `wanted`. A file's identity costs a look at its metadata
    /// only when it is reached through a link or its inode number (which the folder's listing
    /// gives) is wanted.
    fn walk(folder: &Path, read_in_folders: &[&str], wanted: &[Identity]) -> FolderReach {
        let mut reach = FolderReach {
            linked: Vec::new(),
            dangling: Vec::new(),
            files: vec![None; wanted.len()],
        };
        for entry in walkdir::WalkDir::new(folder).follow_links(true) {
            let entry = match entry {
                Ok(entry) => entry,
                // A link whose target is not there (yet) is an error of the walk.
                Err(e) => {
                    if let Some(link) = e.path()
                        && has_extension(link, read_in_folders)
                        && fs::symlink_metadata(link).is_ok_and(|m| m.file_type().is_symlink())
                    {
                        let to = absolute(&link_target(link));
                        reach.dangling.push((link.to_owned(), to));
                    }
                    continue;
                }
            };
            let path = entry.path();
            let link = entry.path_is_symlink() && entry.depth() > 0;
            if entry.file_type().is_dir() {
                if link && let Ok(target) = fs::canonicalize(path) {
                    reach.linked.push(target);
                }
                continue;
            }
            if !entry.file_type().is_file() || !has_extension(path, read_in_folders) {
                continue;
            }
            #[cfg(unix)]
            let maybe = link || {
                use walkdir::DirEntryExt;
                let ino = entry.ino();
                wanted
                    .iter()
                    .any(|id| matches!(id, Identity::Inode(_, i) if *i == ino))
            };
            #[cfg(not(unix))]
            let maybe = true;
            if !maybe {
                continue;
            }
            let Ok(meta) = fs::metadata(path) else {
                continue;
            };
            let id = identity_of(&meta, path);
            for (slot, wanted) in reach.files.iter_mut().zip(wanted) {
                if slot.is_none() && *wanted == id {
                    *slot = Some(path.to_owned());
                }
            }
        }
        reach
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_that_destroy_inputs_or_each_other_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.txt");
        fs::write(&input, "Muscat").unwrap();
        let inputs = [input.clone(), PathBuf::from("-")];
        let out = dir.path().join("out.jsonl");
        let stats = dir.path().join("stats.json");
        assert!(
            check_outputs(
                &inputs,
                &[("--output", &out), ("--stats", &stats)],
                &EXTENSIONS
            )
            .is_ok()
        );
        // The same new file, spelled two ways.
        let again = dir.path().join("sub/../out.jsonl");
        fs::create_dir(dir.path().join("sub")).unwrap();
        let error = check_outputs(
            &inputs,
            &[("--output", &out), ("--stats", &again)],
            &EXTENSIONS,
        );
        assert!(error.unwrap_err().contains("name the same file"));
        let error = check_outputs(&inputs, &[("--output", &input)], &EXTENSIONS).unwrap_err();
        assert!(error.contains("is also an input"), "{error}");
        // A corpus file inside an input folder, existing or not: read back this run or the
        // next.
        let folder = [dir.path().to_owned()];
        for name in ["old.jsonl", "new.jsonl"] {
            let inside = dir.path().join(name);
            if name == "old.jsonl" {
                fs::write(&inside, "").unwrap();
            }
            let error = check_outputs(&folder, &[("--output", &inside)], &EXTENSIONS).unwrap_err();
            assert!(error.contains("would be read as input"), "{error}");
        }
        assert!(check_outputs(&folder, &[("--stats", &stats)], &EXTENSIONS).is_ok());
        // A link of another name to a corpus file of the folder: writing it would write
        // that file.
        #[cfg(unix)]
        {
            let corpus = dir.path().join("corpus.txt");
            fs::write(&corpus, "Muscat").unwrap();
            let elsewhere = tempfile::tempdir().unwrap();
            let link = elsewhere.path().join("out.log");
            std::os::unix::fs::symlink(&corpus, &link).unwrap();
            let error = check_outputs(&folder, &[("--output", &link)], &EXTENSIONS).unwrap_err();
            assert!(error.contains("would be read as input"), "{error}");
        }
    }

    #[test]
    fn inputs_that_give_documents_twice_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        fs::write(&file, "Muscat").unwrap();
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).unwrap();
        let stdin = PathBuf::from("-");
        assert!(check_inputs(&[file.clone(), stdin.clone(), sub.clone()]).is_ok());
        let twice = |inputs: &[PathBuf]| check_inputs(inputs).unwrap_err();
        assert!(twice(&[stdin.clone(), stdin]).contains("named twice"));
        let again = sub.join("../a.txt");
        assert!(twice(&[file.clone(), again]).contains("same input"));
        // A folder or a corpus file inside an input folder, in either order.
        let dir = dir.path().to_owned();
        assert!(twice(&[dir.clone(), sub.clone()]).contains("is inside the input folder"));
        assert!(twice(&[sub.clone(), dir.clone()]).contains("is inside the input folder"));
        assert!(twice(&[dir.clone(), dir.join("a.txt")]).contains("is inside the input folder"));
        // What a folder's walk does not read may be named beside it.
        fs::write(dir.join("notes.md"), "x").unwrap();
        assert!(check_inputs(&[dir.clone(), dir.join("notes.md")]).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn outputs_may_share_a_device() {
        let null = Path::new("/dev/null");
        let inputs = [PathBuf::from("in.txt")];
        assert!(
            check_outputs(
                &inputs,
                &[("--output", null), ("--stats", null)],
                &EXTENSIONS
            )
            .is_ok()
        );
    }
}
