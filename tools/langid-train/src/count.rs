//! Training text, and the features counted in it per language and script.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;
use wordmill::detect::training::{
    KINDS, PAIR_KIND, for_each_feature, for_each_word, model_scripts, pair_hash, word_hash,
    word_script,
};
use wordmill::{Lang, Script};

/// Where the training text is, and which of its lines to use.
#[derive(Clone, Debug)]
pub struct Sources {
    pub ntrex: Option<PathBuf>,
    pub udhr: Option<PathBuf>,
    /// Line numbers (1-based) mod 7 to train on.
    pub ntrex_lines: Vec<usize>,
    pub udhr_lines: Vec<usize>,
}

/// Feature counts of one language in one script.
#[derive(Default)]
pub struct ScriptCounts {
    /// Feature hash → (kind, count).
    pub features: HashMap<u64, (u8, f64)>,
    /// Features counted per kind.
    pub totals: [f64; KINDS],
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

/// The lines of a file whose 1-based number mod 7 is in `keep`, composed (NFC); none when
/// the file does not exist.
fn lines(path: &Path, keep: &[usize]) -> Result<Vec<String>, String> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
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

/// A language's training text: its NTREX and UDHR lines, and for Serbian the same in Latin
/// letters. With it, how many of its first lines are Serbian in Cyrillic letters, whose words
/// in Latin letters are left out of the counts: they are foreign names and acronyms (CBS,
/// ABC), which the transliterated copy has already, and Latin letters typed for their
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
                    for_each_feature(word, |kind, hash| {
                        c.totals[kind] += 1.0;
                        c.features.entry(hash).or_insert((kind as u8, 0.0)).1 += 1.0;
                    });
                    let hash = word_hash(word);
                    if let Some((s, first)) = previous
                        && s == script
                    {
                        c.totals[PAIR_KIND] += 1.0;
                        let pair = pair_hash(first, hash);
                        c.features.entry(pair).or_insert((PAIR_KIND as u8, 0.0)).1 += 1.0;
                    }
                    previous = Some((script, hash));
                });
            }
        }
        langs.push(counts);
    }
    Ok(Counts { langs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serbian_transliteration() {
        assert_eq!(serbian_to_latin("Њујорк и Џон, ђак"), "Njujork i Džon, đak");
    }

    #[test]
    fn northern_sotho_has_no_ntrex_file() {
        assert_eq!(ntrex_file("sot").as_deref(), Some("nso.txt"));
        assert_eq!(ntrex_file("nso"), None);
        assert_eq!(ntrex_file("eng").as_deref(), Some("eng.txt"));
    }
}
