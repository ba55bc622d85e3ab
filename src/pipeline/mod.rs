//! The pipeline: detection, tokenization, normalization, stop words, stemming and counting,
//! for one document or, in parallel, for many.

mod apostrophes;
mod builder;
mod term_cache;
mod words;

use std::sync::OnceLock;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::detect::{Detection, Detector, LanguageSpan};
use crate::normalize::Normalizer;
use crate::tf::{Bigrams, CorpusStats, TermCounts, term_hash};
use crate::tokenize::{Span, TokenKind};
use crate::{Lang, Script, scratch};
pub use builder::PipelineBuilder;
use term_cache::{Known, Term};
use words::LangTools;
pub use words::TermFilter;

/// Turns documents into analysed terms. Build one with [`Pipeline::builder`], then share it
/// across threads: it is `Send + Sync` and analysis takes `&self`.
///
/// ```
/// use wordmill::Pipeline;
///
/// let pipeline = Pipeline::builder().build();
/// let doc = pipeline.analyze("Oman’s foreign minister met his Russian counterpart in Muscat.");
/// assert_eq!(doc.detection.lang.code(), "eng");
/// assert_eq!(doc.terms.count("oman"), 1);      // "Oman’s": folded, then stemmed
/// assert_eq!(doc.terms.count("minist"), 1);    // Snowball English stem of "minister"
/// assert_eq!(doc.terms.count("the"), 0);       // stop words are dropped
///
/// let batch = pipeline.analyze_batch(&["Muscat talks", "محادثات مسقط"]);
/// assert_eq!(batch.documents.len(), 2);
/// assert_eq!(batch.stats.documents(), 2);
/// ```
#[derive(Debug)]
pub struct Pipeline {
    /// The options it was built with.
    config: PipelineBuilder,
    /// Stemmer and stop list per language, made on first use.
    per_lang: Box<[OnceLock<LangTools>]>,
    /// Names this pipeline's entries in the per-thread term caches.
    id: u64,
}

/// One analysed document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The document's language (the language of most of its bytes) and script.
    pub detection: Detection,
    /// The language of each part of the text, end to end: one span for a text in one
    /// language, more for mixed text. Each token is analysed in its span's language; text
    /// in an undetermined span gets no stemming and no stop words.
    pub spans: Vec<LanguageSpan>,
    /// Number of tokens the tokenizer found in the text, stop words included: words and
    /// numbers, and the URLs, e-mail addresses, hashtags, mentions and emoji of the
    /// tokenizer options that keep them whole.
    pub token_count: usize,
    /// Terms and how often each occurs, in order of first occurrence.
    pub terms: TermCounts,
    /// The tokens that became terms, in text order (empty when the pipeline does not keep
    /// tokens).
    pub tokens: Vec<AnalyzedToken>,
}

/// An analysis of no text: undetermined, no spans, no tokens, no terms. What
/// [`Pipeline::analyze_into`] starts from, to fill again and again.
impl Default for Analysis {
    fn default() -> Self {
        Analysis {
            detection: Detection::UNDETERMINED,
            spans: Vec::new(),
            token_count: 0,
            terms: TermCounts::new(),
            tokens: Vec::new(),
        }
    }
}

impl Analysis {
    /// The document's language (its spans may have others).
    pub fn lang(&self) -> Lang {
        self.detection.lang
    }

    /// Heap bytes held (its spans, terms and tokens), for memory reports and to decide
    /// whether an analysis is worth filling again ([`Pipeline::analyze_into`]: a reused
    /// analysis keeps the capacity of the largest document it held).
    ///
    /// ```
    /// use wordmill::Pipeline;
    ///
    /// let pipeline = Pipeline::builder().build();
    /// let short = pipeline.analyze("Talks in Muscat.");
    /// let long = pipeline.analyze(&"Talks in Muscat went well. ".repeat(100));
    /// assert!(short.heap_size() > 0 && short.heap_size() < long.heap_size());
    /// ```
    pub fn heap_size(&self) -> usize {
        self.spans.capacity() * size_of::<LanguageSpan>()
            + self.terms.heap_size()
            + self.tokens.capacity() * size_of::<AnalyzedToken>()
    }

    /// The term a token became.
    pub fn term_of(&self, token: &AnalyzedToken) -> &str {
        self.terms.term(token.term).unwrap_or_default()
    }
}

/// A token of the original text and the term it became.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AnalyzedToken {
    /// Where the token is in the original text.
    pub span: Span,
    /// Word, number, ...
    pub kind: TokenKind,
    /// Index of its term in [`Analysis::terms`]; [`Analysis::term_of`] gives the term.
    pub term: u32,
}

/// The analyses of many documents, in input order, and their corpus statistics.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BatchAnalysis {
    /// One analysis per input document, in input order.
    pub documents: Vec<Analysis>,
    /// Statistics of all the documents.
    pub stats: CorpusStats,
}

/// The most distinct terms `analyze` makes room for before it knows the document's (see
/// there).
const MAX_PRESIZED_TERMS: usize = 4096;

impl Pipeline {
    /// A builder with the default configuration.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// A pipeline of these options.
    fn new(config: PipelineBuilder) -> Pipeline {
        Pipeline {
            config,
            per_lang: (0..Lang::COUNT).map(|_| OnceLock::new()).collect(),
            id: term_cache::new_owner_id(),
        }
    }

    /// The pipeline's normalizer.
    pub fn normalizer(&self) -> &Normalizer {
        &self.config.normalizer
    }

    /// The pipeline's language detector (with the allow-list and fallback it was built with).
    pub fn detector(&self) -> &Detector {
        &self.config.detector
    }

    /// Analyses one document. Any text is valid input; empty text gives an empty analysis.
    pub fn analyze(&self, text: &str) -> Analysis {
        let mut analysis = Analysis::default();
        self.analyze_into(text, &mut analysis);
        analysis
    }

    /// [`analyze`](Self::analyze) into an analysis of yours, reusing its memory: everything
    /// in it is replaced. An analysis reused from document to document (one per thread)
    /// allocates only when a document has more terms, spans or tokens than any before it
    /// (and, beside it, the thread's memos only for words they have not seen: a document of
    /// known words costs no allocation, but for the dictionary words of Thai, Lao, Khmer and
    /// Myanmar, which ICU4X allocates for); one made for each document allocates its term
    /// table, its spans and its terms' text every time. A reused analysis keeps the capacity
    /// of the largest document it held. What it holds after a document is what `analyze`
    /// returns for it.
    ///
    /// ```
    /// use wordmill::{Analysis, Pipeline};
    ///
    /// let pipeline = Pipeline::builder().build();
    /// let mut analysis = Analysis::default();
    /// for text in ["Talks in Muscat went well.", "The minister met his counterpart."] {
    ///     pipeline.analyze_into(text, &mut analysis);
    ///     assert_eq!(analysis, pipeline.analyze(text));
    /// }
    /// assert_eq!(analysis.terms.count("minist"), 1);
    /// assert_eq!(analysis.terms.count("muscat"), 0);
    /// ```
    pub fn analyze_into(&self, text: &str, analysis: &mut Analysis) {
        analysis.detection = self
            .config
            .detector
            .detect_spans_into(text, &mut analysis.spans);
        self.count_into(text, analysis);
    }

    /// Analyses one document as written in `lang`, without language detection: all of it
    /// gets `lang`'s stop words, stemmer and rules. For text whose language is known
    /// better than a detector could tell it: a query typed in the search box of an English
    /// index (one or two words are too few to detect), or documents whose source gives
    /// their language. The detection is `lang`, with confidence 1 and reliable (the caller
    /// said so), and the text's main script; every span is `lang`, with its own script.
    /// [`Lang::UND`] analyses the text without language rules, as undetermined.
    ///
    /// ```
    /// use wordmill::{Lang, Pipeline};
    ///
    /// let pipeline = Pipeline::builder().build();
    /// let english: Lang = "eng".parse()?;
    /// // Two words are too few to tell English from Irish; the query's index is English.
    /// let query = pipeline.analyze_as("cheap flights", english);
    /// assert_eq!(query.lang(), english);
    /// assert!(query.detection.reliable);
    /// let terms: Vec<&str> = query.terms.iter().map(|(term, _)| term).collect();
    /// assert_eq!(terms, ["cheap", "flight"]);
    /// # Ok::<(), wordmill::Error>(())
    /// ```
    pub fn analyze_as(&self, text: &str, lang: Lang) -> Analysis {
        let mut analysis = Analysis::default();
        self.analyze_as_into(text, lang, &mut analysis);
        analysis
    }

    /// [`analyze_as`](Self::analyze_as) into an analysis of yours, reusing its memory as
    /// [`analyze_into`](Self::analyze_into) does.
    pub fn analyze_as_into(&self, text: &str, lang: Lang, analysis: &mut Analysis) {
        let mut detection = detector_for(lang).detect_spans_into(text, &mut analysis.spans);
        if !lang.is_undetermined() {
            detection.lang = lang;
            detection.confidence = 1.0;
            detection.reliable = true;
        }
        analysis.detection = detection;
        self.count_into(text, analysis);
    }

    /// Counts the terms of `text`, whose spans `analysis` holds, into `analysis` (its token
    /// count, terms and tokens replaced).
    fn count_into(&self, text: &str, analysis: &mut Analysis) {
        let Analysis {
            detection,
            spans,
            token_count,
            terms,
            tokens,
        } = analysis;
        let spans = &*spans;
        let normalizer = &self.config.normalizer;
        // Spans and tokens are both in text order: walk them together.
        let mut span = 0;
        let mut lang = spans.first().map_or(Lang::UND, |s| s.lang);
        let mut tools = self.tools(lang);
        // Room for the distinct terms of a news document of this size (about one in eight
        // bytes; their text about half the document's), up to what a long document's first
        // pages need: the counts then rarely grow. Han, kana and hangul make a term of about
        // every character (bigrams): one in three bytes, their text twice the document's.
        let cjk = matches!(
            detection.script,
            Some(Script::Han | Script::Hiragana | Script::Katakana | Script::Hangul)
        );
        let (distinct, term_bytes) = match cjk {
            true => (text.len() / 3, text.len().saturating_mul(2)),
            false => (text.len() / 8, text.len() / 2),
        };
        terms.clear();
        terms.reserve(
            distinct.min(MAX_PRESIZED_TERMS),
            term_bytes.min(8 * MAX_PRESIZED_TERMS),
        );
        tokens.clear();
        if self.config.keep_tokens {
            // About one token in six bytes of news text.
            tokens.reserve((text.len() / 6).min(MAX_PRESIZED_TERMS));
        }
        *token_count = 0;
        let mut stream = self.config.tokenizer.tokens(text);
        // Windows fold their text as they find tokens: most terms come made.
        let mut folder = normalizer.folder(lang);
        stream.fold_with(folder.window_fold());
        let mut memoize = self.memoizes(tools);
        term_cache::with_cache(self.id, |cache| {
            // The thread's strings, reused from token to token and document to document:
            // normalization writes here when a word changes, and bigrams are made here.
            let mut buffer = scratch::take();
            let mut bigrams = self
                .config
                .bigrams
                .then(|| Bigrams::with_buffer(scratch::take()));
            // Where the last token ended if it was a number, else past the end.
            let mut after_number = usize::MAX;
            while let Some(token) = stream.next_raw() {
                while span + 1 < spans.len() && token.start >= spans[span].span.end() {
                    span += 1;
                    if spans[span].lang != lang {
                        if let Some(bigrams) = &mut bigrams {
                            bigrams.break_chain();
                        }
                        lang = spans[span].lang;
                        tools = self.tools(lang);
                        folder = normalizer.folder(lang);
                        stream.fold_with(folder.window_fold());
                        memoize = self.memoizes(tools);
                    }
                }
                *token_count += 1;
                let number_end = std::mem::replace(&mut after_number, usize::MAX);
                if token.kind == TokenKind::Number {
                    after_number = token.end;
                } else if token.start > number_end
                    && token.kind == TokenKind::Word
                    && tools.is_number_suffix(&text[number_end..token.start], |mark| {
                        let folded = folder.fold_token(mark, false, false, &mut buffer);
                        let mut chars = folded.chars();
                        chars.next().filter(|_| chars.next().is_none())
                    })
                {
                    // A number's case suffix (`1990'larda`): dropped, as the apostrophe rule
                    // drops a name's.
                    continue;
                }
                // Most tokens come folded with their window; the others are normalized.
                // SAFETY: `token` comes from `stream`.
                let folded = match unsafe { stream.window_folded(&token) } {
                    Some(folded) => folded,
                    None => folder.fold_token(
                        &text[token.start..token.end],
                        token.is_ascii(),
                        token.has_ascii_upper(),
                        &mut buffer,
                    ),
                };
                let folded = if token.kind == TokenKind::Word && tools.has_capital_mutations() {
                    tools.without_capital_mutation(&text[token.start..token.end], folded)
                } else {
                    folded
                };
                let id = if token.kind == TokenKind::Word && memoize {
                    // One hash per token, for the memo and for the document's counts.
                    let hash = term_hash(folded);
                    let mut scratch = None;
                    let term = cache.get_or_make(
                        lang,
                        folded,
                        hash,
                        || self.term_of(tools, lang, folded),
                        &mut scratch,
                    );
                    match term {
                        Known::Stop => continue,
                        Known::Same => terms.add_hashed(folded, hash),
                        Known::Other(term, term_hash) => terms.add_hashed(term, term_hash),
                    }
                } else {
                    // Numbers, URLs, hashtags..., and words when nothing would be stemmed or
                    // dropped: the same folding as words (diacritics removed when the
                    // normalizer removes them).
                    terms.add(&normalizer.strip_diacritics_of(folded))
                };
                if let Some(bigrams) = &mut bigrams {
                    bigrams.add(terms, id);
                }
                if self.config.keep_tokens {
                    tokens.push(AnalyzedToken {
                        span: Span::ordered(token.start, token.end),
                        kind: token.kind,
                        term: id,
                    });
                }
            }
            scratch::give_back(buffer);
            if let Some(bigrams) = bigrams {
                scratch::give_back(bigrams.into_buffer());
            }
        });
    }

    /// Analyses documents in parallel on the current rayon thread pool (run it inside
    /// `ThreadPool::install` to choose the threads) and returns the analyses in input order
    /// with their corpus statistics. The result does not depend on the number of threads.
    pub fn analyze_batch<T: AsRef<str> + Sync>(&self, documents: &[T]) -> BatchAnalysis {
        let documents = self.analyze_all(documents);
        let stats = corpus_stats(&documents);
        BatchAnalysis { documents, stats }
    }

    /// [`analyze_batch`](Self::analyze_batch) without the corpus statistics: the analyses
    /// alone, in input order, made in parallel on the current rayon thread pool. Counting the
    /// statistics costs about a fifth of `analyze_batch` on one thread.
    ///
    /// ```
    /// use wordmill::Pipeline;
    ///
    /// let pipeline = Pipeline::builder().build();
    /// let analyses = pipeline.analyze_all(&["Talks in Muscat.", "محادثات في مسقط"]);
    /// let langs: Vec<&str> = analyses.iter().map(|a| a.lang().code()).collect();
    /// assert_eq!(langs, ["eng", "ara"]);
    /// ```
    pub fn analyze_all<T: AsRef<str> + Sync>(&self, documents: &[T]) -> Vec<Analysis> {
        documents
            .par_iter()
            .map(|doc| self.analyze(doc.as_ref()))
            .collect()
    }

    /// True when words in a language with these tools go through the word rules (else their
    /// term is the normalized word).
    fn memoizes(&self, tools: &LangTools) -> bool {
        self.config.words.memoizes(tools, &self.config.normalizer)
    }

    /// What a normalized word of `lang` becomes (see `words.rs`). Memoized per thread by
    /// [`term_cache`].
    fn term_of(&self, tools: &LangTools, lang: Lang, word: &str) -> Term {
        self.config
            .words
            .term_of(tools, &self.config.normalizer, lang, word)
    }

    fn tools(&self, lang: Lang) -> &LangTools {
        self.per_lang[lang.index()]
            .get_or_init(|| self.config.words.tools(lang, &self.config.normalizer))
    }
}

/// The detector of [`Pipeline::analyze_as`] for `lang`: it allows `lang` alone, falls back to
/// it and counts every letter, so that every span is `lang` and only the scripts are read
/// (for `und`: no language allowed, every span undetermined). One per language for the
/// process, made on first use: they depend on no pipeline option.
fn detector_for(lang: Lang) -> &'static Detector {
    static DETECTORS: [OnceLock<Detector>; Lang::COUNT] = [const { OnceLock::new() }; Lang::COUNT];
    DETECTORS[lang.index()].get_or_init(|| {
        let detector = Detector::new();
        if lang.is_undetermined() {
            detector.min_letters(usize::MAX)
        } else {
            detector.allowlist([lang]).fallback(lang).min_letters(1)
        }
    })
}

/// The most threads worth starting for one call of [`Pipeline::analyze_batch`] in a pool of
/// your own, as wordmill's batch tool and Python package cap them: 256, or 4 per core on a
/// machine of more than 64 cores. More threads than cores only share the cores, and an
/// absurd number would start threads until the system refused, before any work.
///
/// ```
/// assert!(wordmill::max_threads() >= 256);
/// ```
pub fn max_threads() -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    256.max(4 * cores)
}

/// Statistics of analysed documents, counted in parallel per thread and merged.
fn corpus_stats(documents: &[Analysis]) -> CorpusStats {
    // One statistics per thread over a contiguous share of the documents (by chunks:
    // `with_min_len(len.div_ceil(threads))` split nothing when the count was odd, 281 and
    // 282 being each below 282, and left the counting to one thread), merged at the end:
    // adding a document costs a lookup per term in a vocabulary that outgrows the caches, and
    // merging costs as much again for every term of the smaller side, so the fewer pieces the
    // better (rayon left to itself splits even on one thread). One thread: one share.
    let threads = rayon::current_num_threads().max(1);
    documents
        .par_chunks(documents.len().div_ceil(threads).max(1))
        .map(|share| {
            let mut stats = CorpusStats::new();
            for doc in share {
                stats.add_document(doc.lang(), &doc.terms);
            }
            stats
        })
        .reduce(CorpusStats::new, CorpusStats::merged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn empty_text_gives_an_empty_analysis() {
        let p = Pipeline::builder().build();
        for text in ["", "   \n", "...!?"] {
            let a = p.analyze(text);
            assert!(a.detection.lang.is_undetermined());
            assert_eq!(a.token_count, 0);
            assert!(a.terms.is_empty() && a.tokens.is_empty());
        }
    }

    #[test]
    fn stems_are_in_the_normal_form_too() {
        // Found by the pipeline fuzz target: Snowball's Greek stemmer took the diaeresis of
        // `ΰ` and left its tonos beside `υ`, a term not in NFC.
        let text = "συντΰ\u{341}η\u{344}ικός";
        let greek: Lang = "ell".parse().unwrap();
        // (Without the Greek rules, which would remove the tonos before stemming.)
        let normalizer = crate::normalize::Normalizer::new().language_rules(false);
        let p = Pipeline::builder()
            .languages([greek])
            .normalizer(normalizer.clone())
            .build();
        let a = p.analyze(text);
        assert_eq!(a.detection.lang, greek);
        let terms: Vec<&str> = a.terms.iter().map(|(term, _)| term).collect();
        assert_eq!(terms.len(), 1);
        assert!(unicode_normalization::is_nfc(terms[0]), "{:?}", terms[0]);
        // The stem itself, composed.
        let stemmer = crate::stem::Stemmer::for_lang(greek).unwrap();
        let stem = stemmer
            .stem(&normalizer.normalize(text, greek))
            .into_owned();
        assert_ne!(stem, terms[0], "the stem alone is not in NFC");
        assert_eq!(terms[0], stem.nfc().collect::<String>());
    }

    /// Text of a known language is analysed in it, however short: a query is analysed as
    /// its index's documents were (a tester found "Oman" stemmed as Finnish `oma` and
    /// "cheap flights" as Irish `ceap` by `analyze`, whose detection cannot tell from so few
    /// letters).
    #[test]
    fn text_of_a_known_language_is_analysed_in_it() {
        let p = Pipeline::builder().build();
        let english: Lang = "eng".parse().unwrap();
        let terms =
            |a: &Analysis| -> Vec<String> { a.terms.iter().map(|(t, _)| t.to_owned()).collect() };
        for (query, expected) in [
            ("Oman", &["oman"][..]),
            ("Muscat", &["muscat"]),
            ("cheap flights", &["cheap", "flight"]),
            ("the talks", &["talk"]),
            ("a", &[]),
        ] {
            let a = p.analyze_as(query, english);
            assert_eq!(terms(&a), expected, "{query}");
            assert_eq!(a.lang(), english, "{query}");
            assert!(a.spans.iter().all(|s| s.lang == english), "{query}");
        }
        // Given, not guessed: sure and reliable, whatever the script and however short.
        let japanese: Lang = "jpn".parse().unwrap();
        for (text, lang) in [
            ("Oman", english),
            ("東京", japanese),
            ("Москва talks", english),
            ("", english),
        ] {
            let detection = p.analyze_as(text, lang).detection;
            assert_eq!(
                (detection.lang, detection.confidence, detection.reliable),
                (lang, 1.0, true),
                "{text:?}"
            );
        }
        // Every span: words of another script too.
        let mixed = p.analyze_as("talks in Москва", english);
        assert!(mixed.spans.iter().all(|s| s.lang == english));
        assert_eq!(terms(&mixed), ["talk", "москва"]);
        // Undetermined: no language rules at all.
        let und = p.analyze_as("the talks", Lang::UND);
        assert_eq!(und.lang(), Lang::UND);
        assert_eq!(terms(&und), ["the", "talks"]);
        // The same terms as `analyze` gives where detection finds the language.
        let text = "Oman's foreign minister held talks with his Russian counterpart in Muscat.";
        assert_eq!(terms(&p.analyze_as(text, english)), terms(&p.analyze(text)));
    }

    /// A stemmer that takes the suffix after a joiner leaves the joiner at the stem's end,
    /// where normalization removes it: the term is the stem without it, so that normalizing
    /// a term again leaves it as it is (found by a tester: `cat` ZWJ `s` was `cat` ZWJ).
    #[test]
    fn stems_lose_the_joiners_left_at_their_edges() {
        let normalizer = crate::normalize::Normalizer::new();
        for (code, text) in [("eng", "cat\u{200D}s"), ("ell", "λογ\u{200D}ος")] {
            let lang: Lang = code.parse().unwrap();
            let p = Pipeline::builder()
                .languages([lang])
                .fallback_language(lang)
                .build();
            let a = p.analyze(text);
            let terms: Vec<&str> = a.terms.iter().map(|(term, _)| term).collect();
            assert_eq!(terms.len(), 1, "{text:?}");
            assert!(
                !terms[0].ends_with('\u{200D}'),
                "{text:?} gave {:?}",
                terms[0]
            );
            assert_eq!(normalizer.normalize(terms[0], lang), terms[0], "{text:?}");
        }
    }

    #[test]
    fn stop_words_match_with_diacritics_stripped_or_not() {
        let fra: Lang = "fra".parse().unwrap();
        let stripping = Normalizer::new().strip_diacritics(true);
        // The user's list of terms: "already", "there", as the normalizer makes them.
        let pipeline = Pipeline::builder()
            .normalizer(stripping.clone())
            .stop_words(fra, crate::stem::StopWords::from_words(["deja", "la"]))
            .build();
        let doc = pipeline.analyze_as("Il est déjà là, deja la.", fra);
        assert_eq!(doc.terms.count("deja"), 0, "{:?}", doc.terms);
        assert_eq!(doc.terms.count("la"), 0, "{:?}", doc.terms);
        // As written, too.
        let pipeline = Pipeline::builder()
            .normalizer(stripping.clone())
            .stop_words(fra, crate::stem::StopWords::from_words(["déjà"]))
            .build();
        assert_eq!(pipeline.analyze_as("déjà", fra).terms.len(), 0);
        // The built-in lists hold words as written: a word that differs from a stop word by
        // its accents stays a term (door, owner, gold; tea, I know).
        let pipeline = Pipeline::builder().normalizer(stripping).build();
        let vie: Lang = "vie".parse().unwrap();
        let doc = pipeline.analyze_as("cửa chủ vàng của", vie);
        assert_eq!(doc.terms.len(), 3, "{:?}", doc.terms);
        let spa: Lang = "spa".parse().unwrap();
        let doc = pipeline.analyze_as("té sé te se", spa);
        assert_eq!(doc.terms.len(), 2, "{:?}", doc.terms);
    }

    #[test]
    fn stop_words_can_be_kept() {
        let text = "The minister of Oman and the minister of Russia met in Muscat.";
        let dropped = Pipeline::builder().build().analyze(text);
        assert_eq!(dropped.terms.count("the"), 0);
        let kept = Pipeline::builder()
            .remove_stopwords(false)
            .build()
            .analyze(text);
        assert_eq!(kept.terms.count("the"), 2);
        assert_eq!(kept.token_count, dropped.token_count);
    }

    #[test]
    fn stemming_can_be_turned_off() {
        let text = "The ministers discussed the meetings of the ministries.";
        let p = Pipeline::builder().stemming(false).build();
        let a = p.analyze(text);
        assert_eq!(a.terms.count("ministers"), 1);
        assert_eq!(a.terms.count("meetings"), 1);
    }

    #[test]
    fn undetermined_text_is_not_stemmed() {
        let p = Pipeline::builder()
            .detector(Detector::new().min_letters(100))
            .build();
        let a = p.analyze("The meetings");
        assert!(a.detection.lang.is_undetermined());
        assert_eq!(a.terms.count("meetings"), 1);
        assert_eq!(a.terms.count("the"), 1);
    }

    #[test]
    fn an_english_quote_in_an_arabic_article_is_analysed_as_english() {
        let text = "أكد وزير الخارجية أن العلاقات بين البلدين متينة، وقال: \
                    \"The ministers discussed the meetings of the committees.\" \
                    وأضاف أن الجانبين سيواصلان التشاور.";
        let a = Pipeline::builder().build().analyze(text);
        assert_eq!(a.lang().code(), "ara");
        let langs: Vec<&str> = a.spans.iter().map(|s| s.lang.code()).collect();
        assert_eq!(langs, ["ara", "eng", "ara"]);
        // English words: English stop words dropped, Snowball English stems.
        assert_eq!(a.terms.count("the"), 0);
        assert_eq!(a.terms.count("of"), 0);
        assert_eq!(a.terms.count("meet"), 1);
        assert_eq!(a.terms.count("committe"), 1);
        // Arabic words: أن ("that") is an Arabic stop word, in both sentences.
        assert_eq!(a.terms.count("ان"), 0);
        assert_eq!(a.terms.count("أن"), 0);
    }

    #[test]
    fn a_fallback_language_analyses_undetermined_text() {
        let eng: Lang = "eng".parse().unwrap();
        let p = Pipeline::builder()
            .detector(Detector::new().min_letters(100))
            .fallback_language(eng)
            .build();
        let a = p.analyze("The meetings");
        assert_eq!(a.lang(), eng);
        assert!(!a.detection.reliable);
        assert_eq!(a.terms.count("meet"), 1);
        assert_eq!(a.terms.count("the"), 0);
    }

    #[test]
    fn a_word_the_stemmer_would_empty_keeps_a_term() {
        // A lone Arabic vowel mark, in text detected as Arabic (found by a property test).
        let a = Pipeline::builder()
            .build()
            .analyze("\u{64b}Ａ\u{900} كتاب جديد");
        assert!(a.tokens.iter().all(|t| !a.term_of(t).is_empty()));
    }

    #[test]
    fn tokens_can_be_left_out() {
        let a = Pipeline::builder()
            .keep_tokens(false)
            .build()
            .analyze("Oman and Russia");
        assert!(a.tokens.is_empty());
        assert_eq!(a.terms.count("oman"), 1);
    }

    #[test]
    fn bigrams_are_off_by_default() {
        let text = "Oman and Russia held talks in Muscat.";
        let plain = Pipeline::builder().build().analyze(text);
        assert!(plain.terms.iter().all(|(term, _)| !term.contains(' ')));
        let with = Pipeline::builder().bigrams(true).build().analyze(text);
        // Five terms once "and" and "in" are dropped: oman russia held talk muscat; four
        // bigrams between them.
        assert_eq!(plain.terms.total(), 5);
        assert_eq!(with.terms.total(), 5 + 4);
        assert_eq!(with.terms.count("oman russia"), 1);
        assert_eq!(with.tokens.len(), plain.tokens.len());
    }

    /// A word of a quote in another language and the word before it are no bigram (a
    /// tester found `said буд` and `переговор left`).
    #[test]
    fn bigrams_stay_inside_a_language_span() {
        let text = "أكد وزير الخارجية أن العلاقات بين البلدين متينة، وقال: \
                    \"The ministers discussed the meetings of the committees.\" \
                    وأضاف أن الجانبين سيواصلان التشاور.";
        let a = Pipeline::builder().bigrams(true).build().analyze(text);
        assert_eq!(a.spans.len(), 3);
        let bigrams: Vec<&str> = a
            .terms
            .iter()
            .map(|(t, _)| t)
            .filter(|t| t.contains(' '))
            .collect();
        let latin = |s: &str| s.chars().any(|c| c.is_ascii_alphabetic());
        let arabic = |s: &str| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        assert!(
            bigrams.iter().all(|b| !(latin(b) && arabic(b))),
            "{bigrams:?}"
        );
        // Within a span they are counted as before, and across spans of one language
        // (scripts change, the language does not).
        assert_eq!(a.terms.count("minist discuss"), 1, "{bigrams:?}");
        let eng: Lang = "eng".parse().unwrap();
        let one = Pipeline::builder()
            .bigrams(true)
            .build()
            .analyze_as("talks in Москва", eng);
        assert!(one.spans.len() > 1);
        assert_eq!(one.terms.count("talk москва"), 1);
    }

    #[test]
    fn options_do_not_depend_on_their_order() {
        let (eng, deu): (Lang, Lang) = ("eng".parse().unwrap(), "deu".parse().unwrap());
        let detector = || Detector::new().min_letters(100);
        let orders = [
            Pipeline::builder()
                .languages([eng])
                .fallback_language(deu)
                .detector(detector())
                .build(),
            Pipeline::builder()
                .detector(detector())
                .fallback_language(deu)
                .languages([eng])
                .build(),
        ];
        for p in orders {
            assert_eq!(p.detector().allowed(), [eng]);
            // Too short for 100 letters: the fallback, whichever order set it.
            assert_eq!(p.analyze("The meetings").lang(), deu);
        }
    }

    #[test]
    fn words_of_your_own_rules() {
        use std::borrow::Cow;
        struct Upper;
        impl TermFilter for Upper {
            fn filter<'a>(&self, lang: Lang, term: Cow<'a, str>) -> Option<Cow<'a, str>> {
                // Drops "oman" in English only; empties "x" (which drops it too).
                match (lang.code(), &*term) {
                    ("eng", "oman") | (_, "x") => None,
                    (_, "y") => Some(Cow::Borrowed("")),
                    _ => Some(Cow::Owned(term.to_uppercase())),
                }
            }
        }
        struct Empties;
        impl crate::stem::Stem for Empties {
            fn stem<'a>(&self, _: &'a str) -> Cow<'a, str> {
                Cow::Borrowed("")
            }
        }
        let eng: Lang = "eng".parse().unwrap();
        let p = Pipeline::builder()
            .languages([eng])
            .filter(Upper)
            .stemmer(eng, Empties)
            .build();
        let doc = p.analyze("Oman x y talks in Muscat and Oman.");
        let terms: Vec<&str> = doc.terms.iter().map(|(t, _)| t).collect();
        // A stemmer that empties a word leaves it as it is; the filter runs after it.
        assert_eq!(terms, ["TALKS", "MUSCAT"]);
        assert!(doc.tokens.iter().all(|t| !doc.term_of(t).is_empty()));
    }

    #[test]
    fn pipeline_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Pipeline>();
        check::<Analysis>();
    }
}
