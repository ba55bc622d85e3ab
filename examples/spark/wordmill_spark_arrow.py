#!/usr/bin/env python3
"""Runs wordmill's Python package under Apache Spark with mapInArrow, no pipes.

The corpus (JSON Lines, one document per line, each with an "id" and a "text": a file, a
glob, or a folder whose .txt, .jsonl and .ndjson files are read recursively in name order,
as the batch tool reads a folder, every file as JSON Lines) is read into at least
--partitions partitions; inside mapInArrow, each partition's lines are parsed in the Python
worker, each field checked as the batch tool checks it, and the texts go to
Pipeline.analyze_arrow in Arrow batches; each partition ends with one extra row holding the
binary statistics of its documents (CorpusStats.to_bytes), which the driver merges. Records
are saved by Spark, joined in input order, and carry the batch tool's fields (but spans):
id, lang, script, confidence, reliable, token_count, term_count, top_terms (a list of
{"term", "count"} objects) and warnings; a line that is not a document gets an error record
(id, file, line, error) as the batch tool gives it. Records and statistics equal those of
examples/spark/wordmill_spark.py, the RDD.pipe() job, on the same corpus (tests:
python/tests/test_spark.py), but for the wording of errors in lines that are not JSON.

Local mode, on this machine (pip install pyspark ./python; Java 17):

    python3 examples/spark/wordmill_spark_arrow.py corpus.jsonl --master 'local[2]' \\
        --records records.jsonl --stats stats.json

On a cluster, submit it with spark-submit; every worker needs the wordmill package
(pip install ./python there, or a wheel from `maturin build` shipped with --py-files or an
archive), and --records must be on a file system the driver and the workers share.
"""

import argparse
import base64
import decimal
import json
import math
import os
import re
import shutil
import sys
import time
import unicodedata

from spark_input import job_outputs, part_files, read_lines

# The Arrow schema of what each partition returns, as Spark declares it: an error record's
# fields, then an analysed document's, in the batch tool's order (Spark leaves nulls out).
OUTPUT_SCHEMA = (
    "id string, file string, line bigint, error string, "
    "lang string, script string, confidence double, reliable boolean, "
    "token_count bigint, term_count bigint, "
    "top_terms array<struct<term:string,count:bigint>>, warnings array<string>, stats binary"
)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON Lines corpus: a file, a glob, or a folder read as the batch tool reads it")
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


class _Members(list):
    """A JSON object's members, in order, a repeated key as often as it is written."""


class _Number(str):
    """A JSON number as written."""


def _no_constant(name):
    raise ValueError(f"expected value ({name} is no JSON)")


# Made in the worker (a decoder does not pickle).
_DECODER = None


def _decoder():
    """Python's json reads NaN and Infinity, keeps the last of repeated keys and reads
    numbers of any size: its hooks keep what the batch tool's serde_json needs to say
    otherwise."""
    global _DECODER
    if _DECODER is None:
        _DECODER = json.JSONDecoder(
            object_pairs_hook=_Members, parse_int=_Number, parse_float=_Number, parse_constant=_no_constant
        )
    return _DECODER

# The kinds of JSON value as the batch tool names them.
_KINDS = ((_Members, "an object"), (list, "an array"), (bool, "a boolean"), (_Number, "a number"), (str, "a string"))


def _kind(value):
    if value is None:
        return "null"
    return next(kind for cls, kind in _KINDS if isinstance(value, cls))


def _float_id(value):
    """A float as serde_json writes it (the batch tool's ids): the shortest digits that read
    back as it (Python's repr has the same), in decimal from 1e-5 to under 1e16, else as
    1.5e-7 or 1e+16."""
    if value == 0:
        return "-0.0" if math.copysign(1, value) < 0 else "0.0"
    sign = "-" if value < 0 else ""
    digits = decimal.Decimal(repr(abs(value))).normalize()
    exponent = digits.adjusted()
    if -5 <= exponent < 16:
        text = format(digits, "f")
        return sign + (text if "." in text else text + ".0")
    mantissa = "".join(map(str, digits.as_tuple().digits))
    mantissa = mantissa[0] + ("." + mantissa[1:] if len(mantissa) > 1 else "")
    return f"{sign}{mantissa}e{'+' if exponent > 0 else ''}{exponent}"


def _number_id(raw):
    """A number id (within a float's range) as the batch tool writes it."""
    number = _serde_number(raw)
    return str(number) if isinstance(number, int) else _float_id(number)


_U64_MAX = 2**64 - 1
# serde_json's table of powers of ten: each as a float, read correctly.
_POW10 = [float(f"1e{i}") for i in range(309)]
_NUMBER = re.compile(r"(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?)(\d+))?")


def _serde_number(raw):
    """A JSON number as the batch tool's serde_json (without its float_roundtrip feature)
    reads it: an int when it is an integer of 64 bits, else a float, or None when out of a
    float's range. The digits go into a u64 as long as they fit, the ones after as a power of
    ten, applied in one multiplication or division: not always the float nearest the digits
    (123456789012345678901 is read as 1.2345678901234567e20, Python's float() says ...568e20),
    and the ids must be the tool's."""
    negative, integer, fraction, exponent_sign, exponent_digits = _NUMBER.fullmatch(raw).groups()

    def fits(significand, digit):
        return significand * 10 + digit <= _U64_MAX

    significand, exponent, overflowed = 0, 0, False
    for digit in map(int, integer):
        if overflowed or not fits(significand, digit):
            # The rest of the integer's digits count as powers of ten.
            overflowed = True
            exponent += 1
        else:
            significand = significand * 10 + digit
    if fraction is None and exponent_digits is None and not overflowed:
        if not negative:
            return significand
        # A negative integer beyond an i64, and -0, are floats.
        return -significand if significand <= 2**63 and significand != 0 else -float(significand)
    for digit in map(int, fraction or ""):
        if not fits(significand, digit):
            # The fraction's digits after the first that does not fit are dropped.
            break
        significand = significand * 10 + digit
        exponent -= 1
    if exponent_digits is not None:
        written = int(exponent_digits) if len(exponent_digits) < 11 else 2**31
        if written > 2**31 - 1:
            # An exponent beyond an i32: out of range, or zero.
            if significand != 0 and exponent_sign != "-":
                return None
            return -0.0 if negative else 0.0
        exponent = exponent + written if exponent_sign != "-" else exponent - written
        exponent = max(-(2**31), min(exponent, 2**31 - 1))
    value = float(significand)
    while True:
        if abs(exponent) < len(_POW10):
            if exponent >= 0:
                value *= _POW10[exponent]
                if math.isinf(value):
                    return None
            else:
                value /= _POW10[-exponent]
            break
        if value == 0:
            break
        if exponent >= 0:
            return None
        value /= 1e308
        exponent += 308
    return -value if negative else value


def _out_of_range(value):
    """True when `value` (the text's or the id's: the batch tool reads them as numbers when
    they are) is a number beyond a float's range, which makes the tool refuse the whole line
    (a number inside an array or object there is not read as one)."""
    return isinstance(value, _Number) and _serde_number(value) is None


def _quoted(name):
    """A field's name quoted as the batch tool's messages quote it (Rust's `{:?}`): letters
    of every script as they are, control characters as `\\u{...}`."""
    escapes = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\0": "\\0", '"': '\\"', "\\": "\\\\"}
    return '"' + "".join(
        escapes.get(c) or (f"\\u{{{ord(c):x}}}" if unicodedata.category(c) == "Cc" else c) for c in name
    ) + '"'


def _lone_surrogates(line):
    """The places of the escaped lone surrogates of a JSON line (half of a UTF-16 pair:
    valid JSON, no Unicode text), found as the batch tool finds them."""
    def escape_at(i):
        hex = line[i + 2 : i + 6]
        if line[i : i + 2] == "\\u" and len(hex) == 4 and all(c in "0123456789abcdefABCDEF" for c in hex):
            return int(hex, 16)
        return None

    lone = []
    i = line.find("\\")
    while i != -1:
        code = escape_at(i)
        if code is not None and 0xD800 <= code <= 0xDBFF and (escape_at(i + 6) or 0) in range(0xDC00, 0xE000):
            i += 12
        elif code is not None and 0xD800 <= code <= 0xDFFF:
            lone.append(i)
            i += 6
        else:
            i += 2
        i = line.find("\\", i)
    return lone


_SURROGATE = re.compile("[\ud800-\udfff]")


def _fields(line, text_field, id_field):
    """The values of the text and id fields of a JSON line that holds one object, with its
    keys (a dict, a field absent when it is), or the error that makes the line no document."""
    try:
        members = _decoder().decode(line)
    except json.JSONDecodeError as e:
        return f"invalid JSON: {e.msg} at character {e.pos + 1} of the line"
    except (ValueError, RecursionError) as e:
        return f"invalid JSON: {e}"
    if not isinstance(members, _Members):
        return f"invalid JSON: {_kind(members)}, where a JSON object was expected"
    found = {}
    for key, value in members:
        if key in (text_field, id_field):
            if key in found:
                return f"invalid JSON: duplicate field {_quoted(key)}"
            found[key] = value
    found[_KEYS] = [key for key, _ in members]
    return found


# Where _fields keeps the object's keys: no JSON key is a tuple.
_KEYS = ("keys",)


def _read_strings(found):
    """The strings of a line that the batch tool reads: its keys and the text and id."""
    yield from found[_KEYS]
    yield from (v for k, v in found.items() if k != _KEYS and isinstance(v, str))


def read_line(line, text_field, id_field):
    """One JSON line as the batch tool reads it: None for a blank line (no document), else
    (id, text, error, warnings); id is None when the line gives none."""
    # One byte order mark at the start of a line is dropped; white space is JSON's (a "\r"
    # before the "\n" included).
    if line.startswith("\ufeff"):
        line = line[1:]
    if not line.strip(" \t\n\x0c\r"):
        return None
    found = _fields(line, text_field, id_field)
    warnings = None
    lone = _lone_surrogates(line) if "\\u" in line else []
    # Python reads an escaped lone surrogate as a character; the batch tool's JSON reader
    # refuses one in what it reads (a key, the id, the text: not the fields it skips), and
    # then reads the line again with every one replaced by U+FFFD, with a warning (pyarrow
    # would refuse them too).
    if lone and not isinstance(found, str) and any(_SURROGATE.search(v) for v in _read_strings(found)):
        # Escapes are ASCII: the first one's byte is counted on what precedes it.
        at = len(line[: lone[0]].encode("utf-8")) + 1
        for i in lone:
            line = line[:i] + "\\ufffd" + line[i + 6 :]
        found = _fields(line, text_field, id_field)
        warnings = [
            f"{len(lone)} escaped lone surrogate(s) on the line (the first at byte {at}), half of a UTF-16 pair, replaced by U+FFFD"
        ]
    if isinstance(found, str):
        return None, None, found, None
    if any(_out_of_range(found[f]) for f in (text_field, id_field) if f in found):
        return None, None, "invalid JSON: number out of range", None
    doc_id = None
    # A null id is no id, as the batch tool reads it.
    if found.get(id_field) is not None:
        value = found[id_field]
        if isinstance(value, _Number):
            doc_id = _number_id(value)
        elif isinstance(value, str):
            doc_id = value
        else:
            return None, None, f"field {_quoted(id_field)} is {_kind(value)}: ids must be strings or numbers (choose the field with --id-field)", None
    if text_field not in found:
        return doc_id, None, f"no {_quoted(text_field)} field: name the field that holds the text with --text-field", None
    text = found[text_field]
    if isinstance(text, _Number) or not isinstance(text, str):
        return doc_id, None, f"field {_quoted(text_field)} is {_kind(text)}, not a string: name the field that holds the text with --text-field", None
    return doc_id, text, None, warnings


def analyse_partitions(options, top, threads, text_field, id_field):
    """The function mapInArrow runs on each partition: Arrow batches of lines in, Arrow
    batches of records out."""

    def analyse(batches):
        import pyarrow as pa

        import wordmill

        pipeline = wordmill.Pipeline(keep_tokens=False, **options)
        stats = wordmill.CorpusStats()
        number = 0  # the partition's lines read, as the batch tool counts stdin's
        schema = None
        for batch in batches:
            ids, texts, errors, lines, warnings = [], [], [], [], []
            for line in batch.column(0).to_pylist():
                number += 1
                doc = read_line(line, text_field, id_field)
                if doc is None:
                    continue
                doc_id, text, error, warned = doc
                # Without an id, the place of the line, as the RDD.pipe() job's.
                ids.append(doc_id if doc_id is not None else f"-:{number}")
                # A null text is no document: a row of nulls, not counted in the statistics.
                texts.append(text)
                errors.append(error)
                lines.append(number if error is not None else None)
                warnings.append(warned)
            if not ids:
                continue
            out = pipeline.analyze_arrow(pa.array(texts, pa.string()), threads=threads, stats=stats, top=top)
            failed = [None if e is None else "-" for e in errors]
            columns = [
                pa.array(ids, pa.string()),
                pa.array(failed, pa.string()),
                pa.array(lines, pa.int64()),
                pa.array(errors, pa.string()),
                *out.columns,
                pa.array(warnings, pa.list_(pa.string())),
                pa.nulls(len(ids), pa.binary()),
            ]
            names = ["id", "file", "line", "error", *out.schema.names[:-1], "top_terms", "warnings", "stats"]
            result = pa.RecordBatch.from_arrays(columns, names=names)
            schema = result.schema
            yield result
        # The partition's statistics: one row of its own, every other column null.
        if schema is None:
            return  # no document: nothing counted
        row = [pa.nulls(1, field.type) for field in schema][:-1]
        yield pa.RecordBatch.from_arrays([*row, pa.array([stats.to_bytes()], pa.binary())], schema=schema)

    return analyse


def join_parts(parts, records_path):
    """Writes the records of the part files, in partition order, to `records_path`, and
    returns the merged statistics of the partitions' statistics rows, the number of records
    and the number of error records."""
    import wordmill

    merged = wordmill.CorpusStats()
    count = errors = 0
    with open(records_path, "w", encoding="utf-8") as out:
        for name in part_files(parts):
            with open(os.path.join(parts, name), encoding="utf-8") as part:
                for line in part:
                    # Spark leaves null fields out: a statistics row has nothing but stats.
                    if line.startswith('{"stats":'):
                        merged.merge(wordmill.CorpusStats.from_bytes(base64.b64decode(json.loads(line)["stats"])))
                    else:
                        out.write(line)
                        count += 1
                        # (A quote in a string is escaped: only the field has this.)
                        errors += '"error":' in line
    return merged, count, errors


def main():
    args = parse_args()
    # Workers must run the driver's Python, which has wordmill.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    options = {
        "languages": args.lang_allow.split(",") if args.lang_allow else None,
        "normalize": args.normalize,
        "stem": not args.no_stem,
        "stopwords": not args.keep_stopwords,
    }
    import wordmill

    wordmill.Pipeline(**options)  # bad options fail here, not in every task
    if args.text_field == args.id_field:
        sys.exit(f"wordmill_spark_arrow: --text-field and --id-field name the same field {args.text_field!r}")

    builder = SparkSession.builder.appName("wordmill-arrow").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    started = time.monotonic()
    parts = os.path.abspath(args.records) + ".parts"
    try:
        # textFile keeps lines in input order across partitions, and so does a DataFrame made
        # of that RDD. The lines are parsed in the workers, not by Spark's JSON reader: it
        # reads any JSON value as a string (a number or an object as the text was analysed),
        # and a line past its limits (20,000,000 characters in a string) became a row of
        # nulls, a document dropped without a word.
        lines = read_lines(spark.sparkContext, args.input, args.partitions, job_outputs(args))
        partitions = lines.getNumPartitions()
        documents = spark.createDataFrame(lines.map(lambda line: (line,)), "line string")
        analyse = analyse_partitions(options, args.top, args.threads, args.text_field, args.id_field)
        records = documents.mapInArrow(analyse, OUTPUT_SCHEMA)
        shutil.rmtree(parts, ignore_errors=True)
        # file:// so that Spark writes where the driver reads, whatever the default file
        # system (on a cluster: a shared folder).
        records.write.json("file://" + parts)
        stats, count, errors = join_parts(parts, args.records)
        shutil.rmtree(parts)
    finally:
        spark.stop()
    with open(args.stats, "w", encoding="utf-8") as out:
        out.write(stats.to_json())
    elapsed = time.monotonic() - started
    print(
        f"wordmill_spark_arrow: {count} records ({errors} errors) from {partitions} partitions in {elapsed:.1f} s; "
        f"records in {args.records}, statistics in {args.stats}",
        file=sys.stderr,
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
