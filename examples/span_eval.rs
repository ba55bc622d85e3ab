//! Accuracy of the spans of mixed text (`Detector::detect_spans`): documents made of the
//! held-out lines that `detect_eval` reads, a passage of one language inside another, and
//! documents of one language, whose bytes should all get it.
//!
//! ```text
//! cargo run --release --example span_eval
//! cargo run --release --example span_eval -- --per-language
//! ```
//!
//! For every language with at least 64 held-out lines (NTREX-128's 120, the host): ten
//! documents of eight of its lines (`alone`); ten of six of its lines with two lines of
//! another language of the same script after the third (`same script`: the other language
//! changes from document to document, so that each host meets up to ten neighbours); and ten
//! with two lines of a language of another script (`other script`); and ten with one line of
//! another language of the same script quoted after a colon inside the host's third line
//! (`quoted`: `... he said: “…”`, the quotes varying, `：「…」` in Chinese and Japanese
//! hosts). Lines are joined with a
//! space (none after `。！？`, as Chinese and Japanese write them), as sentences of one
//! paragraph are (a quotation, a passage in another language), so that only the sentences
//! can tell where the languages change. The inserted lines are
//! translations of other sentences than the host's (NTREX lines are aligned translations).
//!
//! Reported, as means over hosts: `host` is the share of the host's bytes labelled with the
//! host's language, `insert` the share of the inserted bytes labelled with theirs, `found` the
//! share of inserts of which more than half the bytes are labelled right; for documents of
//! one language, `host` is their purity (no passage wrongly split off).

// Its snippets are detect_eval's.
#[allow(dead_code)]
#[path = "shared/held_out.rs"]
mod held_out;

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;
use wordmill::Lang;
use wordmill::detect::Detector;

#[derive(Parser)]
#[command(about = "Accuracy of the language spans of mixed text.")]
struct Args {
    /// Folder of `<code>.txt` files, one labelled sentence per line.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/ntrex"))]
    dir: PathBuf,
    /// Print a row per host language.
    #[arg(long)]
    per_language: bool,
}

/// Documents of each kind per host language.
const DOCUMENTS: usize = 10;
/// Held-out lines a language needs to be a host or an insert.
const MIN_LINES: usize = 64;

/// The kinds of documents.
const KINDS: [&str; 4] = ["alone", "same script", "other script", "quoted"];

/// A document and the language of each of its parts.
struct Document {
    text: String,
    parts: Vec<(Range<usize>, Lang)>,
}

impl Document {
    fn new(pieces: &[(&str, Lang)]) -> Document {
        let mut text = String::new();
        let mut parts = Vec::new();
        for (i, (line, lang)) in pieces.iter().enumerate() {
            // Chinese and Japanese run their sentences on without a space.
            if i > 0 && !text.ends_with(['。', '！', '？']) {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(line.trim());
            parts.push((start..text.len(), *lang));
        }
        Document { text, parts }
    }
}

/// Per host and kind: the sums of `host`, `insert` and `found` over its documents.
#[derive(Default, Clone, Copy)]
struct Scores {
    host: f64,
    insert: f64,
    found: f64,
    documents: usize,
}

fn main() {
    let args = Args::parse();
    let udhr = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/udhr"));
    if let Err(e) = held_out::check_folders(&[("--dir", &args.dir), ("the UDHR", &udhr)]) {
        eprintln!("span_eval: {e}");
        std::process::exit(2);
    }
    let langs: Vec<(Lang, Vec<String>)> = held_out::held_out_lines(&args.dir, &udhr, &[])
        .into_iter()
        .filter(|(_, lines)| lines.len() >= MIN_LINES)
        .map(|(code, lines)| (code.parse().expect("a known code"), lines))
        .collect();
    let script = |lang: Lang| lang.scripts().first().copied();
    let detector = Detector::new();
    let mut results: HashMap<(Lang, &str), Scores> = HashMap::new();
    let (mut detected, mut elapsed) = (0usize, 0f64);
    for (h, (host, host_lines)) in langs.iter().enumerate() {
        let same: Vec<usize> = (0..langs.len())
            .filter(|&o| o != h && script(langs[o].0) == script(*host))
            .collect();
        let other: Vec<usize> = (0..langs.len())
            .filter(|&o| script(langs[o].0) != script(*host))
            .collect();
        for (kind, candidates) in [
            ("alone", &[][..]),
            ("same script", &same),
            ("other script", &other),
            ("quoted", &same),
        ] {
            if kind != "alone" && candidates.is_empty() {
                continue;
            }
            for d in 0..DOCUMENTS {
                let at = |lines: &[String], i: usize| lines[i % lines.len()].clone();
                let first = d * 8;
                let mut pieces: Vec<(String, Lang)> = (first..first + 8)
                    .map(|i| (at(host_lines, i), *host))
                    .collect();
                if kind != "alone" {
                    // A different neighbour for each document (spread over the candidates),
                    // and lines translating other sentences than the host's.
                    let (insert, insert_lines) = &langs[candidates[(h * 7 + d) % candidates.len()]];
                    let from = first + 32;
                    if kind == "quoted" {
                        // One sentence quoted after a colon inside the host's third: `... he
                        // said: "…"`, with the quotes of the host's writing.
                        let lead = at(host_lines, first + 2);
                        let cjk = lead.trim_end().ends_with('。');
                        let lead = lead
                            .trim_end()
                            .trim_end_matches(['.', '。', '!', '?', '؟', '।', '۔']);
                        let (colon, open, close) = match (cjk, d % 3) {
                            (true, _) => ("：", "「", "」"),
                            (false, 0) => (":", "“", "”"),
                            (false, 1) => (":", "«", "»"),
                            (false, _) => (":", "\"", "\""),
                        };
                        pieces[2] = (format!("{}{colon}", lead.trim_end()), *host);
                        let quote = format!("{open}{}{close}", at(insert_lines, from).trim());
                        pieces.insert(3, (quote, *insert));
                    } else {
                        pieces[3] = (at(insert_lines, from), *insert);
                        pieces[4] = (at(insert_lines, from + 1), *insert);
                    }
                    pieces.truncate(8);
                }
                let borrowed: Vec<(&str, Lang)> =
                    pieces.iter().map(|(l, lang)| (l.as_str(), *lang)).collect();
                let doc = Document::new(&borrowed);
                let start = Instant::now();
                let (_, spans) = detector.detect_spans(&doc.text);
                elapsed += start.elapsed().as_secs_f64();
                detected += 1;
                // Bytes of each part labelled with its language.
                let right = |range: &Range<usize>, lang: Lang| -> usize {
                    spans
                        .iter()
                        .filter(|s| s.lang == lang)
                        .map(|s| {
                            let (a, b) =
                                (s.span.start().max(range.start), s.span.end().min(range.end));
                            b.saturating_sub(a)
                        })
                        .sum()
                };
                let (mut host_bytes, mut host_right, mut insert_bytes, mut insert_right) =
                    (0, 0, 0, 0);
                for (range, lang) in &doc.parts {
                    let r = right(range, *lang);
                    if lang == host {
                        host_bytes += range.len();
                        host_right += r;
                    } else {
                        insert_bytes += range.len();
                        insert_right += r;
                    }
                }
                let entry = results.entry((*host, kind)).or_default();
                entry.documents += 1;
                entry.host += host_right as f64 / host_bytes.max(1) as f64;
                if insert_bytes > 0 {
                    let share = insert_right as f64 / insert_bytes as f64;
                    entry.insert += share;
                    entry.found += f64::from(u8::from(share > 0.5));
                }
            }
        }
    }
    if args.per_language {
        println!("per host language: host / insert / found (% of bytes, of inserts)");
        for (host, _) in &langs {
            let row: Vec<String> = KINDS
                .iter()
                .filter_map(|kind| {
                    let s = results.get(&(*host, *kind))?;
                    let n = s.documents as f64;
                    Some(match *kind {
                        "alone" => format!("alone {:5.1}", 100.0 * s.host / n),
                        _ => format!(
                            "{kind} {:5.1} {:5.1} {:5.1}",
                            100.0 * s.host / n,
                            100.0 * s.insert / n,
                            100.0 * s.found / n
                        ),
                    })
                })
                .collect();
            println!("{:<4} {}", host.code(), row.join(" | "));
        }
        println!();
    }
    println!(
        "{} hosts, {DOCUMENTS} documents of each kind per host",
        langs.len()
    );
    println!("\nlanguages        hosts  kind              host  insert  found");
    let lingua: Vec<Lang> = held_out::LINGUA75
        .iter()
        .filter_map(|c| c.parse().ok())
        .collect();
    for (name, keep) in [("all", None), ("lingua's 75", Some(&lingua))] {
        for kind in KINDS {
            let rows: Vec<&Scores> = langs
                .iter()
                .filter(|(l, _)| keep.is_none_or(|k| k.contains(l)))
                .filter_map(|(l, _)| results.get(&(*l, kind)))
                .collect();
            let mean = |f: fn(&Scores) -> f64| {
                100.0 * rows.iter().map(|s| f(s) / s.documents as f64).sum::<f64>()
                    / rows.len().max(1) as f64
            };
            let (insert, found) = match kind {
                "alone" => ("".to_owned(), "".to_owned()),
                _ => (
                    format!("{:.2}", mean(|s| s.insert)),
                    format!("{:.2}", mean(|s| s.found)),
                ),
            };
            println!(
                "{name:<16} {:>5}  {kind:<14} {:>7.2} {insert:>7} {found:>6}",
                rows.len(),
                mean(|s| s.host)
            );
        }
    }
    println!(
        "\ntime per document (about 1.2 kB; most words new to detection's memo): {:.1} µs",
        1e6 * elapsed / detected.max(1) as f64
    );
}
