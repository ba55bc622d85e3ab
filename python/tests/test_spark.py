"""The two Spark jobs of examples/spark/, in local mode on the NTREX sample of corpus/: the
RDD.pipe() job (the batch tool in a pipe) and the mapInArrow job (this package inside the
Python workers) give the same records and the same statistics.

Needs pyspark, Java 17 and the batch tool, whose path tests/python.rs passes in
WORDMILL_BATCH (it builds it); WORDMILL_SKIP_SPARK=1 skips this test. It fails, saying what
is missing, otherwise."""

import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from ntrex import REPO, ntrex_lines, write_jsonl

SPARK = REPO / "examples" / "spark"


def run(args, cwd):
    done = subprocess.run([sys.executable, *map(str, args)], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, f"{args[0]} failed:\n{done.stderr[-4000:]}"
    return done.stderr


@pytest.mark.skipif(os.environ.get("WORDMILL_SKIP_SPARK") == "1", reason="WORDMILL_SKIP_SPARK=1")
def test_map_in_arrow_job_equals_the_pipe_job(tmp_path):
    batch = os.environ.get("WORDMILL_BATCH")
    assert batch, "WORDMILL_BATCH must name the batch tool (cargo build --release --example batch); tests/python.rs sets it"
    assert shutil.which("java"), "Spark needs Java 17: apt-get install openjdk-17-jre-headless (or WORDMILL_SKIP_SPARK=1)"
    pytest.importorskip("pyspark", reason="pip install pyspark (scripts/setup does), or WORDMILL_SKIP_SPARK=1")
    documents = list(ntrex_lines())
    write_jsonl(tmp_path / "corpus.jsonl", ({"id": i, "text": t} for i, t in documents))
    common = ["corpus.jsonl", "--master", "local[2]", "--partitions", "4"]
    pipe_log = run([SPARK / "wordmill_spark.py", *common, "--binary", batch, "--records", "pipe.jsonl",
                    "--stats", "pipe-stats.json", "--stats-dir", "parts"], tmp_path)
    arrow_log = run([SPARK / "wordmill_spark_arrow.py", *common, "--records", "arrow.jsonl",
                     "--stats", "arrow-stats.json"], tmp_path)
    assert f"{len(documents)} records (0 errors)" in pipe_log
    assert f"{len(documents)} records from 4 partitions" in arrow_log

    pipe = [json.loads(line) for line in (tmp_path / "pipe.jsonl").read_text(encoding="utf-8").splitlines()]
    arrow = [json.loads(line) for line in (tmp_path / "arrow.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in arrow] == [r["id"] for r in pipe] == [i for i, _ in documents]
    for p, a in zip(pipe, arrow):
        assert a["lang"] == p["lang"], p["id"]
        assert a.get("script") == p["script"], p["id"]  # Spark leaves nulls out
        assert a["confidence"] == pytest.approx(p["confidence"], abs=1e-12), p["id"]
        assert (a["reliable"], a["token_count"], a["term_count"]) == (p["reliable"], p["token_count"], p["term_count"]), p["id"]
        assert [(t["term"], t["count"]) for t in a["top_terms"]] == [tuple(t) for t in p["top_terms"]], p["id"]
    pipe_stats = json.loads((tmp_path / "pipe-stats.json").read_text(encoding="utf-8"))
    arrow_stats = json.loads((tmp_path / "arrow-stats.json").read_text(encoding="utf-8"))
    assert arrow_stats["documents"] == len(documents)
    # The batch tool's files name the options that shaped their terms (the defaults here);
    # the library's do not.
    assert pipe_stats.pop("analysis") == ""
    assert arrow_stats == pipe_stats
