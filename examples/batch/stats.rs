//! Corpus statistics files: written whole or not at all, named stably, merged exactly.
//!
//! The file is `wordmill::tf::CorpusStats` as JSON. Its terms are sorted, so statistics of
//! the same documents are the same bytes however they were split up and merged. The tool
//! writes the analysis options that shape terms first, as an `"analysis"` field (which the
//! library's reader skips): merge refuses to add up files whose terms were made differently.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crc::{CRC_64_XZ, Crc, Table};
use wordmill::tf::{BINARY_MAGIC, CorpusStats};

use crate::Outcome;
use crate::files::{self, OutputFile, Refusal};
use crate::input::Document;
use crate::refusals;
use crate::report::counted;

/// The field a statistics file of this tool begins with: the analysis options that shape
/// its terms (see `AnalysisArgs::term_options`).
const ANALYSIS_FIELD: &[u8] = b"{\"analysis\":";

/// Writes `stats` as one line of JSON, with the analysis options that made its terms
/// (`analysis`) first when they are known.
pub fn write_json(
    out: &mut impl Write,
    stats: &CorpusStats,
    analysis: Option<&str>,
) -> io::Result<()> {
    match analysis {
        Some(analysis) => {
            out.write_all(ANALYSIS_FIELD)?;
            serde_json::to_writer(&mut *out, analysis)?;
            out.write_all(b",")?;
            // The statistics' own object, its opening brace left out: they continue this one.
            serde_json::to_writer(
                SkipFirstByte {
                    out: &mut *out,
                    skipped: false,
                },
                stats,
            )?;
        }
        None => serde_json::to_writer(&mut *out, stats)?,
    }
    out.write_all(b"\n")
}

/// A writer that drops the first byte written to it.
struct SkipFirstByte<W> {
    out: W,
    skipped: bool,
}

impl<W: Write> Write for SkipFirstByte<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.skipped && !buf.is_empty() {
            self.skipped = true;
            return Ok(1 + self.out.write(&buf[1..])?);
        }
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// What the start of a statistics file says of the analysis options, when they are its
/// first field (as this tool writes them; white space allowed): `Some(Some(options))`,
/// `Some(None)` when the first field is another (or the start is no JSON object: the parse of
/// the whole file says what is wrong), `None` when more of the file is needed to tell.
fn analysis_in(head: &[u8]) -> Option<Option<String>> {
    let mut rest = head;
    // Each step: `None` when the head ends before it could be taken.
    let skip_blank = |rest: &mut &[u8]| {
        let blank = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
        *rest = &rest[blank..];
        rest.first().copied()
    };
    let string = |rest: &mut &[u8]| -> Option<Option<String>> {
        let mut values = serde_json::Deserializer::from_slice(rest).into_iter::<String>();
        match values.next() {
            Some(Ok(value)) => {
                *rest = &rest[values.byte_offset()..];
                Some(Some(value))
            }
            Some(Err(e)) if !e.is_eof() => Some(None),
            _ => None,
        }
    };
    if skip_blank(&mut rest)? != b'{' {
        return Some(None);
    }
    rest = &rest[1..];
    if skip_blank(&mut rest)? != b'"' {
        return Some(None);
    }
    if string(&mut rest)?.as_deref() != Some("analysis") {
        return Some(None);
    }
    if skip_blank(&mut rest)? != b':' {
        return Some(None);
    }
    rest = &rest[1..];
    skip_blank(&mut rest)?;
    string(&mut rest)
}

/// The `"analysis"` field of a whole statistics file, wherever it is (a file re-saved by
/// another JSON writer), read past everything else without building it.
fn analysis_anywhere(bytes: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Analysis {
        analysis: Option<String>,
    }
    serde_json::from_slice::<Analysis>(bytes).ok()?.analysis
}

/// Bytes of a piped statistics file read to find its analysis options first: far more than
/// this tool writes there (its options, a few dozen bytes).
const ANALYSIS_HEAD: usize = 64 << 10;

/// The file in `dir` for the statistics of an input with this many documents and this
/// [`NameHash`]. The same input gets the same name: a worker that runs again replaces its
/// own file instead of adding a second one.
pub fn file_in(dir: &Path, documents: u64, hash: u64) -> PathBuf {
    dir.join(format!("stats-{documents}-{hash:016x}.json"))
}

/// CRC-64/XZ (the CRC-64 of xz and of Go's `crc64.ECMA` table; check value
/// 0x995dc9bbdf1939fa for "123456789"), computed 16 bytes a step.
const NAME_CRC: Crc<u64, Table<16>> = Crc::<u64, Table<16>>::new(&CRC_64_XZ);

/// The hash in the names of --stats-dir's files: CRC-64/XZ of, for every document in input
/// order, its id, a 0xFF byte, its text (or its error message), a 0xFF byte. A named, fixed
/// algorithm: the same input gets the same name with any build of the tool, so a retried
/// worker replaces its own file. (0xFF never occurs in UTF-8, so the fields cannot run into
/// each other.)
pub struct NameHash(crc::Digest<'static, u64, Table<16>>);

impl NameHash {
    pub fn new() -> NameHash {
        NameHash(NAME_CRC.digest())
    }

    pub fn add(&mut self, doc: &Document) {
        self.0.update(doc.id.as_bytes());
        self.0.update(&[0xFF]);
        match &doc.text {
            Ok(text) => self.0.update(text.as_bytes()),
            Err(error) => self.0.update(error.as_bytes()),
        }
        self.0.update(&[0xFF]);
    }

    pub fn finish(self) -> u64 {
        self.0.finalize()
    }
}

/// Reads one statistics file (`-`: the standard input), of at most [`LARGEST_STATS`] bytes:
/// the statistics and the analysis options it names (see [`write_json`]).
pub fn read(path: &Path) -> Result<(CorpusStats, Option<String>), String> {
    let cannot_read = |e: &dyn std::fmt::Display| format!("cannot read {}: {e}", path.display());
    let too_large = || {
        format!(
            "{}: larger than {} GiB, not a statistics file of this tool",
            path.display(),
            LARGEST_STATS >> 30
        )
    };
    let mut analysis = None;
    let parsed = if path.as_os_str() == "-" {
        parse_streamed(
            path,
            io::stdin().lock(),
            &mut analysis,
            cannot_read,
            too_large,
        )?
    } else {
        let mut file = fs::File::open(path).map_err(|e| cannot_read(&e))?;
        match file.metadata() {
            // A regular file says its size before it is read, and is read whole: parsing
            // from memory is a fifth faster than from a reader (two shards of 12 MB: 0.46 s
            // against 0.57 s).
            Ok(meta) if meta.is_file() => {
                if meta.len() > LARGEST_STATS {
                    return Err(too_large());
                }
                // Its first bytes are checked before the rest is read: a large file of
                // something else (a sparse file, a binary in a folder of shards) is refused
                // at once, not after it has been read into memory.
                let mut bytes = Vec::new();
                (&mut file)
                    .take(START_BYTES as u64)
                    .read_to_end(&mut bytes)
                    .map_err(|e| cannot_read(&e))?;
                check_start(path, &bytes)?;
                file.read_to_end(&mut bytes).map_err(|e| cannot_read(&e))?;
                let parsed = serde_json::from_slice(&bytes);
                if parsed.is_ok() {
                    analysis = analysis_anywhere(&bytes);
                }
                parsed
            }
            // A pipe or a device (`/dev/zero`) is parsed as it is read: what is no JSON
            // fails at its first bytes, instead of after gigabytes read into memory.
            _ => parse_streamed(path, file, &mut analysis, cannot_read, too_large)?,
        }
    };
    parsed.map(|stats| (stats, analysis)).map_err(|e| {
        if e.is_io() {
            cannot_read(&e)
        } else {
            not_stats(path, &e)
        }
    })
}

/// Parses statistics from a stream (a pipe, a device, the standard input) as it is read, at
/// most [`LARGEST_STATS`] bytes of it. The start is read as far as it takes to see the
/// analysis options (a pipe gives what was written so far; this tool writes them first),
/// then parsed again with the rest. Options elsewhere in a streamed file are not seen (a
/// regular file is read whole, and its options are found anywhere).
fn parse_streamed(
    path: &Path,
    source: impl Read,
    analysis: &mut Option<String>,
    cannot_read: impl Fn(&dyn std::fmt::Display) -> String,
    too_large: impl Fn() -> String,
) -> Result<serde_json::Result<CorpusStats>, String> {
    let mut source = source.take(LARGEST_STATS + 1);
    let mut head = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(found) = analysis_in(&head) {
            *analysis = found;
            break;
        }
        if head.len() >= ANALYSIS_HEAD {
            break;
        }
        match source.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => head.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(cannot_read(&e)),
        }
    }
    check_start(path, &head)?;
    let mut reader = io::BufReader::with_capacity(1 << 16, io::Cursor::new(head).chain(source));
    let parsed = serde_json::from_reader(&mut reader);
    if reader.get_ref().get_ref().1.limit() == 0 {
        return Err(too_large());
    }
    Ok(parsed)
}

/// How many of a file's first bytes [`check_start`] is given (fewer when the file is shorter).
const START_BYTES: usize = 4096;

/// Refuses what cannot be statistics from its first bytes: JSON statistics begin with `{`
/// (or `[`, serde's other form of an object) after white space. The binary form gets a
/// message of its own: it is wordmill's, but merge reads JSON.
fn check_start(path: &Path, start: &[u8]) -> Result<(), String> {
    if start.starts_with(&BINARY_MAGIC) {
        return Err(format!(
            "{}: wordmill's binary statistics (CorpusStats::to_bytes); merge reads the JSON statistics that --stats, --stats-dir and merge write",
            path.display()
        ));
    }
    match start.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{' | b'[') | None => Ok(()),
        Some(_) => Err(not_stats(path, &"it does not begin with a JSON object")),
    }
}

/// The message for a file that is no statistics of this tool, `why`.
fn not_stats(path: &Path, why: &dyn std::fmt::Display) -> String {
    format!(
        "{}: not a wordmill statistics file ({why}); statistics files are written by --stats, --stats-dir or merge",
        path.display()
    )
}

/// The largest statistics file merge reads: 16 GiB, far past the statistics of any corpus a
/// machine analyses (NTREX's 65 languages, one document per line: 12 MB).
const LARGEST_STATS: u64 = 16 << 30;

/// The statistics files named by `inputs`: files as given, folders' `*.json` files (not
/// hidden ones: those are unfinished writes) in name order.
fn files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for input in inputs {
        if crate::files::names_stdin(input) {
            // The standard input by any name, as for an analysis: read as a file, never
            // walked as a folder.
            files.push(input.clone());
            continue;
        }
        let meta =
            fs::metadata(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
        if !meta.is_dir() {
            files.push(input.clone());
            continue;
        }
        let mut found = Vec::new();
        for entry in
            fs::read_dir(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?
        {
            let path = entry
                .map_err(|e| format!("cannot read {}: {e}", input.display()))?
                .path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.ends_with(".json") && !name.starts_with('.') && path.is_file() {
                found.push(path);
            }
        }
        if found.is_empty() {
            return Err(format!(
                "{}: no statistics files (*.json) in this folder",
                input.display()
            ));
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// Refuses a statistics file that `files` holds twice (named twice, or named and in a
/// folder named too, by any path to it: the file's identity as the batch tool's input and
/// output checks know it, device and inode on Unix): merge would count its documents twice.
///
/// Likewise two --stats-dir files of one name in two folders (`cp parts/*.json backup/`,
/// then both merged): the name is the input's document count and the hash of its ids and
/// texts, so one name is one input, its documents counted twice. (A copy renamed, or
/// written by other means, cannot be told from other documents of the same texts, whose
/// statistics are the same.)
fn check_distinct(files: &[PathBuf]) -> Result<(), String> {
    let mut seen = HashMap::new();
    let mut shares = HashMap::new();
    for path in files {
        if let Some(first) = seen.insert(files::input_identity(path), path) {
            return Err(format!(
                "{} and {} are the same file: its documents would be counted twice",
                first.display(),
                path.display()
            ));
        }
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if is_share_of_documents(name)
            && let Some(first) = shares.insert(name, path)
        {
            return Err(format!(
                "{} and {} are the statistics of one input (the name is its documents' hash): a copy, whose documents would be counted twice; merge each share once (or, if two runs read the same ids and texts and both should count, rename one of the files)",
                first.display(),
                path.display()
            ));
        }
    }
    Ok(())
}

/// Whether `name` is that of a --stats-dir file ([`file_in`]) of at least one document.
fn is_share_of_documents(name: &str) -> bool {
    let Some(rest) = name
        .strip_prefix("stats-")
        .and_then(|r| r.strip_suffix(".json"))
    else {
        return false;
    };
    match rest.split_once('-') {
        Some((documents, hash)) => {
            documents.parse::<u64>().is_ok_and(|n| n > 0)
                && hash.len() == 16
                && hash.bytes().all(|b| b.is_ascii_hexdigit())
        }
        None => false,
    }
}

/// `batch merge`: adds up the statistics files and writes the sum, or writes nothing when
/// one of them cannot be read.
pub fn merge_command(inputs: &[PathBuf], output: Option<&Path>, quiet: bool) -> Outcome {
    // Refuse an output that would destroy an input, and fail on an unwritable output,
    // before reading anything.
    if let Some(path) = output
        && let Err(e) = refusals::check_outputs(inputs, &[("--output", path)], &["json"])
    {
        say!("batch merge: {e}");
        return Outcome::Refused;
    }
    if let Err(e) = refusals::check_stdin_open(inputs) {
        say!("batch merge: {e}");
        return Outcome::Refused;
    }
    // `batch merge shares/ > shares/total.json`, `batch merge a.json >> a.json`: the sum
    // would be read as a share next time, or has made a file of two.
    if output.is_none()
        && let Err(e) = refusals::check_stdout(inputs, &["json"])
    {
        say!("batch merge: {e}");
        return Outcome::Refused;
    }
    if output.is_none() && crate::closed_streams::stdout_was_closed() {
        say!("batch merge: {}", crate::output::STDOUT_CLOSED);
        return Outcome::Refused;
    }
    if output.is_some() {
        let _ = crate::signals::remove_temporaries_when_interrupted();
    }
    let mut file = match output.map(OutputFile::create).transpose() {
        Ok(file) => file,
        Err(Refusal::Usage(e)) => {
            say!("batch merge: {e}");
            return Outcome::Refused;
        }
        Err(Refusal::Io(e)) => {
            say!("batch merge: {e}");
            return Outcome::Stopped;
        }
    };
    let files = match files(inputs) {
        Ok(files) => files,
        Err(e) => {
            say!("batch merge: {e}");
            return Outcome::SomeFailed;
        }
    };
    if let Err(e) = check_distinct(&files) {
        say!("batch merge: {e}");
        return Outcome::Refused;
    }
    let mut total = CorpusStats::new();
    let mut failed = 0;
    // The analysis options of the files that name theirs, and the first file to name them.
    let mut analysis: Option<(String, &Path)> = None;
    // Files that name no options (written by the library, or piped with the field not first).
    let mut unnamed: Vec<&Path> = Vec::new();
    for path in &files {
        match read(path) {
            Ok((stats, options)) => {
                match (options, &analysis) {
                    (None, _) => unnamed.push(path),
                    (Some(options), None) => analysis = Some((options, path)),
                    (Some(options), Some((first, first_path))) if *first != options => {
                        say!(
                            "batch merge: {} and {} were analysed with different options ({} against {}): their terms are not the same terms, and adding them up would mix them; analyse the corpus again with one set of options",
                            first_path.display(),
                            path.display(),
                            shown_options(first),
                            shown_options(&options)
                        );
                        return Outcome::Refused;
                    }
                    (Some(_), Some(_)) => {}
                }
                if let Err(e) = total.try_merge(&stats) {
                    say!("batch merge: adding {}: {e}", path.display());
                    failed += 1;
                }
            }
            Err(e) => {
                say!("batch merge: {e}");
                failed += 1;
            }
        }
    }
    if let (Some((options, _)), Some(first)) = (&analysis, unnamed.first()) {
        // Said even with --quiet, as a replaced shard is: the result may mix terms.
        say!(
            "batch merge: {} of {} files ({}{}) name no analysis options (written by the library, or piped with the \"analysis\" field not first): added as if made with {}",
            unnamed.len(),
            files.len(),
            first.display(),
            if unnamed.len() > 1 { ", ..." } else { "" },
            shown_options(options)
        );
    }
    if failed > 0 {
        say!(
            "batch merge: {failed} of {} files could not be read or added; nothing was written",
            files.len()
        );
        return Outcome::SomeFailed;
    }
    let options = analysis.as_ref().map(|(options, _)| options.as_str());
    let written = match file.take() {
        Some(mut file) => {
            write_json(&mut file, &total, options).and_then(|()| file.commit().map(drop))
        }
        None => {
            let mut out = io::stdout().lock();
            write_json(&mut out, &total, options).and_then(|()| out.flush())
        }
    };
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            say!("batch merge: cannot write the statistics: {e}");
        }
        return Outcome::Stopped;
    }
    if !quiet {
        say!(
            "batch merge: {}: {}, {}, {} distinct",
            counted(files.len() as u64, "file"),
            counted(total.documents(), "document"),
            counted(total.term_count(), "term"),
            total.vocabulary_size()
        );
    }
    Outcome::Success
}

/// Analysis options as merge's refusal shows them.
fn shown_options(options: &str) -> String {
    if options.is_empty() {
        "the defaults".to_owned()
    } else {
        options.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analysis_options_are_read_from_any_head_of_the_file() {
        let file = br#"{"analysis":"--no-stem","documents":1}"#;
        // However a pipe cuts it: more is needed until the string ends.
        for cut in 0..=file.len() {
            let found = analysis_in(&file[..cut]);
            if cut < br#"{"analysis":"--no-stem""#.len() {
                assert_eq!(found, None, "{cut} bytes");
            } else {
                assert_eq!(found, Some(Some("--no-stem".to_owned())), "{cut} bytes");
            }
        }
        // White space as other writers put it; the defaults; none; another first field.
        let pretty = b"{\n \"analysis\" : \"\",\n \"documents\": 1}";
        assert_eq!(analysis_in(pretty), Some(Some(String::new())));
        assert_eq!(
            analysis_in(br#"{"documents":1,"analysis":"x"}"#),
            Some(None)
        );
        assert_eq!(analysis_in(br#"{"analysis":1}"#), Some(None));
        assert_eq!(analysis_in(b"not json"), Some(None));
        // A whole file names its options wherever they are.
        let last = br#"{"documents":1,"languages":{"eng":[1,2]},"analysis":"--nfkc"}"#;
        assert_eq!(analysis_anywhere(last).as_deref(), Some("--nfkc"));
        assert_eq!(analysis_anywhere(br#"{"documents":1}"#), None);
    }

    #[test]
    fn the_name_hash_is_crc_64_xz() {
        // The catalogue's check value, then the hash of one document, by the formula.
        assert_eq!(NAME_CRC.checksum(b"123456789"), 0x995d_c9bb_df19_39fa);
        let doc = Document {
            id: "a".into(),
            file: "-".into(),
            line: Some(1),
            text: Ok("Muscat".into()),
            warnings: Vec::new(),
            lang: None,
            bytes: 0,
        };
        let mut hash = NameHash::new();
        hash.add(&doc);
        assert_eq!(hash.finish(), NAME_CRC.checksum(b"a\xFFMuscat\xFF"));
    }
}
