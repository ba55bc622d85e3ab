#!/usr/bin/env python3
"""The Python package's targets, measured in one run, each beside its baseline:

1. analyze_batch from Python (a list of str in, Analysis objects out) against the library's
   own Pipeline.analyze_batch on the same documents, pipeline, threads and pool, timed in
   Rust on Rust strings with no Python object made (wordmill._wordmill._rust_analyze_batch):
   target within 15%;
2. analyze_arrow (a pyarrow string array in, a RecordBatch and the corpus statistics out)
   against the same Rust figure: target within 5%;
3. analyze_batch on one thread against Hugging Face tokenizers' encode_batch on one thread
   (TOKENIZERS_PARALLELISM=false), NFKC + lowercase + BERT pre-tokenizer, on the same
   documents: target at least 5x; with and without the corpus statistics (stats=False), which
   tokenizers has no counterpart of;
4. with --spark, the Spark mapInArrow job against the RDD.pipe() job (examples/spark/) in
   local mode on the whole NTREX text, one document per line: target at least 2x.

Documents for 1 to 3: the lines of each NTREX file joined into documents of about 1 KB.
Every comparison alternates its two sides, round after round, and reports the best and
the median of each and the ratio of the medians; the load average before and after each
part says whether other processes were running.

    python3 python/bench/bench.py                      # corpus/ntrex, 1 and 2 threads
    python3 python/bench/bench.py --spark /work/shared/corpus-bench/ntrex \\
        --batch target/release/examples/batch          # and Spark on the whole NTREX text

The package must be importable (pip install ./python); the Spark part needs pyspark, Java 17
and the batch tool (cargo build --release --example batch).
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# tokenizers reads this when it first runs in parallel: one thread, for a per-thread figure.
os.environ["TOKENIZERS_PARALLELISM"] = "false"

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "python" / "tests"))

import wordmill  # noqa: E402
from ntrex import NTREX, ntrex_documents, ntrex_lines, write_jsonl  # noqa: E402


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def alternate(rounds, sides):
    """Runs each side once per round, in turn; returns the times of each."""
    times = {name: [] for name in sides}
    for _ in range(rounds):
        for name, fn in sides.items():
            seconds = fn()
            times[name].append(seconds)
    return times


def report(title, size, times, baseline, target):
    print(f"\n{title} (load average {load()})")
    base = statistics.median(times[baseline])
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"  {name:34} best {min(values) * 1e3:8.1f} ms  median {median * 1e3:8.1f} ms"
            f"  {size / median / 1e6:7.2f} MB/s  {median / base:5.3f}x the time of {baseline}"
        )
    print(f"  target: {target}")


def bench_library(docs, threads_list, rounds):
    import pyarrow as pa

    pipeline = wordmill.Pipeline()
    size = sum(len(d.encode("utf-8")) for d in docs)
    array = pa.array(docs, pa.string())
    print(f"{len(docs)} documents, {size / 1e6:.1f} MB, mean {size / len(docs):.0f} bytes; pipeline {pipeline!r}")
    for threads in threads_list:
        # Warm: the detector's model, the pool, the per-thread term caches.
        wordmill._wordmill._rust_analyze_batch(pipeline, docs, threads, 1)
        pipeline.analyze_batch(docs, threads=threads)

        def rust():
            return wordmill._wordmill._rust_analyze_batch(pipeline, docs, threads, 1)[0]

        def python():
            seconds, batch = timed(lambda: pipeline.analyze_batch(docs, threads=threads))
            del batch
            return seconds

        def arrow():
            seconds, out = timed(lambda: pipeline.analyze_arrow(array, threads=threads, stats=wordmill.CorpusStats()))
            del out
            return seconds

        times = alternate(rounds, {"Rust Pipeline::analyze_batch": rust, "analyze_batch (list of str)": python,
                                   "analyze_arrow (pyarrow string)": arrow})
        report(f"{threads} thread(s): Python against Rust", size, times, "Rust Pipeline::analyze_batch",
               "analyze_batch within 15% (<= 1.150x), analyze_arrow within 5% (<= 1.050x)")


def bench_tokenizers(docs, rounds):
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

    hf = Tokenizer(models.WordLevel({"[UNK]": 0}, unk_token="[UNK]"))
    hf.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Lowercase()])
    hf.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    pipeline = wordmill.Pipeline()
    counts_only = wordmill.Pipeline(keep_tokens=False)
    size = sum(len(d.encode("utf-8")) for d in docs)
    hf.encode_batch(docs[:100])
    pipeline.analyze_batch(docs, threads=1)
    counts_only.analyze_batch(docs, threads=1)

    def wordmill_one_thread():
        return timed(lambda: pipeline.analyze_batch(docs, threads=1))[0]

    def counts_only_one_thread():
        return timed(lambda: counts_only.analyze_batch(docs, threads=1))[0]

    def no_stats_one_thread():
        return timed(lambda: pipeline.analyze_batch(docs, threads=1, stats=False))[0]

    def tokenizers_one_thread():
        return timed(lambda: hf.encode_batch(docs))[0]

    times = alternate(rounds, {"tokenizers encode_batch": tokenizers_one_thread,
                               "wordmill analyze_batch": wordmill_one_thread,
                               "wordmill, keep_tokens=False": counts_only_one_thread,
                               "wordmill, stats=False": no_stats_one_thread})
    report("1 thread: wordmill (detection, folding, stemming, counting) against tokenizers "
           "(NFKC + lowercase + BERT pre-tokenizer)", size, times, "tokenizers encode_batch",
           "wordmill at least 5x tokenizers' throughput (<= 0.200x its time); stats=False does "
           "the target's work (detection, stemming, each document's counts), the others also "
           "count the corpus statistics")


def bench_spark(folder, batch, rounds, partitions):
    lines = list(ntrex_lines(folder))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_jsonl(tmp / "corpus.jsonl", ({"id": i, "text": t} for i, t in lines))
        size = (tmp / "corpus.jsonl").stat().st_size
        print(f"\nSpark: {len(lines)} documents, {size / 1e6:.1f} MB of JSON Lines, local[2], {partitions} partitions")
        common = ["corpus.jsonl", "--master", "local[2]", "--partitions", str(partitions)]
        runs = {
            "RDD.pipe() job": [REPO / "examples/spark/wordmill_spark.py", *common, "--binary", batch,
                               "--records", "pipe.jsonl", "--stats", "pipe-stats.json", "--stats-dir", "PARTS"],
            "mapInArrow job": [REPO / "examples/spark/wordmill_spark_arrow.py", *common,
                               "--records", "arrow.jsonl", "--stats", "arrow-stats.json"],
        }
        job_times = {name: [] for name in runs}
        wall_times = {name: [] for name in runs}
        for round_ in range(rounds):
            for name, args in runs.items():
                args = [str(a).replace("PARTS", str(tmp / f"parts-{round_}")) for a in args]
                wall, done = timed(lambda: subprocess.run([sys.executable, *args], cwd=tmp,
                                                          capture_output=True, text=True))
                if done.returncode != 0:
                    sys.exit(f"{name} failed:\n{done.stderr[-3000:]}")
                job_times[name].append(float(re.search(r" in ([0-9.]+) s;", done.stderr).group(1)))
                wall_times[name].append(wall)
        report("Spark in local mode, the job alone (after the JVM starts, to the merged statistics)", size,
               job_times, "RDD.pipe() job", "mapInArrow at least 2x as fast (<= 0.500x the time)")
        report("Spark in local mode, the whole command (with the JVM's start and stop)", size,
               wall_times, "RDD.pipe() job", "(for information)")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--ntrex", default=str(NTREX), help="folder of NTREX files (default corpus/ntrex)")
    p.add_argument("--threads", default="1,2", help="thread counts for the Python/Rust comparison (default 1,2)")
    p.add_argument("--rounds", type=int, default=7, help="rounds of each comparison (default 7)")
    p.add_argument("--spark", metavar="NTREX", help="also compare the Spark jobs on this folder of NTREX files")
    p.add_argument("--spark-rounds", type=int, default=2, help="rounds of the Spark comparison (default 2)")
    p.add_argument("--partitions", type=int, default=4, help="Spark partitions (default 4)")
    p.add_argument("--batch", default=str(REPO / "target/release/examples/batch"), help="the batch tool, for the RDD.pipe() job")
    args = p.parse_args()
    print(f"wordmill {wordmill.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load()}")
    docs = ntrex_documents(folder=args.ntrex)
    bench_library(docs, [int(t) for t in args.threads.split(",")], args.rounds)
    bench_tokenizers(docs, args.rounds)
    if args.spark:
        bench_spark(args.spark, os.path.abspath(args.batch), args.spark_rounds, args.partitions)


if __name__ == "__main__":
    main()
