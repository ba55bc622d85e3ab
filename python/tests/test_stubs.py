"""The type stubs (wordmill/_wordmill.pyi) describe the extension module as it is: mypy's
stubtest compares every class, method, parameter and default with the runtime's, and mypy
checks a typed use of the API against them."""

import subprocess
import sys

import pytest

pytest.importorskip("mypy", reason="pip install mypy (scripts/setup does)")


def run(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, **kwargs)


def test_stubs_match_the_module():
    # Disjoint bases (PEP 800) are left out: type checkers do not need them yet.
    done = run("mypy.stubtest", "wordmill._wordmill", "--ignore-disjoint-bases")
    assert done.returncode == 0, done.stdout + done.stderr


def test_typed_use_checks(tmp_path):
    use = tmp_path / "use.py"
    use.write_text(
        "import wordmill\n"
        "p = wordmill.Pipeline(languages=['eng'], normalize='nfkc', cjk='bigrams')\n"
        "doc: wordmill.Analysis = p.analyze('Oman and Russia')\n"
        "n: int = doc.terms['oman'] + doc.tokens[0].start\n"
        "stats: wordmill.CorpusStats = p.analyze_batch(['a', 'b'], threads=2).stats\n"
        "top: list[tuple[str, int, int]] = stats.top(3, by='collection_frequency')\n"
        "w: float = wordmill.Bm25().score(stats, doc, ['oman'])\n"
        "from collections.abc import Sequence\n"
        "docs: Sequence[wordmill.Analysis] = p.analyze_batch(['a'])\n"
        "wrong: str = doc.token_count\n",
        encoding="utf-8",
    )
    done = run("mypy", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(use))
    # The one error is the deliberate one on the last line (a batch is a sequence of
    # analyses).
    assert "use.py:10: error: Incompatible types in assignment" in done.stdout, done.stdout
    assert "Found 1 error" in done.stdout, done.stdout
