//! Term statistics: building corpus statistics from analysed documents, merging shards, and
//! persisting them, beside a naive `HashMap<String, _>` implementation in the same groups.
//!
//! The input is every line of corpus/ntrex (65 languages), analysed once by the default
//! pipeline before measuring; throughput is in bytes of that source text, so that it compares
//! with the pipeline's.
//!
//! `cargo bench --bench tf`

mod common;

use std::collections::HashMap;
use std::fs;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use wordmill::tf::{Bm25, CorpusStats, TermCounts, TfIdf};
use wordmill::{Lang, Pipeline};

/// Document and collection frequency, as the obvious implementation keeps them.
type Naive = HashMap<String, (u64, u64)>;

/// Corpus statistics written the obvious way: a `String` key per term and per (term,
/// language), cloned from the document's terms.
#[derive(Clone, Default)]
struct NaiveStats {
    documents: u64,
    tokens: u64,
    terms: Naive,
    languages: HashMap<Lang, (u64, u64, Naive)>,
}

impl NaiveStats {
    fn add_document(&mut self, lang: Lang, doc: &TermCounts) {
        let length = doc.total();
        self.documents += 1;
        self.tokens += length;
        let per_lang = self.languages.entry(lang).or_default();
        per_lang.0 += 1;
        per_lang.1 += length;
        for (term, count) in doc.iter() {
            for table in [&mut self.terms, &mut per_lang.2] {
                let f = table.entry(term.to_owned()).or_default();
                f.0 += 1;
                f.1 += u64::from(count);
            }
        }
    }

    fn merge(&mut self, other: &NaiveStats) {
        self.documents += other.documents;
        self.tokens += other.tokens;
        fn add(into: &mut Naive, from: &Naive) {
            for (term, f) in from {
                let mine = into.entry(term.clone()).or_default();
                mine.0 += f.0;
                mine.1 += f.1;
            }
        }
        add(&mut self.terms, &other.terms);
        for (lang, (documents, tokens, terms)) in &other.languages {
            let mine = self.languages.entry(*lang).or_default();
            mine.0 += documents;
            mine.1 += tokens;
            add(&mut mine.2, terms);
        }
    }
}

/// The analysed lines of each NTREX sample file, and the bytes of text they came from.
fn analysed_files() -> (Vec<Vec<(Lang, TermCounts)>>, u64) {
    let names = common::ntrex_files();
    let pipeline = Pipeline::builder().keep_tokens(false).build();
    let mut bytes = 0;
    let files = names
        .iter()
        .map(|path| {
            let text = fs::read_to_string(path).unwrap();
            bytes += text.len() as u64;
            let lines: Vec<&str> = text.lines().collect();
            pipeline
                .analyze_batch(&lines)
                .documents
                .into_iter()
                .map(|a| (a.lang(), a.terms))
                .collect()
        })
        .collect();
    (files, bytes)
}

fn build(c: &mut Criterion) {
    let (files, bytes) = analysed_files();
    let docs: Vec<&(Lang, TermCounts)> = files.iter().flatten().collect();
    let pools: Vec<(usize, rayon::ThreadPool)> = [1, 2]
        .into_iter()
        .map(|n| {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(n).build();
            (n, pool.unwrap())
        })
        .collect();

    let mut group = c.benchmark_group("tf/build");
    group.throughput(Throughput::Bytes(bytes));
    for (threads, pool) in &pools {
        group.bench_function(format!("wordmill/{threads}-thread"), |b| {
            b.iter(|| {
                pool.install(|| {
                    black_box(&docs)
                        .par_iter()
                        .fold(CorpusStats::new, |mut s, (lang, terms)| {
                            s.add_document(*lang, terms);
                            s
                        })
                        .reduce(CorpusStats::new, CorpusStats::merged)
                })
            })
        });
        group.bench_function(format!("naive/{threads}-thread"), |b| {
            b.iter(|| {
                pool.install(|| {
                    black_box(&docs)
                        .par_iter()
                        .fold(NaiveStats::default, |mut s, (lang, terms)| {
                            s.add_document(*lang, terms);
                            s
                        })
                        .reduce(NaiveStats::default, |mut a, b| {
                            a.merge(&b);
                            a
                        })
                })
            })
        });
    }
    group.finish();

    // One shard per language file, merged into one.
    let shards: Vec<CorpusStats> = files
        .iter()
        .map(|f| {
            let mut s = CorpusStats::new();
            for (lang, terms) in f {
                s.add_document(*lang, terms);
            }
            s
        })
        .collect();
    let naive_shards: Vec<NaiveStats> = files
        .iter()
        .map(|f| {
            let mut s = NaiveStats::default();
            for (lang, terms) in f {
                s.add_document(*lang, terms);
            }
            s
        })
        .collect();
    let mut group = c.benchmark_group("tf/merge");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("wordmill", |b| {
        b.iter(|| {
            let mut all = CorpusStats::new();
            for s in black_box(&shards) {
                all.merge(s);
            }
            all
        })
    });
    group.bench_function("naive", |b| {
        b.iter(|| {
            let mut all = NaiveStats::default();
            for s in black_box(&naive_shards) {
                all.merge(s);
            }
            all
        })
    });
    group.finish();

    let mut whole = CorpusStats::new();
    for s in &shards {
        whole.merge(s);
    }
    let binary = whole.to_bytes();
    let json = serde_json::to_vec(&whole).unwrap();
    let mut group = c.benchmark_group("tf/persist");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("binary/write", |b| b.iter(|| black_box(&whole).to_bytes()));
    group.bench_function("binary/read", |b| {
        b.iter(|| CorpusStats::from_bytes(black_box(&binary)).unwrap())
    });
    group.bench_function("json/write", |b| {
        b.iter(|| serde_json::to_vec(black_box(&whole)).unwrap())
    });
    group.bench_function("json/read", |b| {
        b.iter(|| serde_json::from_slice::<CorpusStats>(black_box(&json)).unwrap())
    });
    group.finish();

    let mut group = c.benchmark_group("tf/weights");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("tfidf", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(_, terms)| TfIdf::new().weights(&whole, terms).len())
                .sum::<usize>()
        })
    });
    group.bench_function("bm25", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(_, terms)| Bm25::new().weights(&whole, terms).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = build
}
criterion_main!(benches);
