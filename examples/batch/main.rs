//! wordmill's batch tool: analyses corpora of any size and writes one JSON line per document.
//!
//! ```text
//! cargo run --release --example batch -- corpus/
//! cargo run --release --example batch -- --help
//! ```
//!
//! The modules: `input` finds and opens documents, and `links` sees that a file a link
//! names again is read once; `decode` and `json_line` turn their
//! bytes into text (pure code, fuzzed by `fuzz/fuzz_targets/batch_input.rs`); `guard`
//! analyses each document under a panic guard; `output` turns analyses into records; `files`
//! writes output files whole or in place, never over an input, and `signals` removes their
//! temporary files when the run is interrupted; `stats` writes, names and merges corpus
//! statistics; `report` talks to the user on stderr (progress bar, warnings, summary); `run`
//! ties them together in a streaming loop.
//!
//! A hidden switch for tests: the environment variable `WORDMILL_BATCH_TEST_PANIC=MARKER`
//! makes the analysis of every document containing MARKER panic (see `guard`).

/// `eprintln!` that cannot panic: a closed stderr is no reason to crash.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod closed_streams;
mod decode;
mod files;
mod guard;
mod input;
mod json_line;
mod links;
mod output;
mod record_json;
mod refusals;
mod report;
mod run;
mod signals;
mod stats;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use wordmill::Lang;

const EXAMPLES_AND_EXIT_CODES: &str = "\
Examples:
  batch corpus/                        every .txt/.jsonl/.ndjson file under corpus/
  batch --lines news.txt --top 5       one document per line of a text file
  batch docs.jsonl --text-field body --output records.jsonl --stats stats.json
  batch - < docs.jsonl                 streaming: JSON Lines on stdin, records on stdout
  batch - --quiet --stats-dir parts/   one partial statistics file per run (Spark, parallel)
  batch merge parts/ --output stats.json
                                       combine partial statistics into one file

Records (one JSON object per line, in input order):
  {\"id\":..., \"lang\":\"eng\", \"script\":\"Latin\", \"confidence\":1.0, \"reliable\":true,
   \"spans\":[...], \"token_count\":..., \"term_count\":..., \"top_terms\":[[\"oman\",3],...]}
                                                  analysed (term_count: distinct terms;
                                                  \"warnings\" when decoded lossily or the
                                                  language field is unreadable, \"tokens\"
                                                  with --tokens)
  {\"id\":..., \"file\":..., \"line\":..., \"error\":\"...\"}   not analysed, and why (\"line\" for
                                                  inputs read line by line)

Exit codes:
  0  every document was analysed (warnings such as lossy UTF-8 decoding are allowed)
  1  some documents or inputs failed: their error records are in the output, the rest was
     analysed (merge: a statistics file could not be read, nothing was written)
  2  usage error: unknown option, bad value, an output that is a folder, an input or
     another output; nothing was read
  3  the run stopped: output or statistics could not be written (disk full, closed pipe...);
     --output and --stats files (regular files) are then not created
  killed by SIGINT, SIGTERM or SIGHUP (shell: 130, 143, 129): temporary files removed
     (a signal ignored when the run started, as nohup ignores SIGHUP, stays ignored)";

/// Analyse text with wordmill: one JSON line per document, corpus statistics on request.
///
/// Inputs are files, folders (searched recursively for .txt, .jsonl and .ndjson files, in
/// name order) and `-` for stdin. A .txt file is one document, or one per line with
/// --lines; a .jsonl or .ndjson file holds one JSON object per line whose --text-field is
/// the document. Memory stays flat however many documents there are: documents are read,
/// analysed in parallel and written in order, one bounded batch at a time.
#[derive(Parser, Debug)]
#[command(
    name = "batch",
    version,
    after_help = EXAMPLES_AND_EXIT_CODES,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    // An option given twice takes its last value, as in most command-line tools (a script
    // that appends `--threads 2` to a user's `--threads 1` is not an error); lists such as
    // --lang-allow add up.
    args_override_self = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    analyze: AnalyzeArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Combine partial statistics files (from --stats or --stats-dir) into one: the result
    /// is identical to the statistics of a single run over all their documents.
    #[command(args_override_self = true)]
    Merge(MergeArgs),
}

#[derive(Args, Debug)]
struct MergeArgs {
    /// Statistics files (`-`: the standard input), and folders whose *.json files are all
    /// merged.
    #[arg(required = true, value_name = "STATS")]
    inputs: Vec<PathBuf>,
    /// Write the merged statistics here (default: stdout). Written to a temporary file in
    /// the same folder first, renamed when complete.
    #[arg(short, long, value_name = "FILE", value_parser = output_path)]
    output: Option<PathBuf>,
    /// Print nothing on stderr but errors.
    #[arg(short, long)]
    quiet: bool,
}

/// Where the documents are and how to read them.
#[derive(Args, Debug, Clone)]
#[command(next_help_heading = "Input")]
pub struct InputArgs {
    /// Files and folders to analyse; `-` reads stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// How to read the inputs. `auto`: .jsonl and .ndjson files are JSON Lines, other files
    /// text; stdin (`-`, `/dev/stdin`) and pipes and devices whose name ends in none of
    /// .txt, .jsonl, .ndjson (`<(cmd)`) are JSON Lines when they start with `{` (or every line of their first 64 KiB
    /// after the first is an object), text otherwise.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto, value_name = "FORMAT")]
    pub input_format: InputFormat,
    /// Text inputs hold one document per line instead of one per file. Every line is a
    /// document, empty ones included, so record n is line n (stdin, a pipe or a device that
    /// is all blank holds none, unless --input-format text).
    #[arg(long)]
    pub lines: bool,
    /// JSON Lines: the field that holds the document's text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// JSON Lines: the field that holds the document's id (a string or a number). Documents
    /// without one, or whose id is null, get FILE:LINE.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// JSON Lines: the field that holds the document's language code (eng, en, pt-BR...),
    /// for documents whose source says what language they are in: they are analysed in it,
    /// without detection, whatever --lang-allow, --min-confidence and --fallback-lang say.
    /// Documents without it (or with null or und) are detected; an unknown code is detected
    /// too, with a warning.
    #[arg(long, value_name = "NAME")]
    pub lang_field: Option<String>,
    /// Reject documents that are not valid UTF-8, or whose JSON escapes a lone surrogate
    /// (an error record), instead of replacing the invalid bytes or escapes with U+FFFD (a
    /// record with a warning).
    #[arg(long)]
    pub strict: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Auto,
    Text,
    Jsonl,
}

/// What the analysis does; mirrors `wordmill::PipelineBuilder`, its `Detector`, `Tokenizer`
/// and `Normalizer`. Every option's default is the library's.
#[derive(Args, Debug, Clone)]
#[command(next_help_heading = "Analysis")]
pub struct AnalysisArgs {
    /// Detect only these languages (ISO 639-3 codes, comma-separated: eng,ara,rus; ISO
    /// 639-1 codes and tags such as en, pt-BR are read too). Text of a script that has one
    /// language in the list is that language without detection, at confidence 1 (so
    /// --min-confidence does not apply to it): with --lang-allow deu,ara all Latin-script
    /// text of at least three letters is German (shorter text stays undetermined, or takes
    /// --fallback-lang).
    #[arg(long, value_delimiter = ',', value_parser = parse_allowed_lang, value_name = "CODES")]
    pub lang_allow: Vec<Lang>,
    /// Analyse text whose language stays undetermined (too short, unclear) as this language
    /// (a code as --lang-allow reads them) instead of without stemming and stop words.
    #[arg(long, value_parser = parse_fallback_lang, value_name = "CODE")]
    pub fallback_lang: Option<Lang>,
    /// Leave undetermined the text whose language detection is less sure of than this
    /// (0 to 1; default 0.1).
    #[arg(long, value_parser = parse_confidence, value_name = "P")]
    pub min_confidence: Option<f64>,
    /// Unicode normalization form of the terms.
    #[arg(long, value_enum, default_value_t = NormalForm::Nfc, value_name = "FORM")]
    pub normalize: NormalForm,
    /// The same as --normalize nfkc: ligatures, superscripts, full-width and other
    /// compatibility forms folded (ﬁ → fi, ² → 2).
    #[arg(long, conflicts_with = "normalize")]
    pub nfkc: bool,
    /// Remove accents from Latin letters (é → e); letters such as ø, ł, ß stay.
    #[arg(long)]
    pub strip_diacritics: bool,
    /// Keep letter case (no case folding).
    #[arg(long)]
    pub no_case_fold: bool,
    /// Keep typographic punctuation (’ “ –) and invisible format characters as they are.
    #[arg(long)]
    pub no_fold_punctuation: bool,
    /// Keep full-width and half-width forms (Ｏｍａｎ, ｶﾞ) as they are.
    #[arg(long)]
    pub no_fold_width: bool,
    /// Keep the digits of other scripts (٢٠٢٥) as they are.
    #[arg(long)]
    pub no_fold_digits: bool,
    /// No script and language rules (Arabic alef forms and harakat, Hebrew niqqud, Greek
    /// accents, Indic spelling variants).
    #[arg(long)]
    pub no_language_rules: bool,
    /// Arabic teh marbuta as heh (ة → ه).
    #[arg(long)]
    pub teh_marbuta: bool,
    /// Russian ё as е.
    #[arg(long)]
    pub russian_yo: bool,
    /// Do not stem words.
    #[arg(long)]
    pub no_stem: bool,
    /// Keep stop words as terms.
    #[arg(long)]
    pub keep_stopwords: bool,
    /// Also count word bigrams (each term joined by a space to the one before it).
    #[arg(long)]
    pub bigrams: bool,
    /// How Chinese, Japanese, Korean, Thai, Lao, Khmer and Myanmar become tokens: `auto`
    /// bigrams of Han, kana and hangul and dictionary words of the others; `characters` one
    /// per character (UAX #29); `bigrams`; `dictionary` words (ICU4X).
    #[arg(
        long,
        default_value = "auto",
        value_name = "MODE",
        value_parser = ["auto", "characters", "bigrams", "dictionary"]
    )]
    pub cjk: String,
    /// URLs (https://..., www....) are one token each.
    #[arg(long)]
    pub urls: bool,
    /// E-mail addresses are one token each.
    #[arg(long)]
    pub emails: bool,
    /// #hashtags are one token each, with their #.
    #[arg(long)]
    pub hashtags: bool,
    /// @mentions are one token each, with their @.
    #[arg(long)]
    pub mentions: bool,
    /// Emoji are tokens.
    #[arg(long)]
    pub emoji: bool,
    /// Analyse with this many threads (default: one per core; at most 256, or 4 per core
    /// past 64 cores, as the Python package allows).
    #[arg(long, value_parser = thread_count, value_name = "N")]
    pub threads: Option<u16>,
    /// Documents analysed together in one parallel batch; bigger batches use more memory.
    #[arg(long, default_value_t = 1024, value_parser = clap::value_parser!(u32).range(1..), value_name = "N")]
    pub batch_size: u32,
}

impl AnalysisArgs {
    /// The options that shape terms, as flags in a fixed order (empty for the defaults):
    /// what statistics files record, so that merge adds up only terms made the same way.
    /// Detection's options are not among them: shards of a corpus may well allow different
    /// languages, and their terms still add up.
    pub fn term_options(&self) -> String {
        let nfkc = self.nfkc || self.normalize == NormalForm::Nfkc;
        let flags = [
            (nfkc, "--nfkc"),
            (self.strip_diacritics, "--strip-diacritics"),
            (self.no_case_fold, "--no-case-fold"),
            (self.no_fold_punctuation, "--no-fold-punctuation"),
            (self.no_fold_width, "--no-fold-width"),
            (self.no_fold_digits, "--no-fold-digits"),
            (self.no_language_rules, "--no-language-rules"),
            (self.teh_marbuta, "--teh-marbuta"),
            (self.russian_yo, "--russian-yo"),
            (self.no_stem, "--no-stem"),
            (self.keep_stopwords, "--keep-stopwords"),
            (self.bigrams, "--bigrams"),
            (self.urls, "--urls"),
            (self.emails, "--emails"),
            (self.hashtags, "--hashtags"),
            (self.mentions, "--mentions"),
            (self.emoji, "--emoji"),
        ];
        let mut options: Vec<String> = flags
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, flag)| (*flag).to_owned())
            .collect();
        if self.cjk != "auto" {
            options.push(format!("--cjk {}", self.cjk));
        }
        options.join(" ")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NormalForm {
    Nfc,
    Nfkc,
}

/// What is written, and where.
#[derive(Args, Debug, Clone)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// Write the records to this file instead of stdout. Written to a temporary file in the
    /// same folder first and renamed when the run is complete: an interrupted run leaves no
    /// truncated file under this name. Devices, pipes and symbolic links are written in place.
    #[arg(short, long, value_name = "FILE", value_parser = output_path)]
    pub output: Option<PathBuf>,
    /// How many of each document's most frequent terms its record lists.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub top: usize,
    /// Add the tokens that give terms to the records (stop words only with --keep-stopwords):
    /// each one's byte span in the text, its term and its kind.
    #[arg(long)]
    pub tokens: bool,
    /// Write the corpus statistics of the analysed documents to this file, as JSON.
    #[arg(long, value_name = "FILE", value_parser = stats_path)]
    pub stats: Option<PathBuf>,
    /// Write the corpus statistics to a file in this folder named after the input
    /// (stats-DOCUMENTS-HASH.json, HASH the CRC-64/XZ of the documents' ids and texts):
    /// parallel workers each leave their own file, a retried worker overwrites its own.
    /// Combine them with `batch merge`.
    #[arg(long, value_name = "DIR")]
    pub stats_dir: Option<PathBuf>,
    /// Exit with 0 even when some documents failed (their error records are still written):
    /// for Spark's RDD.pipe(checkCode=True) and Hadoop Streaming, which fail on any other code.
    #[arg(long)]
    pub allow_failures: bool,
    /// No progress bar, summary or warnings on stderr; errors are still reported, and so is a
    /// --stats-dir file replaced (a retry, or other input of the same ids and texts).
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Args, Debug, Clone)]
pub struct AnalyzeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub analysis: AnalysisArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

fn parse_lang(code: &str) -> Result<Lang, String> {
    code.trim().parse::<Lang>().map_err(|e| e.to_string())
}

/// A language of `--lang-allow`: `und` is refused, as the library would ignore it (a list of
/// `und` alone would then allow every language, the opposite of what it says).
fn parse_allowed_lang(code: &str) -> Result<Lang, String> {
    match parse_lang(code)? {
        lang if lang.is_undetermined() => Err(
            "und is not a language to allow: text no allowed language fits is undetermined anyway; to analyse it as one language, use --fallback-lang".to_owned(),
        ),
        lang => Ok(lang),
    }
}

/// The language of `--fallback-lang`: `und` is refused, as it would change nothing (text
/// left undetermined is analysed without a language already).
fn parse_fallback_lang(code: &str) -> Result<Lang, String> {
    match parse_lang(code)? {
        lang if lang.is_undetermined() => Err(
            "und changes nothing: undetermined text is analysed without a language already; name the language to analyse it as".to_owned(),
        ),
        lang => Ok(lang),
    }
}

fn parse_confidence(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!("a number from 0 to 1, not {text:?}")),
    }
}

/// `--output` (of a run or of `merge`): a path; not `-`.
fn output_path(value: &str) -> Result<PathBuf, String> {
    file_path(value, "leave the option out to write to stdout")
}

/// `--stats`: a path; not `-`.
fn stats_path(value: &str) -> Result<PathBuf, String> {
    file_path(
        value,
        "statistics go to a file (stdout has the records; `batch merge` writes merged statistics to stdout)",
    )
}

/// A path to write to; not `-`, which would be a file named `-` where inputs read `-` as
/// stdin: refused with `instead`, what to do.
fn file_path(value: &str, instead: &str) -> Result<PathBuf, String> {
    match value {
        "-" => Err(format!("`-` would be a file of that name: {instead}")),
        _ => Ok(PathBuf::from(value)),
    }
}

/// `--threads`, from 1 to `wordmill::max_threads()` (256, or 4 per core past 64 cores):
/// thousands of threads cost seconds to start and to hand work between before the first
/// document (65,535 took minutes for three lines).
fn thread_count(value: &str) -> Result<u16, String> {
    let max = u16::try_from(wordmill::max_threads()).unwrap_or(u16::MAX);
    match value.parse::<u16>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(format!("expected a number of threads from 1 to {max}")),
    }
}

/// How a run ended, and the process exit code for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was analysed (code 0).
    Success,
    /// Some documents or inputs failed; the rest was done (code 1).
    SomeFailed,
    /// The arguments cannot work: nothing was read (code 2, as for clap's usage errors).
    Refused,
    /// The run stopped: output could not be written (code 3).
    Stopped,
}

impl Outcome {
    fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::SomeFailed => ExitCode::from(1),
            Outcome::Refused => ExitCode::from(2),
            Outcome::Stopped => ExitCode::from(3),
        }
    }
}

fn main() -> ExitCode {
    signals::ignore_file_size_limit_signal();
    let cli = Cli::parse();
    let outcome = match cli.command {
        Some(Command::Merge(args)) => {
            stats::merge_command(&args.inputs, args.output.as_deref(), args.quiet)
        }
        None => run::analyze_command(&cli.analyze),
    };
    outcome.exit_code()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn merge_is_a_subcommand_and_paths_are_the_default() {
        let cli = Cli::try_parse_from(["batch", "merge", "a.json", "b.json"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Merge(ref m)) if m.inputs.len() == 2));
        let cli = Cli::try_parse_from(["batch", "--lines", "a.txt", "-"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.analyze.input.paths.len(), 2);
        assert!(Cli::try_parse_from(["batch"]).is_err());
    }

    #[test]
    fn analysis_options_parse() {
        let cli = Cli::try_parse_from([
            "batch",
            "--cjk",
            "characters",
            "--urls",
            "--emails",
            "--hashtags",
            "--mentions",
            "--emoji",
            "--bigrams",
            "--strip-diacritics",
            "--nfkc",
            "--fallback-lang",
            "eng",
            "--min-confidence",
            "0.5",
            "x",
        ])
        .unwrap();
        let a = &cli.analyze.analysis;
        assert_eq!(a.cjk, "characters");
        assert!(a.urls && a.emails && a.hashtags && a.mentions && a.emoji);
        assert!(a.bigrams && a.strip_diacritics && a.nfkc);
        assert_eq!(a.fallback_lang.map(Lang::code), Some("eng"));
        assert_eq!(a.min_confidence, Some(0.5));
        assert!(Cli::try_parse_from(["batch", "--cjk", "words", "x"]).is_err());
        assert!(Cli::try_parse_from(["batch", "--min-confidence", "2", "x"]).is_err());
        assert!(Cli::try_parse_from(["batch", "--nfkc", "--normalize", "nfc", "x"]).is_err());
    }

    #[test]
    fn languages_are_checked() {
        let cli = Cli::try_parse_from(["batch", "--lang-allow", "eng,ara", "x"]).unwrap();
        assert_eq!(cli.analyze.analysis.lang_allow.len(), 2);
        let err = Cli::try_parse_from(["batch", "--lang-allow", "english", "x"]).unwrap_err();
        assert!(err.to_string().contains("ISO 639-3"), "{err}");
        // Every language wordmill knows.
        let every: Vec<&str> = Lang::all().map(Lang::code).collect();
        let list = every.join(",");
        let cli = Cli::try_parse_from(["batch", "--lang-allow", &list, "x"]).unwrap();
        assert_eq!(cli.analyze.analysis.lang_allow.len(), every.len());
        // Other standards' codes name the same languages; und allows nothing, so it is refused.
        let cli = Cli::try_parse_from(["batch", "--lang-allow", "en,ar", "x"]).unwrap();
        let codes: Vec<&str> = cli
            .analyze
            .analysis
            .lang_allow
            .iter()
            .map(|l| l.code())
            .collect();
        assert_eq!(codes, ["eng", "ara"]);
        for list in ["und", "eng,und"] {
            let err = Cli::try_parse_from(["batch", "--lang-allow", list, "x"]).unwrap_err();
            assert!(err.to_string().contains("--fallback-lang"), "{err}");
        }
        let err = Cli::try_parse_from(["batch", "--fallback-lang", "und", "x"]).unwrap_err();
        assert!(err.to_string().contains("und changes nothing"), "{err}");
    }
}
