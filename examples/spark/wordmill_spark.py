#!/usr/bin/env python3
"""Runs wordmill's batch tool under Apache Spark and merges its statistics.

The corpus (JSON Lines, one document per line, each with an "id": a file, a glob, or a folder
whose .txt, .jsonl and .ndjson files are read recursively in name order, as the batch tool
reads a folder, every file as JSON Lines) is spread over at least
--partitions partitions; each partition is piped through the batch tool with RDD.pipe() in
streaming mode (JSON Lines in on stdin, records out on stdout); every run leaves the partial
statistics of its partition in --stats-dir; the records are saved by Spark and joined in input order and
the partial statistics merged with `batch merge`. Records and statistics are the same as those of
one `batch` run over the whole corpus, but for what names a line: a document without an "id", and
an error record's "file" and "line", say "-" and the line's number in its partition (as a run
reading stdin would), not the file and line of the corpus.

Local mode, on this machine (pip install pyspark; Java 17):

    cargo build --release --example batch
    python3 examples/spark/wordmill_spark.py corpus.jsonl \\
        --binary "$PWD/target/release/examples/batch" --master 'local[2]' \\
        --records records.jsonl --stats stats.json --stats-dir /tmp/wordmill-parts

On a cluster, submit the same script with spark-submit; the binary must be at the same
absolute path on every worker (or shipped with --files and named by its file name), and
--stats-dir must be a folder every worker and the driver see (a shared file system).
Arguments after `--` go to the batch tool (e.g. -- --lang-allow eng,ara --top 5).
"""

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

from spark_input import job_outputs, part_files, read_lines


def parse_args():
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Arguments after -- go to the batch tool, e.g. -- --lang-allow eng,ara --top 5",
    )
    p.add_argument("input", help="JSON Lines corpus: a file, a glob, or a folder read as the batch tool reads it")
    p.add_argument("--binary", required=True, help="absolute path of the batch tool on every worker")
    p.add_argument("--partitions", type=int, default=4, help="at least this many partitions (default 4)")
    p.add_argument("--records", required=True, help="write the records here, in input order (JSON Lines)")
    p.add_argument("--stats", required=True, help="write the merged statistics here (JSON)")
    p.add_argument(
        "--stats-dir",
        required=True,
        help="new or empty folder for the partial statistics; on a cluster, on a file system shared by all",
    )
    p.add_argument("--master", help="Spark master, e.g. local[4] (default: spark-submit's, else local[*])")
    p.add_argument("--threads", type=int, default=1, help="analysis threads per partition (default 1: Spark runs one task per core)")
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    args = p.parse_args(argv[:split])
    # Everything after `--` goes to the batch tool.
    args.batch_args = argv[split + 1 :]
    return args


# The tool's options that take a value (`batch --help`), and those the job sets itself.
VALUE_OPTIONS = {
    "--input-format", "--text-field", "--id-field", "--lang-field", "--lang-allow",
    "--fallback-lang", "--min-confidence", "--normalize", "--cjk", "--threads",
    "--batch-size", "-o", "--output", "--top", "--stats", "--stats-dir",
}
JOB_OPTIONS = {
    "--input-format": "the job reads JSON Lines",
    "--lines": "the job reads JSON Lines",
    "-o": "the job collects the records: use --records",
    "--output": "the job collects the records: use --records",
    "--stats": "the job merges the statistics: use the job's --stats",
    "--stats-dir": "use the job's --stats-dir",
    "--threads": "use the job's --threads",
    "-h": "see `batch --help`",
    "--help": "see `batch --help`",
    "-V": "see `batch --version`",
    "--version": "see `batch --version`",
}


def check_batch_args(batch_args):
    """Refuses, before Spark starts, what after `--` would undo the job's own choices: an
    option it sets itself (records sent to a file on each worker, a partition read as one
    text), or a path (every task would read it). Read as the tool's parser reads them: a
    long option's value after `=` or in the next argument, short options run together
    (`-qo FILE`, `-qoFILE`, `-o=FILE`)."""
    def refuse(name):
        sys.exit(f"wordmill_spark: {name} after -- is the job's to set: {JOB_OPTIONS[name]}")

    value_next = False
    for arg in batch_args:
        if value_next:
            value_next = False
            continue
        if arg == "--":
            sys.exit("wordmill_spark: a second -- would make what follows paths that every task reads")
        if arg.startswith("--"):
            name = arg.split("=", 1)[0]
            if name in JOB_OPTIONS:
                refuse(name)
            value_next = name in VALUE_OPTIONS and "=" not in arg
        elif arg.startswith("-") and arg != "-":
            # Short options run together; the first that takes a value takes the rest.
            for i, letter in enumerate(arg[1:], start=1):
                name = "-" + letter
                if name in JOB_OPTIONS:
                    refuse(name)
                if name in VALUE_OPTIONS:
                    value_next = i == len(arg) - 1
                    break
        else:
            sys.exit(f"wordmill_spark: {arg!r} after -- would be read by every task: the job's input is its first argument")


def check_command(command):
    """Runs the batch command once on no input, in a folder of its own: bad options after
    `--` fail here, with the tool's message, rather than in every Spark task."""
    with tempfile.TemporaryDirectory() as scratch:
        checked = [*command]
        checked[checked.index("--stats-dir") + 1] = os.path.join(scratch, "parts")
        done = subprocess.run(checked, stdin=subprocess.DEVNULL, capture_output=True, text=True, cwd=scratch)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        sys.exit(f"wordmill_spark: the batch command fails on no input (exit code {done.returncode}): {shlex.join(command)}")


def main():
    args = parse_args()
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"wordmill_spark: {binary} is not an executable: build it with `cargo build --release --example batch`")
    stats_dir = os.path.abspath(args.stats_dir)
    if os.path.isdir(stats_dir) and os.listdir(stats_dir):
        sys.exit(f"wordmill_spark: {stats_dir} is not empty: its files would be merged too; give a new folder")
    # `batch merge` reads every .json file of --stats-dir.
    shares = os.path.realpath(stats_dir)
    for option, path in [("--stats", args.stats), ("--records", args.records)]:
        real = os.path.realpath(path)
        if os.path.commonpath([shares, real]) == shares:
            sys.exit(f"wordmill_spark: {option} {path} is in --stats-dir {args.stats_dir}, whose files are merged: write it elsewhere")
    check_batch_args(args.batch_args)
    command = [
        binary,
        "-",
        "--input-format",
        "jsonl",
        "--quiet",
        # Failed documents are error records; only a failed run fails the task.
        "--allow-failures",
        "--threads",
        str(args.threads),
        "--stats-dir",
        stats_dir,
        *args.batch_args,
    ]
    check_command(command)
    os.makedirs(stats_dir, exist_ok=True)

    # Workers must run the driver's Python.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("wordmill").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    started = time.monotonic()
    try:
        lines = read_lines(spark.sparkContext, args.input, args.partitions, job_outputs(args))
        partitions = lines.getNumPartitions()
        # RDD.pipe runs the command without a shell and with an empty environment.
        records = lines.pipe(shlex.join(command), checkCode=True)
        # One job runs every partition at once; the part files, in partition order, are the
        # records in input order.
        parts = os.path.abspath(args.records) + ".parts"
        shutil.rmtree(parts, ignore_errors=True)
        # file:// so that Spark writes where the driver reads, whatever the default file
        # system (on a cluster: a shared folder).
        records.saveAsTextFile("file://" + parts)
        count = errors = 0
        with open(args.records, "w", encoding="utf-8") as out:
            for name in part_files(parts):
                with open(os.path.join(parts, name), encoding="utf-8") as part:
                    for record in part:
                        out.write(record)
                        count += 1
                        if "error" in json.loads(record):
                            errors += 1
        shutil.rmtree(parts)
    finally:
        spark.stop()
    if not os.listdir(stats_dir):
        # An empty corpus makes no Spark task: one run on no input leaves the statistics of
        # nothing, with the options of the others, as a batch run over an empty corpus does.
        empty = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        if empty.returncode != 0:
            sys.exit(f"wordmill_spark: the batch tool failed on an empty corpus (exit code {empty.returncode})")
    merged = subprocess.run([binary, "merge", stats_dir, "--output", args.stats, "--quiet"])
    if merged.returncode != 0:
        sys.exit(f"wordmill_spark: merging the statistics in {stats_dir} failed")
    # Each partition's statistics are named by the hash of its ids and texts, so that a
    # retried task replaces its own: two partitions of the same ids and texts share a name,
    # and one of them is lost. The records say how many documents there were.
    with open(args.stats, encoding="utf-8") as merged_file:
        counted = json.load(merged_file)["documents"]
    if counted != count - errors:
        sys.exit(
            f"wordmill_spark: the statistics count {counted} documents, the records {count - errors}: "
            "partitions of the same ids and texts share one statistics file (documents repeated "
            "across files without ids, or with the same ids); give each document an id unique "
            "across the corpus"
        )
    elapsed = time.monotonic() - started
    print(
        f"wordmill_spark: {count} records ({errors} errors) from {partitions} partitions in {elapsed:.1f} s; "
        f"records in {args.records}, statistics in {args.stats}",
        file=sys.stderr,
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
