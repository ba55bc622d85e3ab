#!/usr/bin/env python3
"""Runs wordmill's Python package under Apache Spark with mapInArrow, no pipes.

The corpus (JSON Lines, one document per line, each with an "id" and a "text") is read with
textFile into at least --partitions partitions and parsed by Spark; each partition's Arrow
batches go to Pipeline.analyze_arrow inside mapInArrow, in the Python worker's process, with
no line ever parsed or built in Python; each partition ends with one extra row holding the
binary statistics of its documents (CorpusStats.to_bytes), which the driver merges. Records
are saved by Spark, joined in input order, and carry the batch tool's fields (but spans):
id, lang, script, confidence, reliable, token_count, term_count and top_terms (a list of
{"term", "count"} objects). Records and statistics equal those of examples/spark/
wordmill_spark.py, the RDD.pipe() job, on the same corpus (tests: python/tests/test_spark.py).

Local mode, on this machine (pip install pyspark ./python; Java 17):

    python3 examples/spark/wordmill_spark_arrow.py corpus.jsonl --master 'local[2]' \\
        --records records.jsonl --stats stats.json

On a cluster, submit it with spark-submit; every worker needs the wordmill package
(pip install ./python there, or a wheel from `maturin build` shipped with --py-files or an
archive), and --records must be on a file system the driver and the workers share.
"""

import argparse
import base64
import json
import os
import shutil
import sys
import time

# The Arrow schema of what each partition returns, as Spark declares it.
OUTPUT_SCHEMA = (
    "id string, lang string, script string, confidence double, reliable boolean, "
    "token_count bigint, term_count bigint, "
    "top_terms array<struct<term:string,count:bigint>>, stats binary"
)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON Lines corpus: a file, folder or glob that Spark's textFile reads")
    p.add_argument("--partitions", type=int, default=4, help="at least this many partitions (default 4)")
    p.add_argument("--records", required=True, help="write the records here, in input order (JSON Lines)")
    p.add_argument("--stats", required=True, help="write the merged statistics here (JSON)")
    p.add_argument("--master", help="Spark master, e.g. local[4] (default: spark-submit's, else local[*])")
    p.add_argument("--threads", type=int, default=1, help="analysis threads per task (default 1: Spark runs one task per core)")
    p.add_argument("--top", type=int, default=10, help="top terms per record (default 10, as the batch tool)")
    p.add_argument("--text-field", default="text", help="the field that holds the text (default text)")
    p.add_argument("--id-field", default="id", help="the field that holds the id (default id)")
    p.add_argument("--lang-allow", help="only these ISO 639-3 languages, comma-separated (e.g. eng,ara)")
    p.add_argument("--normalize", choices=["nfc", "nfkc"], default="nfc", help="Unicode form (default nfc)")
    p.add_argument("--no-stem", action="store_true", help="do not stem")
    p.add_argument("--keep-stopwords", action="store_true", help="keep stop words")
    return p.parse_args()


def analyse_partitions(options, top, threads, text_field, id_field):
    """The function mapInArrow runs on each partition: Arrow batches in, Arrow batches out."""

    def analyse(batches):
        import pyarrow as pa

        import wordmill

        pipeline = wordmill.Pipeline(keep_tokens=False, **options)
        stats = wordmill.CorpusStats()
        schema = None
        for batch in batches:
            out = pipeline.analyze_arrow(batch.column(text_field), threads=threads, stats=stats, top=top)
            columns = [batch.column(id_field), *out.columns, pa.nulls(batch.num_rows, pa.binary())]
            names = ["id", *out.schema.names[:-1], "top_terms", "stats"]
            result = pa.RecordBatch.from_arrays(columns, names=names)
            schema = result.schema
            yield result
        # The partition's statistics: one row of its own, every other column null.
        if schema is None:
            return  # an empty partition: nothing counted
        row = [pa.nulls(1, field.type) for field in schema][:-1]
        yield pa.RecordBatch.from_arrays([*row, pa.array([stats.to_bytes()], pa.binary())], schema=schema)

    return analyse


def join_parts(parts, records_path):
    """Writes the records of the part files, in partition order, to `records_path`, and
    returns the merged statistics of the partitions' statistics rows."""
    import wordmill

    merged = wordmill.CorpusStats()
    count = 0
    with open(records_path, "w", encoding="utf-8") as out:
        for name in sorted(n for n in os.listdir(parts) if n.startswith("part-")):
            with open(os.path.join(parts, name), encoding="utf-8") as part:
                for line in part:
                    # Spark leaves null fields out: a statistics row has nothing but stats.
                    if line.startswith('{"stats":'):
                        merged.merge(wordmill.CorpusStats.from_bytes(base64.b64decode(json.loads(line)["stats"])))
                    else:
                        out.write(line)
                        count += 1
    return merged, count


def main():
    args = parse_args()
    # Workers must run the driver's Python, which has wordmill.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StringType, StructField, StructType

    options = {
        "languages": args.lang_allow.split(",") if args.lang_allow else None,
        "normalize": args.normalize,
        "stem": not args.no_stem,
        "stopwords": not args.keep_stopwords,
    }
    import wordmill

    wordmill.Pipeline(**options)  # bad options fail here, not in every task

    builder = SparkSession.builder.appName("wordmill-arrow").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    started = time.monotonic()
    parts = os.path.abspath(args.records) + ".parts"
    try:
        # textFile keeps lines in input order across partitions; parsing the JSON from that
        # RDD keeps its partitions.
        lines = spark.sparkContext.textFile(args.input, minPartitions=args.partitions)
        partitions = lines.getNumPartitions()
        fields = StructType([StructField(args.id_field, StringType()), StructField(args.text_field, StringType())])
        documents = spark.read.schema(fields).json(lines)
        analyse = analyse_partitions(options, args.top, args.threads, args.text_field, args.id_field)
        records = documents.mapInArrow(analyse, OUTPUT_SCHEMA)
        shutil.rmtree(parts, ignore_errors=True)
        # file:// so that Spark writes where the driver reads, whatever the default file
        # system (on a cluster: a shared folder).
        records.write.json("file://" + parts)
        stats, count = join_parts(parts, args.records)
        shutil.rmtree(parts)
    finally:
        spark.stop()
    with open(args.stats, "w", encoding="utf-8") as out:
        out.write(stats.to_json())
    elapsed = time.monotonic() - started
    print(
        f"wordmill_spark_arrow: {count} records from {partitions} partitions in {elapsed:.1f} s; "
        f"records in {args.records}, statistics in {args.stats}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
