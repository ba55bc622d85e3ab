//! The baseline for the batch tool's throughput: the same job, one document per line of
//! text files, one JSON line per document, done the obvious way (the naive pipeline of
//! benches/pipeline.rs: whatlang → NFKC → lowercase → unicode_words → Snowball → HashMap).
//!
//! ```text
//! cargo run --release --example naive_batch -- THREADS FILE... > /dev/null
//! ```

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::time::Instant;

use rayon::prelude::*;

#[path = "../benches/common/naive.rs"]
mod naive;
use naive::naive;

fn record(id: &str, text: &str) -> String {
    let (lang, counts) = naive(text);
    let mut top: Vec<(&String, &u32)> = counts.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    top.truncate(10);
    let lang = lang.map_or("und", |l| l.code());
    serde_json::json!({"id": id, "lang": lang, "top_terms": top}).to_string()
}

fn main() {
    if let Err(e) = run() {
        eprintln!("naive_batch: {e}");
        std::process::exit(1);
    }
}

fn run() -> io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(threads) = args.next().and_then(|t| t.parse::<usize>().ok()) else {
        eprintln!("usage: naive_batch THREADS FILE...");
        std::process::exit(2);
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(io::Error::other)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let started = Instant::now();
    let (mut documents, mut bytes) = (0u64, 0u64);
    for path in args {
        let mut batch: Vec<(String, String)> = Vec::with_capacity(1024);
        let file =
            File::open(&path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?;
        let lines = BufReader::new(file).lines();
        let flush = |batch: &mut Vec<(String, String)>, out: &mut dyn Write| {
            let records: Vec<String> =
                pool.install(|| batch.par_iter().map(|(id, t)| record(id, t)).collect());
            for r in records {
                writeln!(out, "{r}")?;
            }
            batch.clear();
            io::Result::Ok(())
        };
        for (i, line) in lines.enumerate() {
            let line = line?;
            documents += 1;
            bytes += line.len() as u64 + 1;
            batch.push((format!("{path}:{}", i + 1), line));
            if batch.len() == 1024 {
                flush(&mut batch, &mut out)?;
            }
        }
        flush(&mut batch, &mut out)?;
    }
    out.flush()?;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "naive_batch: {documents} documents, {:.1} MB in {secs:.2} s: {:.0} documents/s, {:.2} MB/s",
        bytes as f64 / 1e6,
        documents as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    Ok(())
}
