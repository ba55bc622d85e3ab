"""The NTREX news text of the repository's corpus/ (or of another folder of NTREX files),
as the tests and python/bench/bench.py use it."""

import json
import pathlib

REPO = pathlib.Path(__file__).resolve().parents[2]
NTREX = REPO / "corpus" / "ntrex"


def ntrex_files(folder=NTREX):
    """The NTREX files of `folder` whose names are those of corpus/ntrex/*.txt, in name
    order (the bench corpus has more languages than the repository's sample)."""
    names = {p.name for p in NTREX.glob("*.txt")}
    return sorted(p for p in pathlib.Path(folder).glob("*.txt") if p.name in names)


def ntrex_lines(folder=NTREX):
    """(id, text) of every line, files in name order: ids FILE-LINE (from 0), as
    tests/batch_support's ntrex_jsonl names them."""
    for path in ntrex_files(folder):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            yield f"{path.stem}-{i}", line


def ntrex_documents(size=1000, folder=NTREX):
    """Documents of about `size` bytes: consecutive lines of each file joined by spaces (a
    file's last document may be shorter)."""
    docs = []
    for path in ntrex_files(folder):
        current, length = [], 0
        for line in path.read_text(encoding="utf-8").splitlines():
            current.append(line)
            length += len(line.encode("utf-8")) + 1
            if length >= size:
                docs.append(" ".join(current))
                current, length = [], 0
        if current:
            docs.append(" ".join(current))
    return docs


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
