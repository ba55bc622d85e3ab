//! Languages as wordmill names them: 129 languages and `und`, by ISO 639-3 code.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Error, Script};

/// A language, named by its ISO 639-3 code (`eng`, `ara`, `cmn`, `pes`, `swa`, ...), or
/// undetermined ([`Lang::UND`], code `und`). It parses from other codes too (ISO 639-1
/// `en`, BCP 47 tags such as `pt-BR`: see [`Lang::from_code`]).
///
/// wordmill knows 129 languages: the 120 of the NTREX-128 news corpus, Latin, Esperanto,
/// Ganda, Southern Sotho and Tsonga, and the four others that whatlang knows (Akan,
/// Javanese, Odia, Yiddish). Every code that earlier versions accepted (whatlang's) still
/// parses to the same language. `Lang` is what detection returns and what every
/// language-aware stage takes; it serializes as its code, and orders by it.
///
/// ```
/// use wordmill::Lang;
///
/// let arabic: Lang = "ara".parse()?;
/// assert_eq!(arabic.code(), "ara");
/// assert_eq!(arabic.english_name(), "Arabic");
/// assert_eq!("swa".parse::<Lang>()?.english_name(), "Swahili");
/// assert!(Lang::UND.is_undetermined());
/// assert!("xx".parse::<Lang>().is_err());
/// assert_eq!(Lang::all().len(), 129);
/// # Ok::<(), wordmill::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Lang(u8);

/// What wordmill knows of a language.
struct Info {
    code: &'static str,
    name: &'static str,
    /// The scripts its language is detected in. Japanese is written in Han, hiragana and
    /// katakana; detection tells it by its kana (see `detect::rules`).
    scripts: &'static [Script],
    /// The same language in whatlang, when whatlang knows it.
    whatlang: Option<whatlang::Lang>,
}

const fn info(
    code: &'static str,
    name: &'static str,
    scripts: &'static [Script],
    whatlang: Option<whatlang::Lang>,
) -> Info {
    Info {
        code,
        name,
        scripts,
        whatlang,
    }
}

use Script::{
    Arabic, Armenian, Bengali, Cyrillic, Devanagari, Ethiopic, Georgian, Greek, Gujarati, Gurmukhi,
    Han, Hangul, Hebrew, Hiragana, Kannada, Katakana, Khmer, Lao, Latin, Malayalam, Mongolian,
    Myanmar, Oriya, Sinhala, Tamil, Telugu, Thaana, Thai, Tibetan, Tifinagh,
};
use whatlang::Lang as W;

/// Every language, `und` first, then sorted by code: a language's position is its
/// [`Lang::index`]. (The detection model lists its languages by code and is matched to
/// this table when it is read.)
static LANGS: [Info; 130] = [
    info("und", "Undetermined", &[], None),
    info("afr", "Afrikaans", &[Latin], Some(W::Afr)),
    info("aka", "Akan", &[Latin], Some(W::Aka)),
    info("amh", "Amharic", &[Ethiopic], Some(W::Amh)),
    info("ara", "Arabic", &[Arabic], Some(W::Ara)),
    info("aze", "Azerbaijani", &[Latin], Some(W::Aze)),
    info("bak", "Bashkir", &[Cyrillic], None),
    info("bel", "Belarusian", &[Cyrillic], Some(W::Bel)),
    info("bem", "Bemba", &[Latin], None),
    info("ben", "Bengali", &[Bengali], Some(W::Ben)),
    info("bod", "Tibetan", &[Tibetan], None),
    info("bos", "Bosnian", &[Latin], None),
    info("bul", "Bulgarian", &[Cyrillic], Some(W::Bul)),
    info("cat", "Catalan", &[Latin], Some(W::Cat)),
    info("ces", "Czech", &[Latin], Some(W::Ces)),
    info("ckb", "Central Kurdish", &[Arabic], None),
    info("cmn", "Mandarin Chinese", &[Han], Some(W::Cmn)),
    info("cym", "Welsh", &[Latin], Some(W::Cym)),
    info("dan", "Danish", &[Latin], Some(W::Dan)),
    info("deu", "German", &[Latin], Some(W::Deu)),
    info("div", "Dhivehi", &[Thaana], None),
    info("dzo", "Dzongkha", &[Tibetan], None),
    info("ell", "Greek", &[Greek], Some(W::Ell)),
    info("eng", "English", &[Latin], Some(W::Eng)),
    info("epo", "Esperanto", &[Latin], Some(W::Epo)),
    info("est", "Estonian", &[Latin], Some(W::Est)),
    info("eus", "Basque", &[Latin], None),
    info("ewe", "Ewe", &[Latin], None),
    info("fao", "Faroese", &[Latin], None),
    info("fij", "Fijian", &[Latin], None),
    info("fin", "Finnish", &[Latin], Some(W::Fin)),
    info("fra", "French", &[Latin], Some(W::Fra)),
    info("fuc", "Pulaar", &[Latin], None),
    info("gle", "Irish", &[Latin], None),
    info("glg", "Galician", &[Latin], None),
    info("guj", "Gujarati", &[Gujarati], Some(W::Guj)),
    info("hau", "Hausa", &[Latin], None),
    info("heb", "Hebrew", &[Hebrew], Some(W::Heb)),
    info("hin", "Hindi", &[Devanagari], Some(W::Hin)),
    info("hmn", "Hmong", &[Latin], None),
    info("hrv", "Croatian", &[Latin], Some(W::Hrv)),
    info("hun", "Hungarian", &[Latin], Some(W::Hun)),
    info("hye", "Armenian", &[Armenian], Some(W::Hye)),
    info("ibo", "Igbo", &[Latin], None),
    info("ind", "Indonesian", &[Latin], Some(W::Ind)),
    info("isl", "Icelandic", &[Latin], None),
    info("ita", "Italian", &[Latin], Some(W::Ita)),
    info("jav", "Javanese", &[Latin], Some(W::Jav)),
    info("jpn", "Japanese", &[Han, Hiragana, Katakana], Some(W::Jpn)),
    info("kan", "Kannada", &[Kannada], Some(W::Kan)),
    info("kat", "Georgian", &[Georgian], Some(W::Kat)),
    info("kaz", "Kazakh", &[Cyrillic], None),
    info("khm", "Khmer", &[Khmer], Some(W::Khm)),
    info("kin", "Kinyarwanda", &[Latin], None),
    info("kir", "Kyrgyz", &[Cyrillic], None),
    info("kmr", "Northern Kurdish", &[Latin], None),
    info("kor", "Korean", &[Hangul], Some(W::Kor)),
    info("lao", "Lao", &[Lao], None),
    info("lat", "Latin", &[Latin], Some(W::Lat)),
    info("lav", "Latvian", &[Latin], Some(W::Lav)),
    info("lit", "Lithuanian", &[Latin], Some(W::Lit)),
    info("ltz", "Luxembourgish", &[Latin], None),
    info("lug", "Ganda", &[Latin], None),
    info("mal", "Malayalam", &[Malayalam], Some(W::Mal)),
    info("mar", "Marathi", &[Devanagari], Some(W::Mar)),
    info("mey", "Hassaniya Arabic", &[Arabic], None),
    info("mkd", "Macedonian", &[Cyrillic], Some(W::Mkd)),
    info("mlg", "Malagasy", &[Latin], None),
    info("mlt", "Maltese", &[Latin], None),
    info("mon", "Mongolian", &[Cyrillic, Mongolian], None),
    info("mri", "Maori", &[Latin], None),
    info("msa", "Malay", &[Latin], None),
    info("mya", "Burmese", &[Myanmar], Some(W::Mya)),
    info("nde", "North Ndebele", &[Latin], None),
    info("nep", "Nepali", &[Devanagari], Some(W::Nep)),
    info("nld", "Dutch", &[Latin], Some(W::Nld)),
    info("nno", "Norwegian Nynorsk", &[Latin], None),
    info("nob", "Norwegian Bokmål", &[Latin], Some(W::Nob)),
    info("nso", "Northern Sotho", &[Latin], None),
    info("nya", "Chichewa", &[Latin], None),
    info("ori", "Odia", &[Oriya], Some(W::Ori)),
    info("orm", "Oromo", &[Latin], None),
    info("pan", "Punjabi", &[Gurmukhi], Some(W::Pan)),
    info("pes", "Persian", &[Arabic], Some(W::Pes)),
    info("pol", "Polish", &[Latin], Some(W::Pol)),
    info("por", "Portuguese", &[Latin], Some(W::Por)),
    info("prs", "Dari", &[Arabic], None),
    info("pus", "Pashto", &[Arabic], None),
    info("ron", "Romanian", &[Latin], Some(W::Ron)),
    info("rus", "Russian", &[Cyrillic], Some(W::Rus)),
    info("shi", "Tachelhit", &[Arabic, Tifinagh], None),
    info("sin", "Sinhala", &[Sinhala], Some(W::Sin)),
    info("slk", "Slovak", &[Latin], Some(W::Slk)),
    info("slv", "Slovenian", &[Latin], Some(W::Slv)),
    info("smo", "Samoan", &[Latin], None),
    info("sna", "Shona", &[Latin], Some(W::Sna)),
    info("snd", "Sindhi", &[Arabic], None),
    info("som", "Somali", &[Latin], None),
    info("sot", "Southern Sotho", &[Latin], None),
    info("spa", "Spanish", &[Latin], Some(W::Spa)),
    info("sqi", "Albanian", &[Latin], None),
    info("srp", "Serbian", &[Cyrillic, Latin], Some(W::Srp)),
    info("ssw", "Swati", &[Latin], None),
    info("swa", "Swahili", &[Latin], None),
    info("swe", "Swedish", &[Latin], Some(W::Swe)),
    info("tah", "Tahitian", &[Latin], None),
    info("tam", "Tamil", &[Tamil], Some(W::Tam)),
    info("tat", "Tatar", &[Cyrillic], None),
    info("tel", "Telugu", &[Telugu], Some(W::Tel)),
    info("tgk", "Tajik", &[Cyrillic], None),
    info("tgl", "Tagalog", &[Latin], Some(W::Tgl)),
    info("tha", "Thai", &[Thai], Some(W::Tha)),
    info("tir", "Tigrinya", &[Ethiopic], None),
    info("ton", "Tongan", &[Latin], None),
    info("tsn", "Tswana", &[Latin], None),
    info("tso", "Tsonga", &[Latin], None),
    info("tuk", "Turkmen", &[Latin], Some(W::Tuk)),
    info("tur", "Turkish", &[Latin], Some(W::Tur)),
    info("uig", "Uyghur", &[Arabic], None),
    info("ukr", "Ukrainian", &[Cyrillic], Some(W::Ukr)),
    info("urd", "Urdu", &[Arabic], Some(W::Urd)),
    info("uzb", "Uzbek", &[Latin], Some(W::Uzb)),
    info("ven", "Venda", &[Latin], None),
    info("vie", "Vietnamese", &[Latin], Some(W::Vie)),
    info("wol", "Wolof", &[Latin], None),
    info("xho", "Xhosa", &[Latin], None),
    info("yid", "Yiddish", &[Hebrew], Some(W::Yid)),
    info("yor", "Yoruba", &[Latin], None),
    info("yue", "Cantonese", &[Han], None),
    info("zul", "Zulu", &[Latin], Some(W::Zul)),
];

/// Other codes for wordmill's languages, in order: ISO 639-1 (and its withdrawn `iw`, `in`,
/// `ji`, `jw`, `mo`, which Java's `Locale` still writes), ISO 639-2/B, and the ISO 639-3
/// macrolanguage or individual language beside the code of wordmill's table (which follows
/// NTREX-128 and whatlang: `msa` for Malay, `pes` for Persian, `cmn` for Chinese).
/// Kurdish (`ku`, `kur`) is Northern Kurdish, the Kurdish most written in Latin script;
/// Fulah (`ff`, `ful`) is Pulaar, the one Fula language wordmill knows.
#[rustfmt::skip]
const ALIASES: &[(&str, &str)] = &[
    ("af", "afr"), ("ak", "aka"), ("alb", "sqi"), ("als", "sqi"), ("am", "amh"), ("ar", "ara"),
    ("arb", "ara"), ("arm", "hye"), ("az", "aze"), ("azj", "aze"), ("ba", "bak"), ("baq", "eus"),
    ("be", "bel"), ("bg", "bul"), ("bn", "ben"), ("bo", "bod"), ("bs", "bos"), ("bur", "mya"),
    ("ca", "cat"), ("chi", "cmn"), ("cs", "ces"), ("cy", "cym"), ("cze", "ces"), ("da", "dan"),
    ("de", "deu"), ("dut", "nld"), ("dv", "div"), ("dz", "dzo"), ("ee", "ewe"), ("ekk", "est"),
    ("el", "ell"), ("en", "eng"), ("eo", "epo"), ("es", "spa"), ("et", "est"), ("eu", "eus"),
    ("fa", "pes"), ("fas", "pes"), ("ff", "fuc"), ("fi", "fin"), ("fil", "tgl"), ("fj", "fij"),
    ("fo", "fao"), ("fr", "fra"), ("fre", "fra"), ("ful", "fuc"), ("ga", "gle"), ("gaz", "orm"),
    ("geo", "kat"), ("ger", "deu"), ("gl", "glg"), ("gre", "ell"), ("gu", "guj"), ("ha", "hau"),
    ("he", "heb"), ("hi", "hin"), ("hr", "hrv"), ("hu", "hun"), ("hy", "hye"), ("ice", "isl"),
    ("id", "ind"), ("ig", "ibo"), ("in", "ind"), ("is", "isl"), ("it", "ita"), ("iw", "heb"),
    ("ja", "jpn"), ("ji", "yid"), ("jv", "jav"), ("jw", "jav"), ("ka", "kat"), ("khk", "mon"),
    ("kk", "kaz"), ("km", "khm"), ("kn", "kan"), ("ko", "kor"), ("ku", "kmr"), ("kur", "kmr"),
    ("ky", "kir"), ("la", "lat"), ("lb", "ltz"), ("lg", "lug"), ("lo", "lao"), ("lt", "lit"),
    ("lv", "lav"), ("lvs", "lav"), ("mac", "mkd"), ("mao", "mri"), ("may", "msa"), ("mg", "mlg"),
    ("mi", "mri"), ("mk", "mkd"), ("ml", "mal"), ("mn", "mon"), ("mo", "ron"), ("mol", "ron"),
    ("mr", "mar"), ("ms", "msa"), ("mt", "mlt"), ("my", "mya"), ("nb", "nob"), ("nd", "nde"),
    ("ne", "nep"), ("nl", "nld"), ("nn", "nno"), ("no", "nob"), ("nor", "nob"), ("npi", "nep"),
    ("ny", "nya"), ("om", "orm"), ("or", "ori"), ("ory", "ori"), ("pa", "pan"), ("pbt", "pus"),
    ("per", "pes"), ("pl", "pol"), ("plt", "mlg"), ("ps", "pus"), ("pt", "por"), ("ro", "ron"),
    ("ru", "rus"), ("rum", "ron"), ("rw", "kin"), ("sd", "snd"), ("si", "sin"), ("sk", "slk"),
    ("sl", "slv"), ("slo", "slk"), ("sm", "smo"), ("sn", "sna"), ("so", "som"), ("sq", "sqi"),
    ("sr", "srp"), ("ss", "ssw"), ("st", "sot"), ("sv", "swe"), ("sw", "swa"), ("swh", "swa"),
    ("ta", "tam"), ("te", "tel"), ("tg", "tgk"), ("th", "tha"), ("ti", "tir"), ("tib", "bod"),
    ("tk", "tuk"), ("tl", "tgl"), ("tn", "tsn"), ("to", "ton"), ("tr", "tur"), ("ts", "tso"),
    ("tt", "tat"), ("tw", "aka"), ("twi", "aka"), ("ty", "tah"), ("ug", "uig"), ("uk", "ukr"),
    ("ur", "urd"), ("uz", "uzb"), ("uzn", "uzb"), ("ve", "ven"), ("vi", "vie"), ("wel", "cym"),
    ("wo", "wol"), ("xh", "xho"), ("ydd", "yid"), ("yi", "yid"), ("yo", "yor"), ("zh", "cmn"),
    ("zho", "cmn"), ("zsm", "msa"), ("zu", "zul"),
];

/// BCP 47 tags whose second subtag, a region or a script, names another of wordmill's
/// languages than their first alone (given by its code in wordmill's table, whatever code
/// the tag used): Dari is Persian of Afghanistan (`fa-AF`), Sorani is Kurdish in Arabic
/// script (`ku-Arab`). (An extended language subtag, `zh-yue`, names its language itself.)
const TAGS: &[(&str, &str, &str)] = &[("pes", "af", "prs"), ("kmr", "arab", "ckb")];

/// The languages (by their code in wordmill's table) whose codes are also those of a
/// macrolanguage with extended language subtags in BCP 47: Chinese (`zh`), Arabic (`ar`),
/// Malay (`ms`), Swahili (`sw`), Persian (`fa`), Kurdish (`ku`), Nepali (`ne`), Uzbek (`uz`).
const MACROLANGUAGES: &[&str] = &["cmn", "ara", "msa", "swa", "pes", "kmr", "nep", "uzb"];

impl Lang {
    /// Undetermined: too little text, or no language could be told with confidence.
    pub const UND: Lang = Lang(0);

    /// How many values [`Lang::index`] takes: the 129 languages and `und`.
    pub const COUNT: usize = LANGS.len();

    /// The language with this code, at compile time (a code not in the table does not
    /// compile).
    pub(crate) const fn known(code: &str) -> Lang {
        let code = code.as_bytes();
        let mut i = 0;
        while i < LANGS.len() {
            let other = LANGS[i].code.as_bytes();
            if other.len() == code.len()
                && other[0] == code[0]
                && other[1] == code[1]
                && other[2] == code[2]
            {
                return Lang(i as u8);
            }
            i += 1;
        }
        panic!("not a language of the table")
    }

    /// The language with this code, `und` included: an ISO 639-3 code (`"eng"`), the codes
    /// other standards and tools use for it (ISO 639-1 `"en"`, ISO 639-2/B `"ger"`, the
    /// macrolanguage or individual language of the 639-3 code wordmill uses: `"zho"` and
    /// `"zh"` for Mandarin, `"fas"` and `"fa"` for Persian, `"nor"` and `"no"` for Bokmål,
    /// `"zsm"` for Malay), or a BCP 47 tag or locale whose first subtag is one of those
    /// (`"pt-BR"`, `"sr-Latn"`, `"en_US"`: the other subtags are not checked, but for the
    /// tags that name another language: `fa-AF` Dari, `ku-Arab` Sorani, and an extended
    /// language subtag, `zh-yue` Cantonese, `zh-min-nan` Min Nan, which wordmill does not
    /// know).
    /// Case-insensitive, surrounding whitespace ignored. [`Lang::code`] is always the 639-3
    /// code of wordmill's table.
    ///
    /// ```
    /// use wordmill::Lang;
    ///
    /// let german = Lang::from_code("deu");
    /// assert!(german.is_some());
    /// for other in ["de", "DE", "ger", "de-CH", "de_DE"] {
    ///     assert_eq!(Lang::from_code(other), german);
    /// }
    /// assert_eq!(Lang::from_code("zh-Hant").map(Lang::code), Some("cmn"));
    /// assert_eq!(Lang::from_code("fa").map(Lang::code), Some("pes"));
    /// assert_eq!(Lang::from_code("zh-yue").map(Lang::code), Some("yue"));
    /// assert_eq!(Lang::from_code("zh-min-nan"), None);
    /// assert_eq!(Lang::from_code("xx"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Lang> {
        let mut subtags = code.trim().split(['-', '_']);
        let lang = Lang::from_language_subtag(subtags.next()?)?;
        let second = subtags.clone().next();
        if !subtags
            .all(|t| (1..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric()))
        {
            return None;
        }
        // After a macrolanguage, a second subtag of three letters is an extended language
        // subtag, which names the language itself (`zh-yue` Cantonese, `ar-arb`): that
        // language. One wordmill does not know is no Chinese it knows (`zh-min-nan` Min Nan,
        // `zh-hak` Hakka are not Mandarin); after another macrolanguage, and after any other
        // language, three letters are taken for a country, as data writes them (`en-USA`,
        // `fr-BEL`, `ms-MYS`).
        if MACROLANGUAGES.contains(&lang.code())
            && let Some(extended) =
                second.filter(|s| s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphabetic()))
        {
            match Lang::from_language_subtag(extended) {
                Some(named) => return Some(named),
                None if lang.code() == "cmn" => return None,
                None => {}
            }
        }
        let tagged = TAGS.iter().find(|(language, subtag, _)| {
            lang.code() == *language && second.is_some_and(|s| s.eq_ignore_ascii_case(subtag))
        });
        match tagged {
            Some(&(_, _, other)) => Lang::from_language_subtag(other),
            None => Some(lang),
        }
    }

    /// The language of a code of two or three letters: wordmill's own, or one of [`ALIASES`].
    fn from_language_subtag(code: &str) -> Option<Lang> {
        let mut lower = [0u8; 3];
        let lower = match code.as_bytes() {
            bytes @ ([_, _] | [_, _, _]) => {
                for (to, from) in lower.iter_mut().zip(bytes) {
                    *to = from.to_ascii_lowercase();
                }
                &lower[..bytes.len()]
            }
            _ => return None,
        };
        if lower == b"und" {
            return Some(Lang::UND);
        }
        let canonical = match ALIASES.binary_search_by(|(alias, _)| alias.as_bytes().cmp(lower)) {
            Ok(i) => ALIASES[i].1.as_bytes(),
            Err(_) => lower,
        };
        LANGS[1..]
            .binary_search_by(|info| info.code.as_bytes().cmp(canonical))
            .ok()
            .map(|i| Lang(i as u8 + 1))
    }

    /// The ISO 639-3 code: `"eng"`, or `"und"` when undetermined.
    pub fn code(self) -> &'static str {
        self.info().code
    }

    /// The language's name in English (`"Undetermined"` for [`Lang::UND`]).
    pub fn english_name(self) -> &'static str {
        self.info().name
    }

    /// The scripts wordmill detects the language in (none for `und`).
    ///
    /// ```
    /// use wordmill::{Lang, Script};
    ///
    /// let serbian: Lang = "srp".parse()?;
    /// assert_eq!(serbian.scripts(), [Script::Cyrillic, Script::Latin]);
    /// # Ok::<(), wordmill::Error>(())
    /// ```
    pub fn scripts(self) -> &'static [Script] {
        self.info().scripts
    }

    /// True for [`Lang::UND`].
    pub fn is_undetermined(self) -> bool {
        self.0 == 0
    }

    /// Every language wordmill knows (129), in order of code, not including `und`.
    pub fn all() -> impl ExactSizeIterator<Item = Lang> + Clone {
        (1..LANGS.len() as u8).map(Lang)
    }

    /// A dense index for per-language tables: 0 for `und`, then the languages in order of
    /// code, up to [`Lang::COUNT`] − 1.
    ///
    /// ```
    /// use wordmill::Lang;
    ///
    /// let mut documents = [0u32; Lang::COUNT];
    /// documents["eng".parse::<Lang>()?.index()] += 1;
    /// assert_eq!(Lang::from_index(Lang::UND.index()), Some(Lang::UND));
    /// # Ok::<(), wordmill::Error>(())
    /// ```
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The language of an [`index`](Lang::index), `None` past [`Lang::COUNT`].
    pub fn from_index(index: usize) -> Option<Lang> {
        (index < LANGS.len()).then_some(Lang(index as u8))
    }

    /// The same language in whatlang, when whatlang knows it.
    pub(crate) fn whatlang(self) -> Option<whatlang::Lang> {
        self.info().whatlang
    }

    fn info(self) -> &'static Info {
        // Every `Lang` is made from an index into the table.
        &LANGS[self.0 as usize]
    }
}

/// Languages the crate names in its own rules.
impl Lang {
    pub(crate) const AZE: Lang = Lang::known("aze");
    pub(crate) const BOS: Lang = Lang::known("bos");
    pub(crate) const CMN: Lang = Lang::known("cmn");
    pub(crate) const HRV: Lang = Lang::known("hrv");
    pub(crate) const JPN: Lang = Lang::known("jpn");
    pub(crate) const KOR: Lang = Lang::known("kor");
    pub(crate) const PES: Lang = Lang::known("pes");
    pub(crate) const PRS: Lang = Lang::known("prs");
    pub(crate) const RUS: Lang = Lang::known("rus");
    pub(crate) const SRP: Lang = Lang::known("srp");
    pub(crate) const TUR: Lang = Lang::known("tur");
    pub(crate) const URD: Lang = Lang::known("urd");
    pub(crate) const YUE: Lang = Lang::known("yue");
}

impl From<whatlang::Lang> for Lang {
    fn from(lang: whatlang::Lang) -> Self {
        // Every whatlang language is in the table (a test checks it).
        Lang::from_code(lang.code()).unwrap_or(Lang::UND)
    }
}

impl FromStr for Lang {
    type Err = Error;

    fn from_str(code: &str) -> Result<Self, Error> {
        Lang::from_code(code).ok_or_else(|| Error::UnknownLanguage(code.to_owned()))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Ordered by code, so that maps keyed by language print alphabetically.
impl Ord for Lang {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.code().cmp(other.code())
    }
}

impl PartialOrd for Lang {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Lang::from_code(&code).ok_or_else(|| {
            serde::de::Error::custom(format_args!(
                "unknown language code {code:?}: expected an ISO 639-3 code such as \"eng\""
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_complete() {
        assert_eq!(Lang::all().len(), 129);
        assert!(LANGS[1..].windows(2).all(|w| w[0].code < w[1].code));
        for (i, info) in LANGS.iter().enumerate() {
            assert_eq!(info.code.len(), 3);
            assert!(info.code.bytes().all(|b| b.is_ascii_lowercase()));
            assert_eq!(info.scripts.is_empty(), i == 0, "{}", info.code);
        }
    }

    #[test]
    fn codes_round_trip_for_every_language() {
        for lang in Lang::all() {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(Lang::from_index(lang.index()), Some(lang));
            assert!(lang.index() > 0 && lang.index() < Lang::COUNT);
        }
        assert_eq!(Lang::all().len() + 1, Lang::COUNT);
        assert_eq!(Lang::from_code("und"), Some(Lang::UND));
        assert_eq!(Lang::from_code(" ENG "), Lang::from_code("eng"));
        for bad in [
            "", "e", "engl", "xyz", "é", "ün", "xx", "en-", "en--us", "-en", "en-ü",
        ] {
            assert_eq!(Lang::from_code(bad), None, "{bad:?}");
        }
        assert_eq!(Lang::from_index(Lang::COUNT), None);
    }

    /// The codes users bring from other tools: ISO 639-1, 639-2/B, macrolanguages, locales.
    #[test]
    fn other_codes_name_the_same_language() {
        let code = |c: &str| Lang::from_code(c).map(Lang::code);
        for (other, ours) in [
            ("en", "eng"),
            ("EN", "eng"),
            ("en-US", "eng"),
            ("en_GB", "eng"),
            ("zh", "cmn"),
            ("zh-Hant", "cmn"),
            ("zho", "cmn"),
            ("fa", "pes"),
            ("fas", "pes"),
            ("per", "pes"),
            ("no", "nob"),
            ("nor", "nob"),
            ("nn", "nno"),
            ("ms", "msa"),
            ("zsm", "msa"),
            ("sr-Latn", "srp"),
            ("sw", "swa"),
            ("swh", "swa"),
            ("arb", "ara"),
            ("fil", "tgl"),
            ("ekk", "est"),
            ("lvs", "lav"),
            ("ger", "deu"),
            ("pt-BR", "por"),
            ("und-Latn", "und"),
            ("iw", "heb"),
            ("in", "ind"),
            ("fa-AF", "prs"),
            ("ku-Arab", "ckb"),
            ("ku-Latn", "kmr"),
            ("zh-yue", "yue"),
            ("zho-yue", "yue"),
            ("per-AF", "prs"),
            ("kur-arab", "ckb"),
            ("zh-Hant", "cmn"),
            // Found by a tester: Twi (of Akan) and Moldavian by their three-letter codes as
            // by their two-letter ones; extended language subtags.
            ("twi", "aka"),
            ("mol", "ron"),
            ("zh-cmn-Hans", "cmn"),
            ("ar-arb", "ara"),
            ("ms-zsm", "msa"),
        ] {
            assert_eq!(code(other), Some(ours), "{other}");
        }
        // An extended language subtag wordmill does not know is no language of its own:
        // Min Nan and Hakka are not Mandarin.
        for other in ["zh-min-nan", "zh-hak", "zh-wuu"] {
            assert_eq!(code(other), None, "{other}");
        }
        // After another language three letters are a country (found by a reviewer: `fr-BEL`
        // was Belarusian, `en-USA` nothing).
        for (tag, ours) in [
            ("en-USA", "eng"),
            ("pt-BRA", "por"),
            ("fr-BEL", "fra"),
            ("es-PER", "spa"),
            ("sv-FIN", "swe"),
            ("ms-MYS", "msa"),
        ] {
            assert_eq!(code(tag), Some(ours), "{tag}");
        }
        // The table is sorted (it is searched), names only languages of wordmill's table,
        // and never shadows one of its codes.
        assert!(ALIASES.windows(2).all(|w| w[0].0 < w[1].0));
        for (alias, target) in ALIASES {
            assert!(LANGS.iter().any(|info| info.code == *target), "{target}");
            assert!(LANGS.iter().all(|info| info.code != *alias), "{alias}");
        }
        for (language, _, other) in TAGS {
            assert!(
                LANGS.iter().any(|info| info.code == *language),
                "{language}"
            );
            assert!(LANGS.iter().any(|info| info.code == *other), "{other}");
        }
    }

    #[test]
    fn every_whatlang_code_still_parses_to_the_same_language() {
        for &w in whatlang::Lang::all() {
            let lang = Lang::from_code(w.code()).expect("a whatlang code");
            assert_eq!(lang.whatlang(), Some(w));
            assert_eq!(Lang::from(w), lang);
        }
        let known = Lang::all().filter(|l| l.whatlang().is_some()).count();
        assert_eq!(known, whatlang::Lang::all().len());
    }

    #[test]
    fn the_new_languages_have_their_codes() {
        for (code, name) in [
            ("swa", "Swahili"),
            ("msa", "Malay"),
            ("nno", "Norwegian Nynorsk"),
            ("lug", "Ganda"),
            ("tso", "Tsonga"),
            ("yue", "Cantonese"),
            ("bod", "Tibetan"),
        ] {
            assert_eq!(Lang::from_code(code).map(Lang::english_name), Some(name));
        }
        assert_eq!(Lang::known("tur").code(), "tur");
    }

    #[test]
    fn orders_by_code_and_serializes_as_code() {
        let mut langs: Vec<Lang> = ["zul", "und", "afr", "urd", "uig"]
            .iter()
            .map(|c| c.parse().unwrap())
            .collect();
        langs.sort();
        let codes: Vec<&str> = langs.iter().map(|l| l.code()).collect();
        assert_eq!(codes, ["afr", "uig", "und", "urd", "zul"]);
        let lang = Lang::from_code("ara").unwrap();
        assert_eq!(serde_json::to_string(&lang).unwrap(), "\"ara\"");
        assert_eq!(serde_json::from_str::<Lang>("\"und\"").unwrap(), Lang::UND);
        assert_eq!(
            serde_json::from_str::<Lang>("\"tso\"").unwrap().code(),
            "tso"
        );
        assert!(serde_json::from_str::<Lang>("\"zzz\"").is_err());
    }
}
