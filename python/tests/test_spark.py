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


def run(args, cwd, code=0):
    done = subprocess.run([sys.executable, *map(str, args)], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == code, f"{args[0]} exited with {done.returncode}:\n{done.stderr[-4000:]}"
    return done.stderr


def needs_spark():
    """The batch tool's path; fails, saying what is missing, without Java, and skips without
    pyspark."""
    batch = os.environ.get("WORDMILL_BATCH")
    assert batch, "WORDMILL_BATCH must name the batch tool (cargo build --release --example batch); tests/python.rs sets it"
    assert shutil.which("java"), "Spark needs Java 17: apt-get install openjdk-17-jre-headless (or WORDMILL_SKIP_SPARK=1)"
    pytest.importorskip("pyspark", reason="pip install pyspark (scripts/setup does), or WORDMILL_SKIP_SPARK=1")
    return batch


def records_of(path):
    return [json.loads(line) for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines()]


@pytest.mark.skipif(os.environ.get("WORDMILL_SKIP_SPARK") == "1", reason="WORDMILL_SKIP_SPARK=1")
def test_map_in_arrow_job_equals_the_pipe_job(tmp_path):
    batch = needs_spark()
    documents = list(ntrex_lines())
    write_jsonl(tmp_path / "corpus.jsonl", ({"id": i, "text": t} for i, t in documents))
    common = ["corpus.jsonl", "--master", "local[2]", "--partitions", "4"]
    pipe_log = run([SPARK / "wordmill_spark.py", *common, "--binary", batch, "--records", "pipe.jsonl",
                    "--stats", "pipe-stats.json", "--stats-dir", "parts"], tmp_path)
    arrow_log = run([SPARK / "wordmill_spark_arrow.py", *common, "--records", "arrow.jsonl",
                     "--stats", "arrow-stats.json"], tmp_path)
    assert f"{len(documents)} records (0 errors)" in pipe_log
    assert f"{len(documents)} records (0 errors) from 4 partitions" in arrow_log

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


# Lines the batch tool reads otherwise than Spark's JSON reader and line reader did: values
# that are no text, repeated fields, ids of every kind of number, escaped lone surrogates, a
# byte order mark, white space, a raw carriage return between two tokens (JSON white space,
# where Hadoop's line reader ended a line) and lines that are no JSON object.
TRICKY_LINES = [
    '{"id":"number","text":5}',
    '{"id":"object","text":{"a":"Muscat"}}',
    '{"id":"array","text":["Muscat"]}',
    '{"id":"boolean","text":true}',
    '{"id":"null","text":null}',
    '{"id":true,"text":"Muscat"}',
    '{"id":null,"text":"Muscat"}',
    '{"id":["x"],"text":"Muscat"}',
    '{"id":"twice","text":"Muscat","text":"Oman"}',
    '{"id":"a","id":"b","text":"Muscat"}',
    '{"id":"missing","txt":"Muscat"}',
    '{"id":1.0,"text":"Muscat"}',
    '{"id":1e21,"text":"Muscat"}',
    '{"id":-1.5e-7,"text":"Muscat"}',
    '{"id":0.00001,"text":"Muscat"}',
    '{"id":-0,"text":"Muscat"}',
    '{"id":18446744073709551615,"text":"Muscat"}',
    '{"id":18446744073709551616,"text":"Muscat"}',
    '{"id":123456789012345678901234567890,"text":"Muscat"}',
    '{"id":1e999,"text":"Muscat"}',
    # serde_json reads digits beyond a u64 as a power of ten (not always the nearest float).
    '{"id":123456789012345678901,"text":"Muscat"}',
    '{"id":1844674407370955161.5,"text":"Muscat"}',
    '{"id":-9223372036854775809,"text":"Muscat"}',
    '{"id":1e-400,"text":"Muscat"}',
    '{"id":1' + '0' * 5000 + ',"text":"Muscat"}',
    '{"id":"huge text","text":1e999}',
    '{"id":"huge in array","text":[1e999]}',
    '{"id":"ignored","text":"Muscat","n":1e999,"o":{"deep":[[["x"]]]},"s":"\\ud800"}',
    '{"id":"lone","text":"Muscat \\ud800 Oman \\udc00"}',
    '{"id":"pair","text":"Muscat \\ud83d\\ude00"}',
    '{"id":"\\ud800","text":"Muscat"}',
    '\ufeff{"id":"bom","text":"Muscat"}',
    '{"id":"cr",\r"text":"Muscat and Oman"}',
    '{"id":"crlf","text":"Muscat"}\r',
    '  {"id":"spaces","text":"Muscat"}  ',
    '',
    ' \t\r',
    '{"id":"not json"',
    '[{"id":"array line","text":"Muscat"}]',
    '"Muscat"',
    'NaN',
    '{"id":"nan","text":"Muscat","x":NaN}',
    '{"id":"two","text":"Muscat"}{"id":"values","text":"Oman"}',
    '{"id":"empty","text":""}',
    '{"text":"no id"}',
]


@pytest.mark.skipif(os.environ.get("WORDMILL_SKIP_SPARK") == "1", reason="WORDMILL_SKIP_SPARK=1")
def test_the_arrow_job_reads_a_line_as_the_batch_tool_does():
    """The arrow job's reading of a line, without Spark: the same documents, ids, errors and
    warnings as the batch tool's records (errors of lines that are no JSON worded otherwise)."""
    batch = os.environ.get("WORDMILL_BATCH")
    assert batch, "WORDMILL_BATCH must name the batch tool (cargo build --release --example batch); tests/python.rs sets it"
    sys.path.insert(0, str(SPARK))
    try:
        from wordmill_spark_arrow import read_line
    finally:
        sys.path.remove(str(SPARK))
    done = subprocess.run([batch, "-", "--input-format", "jsonl", "--quiet", "--allow-failures"],
                          input="\n".join(TRICKY_LINES).encode(), capture_output=True)
    assert done.returncode == 0, done.stderr
    expected = [json.loads(r) for r in done.stdout.decode().splitlines()]
    read = []
    for number, line in enumerate(TRICKY_LINES, 1):
        doc = read_line(line, "text", "id")
        if doc is not None:
            read.append((number, *doc))
    assert len(read) == len(expected)
    for (number, doc_id, text, error, warnings), record in zip(read, expected):
        assert (doc_id if doc_id is not None else f"-:{number}") == record["id"], TRICKY_LINES[number - 1]
        assert (error is None) == ("error" not in record), (TRICKY_LINES[number - 1], error, record)
        if error is not None and not record["error"].startswith("invalid JSON"):
            assert error == record["error"]
        assert warnings == record.get("warnings"), TRICKY_LINES[number - 1]
    # Field names are quoted in errors as the tool quotes them.
    lines = ['{"ид":"a","текст":5}', '{"ид":"b"}', '{"ид":true,"текст":"x"}', '{"ид":"c","текст":"x","текст":"y"}']
    done = subprocess.run([batch, "-", "--input-format", "jsonl", "--quiet", "--allow-failures",
                           "--text-field", "текст", "--id-field", "ид"],
                          input="\n".join(lines).encode(), capture_output=True)
    errors = [json.loads(r)["error"] for r in done.stdout.decode().splitlines()]
    mine = [read_line(line, "текст", "ид")[2] for line in lines]
    assert mine[:3] == errors[:3]
    assert mine[3].startswith('invalid JSON: duplicate field "текст"') and errors[3].startswith(mine[3])


def write_folder(root):
    """A corpus folder whose files a directory listing need not give in name order, an empty
    file or two (empty partitions), a file the batch tool does not read in a folder, the
    tricky lines, and a document of more than Spark's JSON reader's 20,000,000 characters."""
    ntrex = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in ntrex_lines()]
    files = {
        "z.jsonl": ntrex[:300],
        "b/y.ndjson": ntrex[300:600],
        "b/a.jsonl": TRICKY_LINES,
        "b/empty.jsonl": [],
        "b/c/long.jsonl": [json.dumps({"id": "long", "text": "Muscat Oman " * 1_900_000})],
        "a.TXT": ntrex[600:700],
        "m/empty.jsonl": [],
        "m/notes.md": ['{"id":"notes","text":"not read"}'],
    }
    for name, lines in reversed(files.items()):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes("".join(line + "\n" for line in lines).encode("utf-8"))


@pytest.mark.skipif(os.environ.get("WORDMILL_SKIP_SPARK") == "1", reason="WORDMILL_SKIP_SPARK=1")
def test_both_jobs_read_a_folder_as_the_batch_tool(tmp_path):
    batch = needs_spark()
    write_folder(tmp_path / "corpus")
    single = subprocess.run([batch, "corpus", "--input-format", "jsonl", "--quiet", "--stats", "single-stats.json"],
                            cwd=tmp_path, capture_output=True)
    assert single.returncode == 1, single.stderr  # the tricky lines' errors
    single = [json.loads(r) for r in single.stdout.decode().splitlines()]
    common = ["corpus", "--master", "local[2]", "--partitions", "4"]
    pipe_log = run([SPARK / "wordmill_spark.py", *common, "--binary", batch, "--records", "pipe.jsonl",
                    "--stats", "pipe-stats.json", "--stats-dir", "parts"], tmp_path, code=1)
    arrow_log = run([SPARK / "wordmill_spark_arrow.py", *common, "--records", "arrow.jsonl",
                     "--stats", "arrow-stats.json"], tmp_path, code=1)
    errors = sum("error" in r for r in single)
    assert f"{len(single)} records ({errors} errors)" in pipe_log
    assert f"{len(single)} records ({errors} errors)" in arrow_log
    # Empty partitions write the same empty share: no word of a replaced file.
    assert "replaced" not in pipe_log

    pipe, arrow = records_of(tmp_path / "pipe.jsonl"), records_of(tmp_path / "arrow.jsonl")
    # In the batch tool's order, every document once; ids as the tool's where the line gives
    # one (else the line's place in its partition, `-:N`, in both jobs).
    assert len(pipe) == len(arrow) == len(single)
    for s, p, a in zip(single, pipe, arrow):
        assert ("error" in s) == ("error" in p) == ("error" in a), (s, p, a)
        if ":" not in s["id"]:
            assert s["id"] == p["id"] == a["id"]
        if "error" in s:
            assert p["id"] == a["id"] and (p["file"], p["line"]) == (a["file"], a["line"]), (p, a)
            if not p["error"].startswith("invalid JSON"):
                assert p["error"] == a["error"] == s["error"]
            continue
        assert {**p, "id": s["id"]} == s
        assert a.get("warnings") == p.get("warnings"), p["id"]
        assert (a["lang"], a.get("script"), a["reliable"], a["token_count"], a["term_count"]) == (
            p["lang"], p["script"], p["reliable"], p["token_count"], p["term_count"]), p["id"]
        assert a["confidence"] == pytest.approx(p["confidence"], abs=1e-12), p["id"]
        assert [(t["term"], t["count"]) for t in a["top_terms"]] == [tuple(t) for t in p["top_terms"]], p["id"]
    ids = [r["id"] for r in single]
    assert "long" in ids and "cr" in ids and "notes" not in ids

    single_stats = json.loads((tmp_path / "single-stats.json").read_text(encoding="utf-8"))
    pipe_stats = json.loads((tmp_path / "pipe-stats.json").read_text(encoding="utf-8"))
    arrow_stats = json.loads((tmp_path / "arrow-stats.json").read_text(encoding="utf-8"))
    assert pipe_stats == single_stats
    assert pipe_stats.pop("analysis") == ""
    assert arrow_stats == pipe_stats


@pytest.mark.skipif(os.environ.get("WORDMILL_SKIP_SPARK") == "1", reason="WORDMILL_SKIP_SPARK=1")
def test_a_bad_batch_option_fails_before_spark_starts(tmp_path):
    batch = os.environ.get("WORDMILL_BATCH")
    assert batch, "WORDMILL_BATCH must name the batch tool (cargo build --release --example batch); tests/python.rs sets it"
    pytest.importorskip("pyspark", reason="pip install pyspark (scripts/setup does), or WORDMILL_SKIP_SPARK=1")
    (tmp_path / "corpus.jsonl").write_text('{"id":"a","text":"Muscat"}\n', encoding="utf-8")
    log = run([SPARK / "wordmill_spark.py", "corpus.jsonl", "--binary", batch, "--records", "r.jsonl",
               "--stats", "s.json", "--stats-dir", "parts", "--", "--no-such-option"], tmp_path, code=1)
    assert "--no-such-option" in log and "the batch command fails on no input" in log
    assert "Traceback" not in log and "Py4J" not in log
    assert not (tmp_path / "parts").exists() and not (tmp_path / "r.jsonl").exists()


@pytest.mark.skipif(os.environ.get("WORDMILL_SKIP_SPARK") == "1", reason="WORDMILL_SKIP_SPARK=1")
def test_outputs_among_the_inputs_are_refused_before_reading(tmp_path):
    """As the batch tool refuses its own: records or statistics written over an input
    destroy it, and written in an input folder are read back by the next run."""
    batch = needs_spark()
    doc = '{"id":"a","text":"Talks in Muscat."}\n'
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.jsonl").write_text(doc, encoding="utf-8")
    pipe = [SPARK / "wordmill_spark.py", "--binary", batch, "--master", "local[1]", "--stats-dir", "parts"]
    for args, says in [
        (["corpus/a.jsonl", "--records", "corpus/a.jsonl", "--stats", "s.json"], "--records corpus/a.jsonl is also an input"),
        (["corpus", "--records", "r.jsonl", "--stats", "corpus/a.jsonl"], "--stats corpus/a.jsonl is also an input"),
        (["corpus", "--records", "corpus/records.jsonl", "--stats", "s.json"], "is in the input folder"),
        (["corpus", "--records", "r.jsonl", "--stats", "./r.jsonl"], "--records and --stats name the same file"),
    ]:
        shutil.rmtree(tmp_path / "parts", ignore_errors=True)
        log = run([*pipe, *args], tmp_path, code=1)
        assert says in log, (args, log[-2000:])
        assert "Traceback" not in log, log[-2000:]
        assert (tmp_path / "corpus" / "a.jsonl").read_text(encoding="utf-8") == doc
        assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == ["a.jsonl"]
        assert not (tmp_path / "r.jsonl").exists() and not (tmp_path / "s.json").exists()
    # A folder whose name holds `#` (a URI's fragment, were the path parsed as one).
    (tmp_path / "news#2").mkdir()
    (tmp_path / "news#2" / "a.jsonl").write_text(doc, encoding="utf-8")
    shutil.rmtree(tmp_path / "parts", ignore_errors=True)
    log = run([*pipe, "news#2", "--records", "news#2/r.jsonl", "--stats", "s.json"], tmp_path, code=1)
    assert "is in the input folder" in log and "Traceback" not in log, log[-2000:]
    # The Arrow job reads its input through the same function.
    arrow = [SPARK / "wordmill_spark_arrow.py", "corpus", "--master", "local[1]", "--stats", "s.json"]
    log = run([*arrow, "--records", "corpus/records.jsonl"], tmp_path, code=1)
    assert "is in the input folder" in log, log[-2000:]

    # A colon in a file's name: a clear refusal, not Hadoop's stack trace.
    (tmp_path / "corpus" / "c:d.jsonl").write_text(doc, encoding="utf-8")
    shutil.rmtree(tmp_path / "parts", ignore_errors=True)
    log = run([*pipe, "corpus", "--records", "r.jsonl", "--stats", "s.json"], tmp_path, code=1)
    assert "holds a colon; rename it" in log and "Traceback" not in log, log[-2000:]


@pytest.mark.skipif(os.environ.get("WORDMILL_SKIP_SPARK") == "1", reason="WORDMILL_SKIP_SPARK=1")
def test_what_the_job_sets_and_second_names_are_kept_from_the_tasks(tmp_path):
    """Options after -- that would undo the job's own (records written on each worker, a
    partition read as one text) and a --stats among the shares are refused before Spark
    starts; a file the walk reaches twice (a link, a linked folder) is read once; partitions
    of the same ids and texts, whose shares would be one file, fail the job rather than
    count less."""
    batch = needs_spark()
    doc = '{"id":"a","text":"Talks in Muscat."}\n{"id":"b","text":"Rain in Oman."}\n'
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.jsonl").write_text(doc, encoding="utf-8")
    pipe = [SPARK / "wordmill_spark.py", "corpus", "--binary", batch, "--master", "local[2]",
            "--records", "r.jsonl", "--stats", "s.json", "--stats-dir", "parts"]
    for extra, says in [
        (["--", "--output", "/tmp/o.jsonl"], "--output after -- is the job's to set"),
        (["--", "--input-format=text"], "--input-format after -- is the job's to set"),
        (["--", "--top", "5", "more.jsonl"], "'more.jsonl' after -- would be read by every task"),
        (["--", "--version"], "--version after -- is the job's to set"),
        (["--", "-qo/tmp/o.jsonl"], "-o after -- is the job's to set"),
        (["--", "-qV"], "-V after -- is the job's to set"),
        (["--", "--top", "5", "--", "-x.jsonl"], "a second --"),
    ]:
        log = run([*pipe, *extra], tmp_path, code=1)
        assert says in log and "Traceback" not in log, (extra, log[-2000:])
        assert not (tmp_path / "parts").exists() and not (tmp_path / "r.jsonl").exists()
    inside = [*pipe[:-4], "--stats", "parts/s.json", "--stats-dir", "parts"]
    log = run(inside, tmp_path, code=1)
    assert "is in --stats-dir parts" in log and not (tmp_path / "r.jsonl").exists(), log[-2000:]
    inside = [*pipe[:-6], "--records", "parts/r.json", "--stats", "s.json", "--stats-dir", "parts"]
    log = run(inside, tmp_path, code=1)
    assert "--records parts/r.json is in --stats-dir" in log, log[-2000:]
    # An output that is an input under another name (a hard link) is refused.
    os.link(tmp_path / "corpus" / "a.jsonl", tmp_path / "hard.jsonl")
    log = run([*pipe[:-6], "--records", "hard.jsonl", "--stats", "s.json", "--stats-dir", "parts"], tmp_path, code=1)
    assert "--records hard.jsonl is also an input" in log, log[-2000:]
    os.remove(tmp_path / "hard.jsonl")
    # `--top 5` takes its value: no path.
    os.symlink("a.jsonl", tmp_path / "corpus" / "link.jsonl")
    os.symlink(".", tmp_path / "corpus" / "again")
    log = run([*pipe, "--", "--top", "5"], tmp_path)
    assert "the same file as" in log and "2 records (0 errors)" in log, log[-2000:]
    assert [r["id"] for r in records_of(tmp_path / "r.jsonl")] == ["a", "b"]
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["documents"] == 2
    # Two files of the same documents, read as two partitions: one share for both.
    for name in ["link.jsonl", "again"]:
        os.remove(tmp_path / "corpus" / name)
    (tmp_path / "corpus" / "b.jsonl").write_text(doc, encoding="utf-8")
    shutil.rmtree(tmp_path / "parts")
    log = run([*pipe, "--partitions", "2"], tmp_path, code=1)
    assert "the statistics count 2 documents, the records 4" in log, log[-2000:]
