//! Training text, and the features counted in it per language and script.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;
use wordmill::detect::training::{
    KINDS, PAIR_KIND, WORD_KIND, for_each_feature, for_each_word, model_scripts, pair_hash,
    word_hash, word_script,
};
use wordmill::{Lang, Script};

/// Where the training text is, and which of its lines to use.
#[derive(Clone, Debug)]
pub struct Sources {
    pub ntrex: Option<PathBuf>,
    pub udhr: Option<PathBuf>,
    /// More running text, `<code>.txt` per language, one sentence or paragraph per line
    /// (`tools/langid-train/debian.py`); its lines are chosen as the UDHR's are.
    pub text: Option<PathBuf>,
    /// Line numbers (1-based) mod 7 to train on.
    pub ntrex_lines: Vec<usize>,
    pub udhr_lines: Vec<usize>,
    /// Word-frequency lists, `<code>.tsv` per language (`tools/langid-train/wordfreq.py`).
    pub wordfreq: Option<PathBuf>,
}

/// The weight of a language's word-frequency list beside its text: the list's words count as
/// often as their frequency times half the words of the text, which makes the list (its
/// first 10,000 words, 75 to 98 % of a language's words by frequency) weigh 0.37 to 0.49 of
/// the text. Chosen on NTREX lines 2 mod 7 and on text unlike news (docs/detection.md has
/// the figures).
const WORDFREQ_WEIGHT: f64 = 0.5;

/// Feature counts of one language in one script.
#[derive(Default)]
pub struct ScriptCounts {
    /// Feature hash → (kind, count).
    pub features: HashMap<u64, (u8, f64)>,
    /// Features counted per kind.
    pub totals: [f64; KINDS],
}

impl ScriptCounts {
    /// Counts a feature `n` times (a fraction for a word of a frequency list).
    fn add(&mut self, kind: usize, hash: u64, n: f64) {
        self.totals[kind] += n;
        self.features.entry(hash).or_insert((kind as u8, 0.0)).1 += n;
    }
}

/// Counts of every language (in `Lang::all()` order), per script.
pub struct Counts {
    pub langs: Vec<HashMap<Script, ScriptCounts>>,
}

/// The NTREX-128 file that holds a language's text: NTREX's `nso` file is Southern Sotho
/// (see the crate documentation), so Northern Sotho has none.
fn ntrex_file(code: &str) -> Option<String> {
    match code {
        "sot" => Some("nso.txt".to_owned()),
        "nso" => None,
        _ => Some(format!("{code}.txt")),
    }
}

/// A file's text; `None` when the file does not exist (a language without text of that
/// source).
fn read_if_there(path: &Path) -> Result<Option<String>, String> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// The lines of a file whose 1-based number mod 7 is in `keep`, composed (NFC); none when
/// the file does not exist.
fn lines(path: &Path, keep: &[usize]) -> Result<Vec<String>, String> {
    let Some(text) = read_if_there(path)? else {
        return Ok(Vec::new());
    };
    Ok(text
        .lines()
        .enumerate()
        .filter(|(i, _)| keep.contains(&((i + 1) % 7)))
        .map(|(_, line)| line.nfc().collect())
        .collect())
}

/// Serbian Cyrillic to Latin, letter by letter (the official one-to-one correspondence).
pub fn serbian_to_latin(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let latin = match lower {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'ђ' => "đ",
            'е' => "e",
            'ж' => "ž",
            'з' => "z",
            'и' => "i",
            'ј' => "j",
            'к' => "k",
            'л' => "l",
            'љ' => "lj",
            'м' => "m",
            'н' => "n",
            'њ' => "nj",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'ћ' => "ć",
            'у' => "u",
            'ф' => "f",
            'х' => "h",
            'ц' => "c",
            'ч' => "č",
            'џ' => "dž",
            'ш' => "š",
            _ => {
                out.push(c);
                continue;
            }
        };
        if lower == c {
            out.push_str(latin);
        } else {
            let mut chars = latin.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        }
    }
    out
}

/// A language's training text: its NTREX, UDHR and `--text` lines, and for Serbian the same in
/// Latin letters. With it, how many of its first lines are Serbian in Cyrillic letters, whose
/// words in Latin letters are left out of the counts: they are foreign names and acronyms
/// (CBS, ABC), which the transliterated copy has already, and Latin letters typed for their
/// Cyrillic look-alikes (a, o, e, j); counted twice, they made Latin-script Serbian the
/// language of acronyms ("CBS ABC" was Serbian with confidence 0.98).
pub fn training_lines(sources: &Sources, code: &str) -> Result<(Vec<String>, usize), String> {
    let mut text = Vec::new();
    if let Some(dir) = &sources.ntrex
        && let Some(file) = ntrex_file(code)
    {
        text.extend(lines(&dir.join(file), &sources.ntrex_lines)?);
    }
    if let Some(dir) = &sources.udhr {
        text.extend(lines(
            &dir.join(format!("{code}.txt")),
            &sources.udhr_lines,
        )?);
    }
    if let Some(dir) = &sources.text {
        text.extend(lines(
            &dir.join(format!("{code}.txt")),
            &sources.udhr_lines,
        )?);
    }
    let mut cyrillic_serbian = 0;
    if code == "srp" {
        cyrillic_serbian = text.len();
        let latin: Vec<String> = text.iter().map(|l| serbian_to_latin(l)).collect();
        text.extend(latin);
        if let Some(dir) = &sources.udhr {
            text.extend(lines(&dir.join("srp_latn.txt"), &sources.udhr_lines)?);
        }
    }
    Ok((text, cyrillic_serbian))
}

/// Counts the features of every language's training text, for the words of the scripts
/// the model covers that the language is written in.
pub fn count(sources: &Sources) -> Result<Counts, String> {
    let mut lists = 0;
    let covered = model_scripts();
    let mut langs = Vec::new();
    let mut buf = Vec::new();
    for lang in Lang::all() {
        let scripts: Vec<Script> = lang
            .scripts()
            .iter()
            .copied()
            .filter(|s| covered.contains(s))
            .collect();
        let mut counts: HashMap<Script, ScriptCounts> = HashMap::new();
        if !scripts.is_empty() {
            let (text, cyrillic_serbian) = training_lines(sources, lang.code())?;
            if text.is_empty() {
                eprintln!("warning: no training text for {lang}");
            }
            for (i, line) in text.iter().enumerate() {
                let latin_counts = i >= cyrillic_serbian;
                // The previous word of the line, if it was of a covered script: its script
                // and hash.
                let mut previous: Option<(Script, u64)> = None;
                for_each_word(line, &mut buf, |word| {
                    let Some(script) = word_script(word)
                        .filter(|s| scripts.contains(s) && (latin_counts || *s != Script::Latin))
                    else {
                        previous = None;
                        return;
                    };
                    let c = counts.entry(script).or_default();
                    for_each_feature(word, |kind, hash| c.add(kind, hash, 1.0));
                    let hash = word_hash(word);
                    if let Some((s, first)) = previous
                        && s == script
                    {
                        c.add(PAIR_KIND, pair_hash(first, hash), 1.0);
                    }
                    previous = Some((script, hash));
                });
            }
        }
        if let Some(dir) = &sources.wordfreq {
            let list = dir.join(format!("{}.tsv", lang.code()));
            lists += usize::from(count_word_frequencies(&list, &scripts, &mut counts)?);
        }
        langs.push(counts);
    }
    if let Some(dir) = &sources.wordfreq {
        // A mistyped folder would otherwise make another model without a word of warning.
        if lists == 0 {
            return Err(format!(
                "{}: no word-frequency list (<code>.tsv)",
                dir.display()
            ));
        }
        eprintln!("{}: {lists} word-frequency lists", dir.display());
    }
    Ok(Counts { langs })
}

/// Counts a language's word-frequency list (`word<TAB>centibels` per line, a frequency of
/// 10^(-cB/100); none when the file does not exist) into its counts: each word's features
/// (its n-grams and itself, not pairs: the list has no word order) as often as its
/// frequency times [`WORDFREQ_WEIGHT`] times the words the language's text has in the
/// word's script. A word of a script the text does not have is left out: the list's weight
/// is relative to the text. Returns whether the list was there.
fn count_word_frequencies(
    path: &Path,
    scripts: &[Script],
    counts: &mut HashMap<Script, ScriptCounts>,
) -> Result<bool, String> {
    let Some(list) = read_if_there(path)? else {
        return Ok(false);
    };
    let words_of: HashMap<Script, f64> = counts
        .iter()
        .map(|(&script, c)| (script, c.totals[WORD_KIND]))
        .collect();
    let mut buf = Vec::new();
    for (i, row) in list.lines().enumerate() {
        let bad = || format!("{}:{}: not word<TAB>centibels", path.display(), i + 1);
        let (text, centibels) = row.split_once('\t').ok_or_else(bad)?;
        let centibels: f64 = centibels.trim().parse().map_err(|_| bad())?;
        let frequency = 10f64.powf(-centibels / 100.0);
        // Composed as the text's lines are (wordfreq's lists are NFC already).
        let text: String = text.nfc().collect();
        for_each_word(&text, &mut buf, |word| {
            let Some(script) = word_script(word).filter(|s| scripts.contains(s)) else {
                return;
            };
            let Some(&words) = words_of.get(&script) else {
                return;
            };
            let n = WORDFREQ_WEIGHT * frequency * words;
            let c = counts.entry(script).or_default();
            for_each_feature(word, |kind, hash| c.add(kind, hash, n));
        });
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serbian_transliteration() {
        assert_eq!(serbian_to_latin("Њујорк и Џон, ђак"), "Njujork i Džon, đak");
    }

    #[test]
    fn a_word_list_counts_its_words_by_frequency_times_half_the_words_of_the_text() {
        let dir = std::env::temp_dir().join(format!("langid-train-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        // "the" at 10^-1 of words, "and" at 10^-2; a row of no Latin word is skipped.
        let list = dir.join("eng.tsv");
        fs::write(&list, "the\t100\nand\t200\n123\t150\n").unwrap();
        let mut counts: HashMap<Script, ScriptCounts> = HashMap::new();
        counts.entry(Script::Latin).or_default().totals[WORD_KIND] = 1000.0;
        assert_eq!(
            count_word_frequencies(&list, &[Script::Latin], &mut counts),
            Ok(true)
        );
        let latin = &counts[&Script::Latin];
        let the = latin.features[&word_hash(&['t', 'h', 'e'])].1;
        let and = latin.features[&word_hash(&['a', 'n', 'd'])].1;
        assert!((the - WORDFREQ_WEIGHT * 100.0).abs() < 1e-9, "{the}");
        assert!((and - WORDFREQ_WEIGHT * 10.0).abs() < 1e-9, "{and}");
        assert!((latin.totals[WORD_KIND] - 1000.0 - WORDFREQ_WEIGHT * 110.0).abs() < 1e-9);
        // No pairs: a list has no word order.
        assert_eq!(latin.totals[PAIR_KIND], 0.0);
        // Words of a script the language is not written in, or of one its text has no word
        // of, count for nothing; a missing list is no error, a malformed row is.
        for scripts in [&[Script::Cyrillic][..], &[Script::Latin]] {
            let mut no_text: HashMap<Script, ScriptCounts> = HashMap::new();
            count_word_frequencies(&list, scripts, &mut no_text).unwrap();
            assert!(no_text.is_empty());
        }
        let missing = count_word_frequencies(&dir.join("none.tsv"), &[Script::Latin], &mut counts);
        assert_eq!(missing, Ok(false));
        fs::write(&list, "the 100\n").unwrap();
        assert!(count_word_frequencies(&list, &[Script::Latin], &mut counts).is_err());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn more_text_is_read_after_the_udhr_with_the_udhr_lines() {
        let dir = std::env::temp_dir().join(format!("langid-train-text-{}", std::process::id()));
        let (udhr, text) = (dir.join("udhr"), dir.join("text"));
        fs::create_dir_all(&udhr).unwrap();
        fs::create_dir_all(&text).unwrap();
        fs::write(udhr.join("epo.txt"), "u1\nu2\n").unwrap();
        fs::write(text.join("epo.txt"), "t1\nt2\nt3\n").unwrap();
        let sources = Sources {
            ntrex: None,
            udhr: Some(udhr),
            text: Some(text),
            ntrex_lines: vec![],
            udhr_lines: vec![0, 2, 3, 4, 5, 6],
            wordfreq: None,
        };
        // Line 1 of each file is held out, as the UDHR's lines 1 mod 7 are; a language
        // without a file of more text has only its other text.
        let (lines, _) = training_lines(&sources, "epo").unwrap();
        assert_eq!(lines, ["u2", "t2", "t3"]);
        assert_eq!(
            training_lines(&sources, "lat").unwrap().0,
            Vec::<String>::new()
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn northern_sotho_has_no_ntrex_file() {
        assert_eq!(ntrex_file("sot").as_deref(), Some("nso.txt"));
        assert_eq!(ntrex_file("nso"), None);
        assert_eq!(ntrex_file("eng").as_deref(), Some("eng.txt"));
    }
}
