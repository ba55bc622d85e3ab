#!/usr/bin/env python3
"""Makes more training text for three languages the UDHR alone teaches too little, from
Debian's packages (bookworm):

    python3 tools/langid-train/debian.py /tmp/wordmill-text /tmp/wordfreq

- `fortunes-eo` 20020729b: L. L. Zamenhof's *Proverbaro Esperanta* (1910, in the public
  domain; typed in by Eric Lesh, who gives it under the GPL "in case there is a need"):
  2,626 proverbs, 88 KB, ten times the UDHR's Esperanto. Written to `<text dir>/epo.txt`,
  one proverb per line, for `langid-train --text`.
- `collatinus` 12.1 (GPL-3): the Latin lemmata of Collatinus's lexicon with their counts in
  the LASLA corpus of classical Latin. Written to `<wordfreq dir>/lat.tsv` as a word list
  (`word<TAB>centibels`, most frequent first, the 10,000 most frequent lemmata, long vowel
  and short vowel marks taken off as Latin is written today), for `langid-train --wordfreq`.
  A lemma's count is that of all its forms (`sum` counts `est` and `sunt`), so the list
  overweighs dictionary forms; it still teaches the model Latin's letters and endings.
- `coreutils` 9.1 and `findutils` 4.9 (GPL-3): their messages translated into Ganda by the
  Translation Project, cleaned as `ui_strings.py` cleans messages (1,900 of them, 80 KB,
  eight times the UDHR's Ganda). Written to `<text dir>/lug.txt`, in sorted order.

Without them, the model mistook Esperanto for Spanish, Latin for Romanian or Italian and
Ganda for Kinyarwanda on text unlike the UDHR (docs/detection.md). Needs
`apt-get download` (no root) and `dpkg-deb`; nothing but the standard library.
"""
import collections
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

from ui_strings import messages

# As wordfreq.py: beyond these, a word weighs too little to become a feature.
WORDS_PER_LANGUAGE = 10_000


# The versions the model was built from: a mirror with another version fails the download
# rather than changing the model without a word.
VERSIONS = {
    "fortunes-eo": "20020729b-1.1",
    "collatinus": "12.1-2",
    "coreutils": "9.1-1",
    "findutils": "4.9.0-4",
}


def unpack(package, into):
    """Downloads a Debian package (its version of `VERSIONS`) into `into` and unpacks it
    there; returns the folder."""
    subprocess.run(["apt-get", "download", f"{package}={VERSIONS[package]}"], cwd=into, check=True)
    (deb,) = [f for f in os.listdir(into) if f.startswith(package + "_") and f.endswith(".deb")]
    root = os.path.join(into, package)
    subprocess.run(["dpkg-deb", "-x", os.path.join(into, deb), root], check=True)
    return root


def proverbs(root):
    """The proverbs of a fortune file (entries between lines of `%`), one line each."""
    path = os.path.join(root, "usr/share/games/fortunes/eo/proverbaro")
    with open(path, encoding="utf-8") as f:
        entries = re.split(r"^%$", f.read(), flags=re.M)
    return [" ".join(e.split()) for e in entries if e.strip()]


def latin_lemmata(root):
    """Collatinus's lemmata with their LASLA counts, marks taken off: `{lemma: count}`."""
    path = os.path.join(root, "usr/share/collatinus/data/lemmes.la")
    counts = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            # `lemma=quantities|model|stems...|count`; `!` starts a comment.
            fields = line.rstrip("\n").split("|")
            if line.startswith("!") or len(fields) < 6 or not fields[-1].isdigit():
                continue
            lemma = re.sub(r"\d+$", "", fields[0].split("=")[0])  # `a2`: a homonym's number
            bare = "".join(
                c for c in unicodedata.normalize("NFD", lemma) if unicodedata.category(c) != "Mn"
            ).lower()
            if bare.isalpha() and int(fields[-1]) > 0:
                counts[unicodedata.normalize("NFC", bare)] += int(fields[-1])
    return counts


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: debian.py TEXT_DIR WORDFREQ_DIR")
    text_dir, wordfreq_dir = sys.argv[1], sys.argv[2]
    os.makedirs(text_dir, exist_ok=True)
    os.makedirs(wordfreq_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        lines = proverbs(unpack("fortunes-eo", tmp))
        with open(os.path.join(text_dir, "epo.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        counts = latin_lemmata(unpack("collatinus", tmp))
        ganda = set()
        for package in ("coreutils", "findutils"):
            ganda |= messages(os.path.join(unpack(package, tmp), "usr/share/locale/lg/LC_MESSAGES"))
        with open(os.path.join(text_dir, "lug.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(sorted(ganda)) + "\n")
    total = sum(counts.values())
    # Most frequent first, ties in alphabetical order: the same bytes every time.
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:WORDS_PER_LANGUAGE]
    with open(os.path.join(wordfreq_dir, "lat.tsv"), "w", encoding="utf-8") as f:
        for word, n in ranked:
            f.write(f"{word}\t{round(-100 * math.log10(n / total))}\n")
    print(
        f"{text_dir}/epo.txt: {len(lines)} proverbs; {text_dir}/lug.txt: {len(ganda)} messages; "
        f"{wordfreq_dir}/lat.tsv: {len(ranked)} lemmata"
    )


if __name__ == "__main__":
    main()
