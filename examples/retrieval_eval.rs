//! Does the analysis find things? A retrieval evaluation per language: every sentence of a
//! news story searches the passages of all stories by BM25 (`wordmill::tf::Bm25`), and the
//! passages of its own story are the relevant ones. Only the analysis differs between the
//! columns: the same documents, queries, BM25 and metrics for wordmill's defaults, its
//! variants, and (when given their terms) Lucene's analyzers.
//!
//! ```sh
//! # The committed data (corpus/retrieval: NTREX-128, 15 languages), wordmill's defaults:
//! cargo run --release --example retrieval_eval
//! # Variants side by side, on some languages:
//! cargo run --release --example retrieval_eval -- --langs cmn,jpn,tha --variants default,characters,bigrams,dictionary
//! # With Lucene's terms (tools/lucene/retrieval-terms writes them; see tools/lucene/README.md):
//! cargo run --release --example retrieval_eval -- --lucene target/lucene-terms
//! # The full NTREX-128 text (1,997 sentences per language) instead of the committed part:
//! cargo run --release --example retrieval_eval -- --data ../shared/corpus-bench/ntrex --max-per-story 0
//! # CI's run: fails when the defaults' mean MRR@10 drops below a floor:
//! cargo run --release --example retrieval_eval -- --min-mean 0.58
//! # What a variant makes of one sentence (line N of the language's file, from 1):
//! cargo run --release --example retrieval_eval -- --langs tur --show 12
//! ```
//!
//! The data: `LANG.txt` files of line-aligned sentences and `DOCUMENT_IDS.tsv`, which names
//! the story of each line (NTREX-128's layout). Each story's sentences (its first
//! `--max-per-story`, 0 for all) are cut into passages of `--passage` consecutive sentences.
//! Each sentence is a query; its own passage is left out of its ranking, and the other
//! passages of its story are relevant. Sentences are analysed one by one (a passage's terms
//! are its sentences' terms), so an analyzer sees the same units whether it is wordmill or
//! Lucene. Reported per language: MRR@10 (the reciprocal rank of the first relevant passage
//! in the first ten, else 0) and MAP (average precision over the whole ranking), means over
//! the queries.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use clap::Parser;
use rayon::prelude::*;

use wordmill::normalize::Normalizer;
use wordmill::stem::{Stem, Stemmer, StopWords};
use wordmill::tf::{Bm25, CorpusStats, TermCounts};
use wordmill::tokenize::{CjkMode, Tokenizer};
use wordmill::{Lang, Pipeline, PipelineBuilder};

#[derive(Parser)]
#[command(about = "BM25 retrieval of same-story passages, per language and analysis")]
struct Args {
    /// Folder with LANG.txt files and DOCUMENT_IDS.tsv.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/retrieval"))]
    data: PathBuf,
    /// Languages (file names without .txt), comma-separated; default: every file.
    #[arg(long, value_delimiter = ',')]
    langs: Vec<String>,
    /// Analyses to compare: default; the CJK modes characters, bigrams, dictionary; nostem,
    /// nostop; teh (teh marbuta folded), norules (no script rules); snowball (Snowball's
    /// stemmer where wordmill chooses a light one: Arabic, Hindi), guarded (Snowball's, with
    /// a leading ف ب ك ل it strips put back: the guard light10 was measured against);
    /// envstop (the stop words in the environment variable STOP, space-separated); several
    /// joined by `+` (`bigrams+nostop`); and lucene (needs --lucene).
    #[arg(long, value_delimiter = ',', default_value = "default")]
    variants: Vec<String>,
    /// Folder with Lucene's terms of each LANG.txt (LANG.tsv: one line per sentence, terms
    /// separated by tabs); adds the `lucene` variant.
    #[arg(long)]
    lucene: Option<PathBuf>,
    /// Sentences per passage.
    #[arg(long, default_value_t = 3)]
    passage: usize,
    /// Sentences taken from the start of each story (0: all).
    #[arg(long, default_value_t = 8)]
    max_per_story: usize,
    /// Prints what each variant makes of this line (from 1) instead of evaluating.
    #[arg(long)]
    show: Option<usize>,
    /// Fails (exit code 1) when the first variant's mean MRR@10 is below this: CI's guard
    /// against an analysis that retrieves worse.
    #[arg(long)]
    min_mean: Option<f64>,
}

/// MRR@10, MAP and the number of queries of one analysis of one language.
type Scores = (f64, f64, usize);

/// A language and its scores per variant (`None`: the variant has no terms for it).
type LangResults = (String, Vec<Option<Scores>>);

/// One language's sentences, their stories and passages.
struct Collection {
    lang: String,
    sentences: Vec<String>,
    /// The line of `LANG.txt` (from 0) of each sentence.
    lines: Vec<usize>,
    /// The passage of each sentence.
    passage_of: Vec<usize>,
    /// The story of each passage.
    story_of_passage: Vec<usize>,
    /// The sentences of each passage.
    passages: Vec<Vec<usize>>,
}

fn main() {
    let mut args = Args::parse();
    if args.lucene.is_some() && !args.variants.iter().any(|v| v == "lucene") {
        args.variants.push("lucene".into());
    }
    if let Err(e) = check(&args) {
        eprintln!("retrieval_eval: {e}");
        std::process::exit(2);
    }
    let stories = read_stories(&args.data);
    let langs = languages(&args);
    if let Some(line) = args.show {
        for lang in &langs {
            show(&args, lang, line);
        }
        return;
    }
    let results: Vec<LangResults> = langs
        .par_iter()
        .map(|lang| {
            let collection = collection(&args, &stories, lang);
            let scores = args
                .variants
                .iter()
                .map(|variant| {
                    let terms = sentence_terms(&args, variant, &collection)?;
                    Some(evaluate(&collection, &terms))
                })
                .collect();
            (lang.clone(), scores)
        })
        .collect();
    let mean = print_table(&args, &results);
    if let Some(min) = args.min_mean
        && mean < min
    {
        eprintln!(
            "mean MRR@10 {mean:.3} of {} is below {min}",
            args.variants[0]
        );
        std::process::exit(1);
    }
}

/// Refuses, before any work, what would panic later or print figures of nothing: a data
/// folder without its files, an unknown variant or language, `lucene` without its terms, a
/// floor that is not a number.
fn check(args: &Args) -> Result<(), String> {
    let ids = args.data.join("DOCUMENT_IDS.tsv");
    if !ids.is_file() {
        return Err(format!(
            "--data {}: no DOCUMENT_IDS.tsv there (a folder of LANG.txt files and DOCUMENT_IDS.tsv, as NTREX-128's)",
            args.data.display()
        ));
    }
    for lang in &args.langs {
        if !args.data.join(format!("{lang}.txt")).is_file() {
            return Err(format!(
                "--langs {lang}: no {lang}.txt in {}",
                args.data.display()
            ));
        }
    }
    for variant in &args.variants {
        if variant == "lucene" {
            match &args.lucene {
                Some(dir) if dir.is_dir() => {}
                Some(dir) => return Err(format!("--lucene {}: no such folder", dir.display())),
                None => return Err("the lucene variant needs --lucene FOLDER (see --help)".into()),
            }
        } else if pipeline(variant, "eng").is_none() {
            return Err(format!("unknown variant {variant:?} (see --help)"));
        }
    }
    if args.min_mean.is_some_and(|m| !m.is_finite()) {
        return Err("--min-mean must be a number".into());
    }
    Ok(())
}

/// The story id of every line of the full files.
fn read_stories(data: &Path) -> Vec<String> {
    let path = data.join("DOCUMENT_IDS.tsv");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_owned())
        .collect()
}

fn languages(args: &Args) -> Vec<String> {
    if !args.langs.is_empty() {
        return args.langs.clone();
    }
    let mut langs: Vec<String> = std::fs::read_dir(&args.data)
        .expect("the data folder")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".txt").map(str::to_owned)
        })
        .filter(|name| name.len() == 3)
        .collect();
    langs.sort();
    langs
}

/// The sentences of `lang` that the evaluation uses, cut into passages.
fn collection(args: &Args, stories: &[String], lang: &str) -> Collection {
    let path = args.data.join(format!("{lang}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        stories.len(),
        "{lang}.txt and DOCUMENT_IDS.tsv differ in length"
    );
    let mut collection = Collection {
        lang: lang.to_owned(),
        sentences: Vec::new(),
        lines: Vec::new(),
        passage_of: Vec::new(),
        story_of_passage: Vec::new(),
        passages: Vec::new(),
    };
    let (mut story, mut in_story) = (usize::MAX, 0);
    for (i, line) in lines.iter().enumerate() {
        if i == 0 || stories[i] != stories[i - 1] {
            story = story.wrapping_add(1);
            in_story = 0;
        }
        in_story += 1;
        if args.max_per_story > 0 && in_story > args.max_per_story {
            continue;
        }
        if (in_story - 1) % args.passage.max(1) == 0 {
            collection.passages.push(Vec::new());
            collection.story_of_passage.push(story);
        }
        let passage = collection.passages.len() - 1;
        collection.passages[passage].push(collection.sentences.len());
        collection.passage_of.push(passage);
        collection.sentences.push((*line).to_owned());
        collection.lines.push(i);
    }
    collection
}

/// The pipeline of a wordmill variant: `default`, or options joined by `+`
/// (`bigrams+nostop`); `None` for a name that is not an option.
fn pipeline(variant: &str, code: &str) -> Option<Pipeline> {
    let mut builder: PipelineBuilder = Pipeline::builder();
    // A language `Lang` does not name is analysed as the detector decides (undetermined).
    let lang: Lang = code.parse().unwrap_or(Lang::UND);
    for option in variant.split('+') {
        let tokenizer = |mode| Tokenizer::new().cjk(mode);
        builder = match option {
            "default" => builder,
            "characters" | "bigrams" | "dictionary" => {
                builder.tokenizer(tokenizer(option.parse::<CjkMode>().ok()?))
            }
            "nostem" => builder.stemming(false),
            "nostop" => builder.remove_stopwords(false),
            // The stop words in the environment variable STOP (space-separated) instead.
            "envstop" => builder.stop_words(
                lang,
                StopWords::from_words(std::env::var("STOP").unwrap_or_default().split(' ')),
            ),
            "teh" => builder.normalizer(Normalizer::new().teh_marbuta(true)),
            "norules" => builder.normalizer(Normalizer::new().language_rules(false)),
            // Snowball's stemmer where wordmill chooses a light one (Arabic).
            "snowball" => match Stemmer::snowball(lang) {
                Some(stemmer) => builder.stemmer(lang, stemmer),
                None => builder,
            },
            // Snowball's, keeping a leading ف, ب, ك or ل that it would remove on its own.
            "guarded" => match Stemmer::snowball(lang) {
                Some(stemmer) => builder.stemmer(lang, GuardedSnowball(stemmer)),
                None => builder,
            },
            _ => return None,
        };
    }
    Some(builder.build())
}

/// Snowball's Arabic stemmer, but a leading ف, ب, ك or ل that it removes on its own (not
/// before the article) is put back: the guard on Snowball that light stemming is measured
/// against.
struct GuardedSnowball(Stemmer);

impl Stem for GuardedSnowball {
    fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        let stem = self.0.stem(word);
        match word.chars().next() {
            Some(first @ ('ف' | 'ب' | 'ك' | 'ل'))
                if !word[first.len_utf8()..].starts_with("ال") && !stem.starts_with(first) =>
            {
                Cow::Owned(format!("{first}{stem}"))
            }
            _ => stem,
        }
    }
}

/// The terms of every sentence of the collection under `variant`, or `None` when the
/// variant has none (no Lucene terms for this language).
fn sentence_terms(args: &Args, variant: &str, collection: &Collection) -> Option<Vec<Vec<String>>> {
    if variant == "lucene" {
        return lucene_terms(args, collection);
    }
    let pipeline = pipeline(variant, &collection.lang)
        .unwrap_or_else(|| panic!("unknown variant {variant:?} (see --help)"));
    Some(
        collection
            .sentences
            .iter()
            .map(|s| {
                let analysis = pipeline.analyze(s);
                analysis
                    .tokens
                    .iter()
                    .map(|t| analysis.term_of(t).to_owned())
                    .collect()
            })
            .collect(),
    )
}

/// Lucene's terms of the collection's sentences, from `--lucene`'s `LANG.tsv` (one line per
/// line of the full `LANG.txt`).
fn lucene_terms(args: &Args, collection: &Collection) -> Option<Vec<Vec<String>>> {
    let dir = args.lucene.as_ref()?;
    let text = std::fs::read_to_string(dir.join(format!("{}.tsv", collection.lang))).ok()?;
    let by_line: Vec<&str> = text.lines().collect();
    collection
        .lines
        .iter()
        .map(|&line| {
            let terms = by_line.get(line)?;
            Some(
                terms
                    .split('\t')
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned)
                    .collect(),
            )
        })
        .collect()
}

/// MRR@10, MAP and the number of queries for one analysis of a collection.
fn evaluate(collection: &Collection, terms: &[Vec<String>]) -> Scores {
    let und = Lang::UND;
    let documents: Vec<TermCounts> = collection
        .passages
        .iter()
        .map(|sentences| TermCounts::from_terms(sentences.iter().flat_map(|&s| &terms[s])))
        .collect();
    let mut stats = CorpusStats::new();
    for doc in &documents {
        stats.add_document(und, doc);
    }
    // An inverted index of the passages' BM25 weights (`Bm25::weights`), term -> (passage,
    // weight): a query then costs its postings, where `Bm25::score` would score every
    // passage for every query.
    let bm25 = Bm25::new();
    let mut postings: HashMap<&str, Vec<(usize, f64)>> = HashMap::new();
    for (p, doc) in documents.iter().enumerate() {
        for (term, weight) in bm25.weights(&stats, doc) {
            postings.entry(term).or_default().push((p, weight));
        }
    }
    let (mut rr_sum, mut ap_sum, mut queries) = (0.0, 0.0, 0);
    let mut scores = vec![0.0f64; documents.len()];
    for (q, query) in terms.iter().enumerate() {
        let own = collection.passage_of[q];
        let story = collection.story_of_passage[own];
        let relevant = (0..documents.len())
            .filter(|&p| p != own && collection.story_of_passage[p] == story)
            .count();
        if relevant == 0 {
            continue;
        }
        scores.iter_mut().for_each(|s| *s = 0.0);
        for term in query {
            for &(p, w) in postings.get(term.as_str()).map_or(&[][..], Vec::as_slice) {
                scores[p] += w;
            }
        }
        let mut ranked: Vec<usize> = (0..documents.len())
            .filter(|&p| p != own && scores[p] > 0.0)
            .collect();
        ranked.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        let (mut found, mut precision_sum, mut rr) = (0, 0.0, 0.0);
        for (rank, &p) in ranked.iter().enumerate() {
            if collection.story_of_passage[p] == story {
                found += 1;
                precision_sum += found as f64 / (rank + 1) as f64;
                if found == 1 && rank < 10 {
                    rr = 1.0 / (rank + 1) as f64;
                }
            }
        }
        rr_sum += rr;
        ap_sum += precision_sum / relevant as f64;
        queries += 1;
    }
    let n = queries.max(1) as f64;
    (rr_sum / n, ap_sum / n, queries)
}

/// Prints the table; returns the first variant's mean MRR@10.
fn print_table(args: &Args, results: &[LangResults]) -> f64 {
    let header: Vec<String> = args
        .variants
        .iter()
        .map(|v| format!("{v} MRR@10 | {v} MAP"))
        .collect();
    println!("| lang | queries | {} |", header.join(" | "));
    println!("|---|--:|{}", "--:|--:|".repeat(args.variants.len()));
    let mut sums = vec![(0.0, 0.0, 0usize); args.variants.len()];
    for (lang, scores) in results {
        let queries = scores.iter().flatten().map(|s| s.2).max().unwrap_or(0);
        let cells: Vec<String> = scores
            .iter()
            .zip(&mut sums)
            .map(|(score, sum)| match score {
                Some((mrr, map, _)) => {
                    *sum = (sum.0 + mrr, sum.1 + map, sum.2 + 1);
                    format!("{mrr:.3} | {map:.3}")
                }
                None => "– | –".to_owned(),
            })
            .collect();
        println!("| {lang} | {queries} | {} |", cells.join(" | "));
    }
    let means: Vec<String> = sums
        .iter()
        .map(|&(mrr, map, n)| {
            let n = n.max(1) as f64;
            format!("**{:.3}** | **{:.3}**", mrr / n, map / n)
        })
        .collect();
    println!("| mean | | {} |", means.join(" | "));
    sums.first()
        .map_or(0.0, |&(mrr, _, n)| mrr / n.max(1) as f64)
}

/// Prints each variant's terms of line `line` of `lang`.
fn show(args: &Args, lang: &str, line: usize) {
    let stories = read_stories(&args.data);
    let collection = collection(
        &Args {
            max_per_story: 0,
            data: args.data.clone(),
            langs: Vec::new(),
            variants: Vec::new(),
            lucene: args.lucene.clone(),
            passage: args.passage,
            show: None,
            min_mean: None,
        },
        &stories,
        lang,
    );
    let Some(index) = collection.lines.iter().position(|&l| l + 1 == line) else {
        eprintln!("{lang}: no line {line}");
        return;
    };
    let Some(sentence) = collection.sentences.get(index) else {
        eprintln!("{lang}: no line {line}");
        return;
    };
    println!("{lang} {line}: {sentence}");
    for variant in &args.variants {
        if let Some(terms) = sentence_terms(args, variant, &collection) {
            println!("  {variant}: {}", terms[index].join(" · "));
        }
    }
}
