//! [`PipelineBuilder`]: a pipeline's options, each with a default.

use std::sync::Arc;

use super::Pipeline;
use super::words::{TermFilter, WordRules};
use crate::Lang;
use crate::detect::Detector;
use crate::normalize::Normalizer;
use crate::stem::Stem;
use crate::stem::StopWords;
use crate::tokenize::Tokenizer;

/// Configures a [`Pipeline`]; every option has a sensible default, and options do not depend
/// on the order they are set in (`.languages(...)` then `.detector(...)` keeps both: the
/// languages apply to the detector given).
///
/// ```
/// use wordmill::detect::Detector;
/// use wordmill::{Lang, Pipeline};
///
/// let eng: Lang = "eng".parse()?;
/// let pipeline = Pipeline::builder()
///     .languages([eng])
///     .detector(Detector::new().min_letters(10)) // the allow-list stays
///     .build();
/// assert_eq!(pipeline.detector().allowed(), [eng]);
/// # Ok::<(), wordmill::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct PipelineBuilder {
    pub(super) detector: Detector,
    /// Applied to the detector when the pipeline is built.
    languages: Option<Vec<Lang>>,
    fallback: Option<Lang>,
    pub(super) tokenizer: Tokenizer,
    pub(super) normalizer: Normalizer,
    pub(super) words: WordRules,
    pub(super) keep_tokens: bool,
    pub(super) bigrams: bool,
}

impl Default for PipelineBuilder {
    fn default() -> Self {
        PipelineBuilder {
            detector: Detector::new(),
            languages: None,
            fallback: None,
            tokenizer: Tokenizer::new(),
            normalizer: Normalizer::new(),
            words: WordRules::default(),
            keep_tokens: true,
            bigrams: false,
        }
    }
}

impl PipelineBuilder {
    /// Only these languages can be detected (default: all; an empty list allows all too). A
    /// script left with one of them is that language without detection, at confidence 1
    /// (see [`Detector::allowlist`](crate::detect::Detector::allowlist)).
    pub fn languages(mut self, langs: impl IntoIterator<Item = Lang>) -> Self {
        self.languages = Some(langs.into_iter().collect());
        self
    }

    /// Analyses text that stays undetermined (too short, no clear language) as this
    /// language instead of without language-specific stemming and stop words.
    pub fn fallback_language(mut self, lang: Lang) -> Self {
        self.fallback = Some(lang);
        self
    }

    /// Uses this language detector (its allow-list and fallback give way to
    /// [`languages`](Self::languages) and [`fallback_language`](Self::fallback_language)
    /// when those are set).
    pub fn detector(mut self, detector: Detector) -> Self {
        self.detector = detector;
        self
    }

    /// Uses this tokenizer.
    pub fn tokenizer(mut self, tokenizer: Tokenizer) -> Self {
        self.tokenizer = tokenizer;
        self
    }

    /// Uses this normalizer (default: [`Normalizer::new`]).
    pub fn normalizer(mut self, normalizer: Normalizer) -> Self {
        self.normalizer = normalizer;
        self
    }

    /// Stems words in their span's language when Snowball has a stemmer for it (default on).
    pub fn stemming(mut self, on: bool) -> Self {
        self.words.stemming = on;
        self
    }

    /// Drops the stop words of each span's language (default on).
    pub fn remove_stopwords(mut self, on: bool) -> Self {
        self.words.remove_stopwords = on;
        self
    }

    /// Uses `list` as the stop words of `lang` instead of the built-in list, when stop words
    /// are removed. Give the words as the normalizer makes them (case-folded, and without
    /// diacritics when it strips them): a word is looked up as written, then without them.
    ///
    /// ```
    /// use wordmill::stem::StopWords;
    /// use wordmill::{Lang, Pipeline};
    ///
    /// let eng: Lang = "eng".parse()?;
    /// let pipeline = Pipeline::builder()
    ///     .languages([eng])
    ///     .stop_words(eng, StopWords::from_words(["oman"]))
    ///     .build();
    /// let doc = pipeline.analyze("The talks in Oman went well.");
    /// assert_eq!(doc.terms.count("oman"), 0); // a stop word now
    /// assert_eq!(doc.terms.count("the"), 1); // not any more
    /// # Ok::<(), wordmill::Error>(())
    /// ```
    pub fn stop_words(mut self, lang: Lang, list: StopWords) -> Self {
        self.words.stop_words.retain(|(l, _)| *l != lang);
        self.words.stop_words.push((lang, Arc::new(list)));
        self
    }

    /// Uses `stemmer` for the words of `lang` instead of the built-in Snowball stemmer (or
    /// where there is none), when stemming is on.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use wordmill::stem::Stem;
    /// use wordmill::{Lang, Pipeline};
    ///
    /// /// Cuts a plural -s, and nothing else.
    /// struct Plurals;
    /// impl Stem for Plurals {
    ///     fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
    ///         Cow::Borrowed(word.strip_suffix('s').filter(|w| !w.is_empty()).unwrap_or(word))
    ///     }
    /// }
    ///
    /// let eng: Lang = "eng".parse()?;
    /// let pipeline = Pipeline::builder().languages([eng]).stemmer(eng, Plurals).build();
    /// let doc = pipeline.analyze("Ministers held talks on the meetings.");
    /// assert_eq!(doc.terms.count("meeting"), 1);
    /// assert_eq!(doc.terms.count("held"), 1);
    /// # Ok::<(), wordmill::Error>(())
    /// ```
    pub fn stemmer(mut self, lang: Lang, stemmer: impl Stem + 'static) -> Self {
        self.words.stemmers.retain(|(l, _)| *l != lang);
        self.words.stemmers.push((lang, Arc::new(stemmer)));
        self
    }

    /// Runs `filter` on every word's term after the stop words and the stemmer, in every
    /// language: it may drop the term or change it. Filters run in the order they are added,
    /// about once per distinct word of each thread's documents (the pipeline memoizes terms;
    /// not words longer than 64 bytes, nor past the memo's size, where they run again).
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use wordmill::{Lang, Pipeline, TermFilter};
    ///
    /// /// Drops terms of one letter.
    /// struct Short;
    /// impl TermFilter for Short {
    ///     fn filter<'a>(&self, _: Lang, term: Cow<'a, str>) -> Option<Cow<'a, str>> {
    ///         (term.chars().count() > 1).then_some(term)
    ///     }
    /// }
    ///
    /// let pipeline = Pipeline::builder().filter(Short).build();
    /// let doc = pipeline.analyze("Plan B was approved by the council.");
    /// assert_eq!(doc.terms.count("b"), 0);
    /// assert_eq!(doc.terms.count("plan"), 1);
    /// ```
    pub fn filter(mut self, filter: impl TermFilter + 'static) -> Self {
        self.words.filters.push(Arc::new(filter));
        self
    }

    /// Keeps every token, with its span and term, in [`Analysis::tokens`] (default on). Turn off
    /// when only counts matter: it saves memory on long documents.
    ///
    /// [`Analysis::tokens`]: super::Analysis::tokens
    pub fn keep_tokens(mut self, on: bool) -> Self {
        self.keep_tokens = on;
        self
    }

    /// Also counts word bigrams (default off): each term joined by a space to the term before
    /// it, after stop words are removed, as scikit-learn's `ngram_range=(1, 2)` does, but
    /// never across the edge of spans of two languages (a word of a quote in another
    /// language and the word before it make no bigram). Bigrams count in
    /// [`Analysis::terms`] and so in the document's length, not in [`Analysis::tokens`].
    ///
    /// ```
    /// use wordmill::Pipeline;
    ///
    /// let pipeline = Pipeline::builder().bigrams(true).stemming(false).build();
    /// let doc = pipeline.analyze("The foreign minister of Oman met the foreign minister of Russia.");
    /// assert_eq!(doc.terms.count("foreign minister"), 2);
    /// assert_eq!(doc.terms.count("minister oman"), 1); // "of" is a stop word
    /// ```
    ///
    /// [`Analysis::terms`]: super::Analysis::terms
    /// [`Analysis::tokens`]: super::Analysis::tokens
    pub fn bigrams(mut self, on: bool) -> Self {
        self.bigrams = on;
        self
    }

    /// The pipeline.
    pub fn build(mut self) -> Pipeline {
        if let Some(langs) = self.languages.take() {
            self.detector = self.detector.allowlist(langs);
        }
        if let Some(lang) = self.fallback.take() {
            self.detector = self.detector.fallback(lang);
        }
        Pipeline::new(self)
    }
}
