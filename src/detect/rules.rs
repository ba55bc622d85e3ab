//! What the script decides without a model: the languages each script can be, the
//! one-language scripts, Japanese, Korean and Chinese by their characters, and the priors
//! of languages that share a script with a far more written neighbour.
//!
//! The ambiguities these rules accept are listed in the [module documentation](super).

use std::sync::OnceLock;

use super::chars::{DETECTED, script_of_slot};
use super::han_forms;
use crate::{Lang, Script};

/// The languages written in each detected script (by slot; see [`chars`](super::chars)),
/// in order of code.
pub(crate) fn script_langs(slot: u8) -> &'static [Lang] {
    static BY_SLOT: OnceLock<Vec<Vec<Lang>>> = OnceLock::new();
    let by_slot = BY_SLOT.get_or_init(|| {
        (0..=DETECTED.len() as u8)
            .map(|slot| match script_of_slot(slot) {
                Some(script) => Lang::all()
                    .filter(|l| l.scripts().contains(&script))
                    .collect(),
                None => Vec::new(),
            })
            .collect()
    });
    by_slot.get(usize::from(slot)).map_or(&[], Vec::as_slice)
}

/// How sure the script alone makes its one language. Every script but Tifinagh writes
/// only one of wordmill's languages; Tifinagh writes several Berber languages, of which
/// Tachelhit is the only one wordmill knows.
pub(crate) fn single_script_confidence(script: Script) -> f64 {
    match script {
        Script::Tifinagh => 0.5,
        _ => 1.0,
    }
}

/// Characters that only Cantonese writes (particles and pronouns of spoken Cantonese).
/// `係` ("is") counts too, except in `關係`/`联系` ("relation"), which Mandarin writes.
const CANTONESE: [char; 28] = [
    '嘅', '咗', '喺', '冇', '佢', '哋', '嘢', '啲', '嗰', '嚟', '噉', '攞', '嘥', '喎', '㗎', '嚿',
    '搵', '揾', '諗', '冚', '啱', '睇', '畀', '咁', '乜', '咩', '唔', '嘞',
];

/// Han text with at least one Cantonese character per this many Han characters is
/// Cantonese (a long Mandarin text quoting one Cantonese word stays Mandarin).
const HAN_PER_CANTONESE: usize = 200;
/// Han characters from which Chinese is said with full confidence (0.9, below which 0.6:
/// a few kanji can be Japanese, a few hanja Korean).
const SURE_HAN: usize = 8;

/// Characters of the scripts of East Asia in a text (or a run).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Cjk {
    pub(crate) han: usize,
    pub(crate) hiragana: usize,
    pub(crate) katakana: usize,
    pub(crate) hangul: usize,
    pub(crate) cantonese: usize,
    /// Han characters that only Japanese writes (its own simplified forms: 駅 気 経 対).
    pub(crate) japanese_only: usize,
    /// Han characters that Japanese does not write (Chinese simplified forms, and the
    /// traditional forms Japan replaced: 们 这 说 說 歲).
    pub(crate) chinese_only: usize,
    /// Simplified forms, which Korean hanja never are (们 这 说 门).
    pub(crate) simplified: usize,
}

/// The Cantonese-only characters of the block of [`han_forms`], as a table like its own.
static CANTONESE_TABLE: [u64; han_forms::WORDS] = {
    let mut table = [0u64; han_forms::WORDS];
    let mut k = 0;
    while k < CANTONESE.len() {
        let c = CANTONESE[k] as u32;
        if c >= han_forms::FIRST && c - han_forms::FIRST < han_forms::SPAN {
            let i = (c - han_forms::FIRST) as usize;
            table[i / 64] |= 1 << (i % 64);
        }
        k += 1;
    }
    table
};

/// Cantonese-only characters outside that block (CJK Extension A).
const CANTONESE_BEYOND: [char; 1] = ['㗎'];

impl Cjk {
    /// Counts the characters of `text`.
    pub(crate) fn count(text: &str) -> Cjk {
        let mut counts = Cjk::default();
        counts.add(text);
        counts
    }

    /// Adds the characters of `text`.
    pub(crate) fn add(&mut self, text: &str) {
        let mut previous = ' ';
        for c in text.chars().filter(|c| !c.is_ascii()) {
            // The CJK Unified Ideographs block (every code point of it is assigned, all Han)
            // needs no script lookup: most Han characters of any text are there.
            let i = (c as u32).wrapping_sub(han_forms::FIRST) as usize;
            let script = if i < han_forms::SPAN as usize {
                Some(Script::Han)
            } else {
                Script::of(c)
            };
            match script {
                Some(Script::Han) => {
                    self.han += 1;
                    // One look at three tables: nearly every Han character is in their block.
                    let cantonese = if let Some(&cantonese) = CANTONESE_TABLE.get(i / 64) {
                        let bit = 1u64 << (i % 64);
                        self.japanese_only +=
                            usize::from(han_forms::JAPANESE_ONLY[i / 64] & bit != 0);
                        self.chinese_only +=
                            usize::from(han_forms::CHINESE_ONLY[i / 64] & bit != 0);
                        self.simplified +=
                            usize::from(han_forms::SIMPLIFIED_ONLY[i / 64] & bit != 0);
                        cantonese & bit != 0
                    } else {
                        CANTONESE_BEYOND.contains(&c)
                    };
                    let cantonese = cantonese
                        || (c == '係' && !matches!(previous, '關' | '联' | '聯' | '关' | '関'));
                    self.cantonese += usize::from(cantonese);
                }
                Some(Script::Hiragana) => self.hiragana += 1,
                Some(Script::Katakana) => self.katakana += 1,
                Some(Script::Hangul) => self.hangul += 1,
                _ => {}
            }
            previous = c;
        }
    }

    /// More forms only Japanese writes than forms Japanese does not write: two at least, or
    /// one in a word of at most [`FEW_HAN_FOR_ONE_FORM`] characters (駅, 気 alone could be a
    /// variant that a Hong Kong name or a Chinese font writes; 東京駅 is Japanese).
    pub(crate) fn says_japanese(&self) -> bool {
        self.japanese_only > self.chinese_only
            && (self.japanese_only >= 2 || self.han <= FEW_HAN_FOR_ONE_FORM)
    }

    /// Whether the characters are Chinese's simplified forms, not hanja: two of them, or
    /// one in a text of a few characters.
    pub(crate) fn says_simplified(&self) -> bool {
        self.simplified >= 2 || (self.simplified == 1 && self.han <= FEW_HAN_FOR_ONE_FORM)
    }

    /// More forms Japanese does not write than forms only Japanese writes.
    pub(crate) fn says_chinese(&self) -> bool {
        self.chinese_only > self.japanese_only
    }

    pub(crate) fn kana(&self) -> usize {
        self.hiragana + self.katakana
    }

    /// The most frequent of Han, hiragana and katakana (Han on a tie): the script to report.
    pub(crate) fn main_script(&self) -> Script {
        if self.han >= self.hiragana.max(self.katakana) {
            Script::Han
        } else if self.hiragana >= self.katakana {
            Script::Hiragana
        } else {
            Script::Katakana
        }
    }
}

/// Han characters up to which one form of Japanese's own makes Han text Japanese.
const FEW_HAN_FOR_ONE_FORM: usize = 4;

/// Han characters up to which any kana make text Japanese (short text: what cannot lie).
const FEW_HAN: usize = 20;
/// Japanese writes about as many kana as Han characters (particles and endings in hiragana,
/// loanwords in katakana); Chinese writes no hiragana, and katakana only for a Japanese name
/// or brand now and then (ソニー, トヨタ): a Chinese article that names one, or quotes a
/// Japanese sentence, is still Chinese. Beyond [`FEW_HAN`], text is Japanese with a
/// hiragana per this many Han characters...
const HAN_PER_HIRAGANA: usize = 10;
/// ... or a katakana per this many.
const HAN_PER_KATAKANA: usize = 5;

/// Whether characters counted as `cjk` are Japanese by their kana: any kana among
/// [`FEW_HAN`] Han characters, and beyond them kana in proportion.
fn writes_japanese(cjk: &Cjk) -> bool {
    cjk.kana() > 0
        && cjk.hiragana * HAN_PER_HIRAGANA + cjk.katakana * HAN_PER_KATAKANA + FEW_HAN >= cjk.han
}

/// Han characters from which a sentence without kana in Japanese text is Chinese: a
/// Japanese sentence of this length without a kana (particles, verb endings) is a heading or
/// a list of names at most, rare in running text.
const HAN_ONLY_SENTENCE: usize = 24;

/// The language of one sentence of a run of Han and kana whose language is `run`, when its
/// own characters say for sure that it is another (see `spans::split_cjk_sentences`). `None`
/// when the sentence says nothing of its own.
///
/// - Hiragana (particles, endings: every Japanese sentence but a heading has some) make a
///   sentence Japanese; in Chinese text, not a hiragana or two among many Han characters
///   with more forms Japanese does not write than forms of its own (`経済産業省の発表` named
///   in a Chinese sentence). Katakana alone in a Chinese sentence are a Japanese name.
/// - In Japanese text, a sentence without hiragana is Chinese when more of its characters
///   are forms Japanese does not write than forms only Japanese writes
///   (`他说：这是真的，我们都知道。`), or when it is long, of Han alone and without a form of
///   Japanese's own (a heading of kanji stays Japanese; it may hold 係, as in 係長). Cantonese
///   when it has a Cantonese-only character.
/// - In Chinese text, a sentence is Japanese by two forms of Japanese's own and more of them
///   than of forms Japanese does not write (`経済産業省発表資料`), Cantonese by a
///   Cantonese-only character.
pub(crate) fn label_cjk_sentence(sentence: &Cjk, run: Lang) -> Option<(Lang, Script, f64)> {
    if sentence.hiragana > 0
        && (run == Lang::JPN || writes_japanese(sentence) || !sentence.says_chinese())
    {
        return Some((Lang::JPN, sentence.main_script(), 1.0));
    }
    let chinese = || {
        let lang = if sentence.cantonese > 0 {
            Lang::YUE
        } else {
            Lang::CMN
        };
        (lang, Script::Han, 0.9)
    };
    if run == Lang::JPN {
        let long_han_only = sentence.kana() == 0
            && sentence.han >= HAN_ONLY_SENTENCE
            && sentence.japanese_only == 0;
        return (sentence.says_chinese() || long_han_only).then(chinese);
    }
    if sentence.japanese_only >= 2 && sentence.says_japanese() {
        return Some((Lang::JPN, sentence.main_script(), 0.9));
    }
    (sentence.cantonese > 0).then_some((Lang::YUE, Script::Han, 0.9))
}

/// The language of a run of Han and kana, from its own characters and those of the whole
/// text (`text`), among the allowed (`allowed(lang)`): what cannot lie.
///
/// - Kana in the run, or Han in a text with kana: Japanese (Chinese writes no kana), unless
///   they are too few for Japanese text beside many Han characters (a Japanese brand named
///   in a Chinese article: `writes_japanese`), or the run has more forms Japanese does not
///   write than forms of Japanese's own (a Chinese sentence in Japanese text).
/// - Han in a text with at least half as much Hangul as Han: Korean (hanja), unless the run
///   has simplified forms, which hanja never are (a Chinese sentence in Korean text).
/// - Han with more of Japanese's own forms (駅 気 経 対) than of forms Japanese does not
///   write (们 这 說): Japanese, even in two characters (`気象`); again not a run that
///   says Chinese by its own.
/// - Han with Cantonese-only characters (one per 200 Han characters): Cantonese.
/// - Other Han: Mandarin Chinese, less surely below 8 characters.
///
/// With one allowed language that writes Han, a run of Han alone (no kana, and not the hanja
/// of Korean text) is that language at confidence 1, as a script with one allowed language
/// is that language (`Detector::allowlist`): with Cantonese alone allowed, Chinese text is
/// Cantonese. Kana are Japanese's alone, whatever is allowed.
///
/// Returns the language, the script to report (the run's most frequent of Han, hiragana and
/// katakana) and the confidence; `None` when the answer is not allowed and no single allowed
/// language writes the run's script.
pub(crate) fn label_cjk(
    run: &Cjk,
    text: &Cjk,
    allowed: impl Fn(Lang) -> bool,
) -> Option<(Lang, Script, f64)> {
    let script = run.main_script();
    // A run of Han that says Chinese by its own forms is not Japanese for its neighbours' kana
    // (a Chinese sentence cut off by a Latin name in a text with Japanese sentences).
    let own_chinese = run.says_chinese();
    let (lang, confidence) = if writes_japanese(run) {
        (Lang::JPN, 1.0)
    } else if writes_japanese(text) && !own_chinese {
        (Lang::JPN, 0.9)
    } else if 2 * text.hangul >= text.han && !run.says_simplified() {
        (Lang::KOR, 0.9)
    } else if text.says_japanese() && !own_chinese {
        (Lang::JPN, 0.9)
    } else if text.cantonese * HAN_PER_CANTONESE >= text.han.max(HAN_PER_CANTONESE) {
        (Lang::YUE, 0.9)
    } else if run.han >= SURE_HAN {
        (Lang::CMN, 0.9)
    } else {
        (Lang::CMN, 0.6)
    };
    if run.kana() == 0 && lang != Lang::KOR {
        let mut writers = [Lang::CMN, Lang::YUE, Lang::JPN]
            .into_iter()
            .filter(|&l| allowed(l));
        if let (Some(only), None) = (writers.next(), writers.next()) {
            return Some((only, Script::Han, 1.0));
        }
    }
    allowed(lang).then_some((lang, script, confidence))
}

/// Prior log-odds, in nats, of languages that share a script with a close language far more
/// often written: on text that could be either (a few words), the common one is the better
/// guess; a sentence of clear evidence outweighs them. Each applies only when one of the
/// languages it is weighed against is a candidate. Chosen on NTREX lines 2 mod 7 with a model
/// trained on lines 0, 3 to 6 (the research report in the project's history); Tachelhit's
/// (its NTREX text is in the Arabic script, full of Arabic words) is Hassaniya's, set when
/// Arabic messages of Debian's programs came out Tachelhit: on those lines it costs
/// Tachelhit's two-word snippets what it gains Arabic's and Hassaniya's, and Arabic is
/// written far more (docs/detection.md, stop 42, has the figures).
fn priors() -> &'static [(Lang, f32, [Lang; 2])] {
    static PRIORS: OnceLock<Vec<(Lang, f32, [Lang; 2])>> = OnceLock::new();
    PRIORS.get_or_init(|| {
        let l = |code: &str| Lang::from_code(code).unwrap_or(Lang::UND);
        [
            ("prs", -6.0, ["pes", "pes"]),
            ("mey", -6.0, ["ara", "ara"]),
            ("shi", -6.0, ["ara", "ara"]),
            ("nde", -6.0, ["zul", "xho"]),
            ("ssw", -6.0, ["zul", "xho"]),
            ("glg", -6.0, ["spa", "por"]),
            ("ltz", -6.0, ["deu", "deu"]),
            ("fao", -6.0, ["isl", "isl"]),
            ("bos", -2.0, ["hrv", "srp"]),
            ("msa", -2.0, ["ind", "ind"]),
            ("nno", -2.0, ["nob", "nob"]),
        ]
        .iter()
        .map(|&(lang, nats, against)| (l(lang), nats, against.map(l)))
        .collect()
    })
}

/// Serbian in Latin letters against Croatian and Bosnian: most Latin-script text of the
/// three is Croatian or Bosnian (Serbian is written in both scripts).
const LATIN_SERBIAN_PRIOR: f32 = -2.0;

/// The languages that Serbian in Latin letters is told from by little (see
/// [`LATIN_SERBIAN_PRIOR`] and `settle`'s Serbian in both alphabets).
pub(crate) const LATIN_SERBIAN_NEIGHBOURS: [Lang; 2] = [Lang::HRV, Lang::BOS];

/// The prior of `lang` in `script` when `is_candidate` tells the other candidates.
pub(crate) fn prior(lang: Lang, script: Script, is_candidate: impl Fn(Lang) -> bool) -> f32 {
    let mut nats = 0.0;
    if let Some((_, p, against)) = priors().iter().find(|(l, _, _)| *l == lang)
        && against.iter().any(|&a| is_candidate(a))
    {
        nats += p;
    }
    if lang == Lang::SRP
        && script == Script::Latin
        && LATIN_SERBIAN_NEIGHBOURS.iter().any(|&a| is_candidate(a))
    {
        nats += LATIN_SERBIAN_PRIOR;
    }
    nats
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::chars::slot;

    fn lang(code: &str) -> Lang {
        code.parse().unwrap()
    }

    #[test]
    fn scripts_have_their_languages() {
        let codes =
            |s: Script| -> Vec<&str> { script_langs(slot(s)).iter().map(|l| l.code()).collect() };
        assert_eq!(codes(Script::Ethiopic), ["amh", "tir"]);
        assert_eq!(codes(Script::Tibetan), ["bod", "dzo"]);
        assert_eq!(codes(Script::Hebrew), ["heb", "yid"]);
        assert_eq!(codes(Script::Devanagari), ["hin", "mar", "nep"]);
        assert_eq!(codes(Script::Thaana), ["div"]);
        assert_eq!(codes(Script::Han), ["cmn", "jpn", "yue"]);
        assert_eq!(script_langs(slot(Script::Latin)).len(), 78);
        assert_eq!(script_langs(slot(Script::Cyrillic)).len(), 12);
        assert!(script_langs(0).is_empty());
    }

    fn cjk(text: &str) -> Option<&'static str> {
        let counts = Cjk::count(text);
        label_cjk(&counts, &counts, |_| true).map(|(l, _, _)| l.code())
    }

    #[test]
    fn east_asian_characters_decide() {
        assert_eq!(cjk("東京で"), Some("jpn"));
        assert_eq!(cjk("カメラ"), Some("jpn"));
        assert_eq!(cjk("中国"), Some("cmn"));
        assert_eq!(cjk("佢哋喺度"), Some("yue"));
        assert_eq!(cjk("佢係老師"), Some("yue"));
        assert_eq!(cjk("他們在這裡"), Some("cmn"));
        assert_eq!(cjk("兩國關係良好"), Some("cmn"));
        // Han in a Japanese or Korean text.
        let han = Cjk::count("東京");
        let japanese = Cjk::count("東京へ行きました");
        let korean = Cjk::count("大韓民國 헌법");
        assert_eq!(label_cjk(&han, &japanese, |_| true).unwrap().0, Lang::JPN);
        assert_eq!(label_cjk(&han, &korean, |_| true).unwrap().0, Lang::KOR);
        // Two characters are said less surely than a sentence.
        let short = label_cjk(&han, &han, |_| true).unwrap();
        assert_eq!((short.0, short.1), (Lang::CMN, Script::Han));
        assert!(short.2 < 0.9);
        assert_eq!(label_cjk(&han, &han, |l| l != Lang::CMN), None);
        // One allowed language that writes Han: Han text is that language, whatever its
        // characters say (Cantonese alone allowed: Mandarin text is Cantonese; Japanese
        // alone: Chinese forms are Japanese); kana stay Japanese's alone.
        for only in [Lang::YUE, Lang::JPN, Lang::CMN] {
            let answer = label_cjk(&han, &han, |l| l == only);
            assert_eq!(answer, Some((only, Script::Han, 1.0)));
        }
        let kana = Cjk::count("ひらがなカタカナ");
        assert_eq!(label_cjk(&kana, &kana, |l| l == Lang::CMN), None);
        // Japanese of more kanji than kana is still Japanese: no other language's.
        let japanese = Cjk::count("日本政府は経済対策を発表した");
        assert_eq!(label_cjk(&japanese, &japanese, |l| l == Lang::CMN), None);
        // The hanja of Korean text stay Korean's where Korean is allowed.
        let hanja = Cjk::count("民主共和國");
        let text = Cjk::count("대한민국은 民主共和國이다");
        let korean_or = |other: Lang| move |l: Lang| l == Lang::KOR || l == other;
        assert_eq!(
            label_cjk(&hanja, &text, korean_or(Lang::JPN)).unwrap().0,
            Lang::KOR
        );
        assert_eq!(
            label_cjk(&hanja, &text, korean_or(Lang::CMN)).unwrap().0,
            Lang::KOR
        );
    }

    #[test]
    fn the_tables_block_is_han_throughout() {
        let first = han_forms::FIRST;
        for c in (first..first + han_forms::SPAN).filter_map(char::from_u32) {
            assert_eq!(Script::of(c), Some(Script::Han), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn cantonese_characters_are_all_in_the_table_or_beyond_it() {
        for c in CANTONESE {
            let counts = Cjk::count(&c.to_string());
            assert_eq!(counts.cantonese, 1, "{c}");
        }
        assert_eq!(Cjk::count("係").cantonese, 1);
        assert_eq!(Cjk::count("關係").cantonese, 0);
        assert_eq!(Cjk::count("中文的字").cantonese, 0);
        let beyond = CANTONESE
            .iter()
            .filter(|&&c| (c as u32).wrapping_sub(han_forms::FIRST) >= han_forms::SPAN)
            .count();
        assert_eq!(beyond, CANTONESE_BEYOND.len());
    }

    #[test]
    fn forms_of_one_writing_system_decide_han_alone() {
        // Japanese's own simplifications: Chinese writes 驿 or 驛, 气 or 氣, 经济 or 經濟.
        for japanese in ["東京駅", "気象庁", "日本経済新聞", "売買", "黒澤明"] {
            assert_eq!(cjk(japanese), Some("jpn"), "{japanese}");
        }
        // Simplified forms, and traditional ones Japan replaced (説 in Japanese).
        for chinese in ["我们这个", "他說這個問題很重要", "东京"] {
            assert_eq!(cjk(chinese), Some("cmn"), "{chinese}");
        }
        // Hong Kong and Taiwan: one form Japan writes too is not enough beside many Han
        // characters (啓德, Kai Tak, is Hong Kong's own spelling; 説 a variant of 說).
        for chinese in [
            "啓德郵輪碼頭今日重新開放",
            "政府宣佈啓德體育園將於明年落成",
            "他説這件事很重要",
            "香港天文台表示，颱風將於明日早上最接近本港，市民應提高警覺。陳峯先生表示支持。",
        ] {
            assert_eq!(cjk(chinese), Some("cmn"), "{chinese}");
        }
        // Characters both write say nothing: Chinese, less surely.
        assert_eq!(Cjk::count("漢字").japanese_only, 0);
        assert_eq!(Cjk::count("漢字").chinese_only, 0);
        // A Chinese run in a text of Japanese is Chinese by its own forms...
        let japanese = Cjk::count("東京へ行きました。日本の天気はいいです。");
        let run = Cjk::count("我们长期的天气预报显示");
        assert_eq!(label_cjk(&run, &japanese, |_| true).unwrap().0, Lang::CMN);
        // ... and a run of characters both write takes the text's kana.
        let run = Cjk::count("東京");
        assert_eq!(label_cjk(&run, &japanese, |_| true).unwrap().0, Lang::JPN);
    }

    #[test]
    fn sentences_say_their_language_by_their_forms() {
        let sentence = |text: &str, run: &str| {
            label_cjk_sentence(&Cjk::count(text), lang(run)).map(|(l, _, _)| l.code())
        };
        // In Japanese text: a short Chinese sentence, a heading of kanji.
        assert_eq!(sentence("他说：这是真的，我们都知道。", "jpn"), Some("cmn"));
        assert_eq!(
            sentence("佢话：呢个係真嘅，我哋都知道。", "jpn"),
            Some("yue")
        );
        assert_eq!(
            sentence("総務部人事係長会議資料配布予定日程表一覧表", "jpn"),
            None
        );
        // In Chinese text: a Japanese heading of kanji alone; a Japanese name with の in a
        // long Chinese sentence is no Japanese sentence, a Japanese sentence is.
        assert_eq!(sentence("経済産業省発表資料", "cmn"), Some("jpn"));
        assert_eq!(sentence("経済", "cmn"), Some("jpn"));
        assert_eq!(sentence("気", "cmn"), None);
        assert_eq!(
            sentence(
                "経済産業省の発表。双方还表示将进一步加强在能源、贸易和旅游等领域的合作。",
                "cmn"
            ),
            None
        );
        assert_eq!(
            sentence("両国は来年も協議を続けることで合意した。", "cmn"),
            Some("jpn")
        );
    }

    #[test]
    fn priors_weigh_against_candidates_only() {
        let all = |_: Lang| true;
        assert_eq!(prior(lang("glg"), Script::Latin, all), -6.0);
        assert_eq!(prior(lang("shi"), Script::Arabic, all), -6.0);
        assert_eq!(prior(lang("glg"), Script::Latin, |l| l == lang("eng")), 0.0);
        assert_eq!(prior(lang("spa"), Script::Latin, all), 0.0);
        assert_eq!(prior(lang("srp"), Script::Latin, all), -2.0);
        assert_eq!(prior(lang("srp"), Script::Cyrillic, all), 0.0);
    }
}
