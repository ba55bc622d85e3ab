//! Which script a letter belongs to, and the runs of one script a text is made of.
//!
//! Scripts are whatlang's 25, by Unicode block. Han, hiragana and katakana form one run
//! ([`RunScript::Cjk`]) because Japanese mixes them in every sentence. Spaces, digits,
//! punctuation, symbols and combining marks outside a script's block belong to no script:
//! they join the run they are in.

use unicode_normalization::char::is_combining_mark;
use whatlang::Script;

/// The script of a run of text: one of whatlang's scripts, or Han and kana together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum RunScript {
    /// A script with its own languages (Latin, Cyrillic, Arabic, Greek, ...).
    Single(Script),
    /// Han, hiragana and katakana: Chinese or Japanese.
    Cjk,
}

impl RunScript {
    /// The script to report: Han text reports `Mandarin`, as whatlang does; Japanese text
    /// reports the script whatlang finds most of.
    pub(crate) fn script(self) -> Script {
        match self {
            RunScript::Single(script) => script,
            RunScript::Cjk => Script::Mandarin,
        }
    }
}

/// The script of a letter (or of a combining mark inside a script's block), `None` for
/// everything that belongs to no script in particular.
#[inline]
pub(crate) fn script_of(c: char) -> Option<Script> {
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(Script::Latin);
    }
    if !(c.is_alphabetic() || is_combining_mark(c)) {
        return None;
    }
    let cp = c as u32;
    Some(match cp {
        0x00C0..=0x024F | 0x0250..=0x02AF | 0x1D00..=0x1DBF | 0x1E00..=0x1EFF => Script::Latin,
        0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F | 0xFB00..=0xFB06 => Script::Latin,
        0xFF21..=0xFF3A | 0xFF41..=0xFF5A => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0530..=0x058F | 0xFB13..=0xFB17 => Script::Armenian,
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF => Script::Arabic,
        0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x0900..=0x097F | 0xA8E0..=0xA8FF => Script::Devanagari,
        0x0980..=0x09FF => Script::Bengali,
        0x0A00..=0x0A7F => Script::Gurmukhi,
        0x0A80..=0x0AFF => Script::Gujarati,
        0x0B00..=0x0B7F => Script::Oriya,
        0x0B80..=0x0BFF => Script::Tamil,
        0x0C00..=0x0C7F => Script::Telugu,
        0x0C80..=0x0CFF => Script::Kannada,
        0x0D00..=0x0D7F => Script::Malayalam,
        0x0D80..=0x0DFF => Script::Sinhala,
        0x0E00..=0x0E7F => Script::Thai,
        0x1000..=0x109F | 0xA9E0..=0xA9FF | 0xAA60..=0xAA7F => Script::Myanmar,
        0x10A0..=0x10FF | 0x1C90..=0x1CBF | 0x2D00..=0x2D2F => Script::Georgian,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF => Script::Hangul,
        0xFFA0..=0xFFDC => Script::Hangul,
        0x1200..=0x139F | 0x2D80..=0x2DDF | 0xAB00..=0xAB2F => Script::Ethiopic,
        0x1780..=0x17FF | 0x19E0..=0x19FF => Script::Khmer,
        0x3040..=0x309F => Script::Hiragana,
        0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Katakana,
        0x2E80..=0x2FDF | 0x3005 | 0x3007 | 0x3021..=0x3029 | 0x3038..=0x303B => Script::Mandarin,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F => Script::Mandarin,
        _ => return None,
    })
}

/// The run a letter of `script` belongs to.
#[inline]
pub(crate) fn run_script(script: Script) -> RunScript {
    match script {
        Script::Mandarin | Script::Hiragana | Script::Katakana => RunScript::Cjk,
        other => RunScript::Single(other),
    }
}

/// A maximal stretch of text whose letters are all of one script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) script: RunScript,
    /// Letters of the run's script in it.
    pub(crate) letters: usize,
}

/// Scripts written without spaces between words: inside a whitespace-delimited chunk of
/// them, a change of script is a change of run.
fn unspaced(script: RunScript) -> bool {
    matches!(
        script,
        RunScript::Cjk | RunScript::Single(Script::Thai | Script::Khmer | Script::Myanmar)
    )
}

/// Cuts `text` into runs of one script that cover it end to end, in order; text without
/// letters gives no runs.
///
/// Runs change between whitespace-delimited chunks, so whole words stay in their run: a
/// chunk belongs to the script most of its letters have (words that mix look-alike letters,
/// such as a Cyrillic word typed with a Latin `o`, stay whole). Only where a script written
/// without spaces (Han, kana, Thai, ...) meets another inside a chunk does the run change at
/// the first letter of the other script. Whitespace, digits and punctuation stay with the
/// run before them.
pub(crate) fn runs(text: &str) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut chunk = Chunk::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphabetic() {
                chunk.add(RunScript::Single(Script::Latin), i, &mut runs);
            } else if b.is_ascii_whitespace() {
                chunk.close(i + 1, &mut runs);
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
        if let Some(script) = script_of(c) {
            chunk.add(run_script(script), i, &mut runs);
        } else if c.is_whitespace() {
            chunk.close(i + c.len_utf8(), &mut runs);
        }
        i += c.len_utf8();
    }
    chunk.close(text.len(), &mut runs);
    // Text before the first letter belongs to the first run.
    if let Some(first) = runs.first_mut() {
        first.start = 0;
    }
    runs
}

/// The letters of the whitespace-delimited chunk being read.
#[derive(Default)]
struct Chunk {
    start: usize,
    /// Letters per script, in order of appearance (rarely more than one).
    counts: Vec<(RunScript, usize)>,
    /// Index in `counts` of the script of the last letter.
    last: usize,
}

impl Chunk {
    #[inline]
    fn add(&mut self, script: RunScript, at: usize, runs: &mut Vec<Run>) {
        if let Some(entry) = self.counts.get_mut(self.last)
            && entry.0 == script
        {
            entry.1 += 1;
            return;
        }
        if let Some(index) = self.counts.iter().position(|(s, _)| *s == script) {
            self.counts[index].1 += 1;
            self.last = index;
            return;
        }
        if !self.counts.is_empty()
            && (unspaced(script) || self.counts.iter().any(|(s, _)| unspaced(*s)))
        {
            // A new script in an unspaced chunk: the chunk so far is done.
            self.close(at, runs);
            self.start = at;
        }
        self.counts.push((script, 1));
        self.last = self.counts.len() - 1;
    }

    /// Ends the chunk at `end` (after the whitespace that ends it): its text joins the last
    /// run, or starts a new one.
    #[inline]
    fn close(&mut self, end: usize, runs: &mut Vec<Run>) {
        let start = std::mem::replace(&mut self.start, end);
        if self.counts.is_empty() {
            // No letters: whitespace, digits, punctuation stay with the run before them.
            if let Some(last) = runs.last_mut() {
                last.end = end;
            }
            return;
        }
        let current = runs.last().map(|r| r.script);
        let (script, letters) = match self.counts.as_slice() {
            [(script, letters)] => (*script, *letters),
            counts => {
                let most = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
                // The script with most letters; on a tie, the current run's, else the first.
                let script = counts
                    .iter()
                    .filter(|(_, n)| *n == most)
                    .map(|(s, _)| *s)
                    .find(|s| Some(*s) == current)
                    .unwrap_or(counts[0].0);
                (script, counts.iter().map(|(_, n)| n).sum())
            }
        };
        self.counts.clear();
        self.last = 0;
        match runs.last_mut() {
            Some(last) if last.script == script => {
                last.end = end;
                last.letters += letters;
            }
            _ => {
                if let Some(last) = runs.last_mut() {
                    last.end = start;
                }
                runs.push(Run {
                    start,
                    end,
                    script,
                    letters,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scripts(text: &str) -> Vec<(&str, RunScript)> {
        runs(text)
            .iter()
            .map(|r| (&text[r.start..r.end], r.script))
            .collect()
    }

    const LATIN: RunScript = RunScript::Single(Script::Latin);
    const ARABIC: RunScript = RunScript::Single(Script::Arabic);

    #[test]
    fn letters_have_their_script() {
        assert_eq!(script_of('a'), Some(Script::Latin));
        assert_eq!(script_of('ø'), Some(Script::Latin));
        assert_eq!(script_of('ж'), Some(Script::Cyrillic));
        assert_eq!(script_of('ع'), Some(Script::Arabic));
        assert_eq!(script_of('क'), Some(Script::Devanagari));
        // A vowel sign is a mark, but a Devanagari one.
        assert_eq!(script_of('ि'), Some(Script::Devanagari));
        assert_eq!(script_of('語'), Some(Script::Mandarin));
        assert_eq!(script_of('の'), Some(Script::Hiragana));
        assert_eq!(script_of('한'), Some(Script::Hangul));
        for c in [' ', '1', '٣', '.', '،', '«', '×', '€', '😀', '\u{0301}'] {
            assert_eq!(script_of(c), None, "{c:?}");
        }
    }

    #[test]
    fn a_quote_in_another_script_is_a_run_of_its_own() {
        let text = "قال الوزير: \"We will meet again\" في مسقط.";
        assert_eq!(
            scripts(text),
            [
                ("قال الوزير: ", ARABIC),
                ("\"We will meet again\" ", LATIN),
                ("في مسقط.", ARABIC),
            ]
        );
    }

    #[test]
    fn runs_cover_the_text() {
        for text in ["", "   ", "12 + 3", "abc", " abc дом 東京タワー  x"] {
            let runs = runs(text);
            let mut at = 0;
            for run in &runs {
                assert_eq!(run.start, at, "{text:?}");
                assert!(run.end > run.start);
                at = run.end;
            }
            if !runs.is_empty() {
                assert_eq!(at, text.len());
            }
        }
        assert!(runs("12 + 3").is_empty());
    }

    #[test]
    fn look_alike_letters_do_not_split_a_word() {
        // Serbian with Latin o, e and a typed for their Cyrillic twins.
        let cyrillic = RunScript::Single(Script::Cyrillic);
        assert_eq!(scripts("„Дoнeo сaм"), [("„Дoнeo сaм", cyrillic)]);
        assert_eq!(
            scripts("Рекли су CBS News"),
            [("Рекли су ", cyrillic), ("CBS News", LATIN)]
        );
    }

    #[test]
    fn latin_inside_unspaced_chinese_is_a_run() {
        assert_eq!(
            scripts("他使用iPhone手机。"),
            [
                ("他使用", RunScript::Cjk),
                ("iPhone", LATIN),
                ("手机。", RunScript::Cjk)
            ]
        );
    }

    #[test]
    fn japanese_is_one_run() {
        assert_eq!(
            scripts("東京タワーに行きました"),
            [("東京タワーに行きました", RunScript::Cjk)]
        );
    }
}
