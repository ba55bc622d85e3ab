"""Shared fixtures: the repository's corpus and a default pipeline."""

import json
import pathlib

import pytest

import wordmill

REPO = pathlib.Path(__file__).resolve().parents[2]
NTREX = REPO / "corpus" / "ntrex"


def ntrex_lines():
    """(id, text) of every line of corpus/ntrex/*.txt, files in name order: ids FILE-LINE
    (from 0), as tests/batch_support's ntrex_jsonl names them."""
    for path in sorted(NTREX.glob("*.txt")):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            yield f"{path.stem}-{i}", line


def ntrex_documents(size=1000, limit=None):
    """Documents of about `size` bytes: consecutive lines of each NTREX file joined by
    spaces (a file's last document may be shorter)."""
    docs = []
    for path in sorted(NTREX.glob("*.txt")):
        current, length = [], 0
        for line in path.read_text(encoding="utf-8").splitlines():
            current.append(line)
            length += len(line.encode("utf-8")) + 1
            if length >= size:
                docs.append(" ".join(current))
                current, length = [], 0
        if current:
            docs.append(" ".join(current))
    return docs[:limit]


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


@pytest.fixture(scope="session")
def pipeline():
    return wordmill.Pipeline()


@pytest.fixture(scope="session")
def documents():
    return ntrex_documents()
