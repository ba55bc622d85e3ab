//! Builds `model.txt`, the letter, word and affix counts
//! [`evidence`](super::evidence) scores with.
//!
//! ```text
//! WORDMILL_NTREX=../shared/corpus-bench/ntrex WORDMILL_UDHR=../shared/corpus-bench/udhr \
//!     cargo test --release --lib detect::train -- --ignored
//! ```
//!
//! Sources (see corpus/SOURCES.md):
//! - NTREX-128 news text for the 51 languages of the shared scripts that NTREX has: every
//!   line whose 1-based number is *not* 1 mod 7. Lines 1, 8, 15, ... are the sample in
//!   corpus/ntrex/ that the evaluation uses, so they stay unseen. `WORDMILL_TRAIN_LINES`
//!   (for instance `1,2,3`: line numbers mod 7) trains on fewer lines, to tune on the others.
//! - The Universal Declaration of Human Rights for the five that NTREX lacks: Esperanto,
//!   Javanese, Akan, Latin (whatlang's languages) and Yiddish.
//!
//! Vocabulary of a language: its stop-words list (the stop-words crate, as
//! [`StopWords`](crate::stem::StopWords) uses it) and its most frequent words among those
//! found in at least `MIN_STORIES` news stories (the function words, not the topics). Affixes:
//! the first and the last three letters of the other words of four letters or more, kept when
//! the script's languages use them at least `MIN_AFFIX_COUNT` times together.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use whatlang::{Lang, Script};

use super::evidence::{Affix, for_each_word};
use super::script::script_of;
use crate::stem::iso639_1;

/// Most frequent words a language adds to the vocabulary.
const FREQUENT_WORDS: usize = 400;
/// Stories a frequent word must occur in (of NTREX's 123).
const MIN_STORIES: usize = 5;
/// UDHR has no stories; its paragraphs stand in for them.
const MIN_PARAGRAPHS: usize = 3;
/// Counts below this are left out of the file (read back as unseen).
const MIN_COUNT: u64 = 2;
/// Affixes the script's languages must use this often, together, to be in the model.
const MIN_AFFIX_COUNT: u64 = 20;

const SCRIPTS: [Script; 5] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Arabic,
    Script::Devanagari,
    Script::Hebrew,
];

/// A language's training text: its lines and the story each comes from.
struct Text {
    lines: Vec<(String, usize)>,
    from_udhr: bool,
}

fn read_ntrex(dir: &Path, code: &str, keep: &BTreeSet<usize>) -> Option<Text> {
    let text = fs::read_to_string(dir.join(format!("{code}.txt"))).ok()?;
    let ids = fs::read_to_string(dir.join("DOCUMENT_IDS.tsv")).expect("NTREX DOCUMENT_IDS.tsv");
    let mut story_of: BTreeMap<&str, usize> = BTreeMap::new();
    let stories: Vec<usize> = ids
        .lines()
        .map(|id| {
            let next = story_of.len();
            *story_of.entry(id).or_insert(next)
        })
        .collect();
    let lines = text
        .lines()
        .enumerate()
        // Line n (1-based) is kept when n mod 7 is in `keep`; never the held-out n ≡ 1.
        .filter(|(i, _)| (i + 1) % 7 != 1 && keep.contains(&((i + 1) % 7)))
        .map(|(i, line)| (line.to_owned(), stories[i]))
        .collect();
    Some(Text {
        lines,
        from_udhr: false,
    })
}

fn read_udhr(dir: &Path, code: &str) -> Option<Text> {
    let text = fs::read_to_string(dir.join(format!("{code}.txt"))).ok()?;
    let lines = text
        .lines()
        .enumerate()
        .map(|(i, line)| (line.to_owned(), i))
        .collect();
    Some(Text {
        lines,
        from_udhr: true,
    })
}

#[derive(Default)]
struct Counts {
    tokens: u64,
    letters: BTreeMap<char, u64>,
    letter_total: u64,
    words: BTreeMap<String, (u64, BTreeSet<usize>)>,
    /// Prefixes and endings of the words outside the vocabulary, by [`Affix`].
    affixes: [BTreeMap<String, u64>; 2],
    affix_totals: [u64; 2],
}

fn count(script: Script, text: &Text) -> Counts {
    let mut counts = Counts::default();
    let mut buf = String::new();
    for (line, story) in &text.lines {
        let mut words = Vec::new();
        let mut letters = Vec::new();
        for_each_word(
            line,
            &mut buf,
            |w| words.push(w.to_owned()),
            |c| letters.push(c),
        );
        for c in letters {
            if script_of(c) == Some(script) {
                *counts.letters.entry(c).or_default() += 1;
                counts.letter_total += 1;
            }
        }
        for w in words {
            counts.tokens += 1;
            let entry = counts.words.entry(w).or_default();
            entry.0 += 1;
            entry.1.insert(*story);
        }
    }
    counts
}

fn of_script(word: &str, script: Script) -> bool {
    word.chars()
        .all(|c| script_of(c).is_none_or(|s| s == script))
        && word.chars().any(|c| script_of(c) == Some(script))
}

fn vocabulary(lang: Lang, script: Script, text: &Text, counts: &Counts) -> BTreeSet<String> {
    let mut vocabulary = BTreeSet::new();
    if let Some(list) = iso639_1(crate::Lang::from(lang)).and_then(stop_words::lookup) {
        let mut buf = String::new();
        for entry in list {
            for_each_word(
                entry,
                &mut buf,
                |w| {
                    vocabulary.insert(w.to_owned());
                },
                |_| {},
            );
        }
    }
    let min_stories = if text.from_udhr {
        MIN_PARAGRAPHS
    } else {
        MIN_STORIES
    };
    let mut frequent: Vec<(&String, u64)> = counts
        .words
        .iter()
        .filter(|(_, (_, stories))| stories.len() >= min_stories)
        .map(|(w, (n, _))| (w, *n))
        .collect();
    frequent.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    vocabulary.extend(
        frequent
            .into_iter()
            .take(FREQUENT_WORDS)
            .map(|(w, _)| w.clone()),
    );
    vocabulary.retain(|w| of_script(w, script));
    vocabulary
}

fn build(ntrex: &Path, udhr: &Path, keep: &BTreeSet<usize>) -> String {
    let mut out = String::new();
    let keep_text: Vec<String> = keep.iter().map(usize::to_string).collect();
    writeln!(
        out,
        "# wordmill language evidence, format 1. Built by src/detect/train.rs (do not edit).\n\
         # Letter, vocabulary-word and affix counts per language: NTREX-128 (CC BY-SA 4.0) lines whose\n\
         # number mod 7 is one of {}, and the UDHR for epo, jav, aka, lat, yid.",
        keep_text.join(",")
    )
    .unwrap();
    for script in SCRIPTS {
        let mut langs: Vec<Lang> = script.langs().to_vec();
        langs.sort_by_key(|l| l.code());
        let texts: Vec<Text> = langs
            .iter()
            .map(|l| {
                read_ntrex(ntrex, l.code(), keep)
                    .or_else(|| read_udhr(udhr, l.code()))
                    .unwrap_or_else(|| panic!("no training text for {}", l.code()))
            })
            .collect();
        let counts: Vec<Counts> = texts.iter().map(|t| count(script, t)).collect();
        let mut vocabulary = BTreeSet::new();
        for ((lang, text), c) in langs.iter().zip(&texts).zip(&counts) {
            vocabulary.extend(self::vocabulary(*lang, script, text, c));
        }
        // Affixes, of the words outside the vocabulary (the vocabulary speaks for its own).
        let mut counts = counts;
        for c in &mut counts {
            for (word, (n, _)) in &c.words {
                if vocabulary.contains(word) {
                    continue;
                }
                for affix in Affix::ALL {
                    if let Some(key) = affix.of(word) {
                        *c.affixes[affix as usize].entry(key.to_owned()).or_default() += n;
                        c.affix_totals[affix as usize] += n;
                    }
                }
            }
        }
        let codes: Vec<&str> = langs.iter().map(|l| l.code()).collect();
        writeln!(out, "group {}", script.name()).unwrap();
        writeln!(out, "langs {}", codes.join(" ")).unwrap();
        let column = |f: &dyn Fn(&Counts) -> u64| {
            counts
                .iter()
                .map(|c| f(c).to_string())
                .collect::<Vec<_>>()
                .join(" ")
        };
        writeln!(out, "tokens {}", column(&|c| c.tokens)).unwrap();
        writeln!(
            out,
            "vocab {}",
            column(&|c| vocabulary
                .iter()
                .filter_map(|w| c.words.get(w))
                .map(|(n, _)| n)
                .sum())
        )
        .unwrap();
        writeln!(out, "letters {}", column(&|c| c.letter_total)).unwrap();
        for affix in Affix::ALL {
            let totals = column(&|c| c.affix_totals[affix as usize]);
            writeln!(out, "{} {totals}", affix.totals()).unwrap();
        }
        let all_letters: BTreeSet<char> = counts
            .iter()
            .flat_map(|c| {
                c.letters
                    .iter()
                    .filter(|(_, n)| **n >= MIN_COUNT)
                    .map(|(c, _)| *c)
            })
            .collect();
        for c in all_letters {
            write!(out, "c {c}").unwrap();
            for (code, counts) in codes.iter().zip(&counts) {
                if let Some(n) = counts.letters.get(&c).filter(|n| **n > 0) {
                    write!(out, " {code}={n}").unwrap();
                }
            }
            out.push('\n');
        }
        for affix in Affix::ALL {
            let mut all: BTreeMap<&str, u64> = BTreeMap::new();
            for c in &counts {
                for (key, n) in &c.affixes[affix as usize] {
                    *all.entry(key).or_default() += n;
                }
            }
            for (key, _) in all.iter().filter(|(_, n)| **n >= MIN_AFFIX_COUNT) {
                let mut line = format!("{} {key}", affix.tag());
                let mut any = false;
                for (code, counts) in codes.iter().zip(&counts) {
                    if let Some(n) = counts.affixes[affix as usize]
                        .get(*key)
                        .filter(|n| **n >= MIN_COUNT)
                    {
                        write!(line, " {code}={n}").unwrap();
                        any = true;
                    }
                }
                if any {
                    out.push_str(&line);
                    out.push('\n');
                }
            }
        }
        for word in &vocabulary {
            let mut line = format!("w {word}");
            let mut any = false;
            for (code, counts) in codes.iter().zip(&counts) {
                if let Some((n, _)) = counts.words.get(word).filter(|(n, _)| *n >= MIN_COUNT) {
                    write!(line, " {code}={n}").unwrap();
                    any = true;
                }
            }
            if any {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}

#[test]
#[ignore = "rebuilds src/detect/model.txt from NTREX and UDHR text outside the repository"]
fn regenerate_model() {
    if std::env::var_os("WORDMILL_NTREX").is_none() {
        // `--include-ignored` (the README's test command) runs this too: not a test.
        eprintln!("model not rebuilt: set WORDMILL_NTREX and WORDMILL_UDHR to rebuild it");
        return;
    }
    let var =
        |name: &str| PathBuf::from(std::env::var(name).unwrap_or_else(|_| panic!("set {name}")));
    let keep: BTreeSet<usize> = std::env::var("WORDMILL_TRAIN_LINES")
        .unwrap_or_else(|_| "0,2,3,4,5,6".into())
        .split(',')
        .map(|n| n.trim().parse().expect("line numbers mod 7"))
        .filter(|&n| n != 1)
        .collect();
    let model = build(&var("WORDMILL_NTREX"), &var("WORDMILL_UDHR"), &keep);
    super::evidence::Model::parse(&model).expect("the model reads back");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/detect/model.txt");
    fs::write(&out, model).unwrap();
}
