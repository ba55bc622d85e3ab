//! How the Rust builds of the Snowball stemmers compare, and whether a stemmer helps a
//! language it was not written for. The numbers behind src/stem/snowball.rs.
//!
//! ```sh
//! # Agreement with Snowball 3.1.1 on the committed sample (or on a bigger list that
//! # tools/snowball_sample.py writes), per algorithm and crate:
//! cargo run --release --example stem_eval -- agreement [tests/data/snowball]
//! # Panics on grammar-aware adversarial words (N per algorithm and crate):
//! cargo run --release --example stem_eval -- adversarial 5000000
//! # Same-document sentence retrieval on NTREX-128, without and with a stemmer:
//! cargo run --release --example stem_eval -- retrieval ../shared/corpus-bench/ntrex
//! ```

#[path = "../tests/stem_support/mod.rs"]
mod stem_support;
#[path = "../benches/common/stemmers.rs"]
mod stemmers;

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use wordmill::Lang;
use wordmill::stem::Stemmer;

const USAGE: &str = "usage: stem_eval agreement [DIR] | adversarial [N] | retrieval NTREX_DIR";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let refuse = |message: String| -> ! {
        eprintln!("stem_eval: {message}");
        std::process::exit(2);
    };
    // A folder that is not there, or lacks its files, is a mistake: refused, not an empty
    // table.
    let folder_with = |dir: &Path, file: &str| {
        if !dir.is_dir() {
            refuse(format!("{}: no such folder", dir.display()));
        }
        if !file.is_empty() && !dir.join(file).is_file() {
            refuse(format!("{}: no {file} there", dir.display()));
        }
    };
    match (args.first().map(String::as_str), args.get(1)) {
        (Some("agreement"), dir) => {
            let dir = dir.map(PathBuf::from).unwrap_or_else(|| {
                Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/snowball")
            });
            folder_with(&dir, "");
            agreement(dir)
        }
        (Some("adversarial"), count) => match count.map_or(Ok(1_000_000), |n| n.parse()) {
            Ok(n) => adversarial(n),
            Err(_) => refuse(format!(
                "{:?}: a count of words",
                count.unwrap_or(&String::new())
            )),
        },
        (Some("retrieval"), Some(dir)) => {
            folder_with(Path::new(dir), "DOCUMENT_IDS.tsv");
            retrieval(Path::new(dir))
        }
        (Some("-h" | "--help"), _) => println!("{USAGE}"),
        _ => refuse(USAGE.into()),
    }
}

thread_local!(static PANIC: RefCell<String> = const { RefCell::new(String::new()) });

/// Runs `f`, turning a panic into its message (digits and quoted text removed, so that one
/// bug gives one message).
fn run<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|_| {
        let message = PANIC.with(|p| p.borrow().clone());
        message
            .split('`')
            .step_by(2)
            .collect::<String>()
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .collect()
    })
}

fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        PANIC.with(|p| *p.borrow_mut() = message);
    }));
}

/// Per algorithm and crate: the share of words whose stem equals Snowball's, and panics.
fn agreement(dir: PathBuf) {
    quiet_panics();
    println!("algorithm\tcrate\twords\tequal %\tpanics");
    for (algorithm, _) in stemmers::ALGORITHMS {
        let Ok(text) = std::fs::read_to_string(dir.join(format!("{algorithm}.tsv"))) else {
            continue;
        };
        let pairs: Vec<(&str, &str)> = text
            .lines()
            .filter_map(|l| {
                let mut f = l.split('\t').skip(1);
                Some((f.next()?, f.next()?))
            })
            .collect();
        for krate in stemmers::CRATES {
            let Some(stem) = stemmers::stemmer(krate, algorithm) else {
                continue;
            };
            let (mut equal, mut panics) = (0, 0);
            for (word, expected) in &pairs {
                match run(|| stem(word).into_owned()) {
                    Ok(s) => equal += usize::from(s == *expected),
                    Err(_) => panics += 1,
                }
            }
            let share = 100.0 * equal as f64 / pairs.len().max(1) as f64;
            println!(
                "{algorithm}\t{krate}\t{}\t{share:.2}\t{panics}",
                pairs.len()
            );
        }
    }
}

/// Per algorithm and crate: panics on `n` adversarial words, with one word per message.
fn adversarial(n: usize) {
    quiet_panics();
    let tables = stem_support::suffix_tables();
    println!("algorithm\tcrate\twords\tpanics");
    for (algorithm, _) in stemmers::ALGORITHMS {
        let Some(pieces) = tables.get(algorithm) else {
            continue;
        };
        let sample = stem_support::snowball_sample(algorithm);
        let maker =
            stem_support::WordMaker::new(pieces, sample.iter().map(|(w, _)| w.as_str()).collect());
        for krate in stemmers::CRATES {
            let Some(stem) = stemmers::stemmer(krate, algorithm) else {
                continue;
            };
            let mut rng = stem_support::Rng::new(0x9e37_79b9_7f4a_7c15 ^ algorithm.len() as u64);
            let mut word = String::new();
            let mut panics: BTreeMap<String, (usize, String)> = BTreeMap::new();
            for _ in 0..n {
                maker.make(&mut rng, &mut word);
                if let Err(message) = run(|| drop(stem(&word))) {
                    panics.entry(message).or_insert((0, word.clone())).0 += 1;
                }
            }
            let total: usize = panics.values().map(|(count, _)| count).sum();
            println!("{algorithm}\t{krate}\t{n}\t{total}");
            for (message, (count, example)) in &panics {
                println!("    {count} × {message} (e.g. {example:?})");
            }
        }
    }
}

/// Same-document sentence retrieval on NTREX-128 (about 2,000 sentences from 123 news
/// documents, the same in every language): each sentence queries the others by tf-idf
/// cosine, and a hit is a sentence of the same document. A stemmer that conflates inflected
/// forms finds more of them; one that conflates unrelated words finds fewer. Reported:
/// precision of the first hit, mean average precision over the top 50, and the mean change
/// of average precision per query with a 95% interval.
fn retrieval(ntrex: &Path) {
    let documents: Vec<String> = std::fs::read_to_string(ntrex.join("DOCUMENT_IDS.tsv"))
        .expect("DOCUMENT_IDS.tsv")
        .lines()
        .map(String::from)
        .collect();
    // (text, stemmer): each language's own, and neighbours' where wordmill maps them.
    let runs = [
        ("srp", "srp"),
        ("hrv", "srp"),
        ("bos", "srp"),
        ("slv", "srp"),
        ("ind", "ind"),
        ("msa", "ind"),
    ];
    println!("text\tstemmer\tP@1\tMAP@50\tterms\tΔAP (95%)\tqueries better/worse");
    for (text_lang, stem_lang) in runs {
        let Ok(text) = std::fs::read_to_string(ntrex.join(format!("{text_lang}.txt"))) else {
            continue;
        };
        let sentences: Vec<&str> = text.lines().collect();
        let stemmer = Stemmer::for_lang(stem_lang.parse::<Lang>().unwrap()).unwrap();
        let (p1, map, terms, base) = rank(&sentences, &documents, None);
        println!("{text_lang}\tnone\t{p1:.2}\t{map:.2}\t{terms}");
        let (p1, map, terms, with) = rank(&sentences, &documents, Some(&stemmer));
        let deltas: Vec<f64> = with.iter().zip(&base).map(|(a, b)| a - b).collect();
        let mean = deltas.iter().sum::<f64>() / deltas.len() as f64;
        let var =
            deltas.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (deltas.len() - 1) as f64;
        let ci = 1.96 * (var / deltas.len() as f64).sqrt();
        let better = deltas.iter().filter(|&&d| d > 0.0).count();
        let worse = deltas.iter().filter(|&&d| d < 0.0).count();
        println!(
            "{text_lang}\t{}\t{p1:.2}\t{map:.2}\t{terms}\t{:+.2} ± {:.2}\t{better}/{worse}",
            stemmer.algorithm(),
            mean * 100.0,
            ci * 100.0
        );
    }
}

/// Precision at 1 and MAP@50 (in %), the vocabulary size, and each query's average precision.
fn rank(
    sentences: &[&str],
    documents: &[String],
    stemmer: Option<&Stemmer>,
) -> (f64, f64, usize, Vec<f64>) {
    let bags: Vec<HashMap<String, f64>> = sentences
        .iter()
        .map(|s| {
            let mut bag = HashMap::new();
            for word in s
                .to_lowercase()
                .split(|c: char| !(c.is_alphanumeric() || is_mark(c)))
            {
                if word.is_empty() {
                    continue;
                }
                let term =
                    stemmer.map_or_else(|| word.to_string(), |st| st.stem(word).into_owned());
                *bag.entry(term).or_insert(0.0) += 1.0;
            }
            bag
        })
        .collect();
    let mut df: HashMap<&str, f64> = HashMap::new();
    for bag in &bags {
        for term in bag.keys() {
            *df.entry(term).or_insert(0.0) += 1.0;
        }
    }
    let n = bags.len() as f64;
    let vectors: Vec<Vec<(&str, f64)>> = bags
        .iter()
        .map(|bag| {
            let v: Vec<(&str, f64)> = bag
                .iter()
                .map(|(t, &c)| (t.as_str(), (1.0 + c.ln()) * (n / df[t.as_str()]).ln()))
                .collect();
            let norm = v
                .iter()
                .map(|(_, x)| x * x)
                .sum::<f64>()
                .sqrt()
                .max(f64::MIN_POSITIVE);
            v.into_iter().map(|(t, x)| (t, x / norm)).collect()
        })
        .collect();
    let mut postings: HashMap<&str, Vec<(usize, f64)>> = HashMap::new();
    for (i, v) in vectors.iter().enumerate() {
        for &(t, x) in v {
            postings.entry(t).or_default().push((i, x));
        }
    }
    let (mut hits, mut aps) = (0usize, Vec::with_capacity(bags.len()));
    for (i, v) in vectors.iter().enumerate() {
        let mut scores: HashMap<usize, f64> = HashMap::new();
        for &(t, x) in v {
            for &(j, y) in &postings[t] {
                if j != i {
                    *scores.entry(j).or_insert(0.0) += x * y;
                }
            }
        }
        let mut ranked: Vec<(usize, f64)> = scores.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let relevant = (0..bags.len())
            .filter(|&j| j != i && documents[j] == documents[i])
            .count();
        hits += usize::from(
            ranked
                .first()
                .is_some_and(|&(j, _)| documents[j] == documents[i]),
        );
        let (mut found, mut sum) = (0.0, 0.0);
        for (rank, &(j, _)) in ranked.iter().take(50).enumerate() {
            if documents[j] == documents[i] {
                found += 1.0;
                sum += found / (rank + 1) as f64;
            }
        }
        aps.push(sum / relevant.clamp(1, 50) as f64);
    }
    let count = bags.len() as f64;
    (
        100.0 * hits as f64 / count,
        100.0 * aps.iter().sum::<f64>() / count,
        df.len(),
        aps,
    )
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{591}'..='\u{5c7}' | '\u{64b}'..='\u{65f}'
        | '\u{900}'..='\u{903}' | '\u{93a}'..='\u{94f}' | '\u{b82}' | '\u{bbe}'..='\u{bcd}'
        | '\u{200c}' | '\u{200d}')
}
