#!/usr/bin/env python3
"""Makes the word-frequency lists `tools/langid-train` reads with `--wordfreq DIR`, from the
PyPI package wordfreq 3.1.1 (Robyn Speer; code Apache-2.0, data CC BY-SA 4.0):

    pip download wordfreq==3.1.1 --no-deps -d /tmp/wf
    python3 tools/langid-train/wordfreq.py /tmp/wf/wordfreq-3.1.1-py3-none-any.whl /tmp/wordfreq

Writes <code>.tsv per language: the WORDS_PER_LANGUAGE most frequent words of the package's
"small" list (`wordfreq/data/small_<lang>.msgpack.gz`), most frequent first, each with its
frequency in centibels (`word<TAB>cB`: a frequency of 10^(-cB/100), 100 cB = a tenth). wordfreq's
frequencies come from text of many kinds (Wikipedia, subtitles, news, books, web crawls,
Twitter, Reddit), which NTREX's news and the UDHR's legal text lack: the pronouns, verbs
of the first and second person and informal words of short web text.

Written under wordmill's codes: wordfreq's languages but those whose script names their
language (Bengali, Chinese, Japanese, Korean, Greek, Tamil: the model has no features for
them): 36 languages. Its Serbo-Croatian (`sh`) is one list in Latin letters for Bosnian,
Croatian and Serbian, which the model tells apart: it is written as Serbian in Cyrillic
letters (`srp.tsv`), the one of the three written in Cyrillic, so that everyday Serbian
(`ја сам`, `како се зовеш`) is not read as Macedonian, whose list has those words; in Latin
letters it would make the three one. wordfreq case-folds its words (German `strasse`, not `straße`),
where detection only lowercases: the few words that differ count for n-grams of the folded
spelling. Nothing but the standard library: the lists are msgpack, decoded here.
"""
import gzip
import os
import sys
import zipfile

# wordfreq's code of the list written as Serbian in Cyrillic letters.
SERBO_CROATIAN = "sh"
# wordfreq's code -> wordmill's (ISO 639-3).
LANGUAGES = {
    "ar": "ara", "bg": "bul", "ca": "cat", "cs": "ces", "da": "dan", "de": "deu",
    "en": "eng", "es": "spa", "fa": "pes", "fi": "fin", "fil": "tgl", "fr": "fra", "he": "heb",
    "hi": "hin", "hu": "hun", "id": "ind", "is": "isl", "it": "ita", "lt": "lit", "lv": "lav",
    "mk": "mkd", "ms": "msa", "nb": "nob", "nl": "nld", "pl": "pol", "pt": "por", "ro": "ron",
    "ru": "rus", "sk": "slk", "sl": "slv", "sv": "swe", "tr": "tur", "uk": "ukr", "ur": "urd",
    "vi": "vie", SERBO_CROATIAN: "srp",
}
# Serbian's Latin letters and digraphs, and their Cyrillic letters.
SERBIAN_CYRILLIC = {
    "lj": "љ", "nj": "њ", "dž": "џ", "a": "а", "b": "б", "c": "ц", "č": "ч", "ć": "ћ",
    "d": "д", "đ": "ђ", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "ј", "k": "к",
    "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р", "s": "с", "š": "ш", "t": "т",
    "u": "у", "v": "в", "z": "з", "ž": "ж",
}


def to_serbian_cyrillic(word):
    """A Serbian word in Latin letters in Cyrillic ones, or None for a word with another
    character (a foreign name's `w`, a digit). `nj`, `lj` and `dž` are read as one letter,
    as in nearly every Serbian word (`konjunkcija`, `injekcija` are the rare exceptions)."""
    out, i = [], 0
    while i < len(word):
        two = word[i:i + 2]
        if two in SERBIAN_CYRILLIC:
            out.append(SERBIAN_CYRILLIC[two])
            i += 2
        elif word[i] in SERBIAN_CYRILLIC:
            out.append(SERBIAN_CYRILLIC[word[i]])
            i += 1
        else:
            return None
    return "".join(out)


# Words per language: beyond the 10,000th (frequencies of about 10^-5 and below), a word
# weighs too little in training to become a feature of its own.
WORDS_PER_LANGUAGE = 10_000


def msgpack(data):
    """Decodes the msgpack that wordfreq's lists are made of: a map (the header) of strings
    and small integers, then arrays of strings. Anything else is an error."""
    def take(i, n):
        if i + n > len(data):
            raise ValueError(f"truncated at {i}")
        return data[i:i + n]

    def size(i, width):
        return int.from_bytes(take(i, width), "big"), i + width

    def read(i):
        b = take(i, 1)[0]
        if b <= 0x7F:
            return b, i + 1
        if 0x80 <= b <= 0x8F:
            return read_map(b & 0x0F, i + 1)
        if 0x90 <= b <= 0x9F:
            return read_array(b & 0x0F, i + 1)
        if 0xA0 <= b <= 0xBF:
            return read_string(b & 0x1F, i + 1)
        widths = {0xD9: 1, 0xDA: 2, 0xDB: 4, 0xDC: 2, 0xDD: 4}
        if b in widths:
            n, i = size(i + 1, widths[b])
            return (read_string if b <= 0xDB else read_array)(n, i)
        raise ValueError(f"msgpack type {b:#x} at {i}, not in wordfreq's lists")

    def read_string(n, i):
        return take(i, n).decode("utf-8"), i + n

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
            if theirs == SERBO_CROATIAN:
                cyrillic = ((to_serbian_cyrillic(word), cb) for word, cb in rows)
                rows = [(word, cb) for word, cb in cyrillic if word]
            with open(os.path.join(out, f"{ours}.tsv"), "w", encoding="utf-8") as f:
                for word, cb in rows[:WORDS_PER_LANGUAGE]:
                    f.write(f"{word}\t{cb}\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
