//! The pipeline: detection, tokenization, normalization, stop words, stemming and counting,
//! for one document or, in parallel, for many.

mod apostrophes;
mod builder;
mod term_cache;
mod words;

use std::sync::OnceLock;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::detect::{Detection, Detector, LanguageSpan};
use crate::normalize::{Normalizer, UnicodeForm};
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

// A panic in a user's stemmer or filter (wordmill's own code does not panic) leaves a
// pipeline as it was, so it may be used across `catch_unwind` without `AssertUnwindSafe`:
// the per-thread memos insert a word's term only once it is made, and a language's tools
// left unmade by a panic are made again on next use. (The user's `dyn Stem` and `dyn
// TermFilter` are what keep the compiler from seeing it.)
impl std::panic::UnwindSafe for Pipeline {}
impl std::panic::RefUnwindSafe for Pipeline {}

/// One analysed document.
///
/// Serializes with its terms as a list of `[term, count]` pairs in order, since tokens name
/// their terms by position in it: a JSON object's keys may be reordered on the way, a list's
/// items are not. Deserializing checks that every token's term is one of the terms.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "AnalysisFields")]
pub struct Analysis {
    /// The document's language (the language of most of its bytes, as
    /// [`Detector::detect_spans`] settles it) and script.
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
    #[serde(serialize_with = "crate::tf::counts_in_order::serialize")]
    pub terms: TermCounts,
    /// The tokens that became terms, in text order (empty when the pipeline does not keep
    /// tokens).
    pub tokens: Vec<AnalyzedToken>,
}

/// An [`Analysis`] as read, before its tokens' terms are checked.
#[derive(Deserialize)]
#[serde(rename = "Analysis")]
struct AnalysisFields {
    detection: Detection,
    spans: Vec<LanguageSpan>,
    token_count: usize,
    #[serde(deserialize_with = "crate::tf::counts_in_order::deserialize")]
    terms: TermCounts,
    tokens: Vec<AnalyzedToken>,
}

impl TryFrom<AnalysisFields> for Analysis {
    type Error = String;

    fn try_from(read: AnalysisFields) -> Result<Analysis, String> {
        if let Some(token) = read
            .tokens
            .iter()
            .find(|t| t.term as usize >= read.terms.len())
        {
            return Err(format!(
                "a token names term {}, of {} terms",
                token.term,
                read.terms.len()
            ));
        }
        Ok(Analysis {
            detection: read.detection,
            spans: read.spans,
            token_count: read.token_count,
            terms: read.terms,
            tokens: read.tokens,
        })
    }
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
            let nfkc = normalizer.form() == UnicodeForm::Nfkc;
            let mut spaceless = String::new();
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
                    None => {
                        // An address is no word of the text's language: Turkish's `I` → `ı`
                        // would make `ISTANBUL.COM` another term in a Turkish document.
                        // (Windows fold words and numbers only: addresses always come here.)
                        let neutral;
                        let by = if matches!(token.kind, TokenKind::Url | TokenKind::Email) {
                            neutral = normalizer.folder(Lang::UND);
                            &neutral
                        } else {
                            &folder
                        };
                        by.fold_token(
                            &text[token.start..token.end],
                            token.is_ascii(),
                            token.has_ascii_upper(),
                            &mut buffer,
                        )
                    }
                };
                let folded = if token.kind == TokenKind::Word && tools.has_capital_mutations() {
                    tools.without_capital_mutation(&text[token.start..token.end], folded)
                } else {
                    folded
                };
                // NFKC writes a spacing mark as a space and the combining mark (`¸` U+00B8,
                // `゛` U+309B, `΄` U+0384), and U+202F, which joins Mongolian suffixes to
                // their word (UAX #29's ExtendNumLet), as a space: a token has no space of
                // its own, and a term keeps none. A mark then goes on the letter before,
                // composed with it where NFKC composes (`ヱ゛` → `ヹ`).
                let folded = if nfkc && folded.as_bytes().contains(&b' ') {
                    spaceless.clear();
                    spaceless.extend(folded.chars().filter(|&c| c != ' ').nfkc());
                    spaceless.as_str()
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
mod tests;
