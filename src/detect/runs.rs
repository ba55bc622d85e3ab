//! The runs of one script a text is made of.
//!
//! Scripts are those of wordmill's languages ([`chars::DETECTED`](super::chars::DETECTED),
//! from Unicode's Scripts.txt). Han, hiragana and katakana form one run
//! ([`RunScript::Cjk`]) because Japanese mixes them in every sentence. Spaces, digits,
//! punctuation, symbols, combining marks of no script and letters of scripts no language of
//! wordmill's uses belong to no script: they join the run they are in.

use super::chars::{LATIN_SLOT, class_in, classes, letter_leads, script_of_slot};
use crate::Script;
use crate::arch;
use crate::unicode::utf8::decode;

/// The script of a run of text: one of the detected scripts, or Han and kana together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum RunScript {
    /// A script with its own languages (Latin, Cyrillic, Arabic, Greek, ...), by its slot.
    Single(u8),
    /// Han, hiragana and katakana: Chinese, Japanese or Cantonese.
    Cjk,
}

impl RunScript {
    /// The script to report for the run before its language is known: Han for Han and kana.
    pub(crate) fn script(self) -> Script {
        match self {
            RunScript::Single(slot) => script_of_slot(slot).unwrap_or(Script::Latin),
            RunScript::Cjk => Script::Han,
        }
    }
}

/// The run a letter of the script in `slot` belongs to.
#[inline]
fn run_script(slot: u8) -> RunScript {
    match script_of_slot(slot) {
        Some(Script::Han | Script::Hiragana | Script::Katakana) => RunScript::Cjk,
        _ => RunScript::Single(slot),
    }
}

/// The script of a letter, `None` for everything that belongs to no detected script.
#[cfg(test)]
fn script_of(c: char) -> Option<Script> {
    script_of_slot(super::chars::class_of(c as u32).slot())
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

/// Scripts written without spaces between words: inside a whitespace-delimited chunk, a
/// change to or from them is a change of run.
fn unspaced(script: RunScript) -> bool {
    match script {
        RunScript::Cjk => true,
        RunScript::Single(slot) => matches!(
            script_of_slot(slot),
            Some(Script::Thai | Script::Lao | Script::Khmer | Script::Myanmar)
        ),
    }
}

/// The runs of `text` in a vector of their own (the tests'; see [`runs_into`]).
#[cfg(test)]
pub(crate) fn runs(text: &str) -> Vec<Run> {
    let mut runs = RunBuffers::default();
    runs_into(text, &mut runs);
    runs.runs
}

/// The runs of a text, and the scan's own buffer, kept from text to text so that cutting a
/// text into runs allocates nothing.
#[derive(Default)]
pub(crate) struct RunBuffers {
    pub(crate) runs: Vec<Run>,
    others: Vec<(RunScript, usize)>,
}

/// Cuts `text` into runs of one script that cover it end to end, in order, into `out.runs`
/// (the buffers are reused); text without letters gives no runs.
///
/// Runs change between whitespace-delimited chunks, so whole words stay in their run: a
/// chunk belongs to the script most of its letters have (words that mix look-alike letters,
/// such as a Cyrillic word typed with a Latin `o`, stay whole). Only where a script written
/// without spaces (Han, kana, Thai, ...) meets another inside a chunk does the run change at
/// the first letter of the other script. Whitespace, digits and punctuation stay with the
/// run before them.
pub(crate) fn runs_into(text: &str, out: &mut RunBuffers) {
    scan_into::<true>(text, out);
}

/// [`runs_into`]; with `FAST_PATH` false, every byte takes the general path (the tests hold
/// the two to the same runs).
fn scan_into<const FAST_PATH: bool>(text: &str, out: &mut RunBuffers) {
    out.runs.clear();
    out.others.clear();
    let table = classes();
    let latin = RunScript::Single(LATIN_SLOT);
    let mut scan = Scan {
        runs: std::mem::take(&mut out.runs),
        others: std::mem::take(&mut out.others),
        ..Scan::default()
    };
    if FAST_PATH && let Some((script, letters)) = one_script(text, table) {
        scan.runs.push(Run {
            start: 0,
            end: text.len(),
            script,
            letters,
        });
        out.runs = scan.runs;
        out.others = scan.others;
        return;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if FAST_PATH
                && scan.others.is_empty()
                && scan.runs.last().map(|r| r.script) == Some(latin)
            {
                // The common case, ASCII in a Latin run: count letters, mark chunk ends, eight
                // bytes at a time, then byte by byte up to the next non-ASCII character; a
                // Latin letter of two bytes (é, ü, ł: most of the accented letters of Latin
                // text) is counted here too, as the general path below would count it, and
                // the eight-byte steps go on after it.
                let (mut same, mut letters, mut chunk_start) = (scan.same, 0, scan.chunk_start);
                loop {
                    while let Some(&block) = bytes.get(i..i + 8).and_then(|b| b.first_chunk::<8>())
                    {
                        let block = u64::from_le_bytes(block);
                        if block & HIGH_BITS != 0 {
                            break;
                        }
                        let (alphabetic, space) = ascii_classes(block);
                        if space == 0 {
                            same += count_high_bits(alphabetic);
                        } else {
                            // Up to and including the last space, the chunk ends; after it,
                            // a new one begins.
                            let last = (63 - space.leading_zeros()) / 8;
                            let upto = u64::MAX >> (56 - 8 * last);
                            letters += same + count_high_bits(alphabetic & upto);
                            same = count_high_bits(alphabetic & !upto);
                            chunk_start = i + last as usize + 1;
                        }
                        i += 8;
                    }
                    // Then a byte at a time up to the next non-ASCII character.
                    while let Some(&b) = bytes.get(i).filter(|b| **b < 0x80) {
                        if b.is_ascii_alphabetic() {
                            same += 1;
                        } else if b.is_ascii_whitespace() {
                            letters += same;
                            same = 0;
                            chunk_start = i + 1;
                        }
                        i += 1;
                    }
                    // A two-byte character (the text is UTF-8: its second byte follows).
                    if !matches!(bytes.get(i), Some(0xC2..=0xDF)) {
                        break;
                    }
                    let (cp, len) = decode(bytes, i);
                    if class_in(table, cp).slot() != LATIN_SLOT {
                        break;
                    }
                    same += 1;
                    i += len;
                }
                scan.same = same;
                if chunk_start != scan.chunk_start {
                    scan.chunk_start = chunk_start;
                    if let Some(last) = scan.runs.last_mut() {
                        last.letters += letters;
                        last.end = chunk_start;
                    }
                }
                continue;
            }
            if b.is_ascii_alphabetic() {
                scan.letter(latin, i);
            } else if b.is_ascii_whitespace() {
                scan.end_chunk(i + 1);
            }
            i += 1;
            continue;
        }
        let (cp, len) = decode(bytes, i);
        let class = class_in(table, cp);
        let bits = class.slot();
        if bits != 0 && bits == scan.last_bits {
            // Another letter of the script of the last one, which was the run's.
            scan.same += 1;
        } else if bits != 0 {
            let script = run_script(bits);
            scan.letter(script, i);
            let current = scan.runs.last().map(|r| r.script);
            scan.last_bits = if current == Some(script) && scan.others.is_empty() {
                bits
            } else {
                0
            };
        } else if is_wide_space(cp) {
            scan.end_chunk(i + len);
        }
        i += len;
    }
    scan.end_chunk(text.len());
    out.others = scan.others;
    let mut runs = scan.runs;
    if let Some(last) = runs.last_mut() {
        last.end = text.len();
    }
    // Text before the first letter belongs to the first run.
    if let Some(first) = runs.first_mut() {
        first.start = 0;
    }
    out.runs = runs;
}

/// The script of `text` and its letters, when all its letters belong to one run script (as
/// most texts' do): its runs are then one run over all of it, and chunks, which only decide
/// where a run changes, need not be tracked. `None` when the text has letters of two run
/// scripts, or none, or its first letter is of a script written without spaces (the general
/// scan reads those).
///
/// ASCII goes sixteen bytes at a time ([`arch::ascii_masks`]), each step as far as the first
/// non-ASCII byte, so that accented Latin text stays on the fast steps; between the words of
/// another script, a byte at a time.
fn one_script(text: &str, table: &[u8; 0x10000]) -> Option<(RunScript, usize)> {
    let bytes = text.as_bytes();
    // The slot of the first letter (0 before it), and of the last one: the next letters are
    // usually of the same.
    let (mut first_slot, mut last_slot) = (0u8, 0u8);
    let mut letters = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            if first_slot != 0 && first_slot != LATIN_SLOT {
                // Spaces and punctuation between words of another script: a byte at a time
                // (sixteen-byte steps would cover a byte or two each).
                if bytes[i].is_ascii_alphabetic() {
                    return None;
                }
                i += 1;
                continue;
            }
            let ascii_letters = match bytes.get(i..).and_then(|b| b.first_chunk::<16>()) {
                Some(chunk) => {
                    let masks = arch::ascii_masks(chunk);
                    let ascii = masks.high.trailing_zeros().min(16);
                    // The letters before the first non-ASCII byte (`ascii` is at most 16).
                    let before = (1u32 << ascii) - 1;
                    i += ascii as usize;
                    (masks.letters & before).count_ones() as usize
                }
                None => {
                    i += 1;
                    usize::from(bytes[i - 1].is_ascii_alphabetic())
                }
            };
            if ascii_letters > 0 {
                first_slot = LATIN_SLOT;
                last_slot = LATIN_SLOT;
                letters += ascii_letters;
            }
            continue;
        }
        let (cp, len) = decode(bytes, i);
        i += len;
        let slot = class_in(table, cp).slot();
        if slot == 0 {
            continue;
        }
        if slot != last_slot {
            if first_slot == 0 {
                if unspaced(run_script(slot)) {
                    // Han, kana, Thai...: their texts hold Latin words more often than not,
                    // and the scan after a failed look would read them twice.
                    return None;
                }
                if slot != LATIN_SLOT
                    && let Some(range) = letter_leads()[usize::from(slot)]
                {
                    // Cyrillic goes on sixteen bytes at a time where it can.
                    return count_by_leads(bytes, i, slot, range, table);
                }
                first_slot = slot;
            } else if run_script(slot) != run_script(first_slot) {
                return None;
            }
            last_slot = slot;
        }
        letters += 1;
    }
    (first_slot != 0).then(|| (run_script(first_slot), letters))
}

/// [`one_script`] after the first letter, of the script in `slot` (not Latin, with spaces
/// between words), which ends at `i` of `bytes`, for a script with lead bytes that begin
/// only its letters (`lo` to `hi`, from [`letter_leads`]: Cyrillic's 0xD0 and 0xD1, where the
/// letters of Russian, Ukrainian, Bulgarian, Serbian... are).
///
/// Sixteen bytes at a time whose characters are all ASCII but letters, or of those lead
/// bytes, count their letters by the lead bytes ([`arch::lead_masks`]); other bytes go a
/// character at a time, up to where the next step is tried: sixteen bytes after a failed one,
/// then 32, 64... up to 256, so that text of the script's other letters (Kazakh's) pays little
/// for the tries.
// Not inlined: once per text at most, and inlined it would crowd `one_script`'s loop.
#[inline(never)]
fn count_by_leads(
    bytes: &[u8],
    mut i: usize,
    slot: u8,
    (lo, hi): (u8, u8),
    table: &[u8; 0x10000],
) -> Option<(RunScript, usize)> {
    let mut failed = 0;
    let mut letters = 1;
    while i < bytes.len() {
        // Character by character up to `until`: the end, or where a step is tried again.
        let mut until = bytes.len();
        if let Some(chunk) = bytes.get(i..).and_then(|b| b.first_chunk::<16>()) {
            // When the last byte leads a character, the step ends before it.
            let leads = arch::lead_masks(chunk, lo, hi);
            let step = if leads.leads & 0x8000 != 0 {
                0x7FFF
            } else {
                0xFFFF
            };
            let others = arch::ascii_masks(chunk).letters | (leads.leads & !leads.in_range);
            if others & step == 0 {
                letters += (leads.in_range & step).count_ones() as usize;
                i += step.count_ones() as usize;
                failed = 0;
                continue;
            }
            until = i + (16 << failed);
            failed = (failed + 1).min(4);
        }
        let part = &bytes[..until.min(bytes.len())];
        while let Some(&b) = part.get(i) {
            if b < 0x80 {
                // Spaces and punctuation between words: a byte at a time.
                if b.is_ascii_alphabetic() {
                    return None;
                }
                i += 1;
                continue;
            }
            let (cp, len) = decode(bytes, i);
            i += len;
            let found = class_in(table, cp).slot();
            if found == slot {
                letters += 1;
            } else if found != 0 {
                // Another script: every other one is another run script (`slot`'s is no
                // part of Han and kana's).
                return None;
            }
        }
    }
    Some((run_script(slot), letters))
}

/// The high bit of each byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Each byte of `x` times `b`.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// How many bytes of `mask` have their high bit set (and no other): a multiplication adds
/// the bytes up (without the `popcnt` instruction, which x86-64's baseline lacks).
#[inline]
fn count_high_bits(mask: u64) -> usize {
    ((mask >> 7).wrapping_mul(splat(1)) >> 56) as usize
}

/// The high bit of each byte of `block` (eight ASCII bytes) that is zero.
#[inline]
fn zero_bytes(block: u64) -> u64 {
    !(((block & !HIGH_BITS) + !HIGH_BITS) | block) & HIGH_BITS
}

/// The high bit of each byte of `block` (eight ASCII bytes) that is an ASCII letter, and of
/// each that is ASCII white space (`u8::is_ascii_alphabetic`, `u8::is_ascii_whitespace`).
/// No byte carries into the next: every byte is below 0x80 and every sum below 0x100.
#[inline]
fn ascii_classes(block: u64) -> (u64, u64) {
    let lower = block | splat(0x20);
    let at_least_a = lower + splat(0x80 - b'a');
    let past_z = lower + splat(0x80 - b'z' - 1);
    let alphabetic = at_least_a & !past_z & HIGH_BITS;
    // Tab, line feed, form feed and carriage return (0x09 to 0x0D but 0x0B), and space.
    let controls = (block + splat(0x80 - 0x09)) & !(block + splat(0x80 - 0x0E)) & HIGH_BITS;
    let space = (controls & !zero_bytes(block ^ splat(0x0B))) | zero_bytes(block ^ splat(b' '));
    (alphabetic, space)
}

/// Unicode white space beyond ASCII.
#[inline]
fn is_wide_space(cp: u32) -> bool {
    matches!(
        cp,
        0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000
    )
}

/// The state of the scan: the runs so far, and the whitespace-delimited chunk being read.
///
/// Most chunks have only letters of the current run's script; they cost a counter. Only a
/// chunk with letters of another script keeps counts per script.
#[derive(Default)]
struct Scan {
    runs: Vec<Run>,
    chunk_start: usize,
    /// Letters of the current run's script in the chunk.
    same: usize,
    /// Letters of other scripts in the chunk, per script (usually empty).
    others: Vec<(RunScript, usize)>,
    /// Script slot (see [`CharClass`](super::chars::CharClass)) of the last non-ASCII letter when it counted for the
    /// current run, else 0: a fast path for the next letters of that script.
    last_bits: u8,
}

impl Scan {
    #[inline]
    fn letter(&mut self, script: RunScript, at: usize) {
        match self.runs.last() {
            Some(run) if run.script == script => self.same += 1,
            Some(_) => self.foreign(script, at),
            None => {
                self.runs.push(Run {
                    start: self.chunk_start,
                    end: at,
                    script,
                    letters: 0,
                });
                self.same = 1;
            }
        }
    }

    /// A letter of another script than the current run's.
    #[cold]
    fn foreign(&mut self, script: RunScript, at: usize) {
        let current = self.runs.last().map(|r| r.script);
        let unspaced_chunk = current.is_some_and(unspaced) && self.same > 0
            || self.others.iter().any(|(s, n)| *n > 0 && unspaced(*s));
        if unspaced(script) || unspaced_chunk {
            // Scripts written without spaces change runs inside a chunk.
            self.end_chunk(at);
            self.begin(script, at);
            self.same = 1;
            return;
        }
        match self.others.iter_mut().find(|(s, _)| *s == script) {
            Some(entry) => entry.1 += 1,
            None => self.others.push((script, 1)),
        }
    }

    /// Starts a run of `script` at `at`, ending the current one there.
    fn begin(&mut self, script: RunScript, at: usize) {
        self.last_bits = 0;
        if let Some(last) = self.runs.last_mut() {
            if last.script == script {
                // Settling the chunk before gave it this script already: the run goes on.
                return;
            }
            if last.start == at {
                // Nothing of the current run is left before `at`: it changes script, and
                // rejoins the run before it when that one has the script already.
                let n = self.runs.len();
                if n >= 2 && self.runs[n - 2].script == script {
                    let emptied = self.runs.pop().expect("two runs");
                    let before = self.runs.last_mut().expect("two runs");
                    before.letters += emptied.letters;
                    before.end = emptied.end.max(at);
                } else if let Some(last) = self.runs.last_mut() {
                    last.script = script;
                }
                return;
            }
            last.end = at;
        }
        self.runs.push(Run {
            start: at,
            end: at,
            script,
            letters: 0,
        });
    }

    /// Ends the chunk at `end` (after the whitespace that ends it, or where another script
    /// starts): it joins the current run, or starts a new one when most of its letters are
    /// of another script.
    #[inline]
    fn end_chunk(&mut self, end: usize) {
        if !self.others.is_empty() {
            self.settle();
        }
        if let Some(last) = self.runs.last_mut() {
            last.letters += self.same;
            last.end = end;
        }
        self.same = 0;
        self.chunk_start = end;
    }

    /// A chunk with letters of several scripts goes to the one with most letters (the
    /// current run's on a tie), except that Latin letters never outvote another script's:
    /// they are what slips into words of other scripts (look-alike letters, brand names).
    #[cold]
    fn settle(&mut self) {
        self.last_bits = 0;
        let others = std::mem::take(&mut self.others);
        let latin = RunScript::Single(LATIN_SLOT);
        let current = self.runs.last().map(|r| r.script);
        let weight = |script: RunScript, n: usize| (script != latin, n);
        let mut best = current
            .filter(|_| self.same > 0)
            .map(|c| (c, weight(c, self.same)));
        for &(script, n) in &others {
            if best.is_none_or(|(_, w)| weight(script, n) > w) {
                best = Some((script, weight(script, n)));
            }
        }
        let total = self.same + others.iter().map(|(_, n)| n).sum::<usize>();
        if let Some((script, _)) = best
            && Some(script) != current
        {
            self.begin(script, self.chunk_start);
        }
        self.same = total;
        // Emptied, its buffer kept for the next chunk.
        self.others = others;
        self.others.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::super::chars::slot;
    use super::*;

    fn scripts(text: &str) -> Vec<(&str, RunScript)> {
        runs(text)
            .iter()
            .map(|r| (&text[r.start..r.end], r.script))
            .collect()
    }

    const LATIN: RunScript = RunScript::Single(LATIN_SLOT);

    fn single(script: Script) -> RunScript {
        RunScript::Single(slot(script))
    }

    #[test]
    fn eight_bytes_at_a_time_agree_with_one_at_a_time() {
        for b in 0..0x80u8 {
            for at in 0..8 {
                let mut block = [b'x'; 8];
                block[at] = b;
                let (alphabetic, space) = ascii_classes(u64::from_le_bytes(block));
                let bit = 1u64 << (8 * at + 7);
                assert_eq!(alphabetic & bit != 0, b.is_ascii_alphabetic(), "{b:#x}");
                assert_eq!(space & bit != 0, b.is_ascii_whitespace(), "{b:#x}");
                assert_eq!(
                    count_high_bits(alphabetic),
                    7 + usize::from(b.is_ascii_alphabetic())
                );
            }
        }
        let text = "A long sentence,\tthen\r\nmore words: Ünïcode and  spaces 123 x";
        for cut in 0..text.len() {
            if text.is_char_boundary(cut) {
                let runs = runs(&text[cut..]);
                let letters = text[cut..].chars().filter(|c| c.is_alphabetic()).count();
                assert_eq!(runs.iter().map(|r| r.letters).sum::<usize>(), letters);
            }
        }
    }

    #[test]
    fn white_space_agrees_with_the_standard_library() {
        let text = "aé ж\u{00A0}語\u{3000}😀\u{2028}";
        for c in text.chars().filter(|c| !c.is_ascii()) {
            assert_eq!(is_wide_space(c as u32), c.is_whitespace(), "{c:?}");
        }
        for cp in 0x80..0x3001 {
            if let Some(c) = char::from_u32(cp) {
                assert_eq!(is_wide_space(cp), c.is_whitespace(), "{c:?}");
            }
        }
    }

    #[test]
    fn a_quote_in_another_script_is_a_run_of_its_own() {
        let text = "قال الوزير: \"We will meet again\" في مسقط.";
        assert_eq!(
            scripts(text),
            [
                ("قال الوزير: ", single(Script::Arabic)),
                ("\"We will meet again\" ", LATIN),
                ("في مسقط.", single(Script::Arabic)),
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
        let cyrillic = single(Script::Cyrillic);
        let text = "„Д\u{6f}н\u{65}\u{6f} с\u{61}м";
        assert_eq!(scripts(text), [(text, cyrillic)]);
        let text = "\u{6f}н је";
        assert_eq!(scripts(text), [(text, cyrillic)]);
        assert_eq!(
            scripts("Рекли су CBS News"),
            [("Рекли су ", cyrillic), ("CBS News", LATIN)]
        );
    }

    #[test]
    fn a_chunk_settled_to_the_next_script_does_not_split_its_run() {
        // Found by the property below: the Arabic chunk takes the ideograph between its
        // letters, and the Arabic letter after it continues the same run.
        let runs = runs("一 اا一ا");
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[1].script, single(Script::Arabic));
        // Likewise when a Latin letter had started a run of its own in the chunk.
        let scripts: Vec<RunScript> = super::runs("ぁ ааぁaа").iter().map(|r| r.script).collect();
        assert_eq!(scripts, [RunScript::Cjk, single(Script::Cyrillic)]);
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

    /// The runs with and without the fast path for ASCII and two-byte Latin letters.
    fn both_ways(text: &str) -> (Vec<Run>, Vec<Run>) {
        let (mut fast, mut slow) = (RunBuffers::default(), RunBuffers::default());
        scan_into::<true>(text, &mut fast);
        scan_into::<false>(text, &mut slow);
        (fast.runs, slow.runs)
    }

    #[test]
    fn two_byte_latin_letters_in_the_fast_path_change_no_run() {
        for text in [
            "Le supermarché a fermé ses portes à Zürich, où l’on parle français.",
            "Łódź i Kraków: 12×3 = 36, «cités», Straße\u{00A0}und Übermut.",
            "Café Москва café Αθήνα naïve 東京 çà ñandú ﬁn",
            "é",
            "ab\u{00D7}cd \u{00F7} ÀÿĀžƀɏ",
        ] {
            let (fast, slow) = both_ways(text);
            assert_eq!(fast, slow, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn two_byte_latin_letters_in_the_fast_path_change_no_run_of_any_text(
            text in "\\PC{0,80}|[a-zA-Z0-9 .,\u{00A0}-\u{024F}\u{0370}-\u{03FF}\u{0400}-\u{045F}\u{0600}-\u{064A}\u{4E00}-\u{4E10}\u{3000}\n]{0,120}"
        ) {
            let (fast, slow) = both_ways(&text);
            proptest::prop_assert_eq!(fast, slow);
        }

        #[test]
        fn text_of_one_script_is_one_run_either_way(
            text in "[a-zA-Z0-9àéïøłœạềữ ,.\u{2019}\u{00A0}\u{0301}\n-]{0,100}|[а-яёґіїє a-c,.0-9«»\u{0483}\u{00A0}\u{2014}\n]{0,80}|[а-я ]{0,80}|[\u{4e00}-\u{4e10}\u{3041}-\u{3050}\u{30A1}-\u{30B0}。 a]{0,40}|[\u{0627}-\u{064a}\u{064B} \u{060C}]{0,60}"
        ) {
            let (fast, slow) = both_ways(&text);
            proptest::prop_assert_eq!(fast, slow);
        }

        #[test]
        fn runs_cover_the_text_and_count_every_letter(
            text in "\\PC{0,80}|[a-zé \u{0430}-\u{044f}\u{0627}-\u{064a}\u{4e00}-\u{4e10}\u{3041}-\u{3050}.\n]{0,80}"
        ) {
            let runs = runs(&text);
            let letters = text.chars().filter(|&c| script_of(c).is_some()).count();
            proptest::prop_assert_eq!(runs.iter().map(|r| r.letters).sum::<usize>(), letters);
            let mut at = 0;
            for (i, run) in runs.iter().enumerate() {
                proptest::prop_assert_eq!(run.start, at);
                proptest::prop_assert!(run.end > run.start && run.letters > 0);
                proptest::prop_assert!(text.is_char_boundary(run.end));
                if i > 0 {
                    proptest::prop_assert!(runs[i - 1].script != run.script);
                }
                at = run.end;
            }
            proptest::prop_assert_eq!(at, if runs.is_empty() { 0 } else { text.len() });
        }
    }

    #[test]
    fn japanese_is_one_run() {
        assert_eq!(
            scripts("東京タワーに行きました"),
            [("東京タワーに行きました", RunScript::Cjk)]
        );
    }
}
