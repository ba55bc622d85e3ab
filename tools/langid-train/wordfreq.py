#!/usr/bin/env python3
"""Makes the word-frequency lists `tools/langid-train` reads with `--wordfreq DIR`, from the
PyPI package wordfreq 3.1.1 (Robyn Speer; code Apache-2.0, data CC BY-SA 4.0):

    pip download wordfreq==3.1.1 --no-deps -d /tmp/wf
    python3 tools/langid-train/wordfreq.py /tmp/wf/wordfreq-3.1.1-py3-none-any.whl /tmp/wordfreq

Writes <code>.tsv per language: the WORDS_PER_LANGUAGE most frequent words of the package's "small" list
(`wordfreq/data/small_<lang>.msgpack.gz`), most frequent first, each with its frequency in
centibels (`word<TAB>cB`: a frequency of 10^(-cB/100), 100 cB = a tenth). wordfreq's
frequencies come from text of many kinds (Wikipedia, subtitles, news, books, web crawls,
Twitter, Reddit), which NTREX's news and the UDHR's legal text lack: the pronouns, verbs
of the first and second person and informal words of short web text.

Written under wordmill's codes: wordfreq's languages but its Serbo-Croatian (`sh`, one list
for Bosnian, Croatian and Serbian, which the model tells apart) and those whose script names
their language (Bengali, Chinese, Japanese, Korean, Greek, Tamil: the model has no features
for them): 35 languages. wordfreq case-folds its words (German `strasse`, not `straße`),
where detection only lowercases: the few words that differ count for n-grams of the folded
spelling. Nothing but the standard library: the lists are msgpack, decoded here.
"""
import gzip
import os
import struct
import sys
import zipfile

# wordfreq's code -> wordmill's (ISO 639-3).
LANGUAGES = {
    "ar": "ara", "bg": "bul", "ca": "cat", "cs": "ces", "da": "dan", "de": "deu",
    "en": "eng", "es": "spa", "fa": "pes", "fi": "fin", "fil": "tgl", "fr": "fra", "he": "heb",
    "hi": "hin", "hu": "hun", "id": "ind", "is": "isl", "it": "ita", "lt": "lit", "lv": "lav",
    "mk": "mkd", "ms": "msa", "nb": "nob", "nl": "nld", "pl": "pol", "pt": "por", "ro": "ron",
    "ru": "rus", "sk": "slk", "sl": "slv", "sv": "swe", "tr": "tur", "uk": "ukr", "ur": "urd",
    "vi": "vie",
}
# Words per language: beyond the 10,000th (frequencies of about 10^-5 and below), a word
# weighs too little in training to become a feature of its own.
WORDS_PER_LANGUAGE = 10_000


def msgpack(data):
    """Decodes the msgpack subset wordfreq's lists use (arrays, maps, strings, integers,
    nil, booleans)."""
    def take(i, n):
        if i + n > len(data):
            raise ValueError(f"truncated at {i}")
        return data[i:i + n]

    def string(i, n):
        return take(i, n).decode("utf-8"), i + n

    def read(i):
        b = take(i, 1)[0]
        if b <= 0x7F:
            return b, i + 1
        if 0x80 <= b <= 0x8F:
            return read_map(b & 0x0F, i + 1)
        if 0x90 <= b <= 0x9F:
            return read_array(b & 0x0F, i + 1)
        if 0xA0 <= b <= 0xBF:
            return string(i + 1, b & 0x1F)
        if b >= 0xE0:
            return b - 0x100, i + 1
        if b == 0xC0:
            return None, i + 1
        if b in (0xC2, 0xC3):
            return b == 0xC3, i + 1
        sizes = {0xCC: 1, 0xCD: 2, 0xCE: 4, 0xCF: 8, 0xD0: 1, 0xD1: 2, 0xD2: 4, 0xD3: 8}
        if b in sizes:
            n = sizes[b]
            fmt = {1: "B", 2: ">H", 4: ">I", 8: ">Q"}[n]
            if b >= 0xD0:
                fmt = fmt.lower()
            return struct.unpack(fmt, take(i + 1, n))[0], i + 1 + n
        if b in (0xD9, 0xDA, 0xDB):
            w = {0xD9: 1, 0xDA: 2, 0xDB: 4}[b]
            return string(i + 1 + w, int.from_bytes(take(i + 1, w), "big"))
        if b in (0xDC, 0xDD):
            w = 2 if b == 0xDC else 4
            return read_array(int.from_bytes(take(i + 1, w), "big"), i + 1 + w)
        if b in (0xDE, 0xDF):
            w = 2 if b == 0xDE else 4
            return read_map(int.from_bytes(take(i + 1, w), "big"), i + 1 + w)
        raise ValueError(f"msgpack type {b:#x} at {i}")

    def read_array(n, i):
        out = []
        for _ in range(n):
            v, i = read(i)
            out.append(v)
        return out, i

    def read_map(n, i):
        out = {}
        for _ in range(n):
            k, i = read(i)
            v, i = read(i)
            out[k] = v
        return out, i

    value, end = read(0)
    if end != len(data):
        raise ValueError("trailing bytes")
    return value


def main(wheel, out):
    os.makedirs(out, exist_ok=True)
    with zipfile.ZipFile(wheel) as z:
        for theirs, ours in sorted(LANGUAGES.items(), key=lambda kv: kv[1]):
            packed = gzip.decompress(z.read(f"wordfreq/data/small_{theirs}.msgpack.gz"))
            header, *buckets = msgpack(packed)
            if header != {"format": "cB", "version": 1}:
                raise ValueError(f"{theirs}: unknown list format {header}")
            # Bucket i holds the words of frequency 10^(-i/100).
            rows = [(word, cb) for cb, words in enumerate(buckets) for word in words]
            with open(os.path.join(out, f"{ours}.tsv"), "w", encoding="utf-8") as f:
                for word, cb in rows[:WORDS_PER_LANGUAGE]:
                    f.write(f"{word}\t{cb}\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
