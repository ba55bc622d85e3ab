//! Language detection for 129 languages: the script decides where it can, a character n-gram
//! model decides among the languages of a shared script, at a bounded cost per document, with
//! a language for every span of mixed text.
//!
//! ```
//! use wordmill::detect::Detector;
//!
//! let detector = Detector::new();
//! let found = detector.detect("Oman and Russia discussed the situation in Iran.");
//! assert_eq!(found.lang.code(), "eng");
//! assert_eq!(found.script.map(|s| s.name()), Some("Latin"));
//!
//! // Close languages: Danish and Norwegian Bokmål differ in a few words and letters.
//! assert_eq!(detector.detect("Regeringen har ikke offentliggjort nogen plan.").lang.code(), "dan");
//! assert_eq!(detector.detect("Regjeringen har ikke offentliggjort noen plan.").lang.code(), "nob");
//! // Swahili, not Zulu; Malay, not Indonesian.
//! assert_eq!(detector.detect("Serikali bado haijafanya uamuzi wowote.").lang.code(), "swa");
//! assert_eq!(detector.detect("Kerajaan belum membuat sebarang keputusan lagi.").lang.code(), "msa");
//!
//! // Too little text is undetermined, not a guess; but two Han characters are Chinese.
//! assert!(detector.detect("ok").lang.is_undetermined());
//! assert_eq!(detector.detect("中国").lang.code(), "cmn");
//!
//! // Mixed text: a language per span, the document's being the one with most bytes.
//! let text = "قال الوزير إن المحادثات كانت مثمرة وبناءة. \"We are ready to work together.\"";
//! let (document, spans) = detector.detect_spans(text);
//! assert_eq!(document.lang.code(), "ara");
//! let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
//! assert_eq!(langs, ["ara", "eng"]);
//! assert_eq!(&text[spans[1].span.range()], "\"We are ready to work together.\"");
//! ```
//!
//! # How it decides
//!
//! 1. **Scripts** (`runs`). The text is cut into runs of one script (Unicode's Scripts.txt,
//!    through wordmill's generated tables). Han, hiragana and katakana form one run.
//! 2. **What cannot lie** (`rules`). A script that writes one of wordmill's languages names
//!    it, however short the text, from two letters on (one Greek letter alone is as often a
//!    symbol, π or Ω, as a word). Kana is Japanese, Hangul Korean (from one syllable); Han
//!    is Chinese (Mandarin), or Cantonese when it has characters only Cantonese writes,
//!    Japanese in a text with kana and Korean in a text with at least half as much Hangul.
//!    These answers accept the ambiguities below.
//! 3. **The model** (`model`, `scores`, `words`). For the seven scripts several languages share
//!    (Latin: 78 languages, Cyrillic: 12, Arabic: 10, Devanagari: 3, Hebrew, Ethiopic and
//!    Tibetan: 2 each), every word's character 2- to 4-grams and the word itself, and for
//!    the words read in full the pairs of words in a row that the model knows ("il a", "es
//!    una"), add their lifts (how much more a language uses them than the script's languages
//!    on average) to each language's score. Small priors favour the far more written of two
//!    close languages on text too short to tell them apart (Persian over Dari, Croatian over
//!    Bosnian, ...).
//!    Reading stops as soon as one language leads by 40 nats, which most text does within a
//!    few words.
//! 4. **Sentences.** Inside a run, a sentence whose own evidence beats the run's language by a
//!    wide margin becomes a span of its own language ([`Detector::detect_spans`]).
//!
//! The model (4.96 MB, built into the library) is trained on NTREX-128 news (every line but
//! those whose number is 1 mod 7, which stay held out for the evaluation), the Universal
//! Declaration of Human Rights and, for 36 languages, the word frequencies of the `wordfreq`
//! package (web text, subtitles and social media: the everyday words news lacks), and for
//! Esperanto, Latin and Ganda, proverbs, a lemma list and translated messages from Debian's
//! packages, by
//! `tools/langid-train` (see its documentation). Reading it
//! costs a check of its header on first use.
//!
//! # Ambiguities that the script rules accept
//!
//! | script | answer | what else it could be |
//! | --- | --- | --- |
//! | hiragana, katakana (any among 20 Han characters; beyond them, a hiragana per 10 or a katakana per 5) | Japanese | a Japanese name in katakana in a short Chinese text (ソニー电视); Chinese writes no hiragana |
//! | Han only, with more of Japanese's own forms (駅 気 経 対: 318 kanji of JIS X 0208 level 1 in neither GB 2312 nor Big5, less six that Hong Kong writes too) than of forms Japanese does not write: two at least, or one among at most four Han characters | Japanese (confidence 0.9), even in two characters (気象, 東京駅) | Chinese quoting a Japanese name (経済産業省) with too few Chinese forms beside it; a Hong Kong or Taiwan text with two Japanese forms (its names) and no form Japanese lacks |
//! | Han only, otherwise | Mandarin Chinese (confidence 0.9, 0.6 under 8 characters) | Japanese written all in kanji that Chinese writes too (a short headline: 東京大学), Cantonese without Cantonese-only characters (most written Cantonese is standard Chinese), classical Chinese; traditional characters are not taken as Cantonese |
//! | Han with Cantonese-only characters (嘅 咗 喺 佢 哋 ..., at least one per 200 Han) | Cantonese | Mandarin quoting Cantonese |
//! | Han in a text with kana (as above) / with at least half as much Hangul as Han | Japanese / Korean | Chinese quoted in a Japanese or Korean text: with spans, a run or sentence of Japanese text with more forms Japanese does not write (们 这 说 說 你: 9,716 characters of GB 2312 or Big5 that everyday Japanese does not write: in neither JIS X 0208 nor cp932 nor the 2010 jōyō list) than of its own is Chinese, and so is a sentence of 24 Han characters without a kana or a form of Japanese's own; in Chinese text, a sentence with hiragana (but a hiragana or two beside many Chinese forms) or with two forms of Japanese's own and more of them than of Chinese ones is Japanese. Sentences shorter than four characters are read with the one before |
//! | Hangul | Korean | (Jeju, Cia-Cia: not wordmill's) |
//! | Bengali | Bengali | Assamese, Manipuri |
//! | Gurmukhi | Punjabi | (Pakistani Punjabi is written in the Arabic script: read as Urdu or another Arabic-script language) |
//! | Myanmar | Burmese | Shan, Mon, Karen |
//! | Georgian | Georgian | Mingrelian, Svan |
//! | Thai | Thai | Pali, Northern Thai |
//! | Lao, Khmer, Sinhala, Armenian, Greek, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam | their language | minority languages written in them |
//! | Thaana | Dhivehi | — |
//! | Tifinagh | Tachelhit (confidence 0.5) | Central Atlas Tamazight, Standard Moroccan Tamazight, Kabyle, Tuareg |
//! | Mongolian | Mongolian | Manchu, Sibe, Oirat (Todo script) |
//! | Ethiopic | Amharic or Tigrinya by the model; without evidence (a word or two it does not know) Amharic | Tigre, Ge'ez |
//! | Tibetan | Tibetan or Dzongkha by the model; without evidence Tibetan | Ladakhi, Sikkimese; Dzongkha and Tibetan spell alike, short text is a guess |
//! | Hebrew | Hebrew or Yiddish by the model | Ladino, Judeo-Arabic |
//! | Devanagari | Hindi, Marathi or Nepali by the model | Sanskrit, Maithili, Bhojpuri, Konkani |
//!
//! Letters of other scripts (Syriac, Cherokee, ...) belong to no script here, like
//! punctuation: a text of them alone is undetermined.
//!
//! # Cost
//!
//! Language identification reads at most [`Detector::sample_bytes`] bytes of each run
//! (default 1 KiB), and usually far fewer: it stops when one language leads by 40 nats.
//! Longer runs are read in four windows spread over the run, so the cost of a document does
//! not grow with its length; only when the windows hold no evidence (a sentence before pages
//! of numbers) is the run read from its start, as far as 64 samples. Words of more than 64
//! letters are no evidence (no language writes them; runs of one letter and hashes do). A
//! few Latin letters in a text of another script, or a few letters beside a larger run of
//! their own script, are taken for names ("iPhone" in a Russian sentence) and not identified
//! on their own. The first words of each script are read in full; past them, a word the
//! model knows counts for itself only. Of a text with many runs, the largest run of
//! each script is identified, and more (at most 16, reading at most four samples' worth of
//! bytes); the others take their script's language from those. [`Detector::detect`] also
//! samples the script scan and is bounded overall; [`Detector::detect_spans`] reads every
//! character's script to find the runs exactly, and takes a cheap look (known words only,
//! until one language leads by 10 nats) at every sentence of a run, however long, to see
//! whether it is of another language. What the model says of each word read lately is kept
//! per thread (about 5 MB at most), so that a word seen again costs no lookup in the model.

mod chars;
// Generated (tools/han-forms), kept as the generator writes it.
#[rustfmt::skip]
mod han_forms;
mod lift_memo;
mod model;
mod rereading;
mod rules;
mod runs;
mod sample;
mod scores;
mod sentences;
mod settle;
#[cfg(test)]
mod span_tests;
mod spans;
#[cfg(test)]
mod tests;
#[cfg(feature = "langid-training")]
pub mod training;
mod whatlang;
mod words;

use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::tokenize::Span;
use crate::{Error, Lang, Script};

/// What detection found out about a text.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Detection {
    /// The language, or [`Lang::UND`] when the text is too short, no language is allowed or
    /// the evidence is too weak (and no fallback is set).
    pub lang: Lang,
    /// The text's main script, when it has letters of a script that one of wordmill's
    /// languages is written in (Cherokee or Canadian syllabics alone give `None`).
    pub script: Option<Script>,
    /// How sure the detector is, from 0 to 1 (0 when undetermined or a fallback).
    pub confidence: f64,
    /// True when the answer can be relied on: enough text and a clear winner.
    pub reliable: bool,
}

impl Detection {
    /// Nothing detected.
    pub const UNDETERMINED: Detection = Detection {
        lang: Lang::UND,
        script: None,
        confidence: 0.0,
        reliable: false,
    };
}

/// A stretch of a text in one language and script.
///
/// [`Detector::detect_spans`] returns spans that cover the text end to end, in order;
/// whitespace and punctuation between two spans belong to one of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LanguageSpan {
    /// Byte range in the text.
    pub span: Span,
    /// Its language ([`Lang::UND`] when undetermined).
    pub lang: Lang,
    /// Its script, `None` for text without letters of a script of wordmill's languages.
    pub script: Option<Script>,
}

/// Default for [`Detector::sample_bytes`].
const DEFAULT_SAMPLE_BYTES: usize = 1024;
/// Default for [`Detector::min_letters`].
const DEFAULT_MIN_LETTERS: usize = 3;
/// Default for [`Detector::min_confidence`].
const DEFAULT_MIN_CONFIDENCE: f64 = 0.1;

/// The allowed languages of one script, with what deciding between them needs.
#[derive(Debug)]
pub(crate) struct Group {
    /// The script.
    pub(crate) script: Script,
    /// The allowed languages written in it, in order of code.
    pub(crate) langs: Vec<Lang>,
    /// Their indexes in the model (255 for none: their score stays 0).
    pub(crate) slots: Vec<u8>,
    /// Their priors, in nats (see `rules::prior`).
    pub(crate) priors: Vec<f32>,
}

/// The groups of every detected script (by slot), for one allow-list.
fn groups(allowed: &[bool]) -> Vec<Group> {
    let model = model::Model::get();
    (0..=chars::DETECTED.len() as u8)
        .map(|slot| {
            let script = chars::script_of_slot(slot).unwrap_or(Script::Latin);
            let langs: Vec<Lang> = rules::script_langs(slot)
                .iter()
                .copied()
                .filter(|l| allowed[l.index()])
                .collect();
            let slots = langs
                .iter()
                .map(|&l| model.slot(l).unwrap_or(u8::MAX))
                .collect();
            let priors = langs
                .iter()
                .map(|&l| rules::prior(l, script, |other| langs.contains(&other)))
                .collect();
            Group {
                script,
                langs,
                slots,
                priors,
            }
        })
        .collect()
}

/// Detects the language of a text, or of each part of a mixed text.
///
/// Configure it builder-style; every option has a default that suits news and web text, and
/// no option depends on the order the others are set in.
#[derive(Clone, Debug)]
pub struct Detector {
    allowlist: Vec<Lang>,
    /// `allowed[lang.index()]`; all true when there is no allow-list.
    allowed: Vec<bool>,
    /// The allowed languages of each script.
    groups: Arc<Vec<Group>>,
    /// whatlang, for the baseline.
    engine: ::whatlang::Detector,
    min_letters: usize,
    min_confidence: f64,
    fallback: Lang,
    sample_bytes: usize,
    whatlang_only: bool,
}

impl Default for Detector {
    fn default() -> Self {
        static ALL: OnceLock<Arc<Vec<Group>>> = OnceLock::new();
        let allowed = vec![true; Lang::COUNT];
        Detector {
            groups: ALL.get_or_init(|| Arc::new(groups(&allowed))).clone(),
            allowlist: Vec::new(),
            allowed,
            engine: ::whatlang::Detector::new(),
            min_letters: DEFAULT_MIN_LETTERS,
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            fallback: Lang::UND,
            sample_bytes: DEFAULT_SAMPLE_BYTES,
            whatlang_only: false,
        }
    }
}

impl Detector {
    /// A detector that considers every language.
    pub fn new() -> Detector {
        Detector::default()
    }

    /// Plain whatlang on the whole text, as a baseline to compare with: no sampling, none of
    /// wordmill's model or rules, one span, and only whatlang's 70 languages. The allow-list,
    /// minimum letters, [minimum confidence](Detector::min_confidence) (0 unless set: plain
    /// whatlang answers however unsure) and fallback still apply.
    ///
    /// ```
    /// use wordmill::detect::Detector;
    ///
    /// let plain = Detector::whatlang_only();
    /// assert_eq!(plain.detect("The talks went on until late at night.").lang.code(), "eng");
    /// ```
    pub fn whatlang_only() -> Detector {
        Detector {
            whatlang_only: true,
            min_confidence: 0.0,
            ..Detector::default()
        }
    }

    /// Only these languages can be detected (an empty list allows all). Undetermined in the
    /// list is ignored. Fewer candidates also make detection faster, and a script left with
    /// one allowed language needs no detection at all: its text is that language, at
    /// confidence 1, whatever language it is (the list says no other occurs; a text in a
    /// language left out is not told apart), but for a name's worth of a script several
    /// languages write beside another script's text (`iPhone` in an Arabic sentence), which
    /// stays undetermined as it does without the list. It is `reliable` as any detection
    /// is, from 12 letters on: `reliable` says there was text enough to tell, which a short
    /// text lacks whatever the list.
    ///
    /// ```
    /// use wordmill::{detect::Detector, Lang};
    ///
    /// let allow: Vec<Lang> = ["eng", "ara"].iter().map(|c| c.parse().unwrap()).collect();
    /// let detector = Detector::new().allowlist(allow);
    /// // Without the list this German sentence is German; with it, the only Latin-script
    /// // language allowed.
    /// let found = detector.detect("Die Minister trafen sich in Maskat.");
    /// assert_eq!((found.lang.code(), found.confidence, found.reliable), ("eng", 1.0, true));
    /// assert!(!detector.detect("Rain in Oman.").reliable, "ten letters");
    /// ```
    pub fn allowlist(mut self, langs: impl IntoIterator<Item = Lang>) -> Detector {
        self.allowlist = langs.into_iter().filter(|l| !l.is_undetermined()).collect();
        self.allowlist.sort();
        self.allowlist.dedup();
        self.allowed = vec![self.allowlist.is_empty(); Lang::COUNT];
        for lang in &self.allowlist {
            self.allowed[lang.index()] = true;
        }
        self.groups = Arc::new(groups(&self.allowed));
        let known: Vec<::whatlang::Lang> =
            self.allowlist.iter().filter_map(|l| l.whatlang()).collect();
        self.engine = if known.is_empty() {
            ::whatlang::Detector::new()
        } else {
            ::whatlang::Detector::with_allowlist(known)
        };
        self
    }

    /// Texts with fewer letters than this are undetermined (default 3; 0 is the same as 1:
    /// a text without letters has no language). A Han, kana or Hangul character counts as
    /// two letters: it is a syllable or a word, so that two of them are enough. At the
    /// default or below, text whose script names its language (a script that writes one of
    /// wordmill's languages: Greek, Georgian, Hangul, Sinhala...; or kana, for Japanese)
    /// needs only two letters (an abugida's consonant and vowel sign are two), one letter
    /// alone staying undetermined (a Greek letter is as often a symbol: π, Ω) unless the
    /// minimum is 1 (or 0); set above the default, the minimum holds for every script.
    ///
    /// ```
    /// use wordmill::detect::Detector;
    ///
    /// let detector = Detector::new();
    /// assert!(detector.detect("ok").lang.is_undetermined());
    /// assert_eq!(detector.detect("Το 58%").lang.code(), "ell");
    /// assert_eq!(detector.detect("カ").lang.code(), "jpn");
    /// assert!(detector.detect("Ω").lang.is_undetermined());
    /// assert_eq!(Detector::new().min_letters(1).detect("Ω").lang.code(), "ell");
    /// ```
    pub fn min_letters(mut self, n: usize) -> Detector {
        self.min_letters = n.max(1);
        self
    }

    /// Answers less sure than this are undetermined (default 0.1, below which answers are
    /// right about one time in ten). 0 always answers when there are enough letters; 0.5 leaves many snippets
    /// of two or three words undetermined, whole sentences almost never; above 1, nothing is
    /// ever sure enough (every text takes the fallback).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidConfig`] for NaN.
    ///
    /// ```
    /// use wordmill::detect::Detector;
    ///
    /// let strict = Detector::new().min_confidence(0.5)?;
    /// assert!(Detector::new().min_confidence(f64::NAN).is_err());
    /// # Ok::<(), wordmill::Error>(())
    /// ```
    pub fn min_confidence(mut self, confidence: f64) -> Result<Detector, Error> {
        if confidence.is_nan() {
            return Err(Error::InvalidConfig(
                "the detector's minimum confidence must be a number, got NaN".into(),
            ));
        }
        self.min_confidence = confidence;
        Ok(self)
    }

    /// The language to report for text (and spans) that stay undetermined, so that the
    /// pipeline stems and filters them in that language (default: none, they stay `und`).
    /// A fallback answer has confidence 0 and is not reliable. Empty text stays `und`: it
    /// has no span to give a language (white space alone is a span, and takes the fallback).
    ///
    /// ```
    /// use wordmill::{detect::Detector, Lang};
    ///
    /// let detector = Detector::new().fallback("eng".parse()?);
    /// let found = detector.detect("ok");
    /// assert_eq!(found.lang.code(), "eng");
    /// assert!(!found.reliable);
    /// # Ok::<(), wordmill::Error>(())
    /// ```
    pub fn fallback(mut self, lang: Lang) -> Detector {
        self.fallback = lang;
        self
    }

    /// The most bytes of one run of text that language identification reads (default 1024,
    /// at least 64). Longer runs are sampled in four windows spread over them. `usize::MAX`
    /// reads everything (up to where one language leads by far).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidConfig`] below 64 bytes: a sample must hold a few words.
    pub fn sample_bytes(mut self, bytes: usize) -> Result<Detector, Error> {
        if bytes < 64 {
            return Err(Error::InvalidConfig(format!(
                "the detector's sample must be at least 64 bytes, got {bytes}"
            )));
        }
        self.sample_bytes = bytes;
        Ok(self)
    }

    /// The allowed languages; empty when every language is allowed.
    pub fn allowed(&self) -> &[Lang] {
        &self.allowlist
    }

    fn is_allowed(&self, lang: Lang) -> bool {
        self.allowed[lang.index()]
    }

    /// The language of `text` as a whole. Each run of one script is read from its start (a
    /// run longer than [`sample_bytes`](Detector::sample_bytes), in windows spread over it)
    /// until one language leads by far (a run of up to 512 bytes decided before its last
    /// third is read whole when its end says otherwise: "Je ne sais quoi is what the critics
    /// said..." and `He said "Ich bin ein Berliner" in his famous speech.` are English); the
    /// answer is the language of most bytes, as
    /// [`detect_spans`](Detector::detect_spans) settles it. Reads at most about
    /// `sample_bytes` bytes, however long the text, unless the windows hold no words (a
    /// sentence, then pages of numbers): the text is then read from its start, as far as 64
    /// samples.
    ///
    /// On text that changes language without changing script, the first sentences or the
    /// windows decide: [`detect_spans`](Detector::detect_spans), which looks at every
    /// sentence, reports the language of most bytes and may differ.
    pub fn detect(&self, text: &str) -> Detection {
        if self.whatlang_only {
            return self.whatlang_detect(text);
        }
        if text.is_empty() {
            // As `detect_spans`: no text, no fallback.
            return Detection::UNDETERMINED;
        }
        if text.len() <= self.sample_bytes {
            return self.label(text, None);
        }
        match self.detect_sampled(text) {
            Some(found) => found,
            // The windows held no word where the model had to decide (a sentence, then a long
            // list of numbers): read the text from its start, as `detect_spans` reads such a
            // run.
            None => self.label(self.fallback_prefix(text), None),
        }
    }

    /// The language of each span of `text`, and of the text as a whole: the language of most
    /// bytes among the spans told surely (confidence 0.5 or more), or among all when none is
    /// or when the sure ones hold less than a ninth of the letters (a name in another script,
    /// `Seoul (서울)`, does not outweigh the text around it). Spans cover the text end to end;
    /// adjacent spans differ in language or script.
    ///
    /// ```
    /// use wordmill::detect::Detector;
    ///
    /// let text = "Der Minister sagte, die Gespräche seien gut verlaufen. \
    ///             The minister said that the talks had gone well.";
    /// let (document, spans) = Detector::new().detect_spans(text);
    /// let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
    /// assert_eq!(langs, ["deu", "eng"]);
    /// assert_eq!(spans[0].span.start(), 0);
    /// assert_eq!(spans[1].span.end(), text.len());
    /// assert_eq!(document.lang.code(), "deu");
    /// ```
    pub fn detect_spans(&self, text: &str) -> (Detection, Vec<LanguageSpan>) {
        let mut spans = Vec::new();
        let document = self.detect_spans_into(text, &mut spans);
        (document, spans)
    }

    /// [`detect_spans`](Self::detect_spans) into a vector of yours: `spans` is cleared, then
    /// holds the spans, and the text's language is returned. A vector reused from text to
    /// text allocates only when a text has more spans than any before it.
    ///
    /// ```
    /// use wordmill::detect::Detector;
    ///
    /// let detector = Detector::new();
    /// let mut spans = Vec::new();
    /// for text in ["Die Gespräche in Maskat seien gut verlaufen.", "محادثات في مسقط"] {
    ///     let document = detector.detect_spans_into(text, &mut spans);
    ///     assert_eq!(spans.len(), 1);
    ///     assert_eq!(spans[0].lang, document.lang);
    /// }
    /// assert_eq!(spans[0].lang.code(), "ara");
    /// ```
    pub fn detect_spans_into(&self, text: &str, spans: &mut Vec<LanguageSpan>) -> Detection {
        spans.clear();
        if text.is_empty() {
            return Detection::UNDETERMINED;
        }
        if self.whatlang_only {
            let found = self.whatlang_detect(text);
            spans.push(LanguageSpan {
                span: Span::new(0, text.len()),
                lang: found.lang,
                script: found.script,
            });
            return found;
        }
        self.label(text, Some(spans))
    }

    fn or_fallback(&self, detection: Detection) -> Detection {
        if detection.lang.is_undetermined() && !self.fallback.is_undetermined() {
            Detection {
                lang: self.fallback,
                confidence: 0.0,
                reliable: false,
                ..detection
            }
        } else {
            detection
        }
    }
}
