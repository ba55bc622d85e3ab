//! Persistence of [`CorpusStats`]: serde (JSON or any format), and wordmill's binary format.
//!
//! The serialized form holds each language's documents, term occurrences and terms,
//! `[term, documents, occurrences]` sorted by term; the corpus-wide frequencies are their sums, recomputed on
//! load:
//!
//! ```json
//! {"documents": 3, "term_count": 6, "languages": {
//!   "ara": {"documents": 1, "term_count": 1, "terms": [["عمان", 1, 1]]},
//!   "eng": {"documents": 2, "term_count": 5, "terms": [["iran", 1, 1], ["oman", 2, 3], ["russia", 1, 1]]}}}
//! ```
//!
//! (`term_count` was `tokens` in earlier versions; files that say `tokens` still load.)
//!
//! Loading never trusts the data: every count is checked against the others (a term is in at
//! least one and at most all of its language's documents, occurs at least as often as the
//! documents it is in, the occurrences of a language's terms add up to its term count, the
//! languages add up to the corpus), so that weights computed from loaded statistics are
//! always defined.

use std::borrow::Cow;
use std::fmt;

use crc::{CRC_32_ISCSI, Crc};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{CorpusStats, LangStats, TermFrequency};
use crate::{Error, Lang};

/// The first bytes of wordmill's binary statistics ([`CorpusStats::to_bytes`]): what tells
/// them from other data, such as the JSON form.
///
/// ```
/// use wordmill::tf::{BINARY_MAGIC, CorpusStats};
///
/// assert!(CorpusStats::new().to_bytes().starts_with(&BINARY_MAGIC));
/// ```
pub const BINARY_MAGIC: [u8; 8] = *b"WMSTATS\0";

/// The version of the binary format that [`CorpusStats::to_bytes`] writes and
/// [`CorpusStats::from_bytes`] reads. It changes whenever the layout does; data in another
/// version is refused with [`Error::StatsVersion`] (but for this version's data under
/// damaged version bytes: [`Error::CorruptStats`]).
pub const BINARY_FORMAT_VERSION: u16 = 1;

/// Castagnoli's CRC-32, as iSCSI, ext4 and SSE 4.2 compute it.
static CRC: Crc<u32> = Crc::<u32>::new(&CRC_32_ISCSI);

/// Bytes before the payload: the magic bytes and the version.
const HEADER: usize = BINARY_MAGIC.len() + 2;

/// Front coding lets a few bytes stand for a long term (the bytes it shares with the term
/// before), so crafted data could make a small file decode into gigabytes: terms that each
/// share all of the previous term and add one byte grow quadratically. The bytes of decoded
/// terms are therefore bounded by what was read: at most this many times the bytes of the
/// terms' own entries (their unshared rest and [`ENTRY_BYTES`] for the numbers)...
const MAX_EXPANSION: usize = 64;
/// ... plus this many bytes, so that small statistics with long terms always load.
const EXPANSION_ALLOWANCE: usize = 1 << 20;
/// The fewest bytes a front-coded entry takes besides its rest: three varints and the rest's
/// length, one byte each at least.
const ENTRY_BYTES: usize = 4;

impl CorpusStats {
    /// The statistics in wordmill's compact binary format: the magic bytes `WMSTATS\0`, the
    /// format version ([`BINARY_FORMAT_VERSION`], 2 bytes little-endian), the serialized form
    /// (see [`CorpusStats`]) encoded by [postcard](https://docs.rs/postcard) (integers as
    /// varints, strings as length and UTF-8 bytes) with each language's sorted terms
    /// front-coded (each term as the number of bytes it shares with the term before and the
    /// rest), and the CRC-32C of that encoding (4 bytes little-endian).
    ///
    /// Equal statistics give equal bytes.
    ///
    /// ```
    /// use wordmill::tf::{CorpusStats, TermCounts};
    /// use wordmill::{Error, Lang};
    ///
    /// let mut stats = CorpusStats::new();
    /// stats.add_document(Lang::UND, &TermCounts::from_terms(["muscat", "oman"]));
    /// let bytes = stats.to_bytes();
    /// assert_eq!(CorpusStats::from_bytes(&bytes)?, stats);
    ///
    /// // Damaged data is an error, never garbage.
    /// let mut damaged = bytes.clone();
    /// damaged[14] ^= 1;
    /// assert!(matches!(CorpusStats::from_bytes(&damaged), Err(Error::CorruptStats(_))));
    /// assert!(matches!(CorpusStats::from_bytes(b"{\"documents\":1}"), Err(Error::NotStats)));
    /// # Ok::<(), wordmill::Error>(())
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = BINARY_MAGIC.to_vec();
        bytes.extend_from_slice(&BINARY_FORMAT_VERSION.to_le_bytes());
        // Postcard fails only on sequences of unknown length and on types it cannot encode;
        // the serialized form has neither.
        let mut bytes = postcard::to_extend(self, bytes)
            .expect("corpus statistics always encode with postcard");
        let checksum = CRC.checksum(&bytes[HEADER..]);
        bytes.extend_from_slice(&checksum.to_le_bytes());
        bytes
    }

    /// Loads statistics written by [`to_bytes`](Self::to_bytes).
    ///
    /// The checksum is verified before anything is decoded, then every count is checked
    /// against the others (see [`CorpusStats`]). Memory is bounded by the data's size: the
    /// front-coded terms may decode to at most 64 times the bytes they take, plus 1 MiB
    /// (real vocabularies decode to 2 to 4 times), so a crafted file is refused instead of
    /// filling memory.
    ///
    /// # Errors
    ///
    /// [`Error::NotStats`] when the data does not start with the magic bytes,
    /// [`Error::StatsVersion`] when it is in another version of the format, and
    /// [`Error::CorruptStats`] when it is truncated, fails its checksum, or holds inconsistent
    /// counts, or when it is this version's data, checksum and all, under version bytes that
    /// name another (the checksum does not cover them: a damaged file, not a newer one).
    pub fn from_bytes(bytes: &[u8]) -> Result<CorpusStats, Error> {
        let rest = bytes.strip_prefix(&BINARY_MAGIC).ok_or(Error::NotStats)?;
        let (version, rest) = rest.split_first_chunk::<2>().ok_or_else(|| {
            Error::CorruptStats("truncated: the data ends inside its header".into())
        })?;
        let version = u16::from_le_bytes(*version);
        if version == BINARY_FORMAT_VERSION {
            return decode_version_1(rest);
        }
        if decode_version_1(rest).is_ok() {
            return Err(Error::CorruptStats(format!(
                "its version bytes say version {version}, but its data is version \
                 {BINARY_FORMAT_VERSION}'s, checksum and all: the version bytes were changed \
                 after it was written"
            )));
        }
        Err(Error::StatsVersion {
            found: version,
            supported: BINARY_FORMAT_VERSION,
        })
    }
}

/// Decodes what follows the header of version 1: the statistics and their checksum.
fn decode_version_1(rest: &[u8]) -> Result<CorpusStats, Error> {
    let (payload, checksum) = rest.split_last_chunk::<4>().ok_or_else(|| {
        Error::CorruptStats("truncated: the data ends before its checksum".into())
    })?;
    if CRC.checksum(payload) != u32::from_le_bytes(*checksum) {
        return Err(Error::CorruptStats(
            "checksum mismatch: the data is truncated or was changed after it was written".into(),
        ));
    }
    // Past the checksum, data can only be wrong if its writer was: still no trust.
    let (unchecked, rest) = postcard::take_from_bytes::<Unchecked>(payload)
        .map_err(|e| Error::CorruptStats(format!("undecodable data ({e})")))?;
    if !rest.is_empty() {
        return Err(Error::CorruptStats(format!(
            "{} unexpected bytes after the end of the statistics",
            rest.len()
        )));
    }
    unchecked.check().map_err(Error::CorruptStats)
}

// Serialization.

impl Serialize for CorpusStats {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CorpusStats", 3)?;
        s.serialize_field("documents", &self.documents)?;
        s.serialize_field("term_count", &self.term_count)?;
        s.serialize_field("languages", &Languages(self))?;
        s.end()
    }
}

struct Languages<'a>(&'a CorpusStats);

impl Serialize for Languages<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let stats = self.0;
        // Every language's terms in one pass over the pairs.
        let mut by_lang: Vec<Vec<(&str, TermFrequency)>> = vec![Vec::new(); Lang::COUNT];
        for (id, lang, f) in stats.pairs() {
            by_lang[lang.index()].push((stats.vocabulary.get_str(id), f));
        }
        let mut map = serializer.serialize_map(Some(stats.languages.len()))?;
        for (&lang, s) in &stats.languages {
            let mut terms = std::mem::take(&mut by_lang[lang.index()]);
            terms.sort_unstable_by(|a, b| a.0.cmp(b.0));
            map.serialize_entry(
                &lang,
                &Language {
                    documents: s.documents,
                    term_count: s.term_count,
                    terms: SortedTerms(terms),
                },
            )?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Language<'a> {
    documents: u64,
    term_count: u64,
    terms: SortedTerms<'a>,
}

struct SortedTerms<'a>(Vec<(&'a str, TermFrequency)>);

impl Serialize for SortedTerms<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let human = serializer.is_human_readable();
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        let mut previous = "";
        for &(term, f) in &self.0 {
            if human {
                seq.serialize_element(&(term, f.documents, f.occurrences))?;
            } else {
                // Front coding: sorted terms share long prefixes with the term before (stems
                // and their inflections, numbers), which halves the bytes of the terms.
                let shared = writable_shared(term, shared_prefix(previous, term));
                seq.serialize_element(&(shared, &term[shared..], f.documents, f.occurrences))?;
                previous = term;
            }
        }
        seq.end()
    }
}

/// The bytes of `term` (of which `shared` are those of the term before) that its entry
/// shares: at most as many as keep the entry within the reader's budget, its term no more
/// than [`MAX_EXPANSION`] times its counted bytes (rest and [`ENTRY_BYTES`]), so that
/// whatever is written loads (long terms that differ only at their end, such as URLs with a
/// different query, would share too much). A shorter share is still a prefix of both
/// terms, on a character boundary.
fn writable_shared(term: &str, shared: usize) -> usize {
    let most = (term.len() + ENTRY_BYTES).saturating_sub(term.len().div_ceil(MAX_EXPANSION));
    let mut shared = shared.min(most);
    while !term.is_char_boundary(shared) {
        shared -= 1;
    }
    shared
}

/// Length in bytes of the longest common prefix of `a` and `b` that ends on a character
/// boundary.
pub(super) fn shared_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

// Deserialization: the data goes straight into a `CorpusStats` (no `String` per term), then
// is checked. Problems found while reading are recorded rather than returned, so that their
// message survives formats that keep only their own errors (postcard does).

impl<'de> Deserialize<'de> for CorpusStats {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Unchecked::deserialize(deserializer)?
            .check()
            .map_err(de::Error::custom)
    }
}

/// Statistics as read, before they are checked.
#[derive(Default)]
struct Unchecked {
    stats: CorpusStats,
    /// The first problem found while reading.
    problem: Option<String>,
    /// Bytes of front-coded entries read so far (their unshared rest and numbers) and bytes
    /// of the terms they decoded to: see [`MAX_EXPANSION`].
    front_coded_read: usize,
    front_coded_decoded: usize,
    /// The decoded terms went over that bound: the rest is read but not decoded.
    over_budget: bool,
}

impl Unchecked {
    fn problem(&mut self, message: impl FnOnce() -> String) {
        if self.problem.is_none() {
            self.problem = Some(message());
        }
    }

    /// Adds one term of language `lang`, or records why it cannot be added.
    fn add_term(&mut self, lang: Lang, term: &str, f: TermFrequency) {
        if f.documents == 0 || f.documents > f.occurrences {
            self.problem(|| {
                format!(
                    "term {term:?} of language {lang} is in {} documents but occurs {} times",
                    f.documents, f.occurrences
                )
            });
            return;
        }
        let id = self.stats.intern(term);
        if self.stats.frequency_in(id, lang).is_some() {
            self.problem(|| format!("term {term:?} is listed twice in language {lang}"));
            return;
        }
        let total = self.stats.entries[id as usize].total;
        if total.documents.checked_add(f.documents).is_none()
            || total.occurrences.checked_add(f.occurrences).is_none()
        {
            self.problem(|| format!("the frequencies of term {term:?} overflow"));
            return;
        }
        self.stats.count_in(id, lang, f);
    }

    fn add_language(&mut self, lang: Lang, stats: LangStats) {
        if self.stats.languages.insert(lang, stats).is_some() {
            self.problem(|| format!("language {lang} is listed twice"));
        }
    }

    /// The statistics, if every count agrees with the others.
    fn check(self) -> Result<CorpusStats, String> {
        if let Some(problem) = self.problem {
            return Err(problem);
        }
        let stats = self.stats;
        let mut languages: [Option<LangStats>; Lang::COUNT] = [None; Lang::COUNT];
        let (mut documents, mut term_count) = (0u64, 0u64);
        for (&lang, s) in &stats.languages {
            if s.documents == 0 {
                return Err(format!("language {lang} is listed with no documents"));
            }
            languages[lang.index()] = Some(*s);
            documents = documents
                .checked_add(s.documents)
                .ok_or("document count overflows")?;
            term_count = term_count
                .checked_add(s.term_count)
                .ok_or("term count overflows")?;
        }
        if documents != stats.documents || term_count != stats.term_count {
            return Err(format!(
                "the corpus claims {} documents and {} term occurrences, its languages add up to {documents} and {term_count}",
                stats.documents, stats.term_count
            ));
        }
        let mut occurrences = [0u64; Lang::COUNT];
        for (id, lang, f) in stats.pairs() {
            let Some(s) = languages[lang.index()] else {
                return Err(format!("terms listed for unknown language {lang}"));
            };
            if f.documents > s.documents {
                return Err(format!(
                    "term {:?} is in {} documents of language {lang}, which has {}",
                    stats.vocabulary.get_str(id),
                    f.documents,
                    s.documents
                ));
            }
            let sum = &mut occurrences[lang.index()];
            *sum = sum
                .checked_add(f.occurrences)
                .ok_or_else(|| format!("the term count of language {lang} overflows"))?;
        }
        for (&lang, s) in &stats.languages {
            let sum = occurrences[lang.index()];
            if sum != s.term_count {
                return Err(format!(
                    "language {lang} has a term count of {} but its terms occur {sum} times",
                    s.term_count
                ));
            }
        }
        Ok(stats)
    }
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum StatsField {
    Documents,
    #[serde(alias = "tokens")]
    TermCount,
    Languages,
    /// What the batch tool records of the analysis (see `CorpusStats`): read past.
    Analysis,
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum LanguageField {
    Documents,
    #[serde(alias = "tokens")]
    TermCount,
    Terms,
}

fn missing<E: de::Error>(value: Option<u64>, field: &'static str) -> Result<u64, E> {
    value.ok_or_else(|| de::Error::missing_field(field))
}

impl<'de> Deserialize<'de> for Unchecked {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StatsVisitor;
        impl<'de> Visitor<'de> for StatsVisitor {
            type Value = Unchecked;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("corpus statistics: documents, term count and languages")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Unchecked, A::Error> {
                let length = |i| de::Error::invalid_length(i, &self);
                let mut out = Unchecked::default();
                out.stats.documents = seq.next_element()?.ok_or_else(|| length(0))?;
                out.stats.term_count = seq.next_element()?.ok_or_else(|| length(1))?;
                seq.next_element_seed(LanguagesSeed(&mut out))?
                    .ok_or_else(|| length(2))?;
                Ok(out)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Unchecked, A::Error> {
                let mut out = Unchecked::default();
                let (mut documents, mut term_count, mut languages) = (None, None, false);
                let mut analysis = false;
                while let Some(field) = map.next_key()? {
                    match field {
                        StatsField::Analysis if !analysis => {
                            let _: Cow<'de, str> = map.next_value()?;
                            analysis = true;
                        }
                        StatsField::Documents if documents.is_none() => {
                            documents = Some(map.next_value()?)
                        }
                        StatsField::TermCount if term_count.is_none() => {
                            term_count = Some(map.next_value()?)
                        }
                        StatsField::Languages if !languages => {
                            map.next_value_seed(LanguagesSeed(&mut out))?;
                            languages = true;
                        }
                        _ => return Err(de::Error::custom("duplicate field")),
                    }
                }
                if !languages {
                    return Err(de::Error::missing_field("languages"));
                }
                out.stats.documents = missing(documents, "documents")?;
                out.stats.term_count = missing(term_count, "term_count")?;
                Ok(out)
            }
        }
        deserializer.deserialize_struct(
            "CorpusStats",
            &["documents", "term_count", "languages"],
            StatsVisitor,
        )
    }
}

/// Reads the map from language code to that language's statistics.
struct LanguagesSeed<'a>(&'a mut Unchecked);

impl<'de> DeserializeSeed<'de> for LanguagesSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for LanguagesSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map from language code to documents, term count and terms")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(code) = map.next_key::<Cow<'de, str>>()? {
            match Lang::from_code(&code) {
                Some(lang) => map.next_value_seed(LanguageSeed {
                    out: &mut *self.0,
                    lang,
                })?,
                None => {
                    self.0.problem(|| format!("unknown language code {code:?}"));
                    // Read and drop its statistics: formats that are not self-describing
                    // (postcard) cannot skip a value of unknown shape. Its front-coded terms
                    // are not decoded (as past the budget): a fresh budget per unknown
                    // language would let crafted data decode far more than the bound.
                    map.next_value_seed(LanguageSeed {
                        out: &mut Unchecked {
                            over_budget: true,
                            ..Unchecked::default()
                        },
                        lang: Lang::UND,
                    })?;
                }
            }
        }
        Ok(())
    }
}

/// Reads one language's documents, term count and terms.
struct LanguageSeed<'a> {
    out: &'a mut Unchecked,
    lang: Lang,
}

impl<'de> DeserializeSeed<'de> for LanguageSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_struct("Language", &["documents", "term_count", "terms"], self)
    }
}

impl<'de> Visitor<'de> for LanguageSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a language's documents, term count and terms")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let length = |i| de::Error::invalid_length(i, &"documents, term count and terms");
        let documents = seq.next_element()?.ok_or_else(|| length(0))?;
        let term_count = seq.next_element()?.ok_or_else(|| length(1))?;
        let lang = self.lang;
        seq.next_element_seed(TermsSeed {
            out: &mut *self.out,
            lang,
        })?
        .ok_or_else(|| length(2))?;
        self.out.add_language(
            lang,
            LangStats {
                documents,
                term_count,
            },
        );
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (mut documents, mut term_count, mut terms) = (None, None, false);
        let lang = self.lang;
        while let Some(field) = map.next_key()? {
            match field {
                LanguageField::Documents if documents.is_none() => {
                    documents = Some(map.next_value()?)
                }
                LanguageField::TermCount if term_count.is_none() => {
                    term_count = Some(map.next_value()?)
                }
                LanguageField::Terms if !terms => {
                    map.next_value_seed(TermsSeed {
                        out: &mut *self.out,
                        lang,
                    })?;
                    terms = true;
                }
                _ => return Err(de::Error::custom("duplicate field")),
            }
        }
        if !terms {
            return Err(de::Error::missing_field("terms"));
        }
        let stats = LangStats {
            documents: missing(documents, "documents")?,
            term_count: missing(term_count, "term_count")?,
        };
        self.out.add_language(lang, stats);
        Ok(())
    }
}

/// Reads one language's `[term, documents, occurrences]` list.
struct TermsSeed<'a> {
    out: &'a mut Unchecked,
    lang: Lang,
}

impl<'de> DeserializeSeed<'de> for TermsSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if deserializer.is_human_readable() {
            deserializer.deserialize_seq(self)
        } else {
            deserializer.deserialize_seq(FrontCodedTermsSeed(self))
        }
    }
}

impl<'de> Visitor<'de> for TermsSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of [term, documents, occurrences]")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let TermsSeed { out, lang } = self;
        while let Some((term, documents, occurrences)) =
            seq.next_element::<(Cow<'de, str>, u64, u64)>()?
        {
            let f = TermFrequency {
                documents,
                occurrences,
            };
            out.add_term(lang, &term, f);
        }
        Ok(())
    }
}

/// The binary form of [`TermsSeed`]: `(bytes shared with the previous term, the rest of the
/// term, documents, occurrences)`.
struct FrontCodedTermsSeed<'a>(TermsSeed<'a>);

impl<'de> Visitor<'de> for FrontCodedTermsSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of front-coded terms with their frequencies")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let TermsSeed { out, lang } = self.0;
        let mut term = String::new();
        while let Some((shared, rest, documents, occurrences)) =
            seq.next_element::<(u32, Cow<'de, str>, u64, u64)>()?
        {
            let shared = shared as usize;
            if shared > term.len() || !term.is_char_boundary(shared) {
                out.problem(|| {
                    format!("a term of language {lang} shares {shared} bytes with {term:?}")
                });
                continue;
            }
            if out.over_budget {
                continue; // read to the end, decoding nothing more
            }
            out.front_coded_read += rest.len() + ENTRY_BYTES;
            out.front_coded_decoded += shared + rest.len();
            let budget = out
                .front_coded_read
                .saturating_mul(MAX_EXPANSION)
                .saturating_add(EXPANSION_ALLOWANCE);
            if out.front_coded_decoded > budget {
                // Decoding on would allocate what the data cannot justify. (The message is
                // recorded, not returned: postcard keeps only its own errors.)
                out.over_budget = true;
                let (decoded, read) = (out.front_coded_decoded, out.front_coded_read);
                out.problem(|| {
                    format!(
                        "front-coded terms decode to more than {MAX_EXPANSION} times their \
                         bytes ({decoded} bytes of terms from {read} bytes): the data was \
                         crafted or damaged"
                    )
                });
                continue;
            }
            term.truncate(shared);
            term.push_str(&rest);
            let f = TermFrequency {
                documents,
                occurrences,
            };
            out.add_term(lang, &term, f);
        }
        Ok(())
    }
}
