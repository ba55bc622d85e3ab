//! lingua 1.8 (high-accuracy mode, all its 75 languages, models preloaded) against wordmill
//! on exactly the held-out lines of `examples/detect_eval.rs`, restricted to lingua's 75
//! languages: every line whole, its first 2 and 5 words, and the pairs of words from inside
//! it that detect_eval tests (`held_out::inner_pairs`). wordmill is run with all its
//! languages (as detect_eval runs it: its means here equal detect_eval's "lingua's 75" row,
//! which checks that the lines are the same) and allowed lingua's 75 only.
//!
//! `cd tools/lingua-compare && cargo run --release > results.txt` (one thread; the figures
//! are in docs/detection.md); `cargo run --release -- --dir DIR` for another test set, a
//! `<code>.txt` of labelled lines per language.
#[path = "../../../examples/shared/held_out.rs"]
mod held_out;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use held_out::{
    KINDS, LINGUA75, MIN_INNER_PAIRS, check_folders, held_out_lines, inner_pairs, snippet,
};
use lingua::{Language, LanguageDetectorBuilder};
use wordmill::Lang;
use wordmill::detect::Detector;

const SYSTEMS: [&str; 3] = ["lingua", "wordmill", "wordmill-75"];
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");

/// The held-out lines of lingua's 75 languages, as detect_eval reads them (every NTREX line);
/// with `--dir DIR`, every line of the `<code>.txt` files of `DIR` instead, as `detect_eval
/// --dir DIR --udhr <an empty folder>` reads them (the translated messages of
/// `tools/langid-train/ui_strings.py`, say), for those of lingua's languages it has.
fn test_set(dir: Option<&Path>) -> Vec<(String, Vec<String>)> {
    let root = Path::new(ROOT);
    let mut langs = match dir {
        Some(dir) => held_out_lines(dir, &dir.join("no UDHR here"), &[]),
        None => held_out_lines(&root.join("ntrex"), &root.join("udhr"), &[]),
    };
    langs.retain(|(code, _)| LINGUA75.contains(&code.as_str()));
    langs
}

fn lingua_code(lang: Language) -> String {
    let iso = lang.iso_code_639_3().to_string().to_lowercase();
    match iso.as_str() {
        "zho" => "cmn".to_owned(),
        "fas" => "pes".to_owned(),
        _ => iso,
    }
}

fn pct(n: usize, of: usize) -> f64 {
    100.0 * n as f64 / of.max(1) as f64
}

fn main() {
    // Check the mapping: lingua's 75 languages map one-to-one onto LINGUA75.
    let mut mapped: Vec<String> = Language::all().into_iter().map(lingua_code).collect();
    mapped.sort();
    let mut want: Vec<String> = LINGUA75.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(mapped, want, "lingua → 639-3 mapping differs from LINGUA75");
    let langs75: Vec<Lang> = LINGUA75
        .iter()
        .map(|c| {
            c.parse::<Lang>()
                .unwrap_or_else(|_| panic!("wordmill lacks {c}"))
        })
        .collect();

    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = match args.as_slice() {
        [] => None,
        [flag, dir] if flag == "--dir" => Some(Path::new(dir)),
        _ => {
            eprintln!("usage: lingua-compare [--dir DIR]");
            std::process::exit(2);
        }
    };
    // A mistyped folder, or one without any of lingua's languages, is an error, not an
    // empty test set.
    if let Some(Err(e)) = dir.map(|dir| check_folders(&[("--dir", dir)])) {
        eprintln!("lingua-compare: {e}");
        std::process::exit(2);
    }
    let set = test_set(dir);
    match dir {
        None => assert_eq!(set.len(), 75, "test set must cover the 75 languages"),
        Some(dir) if set.is_empty() => {
            eprintln!(
                "lingua-compare: --dir {}: no <code>.txt of lingua's 75 languages",
                dir.display()
            );
            std::process::exit(2);
        }
        Some(_) => {}
    }
    let total: usize = set.iter().map(|(_, l)| l.len()).sum();
    println!("{} languages, {total} lines, each tested 3 ways", set.len());

    let t0 = Instant::now();
    let lingua = LanguageDetectorBuilder::from_all_languages()
        .with_preloaded_language_models()
        .build();
    println!(
        "lingua build + preload: {:.1} s",
        t0.elapsed().as_secs_f64()
    );
    let wm = Detector::new();
    let wm75 = Detector::new().allowlist(langs75.clone());
    assert_eq!(wm75.allowed().len(), 75);

    // Warm-up, untimed: whatever lingua loads lazily on first use, and wordmill's tables.
    let t0 = Instant::now();
    for (_, lines) in &set {
        for &(_, words) in &KINDS {
            let sample = snippet(&lines[0], words);
            let _ = lingua.detect_language_of(&sample);
            let _ = wm.detect(&sample);
            let _ = wm75.detect(&sample);
        }
    }
    println!(
        "warm-up (1 line x 3 ways x 75 languages): {:.1} s",
        t0.elapsed().as_secs_f64()
    );

    // right[lang][system][kind]
    let mut rows: Vec<(String, usize, [[usize; 3]; 3])> = Vec::new();
    let mut confusions: [[BTreeMap<(String, String), usize>; 3]; 3] = Default::default();
    let mut seconds = [[0.0f64; 3]; 3];
    for (code, lines) in &set {
        let mut right = [[0usize; 3]; 3];
        for line in lines {
            for (k, &(_, words)) in KINDS.iter().enumerate() {
                let sample = snippet(line, words);
                let mut found = [String::new(), String::new(), String::new()];
                let t = Instant::now();
                let l = lingua.detect_language_of(&sample);
                seconds[0][k] += t.elapsed().as_secs_f64();
                found[0] = l.map_or("none".to_owned(), lingua_code);
                let t = Instant::now();
                let w = wm.detect(&sample).lang;
                seconds[1][k] += t.elapsed().as_secs_f64();
                found[1] = w.code().to_owned();
                let t = Instant::now();
                let w = wm75.detect(&sample).lang;
                seconds[2][k] += t.elapsed().as_secs_f64();
                found[2] = w.code().to_owned();
                for s in 0..3 {
                    if found[s] == *code {
                        right[s][k] += 1;
                    } else {
                        *confusions[s][k]
                            .entry((code.clone(), found[s].clone()))
                            .or_default() += 1;
                    }
                }
            }
        }
        rows.push((code.clone(), lines.len(), right));
    }

    println!(
        "\naccuracy % per language (sentence / 2 words / 5 words): {}",
        SYSTEMS.join(" | ")
    );
    for (code, n, right) in &rows {
        let name = Lang::from_code(code).map_or("", |l| l.english_name());
        let cells: Vec<String> = (0..3)
            .map(|s| {
                (0..3)
                    .map(|k| format!("{:5.1}", pct(right[s][k], *n)))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        println!("{code:<5}{name:<20}{n:>4}  {}", cells.join(" | "));
    }

    println!("\nmean over {} languages:", rows.len());
    println!(
        "{:<14}{:>10}{:>10}{:>10}",
        "system", "sentence", "2 words", "5 words"
    );
    for (s, name) in SYSTEMS.iter().enumerate() {
        let means: String = (0..3)
            .map(|k| {
                let sum: f64 = rows.iter().map(|(_, n, r)| pct(r[s][k], *n)).sum();
                format!("{:>10.2}", sum / rows.len() as f64)
            })
            .collect();
        println!("{name:<14}{means}");
    }

    // The pairs of words from inside each line, mean accuracy over the languages with
    // enough of them (as detect_eval counts them).
    let mut pair_means = [0.0f64; 3];
    let mut with_pairs = 0;
    for (code, lines) in &set {
        let pairs: Vec<String> = lines.iter().flat_map(|l| inner_pairs(l)).collect();
        if pairs.len() < MIN_INNER_PAIRS {
            continue;
        }
        with_pairs += 1;
        for (s, mean) in pair_means.iter_mut().enumerate() {
            let right = pairs
                .iter()
                .filter(|pair| {
                    let found = match s {
                        0 => lingua.detect_language_of(pair.as_str()).map(lingua_code),
                        1 => Some(wm.detect(pair).lang.code().to_owned()),
                        _ => Some(wm75.detect(pair).lang.code().to_owned()),
                    };
                    found.as_deref() == Some(code.as_str())
                })
                .count();
            *mean += pct(right, pairs.len());
        }
    }
    println!(
        "\ninner pairs (words 3-4, 6-7, ... up to four a line), mean over {with_pairs} languages:"
    );
    for (s, name) in SYSTEMS.iter().enumerate() {
        println!(
            "{name:<14}{:>10.2}",
            pair_means[s] / f64::from(with_pairs.max(1))
        );
    }

    println!(
        "\nmean time per detection, interleaved (µs, single thread; sentence / 2 words / 5 words / all):"
    );
    for (s, name) in SYSTEMS.iter().enumerate() {
        let per: Vec<String> = (0..3)
            .map(|k| format!("{:8.1}", seconds[s][k] / total as f64 * 1e6))
            .collect();
        let all = seconds[s].iter().sum::<f64>() / (3 * total) as f64 * 1e6;
        println!("{name:<14}{} {:8.1}", per.join(" "), all);
    }

    // Timing in separate passes, one system and one kind at a time (interleaved timing above
    // charges a system for the cache lines the previous one evicted).
    println!(
        "\nmean time per detection, separate passes (µs, single thread; sentence / 2 words / 5 words / all):"
    );
    for (s, name) in SYSTEMS.iter().enumerate() {
        let mut per = [0.0f64; 3];
        for (k, &(_, words)) in KINDS.iter().enumerate() {
            let samples: Vec<String> = set
                .iter()
                .flat_map(|(_, lines)| lines.iter().map(move |l| snippet(l, words)))
                .collect();
            let t = Instant::now();
            let mut hits = 0usize;
            for sample in &samples {
                hits += match s {
                    0 => usize::from(lingua.detect_language_of(sample).is_some()),
                    1 => usize::from(!wm.detect(sample).lang.is_undetermined()),
                    _ => usize::from(!wm75.detect(sample).lang.is_undetermined()),
                };
            }
            std::hint::black_box(hits);
            per[k] = t.elapsed().as_secs_f64() / samples.len() as f64 * 1e6;
        }
        let cells: Vec<String> = per.iter().map(|v| format!("{v:8.1}")).collect();
        println!(
            "{name:<14}{} {:8.1}",
            cells.join(" "),
            per.iter().sum::<f64>() / 3.0
        );
    }

    let all = Lang::all().len();
    println!(
        "\nlingua-better rows: lingua at least 5 points above wordmill (all {all}) on 2 words:"
    );
    let mut ahead = 0;
    for (code, n, right) in &rows {
        let l = pct(right[0][1], *n);
        let w = pct(right[1][1], *n);
        if l - w >= 5.0 {
            println!(
                "{code:<5} lingua {l:5.1}  wordmill {w:5.1}  wordmill-75 {:5.1}",
                pct(right[2][1], *n)
            );
        }
        ahead += usize::from(w - l >= 5.0);
    }
    println!(
        "wordmill (all {all}) at least 5 points above lingua on 2 words: {ahead} of {}",
        rows.len()
    );

    for (s, name) in SYSTEMS.iter().enumerate() {
        for (k, (kind, _)) in KINDS.iter().enumerate() {
            let mut pairs: Vec<_> = confusions[s][k].iter().collect();
            pairs.sort_by_key(|(pair, n)| (std::cmp::Reverse(**n), (*pair).clone()));
            let list: Vec<String> = pairs
                .iter()
                .take(15)
                .map(|((t, g), n)| format!("{t}→{g} {n}"))
                .collect();
            println!(
                "\n{name}'s 15 most frequent errors, {kind}: {}",
                list.join(", ")
            );
        }
    }
}
