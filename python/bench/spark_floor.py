#!/usr/bin/env python3
"""The least any mapInArrow job over a JSON Lines corpus costs in Spark: its lines read (by the JVM),
sent through a Python worker as Arrow batches and back unchanged (no JSON parsed, nothing
analysed), and written as text. Timed as examples/spark/ times its jobs (from the session's
start to the end of the write), so that the figure stands beside theirs: a mapInArrow job
cannot take less, however fast its analysis.

    python3 python/bench/spark_floor.py corpus.jsonl [--master 'local[2]']
"""

import argparse
import os
import sys
import tempfile
import time


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON Lines corpus (any text file: its lines are not parsed)")
    p.add_argument("--master", default="local[2]")
    args = p.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(args.master)
        .appName("wordmill-floor")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    started = time.monotonic()

    def unchanged(batches):
        yield from batches

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "parts")
        # Read by the JVM alone, in the partitions Spark chooses: the cheapest way (a textFile
        # RDD made into rows passes every line through Python once more, 5.5 s here; a
        # repartition into 4 adds a shuffle, 5 s).
        rows = spark.read.text(args.input)
        rows.mapInArrow(unchanged, "value string").write.text("file://" + out)
        elapsed = time.monotonic() - started
    spark.stop()
    print(f"spark_floor: lines through a Python worker and back in {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
