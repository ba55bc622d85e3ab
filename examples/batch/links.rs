//! The second names a file may have among the inputs, so that its documents are read once: a
//! symbolic link to a file, a symbolic link to a folder (which names each of its files
//! again), a hard link.
//!
//! A file met through a symbolic link is skipped when the run reads its target under the
//! target's own name (a file named as an input, or a corpus file inside a folder named as
//! one), whichever comes first; otherwise it is read, and a second link to the same target is
//! skipped. Hard links are told by their link count. Only what a second name may reach is
//! remembered (the files met through links and the hard-linked ones, by device and inode):
//! memory grows with the links, not with the files of a corpus.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::files::{self, Identity};
use crate::input::{EXTENSIONS, has_extension};

pub struct Links {
    /// The folders named as inputs, canonical.
    folders: Vec<PathBuf>,
    /// The files named as inputs, canonical.
    files: HashSet<PathBuf>,
    /// In the folder being walked, the depth of the symbolically linked folder the walk is
    /// in: its entries are below it.
    inside: Option<usize>,
    /// Files a second name may reach, with the name each was read under.
    met: HashMap<Identity, Arc<str>>,
}

impl Links {
    pub fn new(inputs: &[PathBuf]) -> Links {
        let mut links = Links {
            folders: Vec::new(),
            files: HashSet::new(),
            inside: None,
            met: HashMap::new(),
        };
        for input in inputs.iter().filter(|p| !crate::files::names_stdin(p)) {
            let Ok(canonical) = fs::canonicalize(input) else {
                continue;
            };
            if canonical.is_dir() {
                links.folders.push(canonical);
            } else {
                links.files.insert(canonical);
            }
        }
        links
    }

    /// Notes an entry of a folder's walk (every entry, in walk order, folders too) and tells
    /// whether it is reached through a symbolic link: a link itself, or an entry of a linked
    /// folder. The folder named as the input is not a link of the walk, even when its name
    /// is one.
    pub fn through_link(&mut self, entry: &walkdir::DirEntry) -> bool {
        let depth = entry.depth();
        if self.inside.is_some_and(|linked| depth <= linked) {
            self.inside = None;
        }
        let link = entry.path_is_symlink() && depth > 0;
        if link && entry.file_type().is_dir() && self.inside.is_none() {
            self.inside = Some(depth);
        }
        link || self.inside.is_some()
    }

    /// For a file reached through a symbolic link: its target, when this run reads the
    /// target under its own name.
    pub fn read_by_its_own_name(&self, path: &Path) -> Option<PathBuf> {
        let target = fs::canonicalize(path).ok()?;
        let in_a_folder = || {
            has_extension(&target, &EXTENSIONS)
                && self.folders.iter().any(|f| target.starts_with(f))
        };
        (self.files.contains(&target) || in_a_folder()).then_some(target)
    }

    /// For a file about to be read, whose metadata is `meta`: the name it was read under
    /// already, if a second name reached it; else `None`, and it is remembered as read
    /// under `name` when a second name may reach it (`through_link`, or hard-linked).
    pub fn read_before(
        &mut self,
        meta: &fs::Metadata,
        path: &Path,
        through_link: bool,
        name: &Arc<str>,
    ) -> Option<Arc<str>> {
        if !through_link && !hard_linked(meta) {
            return None;
        }
        match self.met.entry(files::identity_of(meta, path)) {
            std::collections::hash_map::Entry::Occupied(first) => Some(first.get().clone()),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(name.clone());
                None
            }
        }
    }
}

/// Whether other names of the file are hard links to it.
fn hard_linked(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.nlink() > 1
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}
