#!/usr/bin/env python3
"""Makes a second detection test set, unlike news: the translated messages of the programs
installed on a Debian machine (`/usr/share/locale/*/LC_MESSAGES/*.mo`: coreutils, glib, gtk,
PackageKit, ...), one folder of `<code>.txt` for `detect_eval --dir`:

    python3 tools/langid-train/ui_strings.py /tmp/ui-strings
    mkdir -p /tmp/empty
    cargo run --release --example detect_eval -- --dir /tmp/ui-strings --udhr /tmp/empty \
        --no-agreement --per-language --confusions 30

Short imperative phrases, menu items and error messages ("Impossible d'ouvrir le fichier"),
text the model never trained on. Each translation is cleaned of what is no language (format
directives such as `%s` and `{0}`, markup, accelerator marks `_` and `&`, paths, options,
addresses), kept when it has at least two words, eight characters and mostly letters, and
dropped when it is the English message left untranslated; the names of the ISO catalogues
(countries, languages, currencies) are left out: names are no language in particular.
At most 1,000 per language, drawn with a fixed seed; locales of one language are pooled
(pt and pt_BR), English's variants and the locales of no wordmill code are left out. The
messages are noisy (English words left in, names of programs): the figures compare
detectors and builds on the same lines, they are not a ceiling. Nothing but the standard
library (`gettext` reads the catalogues).
"""
import gettext
import json
import os
import random
import re
import sys
from collections import defaultdict

LOCALES = "/usr/share/locale"
PER_LANGUAGE = 1000
# Locales whose code is not the language's ISO 639-1 code, or that are left out (None).
SPECIAL = {
    "nb": "nob", "no": "nob", "nn": "nno", "zh_CN": "cmn", "zh_TW": "cmn", "zh_HK": None,
    "sr@latin": "srp-Latn", "sr": "srp", "ms": "msa", "fa": "pes", "ca@valencia": None,
    "be@latin": None, "az_IR": None, "uz@cyrillic": None, "de_CH": None,
}
NOT_LANGUAGE = re.compile(
    r"%(\([^)]*\))?[-+ #0-9.*]*(hh|h|ll|l|L|z|j|t|I)?[sdiuxXfFeEgGcpo%]"  # printf
    r"|\{[^}]*\}|\$\{[^}]*\}|<[^>]*>|&[a-z]+;|\\n"  # placeholders, markup, entities
    r"|https?://\S+|\S+@\S+|--?[a-z][-a-z]*|\S*[/\\]\S*"  # addresses, options, paths
)


def iso_639_3():
    """ISO 639-1 → 639-3, from Debian's iso-codes."""
    with open("/usr/share/iso-codes/json/iso_639-3.json", encoding="utf-8") as f:
        return {d["alpha_2"]: d["alpha_3"] for d in json.load(f)["639-3"] if "alpha_2" in d}


def code_of(locale, iso):
    if locale in SPECIAL:
        return SPECIAL[locale]
    base = locale.split("_")[0].split("@")[0]
    if base == "en":
        return None
    code = iso.get(base, base)
    return "cmn" if code == "zho" else code


def messages(folder):
    """Every translated message of a locale's catalogues, cleaned, as a set."""
    found = set()
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".mo") or name.startswith("iso_"):
            continue
        try:
            with open(os.path.join(folder, name), "rb") as f:
                catalog = gettext.GNUTranslations(f)._catalog
        except Exception:  # a catalogue Python cannot parse (a malformed header) is skipped
            continue
        for key, text in catalog.items():
            original = key[0] if isinstance(key, tuple) else key
            if not original or not text or text == original:
                continue
            for part in text.split("\n"):
                line = NOT_LANGUAGE.sub(" ", part).replace("_", "").replace("&", "")
                line = re.sub(r"\s+", " ", line).strip(" :.,;…-*\"'")
                letters = sum(c.isalpha() for c in line)
                if len(line.split()) >= 2 and len(line) >= 8 and letters >= 0.6 * len(line.replace(" ", "")):
                    found.add(line)
    return found


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: ui_strings.py OUT_DIR")
    out = sys.argv[1]
    iso = iso_639_3()
    pooled = defaultdict(set)
    for locale in sorted(os.listdir(LOCALES)):
        folder = os.path.join(LOCALES, locale, "LC_MESSAGES")
        code = code_of(locale, iso)
        if code and os.path.isdir(folder):
            pooled[code] |= messages(folder)
    os.makedirs(out, exist_ok=True)
    rng = random.Random(7)
    for code, lines in sorted(pooled.items()):
        lines = sorted(lines)
        rng.shuffle(lines)
        if len(lines) >= 50:
            with open(os.path.join(out, f"{code}.txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines[:PER_LANGUAGE]) + "\n")
            print(code, min(len(lines), PER_LANGUAGE), "of", len(lines))


if __name__ == "__main__":
    main()
