//! What each character is to a window: its class code, from the Word_Break and other
//! properties of the generated Unicode tables, in tables the window reads without decoding
//! where it can.

use crate::unicode::utf8::decode;
use crate::unicode::{ALPHABETIC, EXT_PICT, NUMERIC, WB_MASK, props, wb};

/// How many characters of three or four bytes a window may decode one by one before it hands
/// the text after it to the rule-by-rule segmenter (see `Built::complex_at`).
pub(super) const SLOW_WINDOW: u32 = 8;

/// How a character takes part in the masks.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Class {
    /// Word_Break ALetter: joins letters, digits and `_`.
    Letter,
    /// Word_Break Numeric.
    Digit,
    /// A letter of Word_Break Other (an ideograph, a hiragana, a Thai letter): a token alone.
    Single,
    /// Word_Break Katakana: joins katakana.
    Kana,
    MidLetter,
    MidNumLet,
    MidNum,
    /// Word_Break Extend or Format (WB4): part of the character before it. The window takes
    /// it when that character is a letter, a digit or a single-character token.
    Mark,
    /// Breaks on both sides and is no word: spaces, most punctuation and symbols.
    Gap,
    /// Anything the masks cannot express: the window stops before it.
    Complex,
}

pub(super) const fn class_of(p: u8) -> Class {
    let alnum = p & (ALPHABETIC | NUMERIC) != 0;
    let pictograph = p & EXT_PICT != 0;
    match p & WB_MASK {
        wb::ALETTER => Class::Letter,
        wb::NUMERIC => Class::Digit,
        wb::KATAKANA => Class::Kana,
        wb::MID_LETTER => Class::MidLetter,
        wb::MID_NUM_LET => Class::MidNumLet,
        wb::MID_NUM => Class::MidNum,
        wb::OTHER if alnum && !pictograph => Class::Single,
        wb::OTHER | wb::WSEG_SPACE | wb::NEWLINE if !alnum && !pictograph => Class::Gap,
        wb::EXTEND | wb::FORMAT if !pictograph => Class::Mark,
        // Emoji (WB3c, and the emoji option), ZWJ (WB3c), line breaks, Hebrew (WB7a to WB7c;
        // the two-byte Hebrew letters are handled apart, see `TWO_BYTE_CODE`), regional
        // indicators (WB15, WB16), ExtendNumLet beyond `_`.
        _ => Class::Complex,
    }
}

// What a property byte means to the window, precomputed for all 256 property bytes.
pub(super) const LETTER: u8 = 1;
pub(super) const DIGIT: u8 = 2;
pub(super) const SINGLE: u8 = 4;
pub(super) const KANA: u8 = 8;
pub(super) const ALPHA: u8 = 16;
pub(super) const NUM: u8 = 32;
pub(super) const MID: u8 = 64;
pub(super) const COMPLEX: u8 = 128;
/// Both bits, which no other class sets together.
pub(super) const MARK: u8 = MID | COMPLEX;

pub(super) static CLASS_CODE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut p = 0;
    while p < 256 {
        let props = p as u8;
        let mut code = match class_of(props) {
            Class::Letter => LETTER,
            Class::Digit => DIGIT,
            Class::Single => SINGLE,
            Class::Kana => KANA,
            Class::MidLetter | Class::MidNumLet | Class::MidNum => MID,
            Class::Mark => MARK,
            Class::Gap => 0,
            Class::Complex => COMPLEX,
        };
        if props & ALPHABETIC != 0 {
            code |= ALPHA;
        }
        if props & NUMERIC != 0 {
            code |= NUM;
        }
        table[p] = code;
        p += 1;
    }
    table
};

/// [`CLASS_CODE`] of every code point below U+0800, the two-byte characters, except that
/// Hebrew letters (U+05D0 to U+05F2, lead byte D7) are letters here: they join like letters
/// but for WB7a to WB7c, which `Window::build` checks apart.
pub(super) static TWO_BYTE_CODE: [u8; 0x800] = {
    let mut table = [0u8; 0x800];
    let mut cp = 0;
    while cp < 0x800 {
        let p = props(cp as u32);
        table[cp] = if p & WB_MASK == wb::HEBREW_LETTER {
            LETTER | ALPHA
        } else {
            CLASS_CODE[p as usize]
        };
        cp += 1;
    }
    table
};

/// The code points of [`SOUTH_ASIAN_CODE`].
const SOUTH_ASIAN: std::ops::Range<u32> = 0x0900..0x1800;

/// What [`SOUTH_ASIAN_CODE`] holds for the blocks the window leaves to the segmenter.
pub(super) const NOT_HERE: u8 = 0xFF;

/// [`CLASS_CODE`] of the three-byte code points from U+0900 to U+17FF whose scripts make
/// tokens of a character or two (Thai, Lao, Ethiopic, Khmer), where a lookup here keeps the
/// window going instead of handing the text to the segmenter. The rest of the range is
/// [`NOT_HERE`]: the scripts of India and Sri Lanka and Myanmar, whose long words, each
/// restarting a window, go faster through the segmenter, and the blocks between (Tibetan,
/// Georgian, Hangul Jamo, Cherokee...), decoded one by one as before.
static SOUTH_ASIAN_CODE: [u8; 0xF00] = {
    let mut table = [NOT_HERE; 0xF00];
    let mut i = 0;
    while i < table.len() {
        let cp = SOUTH_ASIAN.start + i as u32;
        let kept = (cp >= 0x0E00 && cp < 0x0F00) // Thai, Lao
            || (cp >= 0x1200 && cp < 0x13A0) // Ethiopic
            || (cp >= 0x1780 && cp < 0x1800); // Khmer
        if kept {
            table[i] = CLASS_CODE[props(cp) as usize];
        }
        i += 1;
    }
    table
};

/// The [`SOUTH_ASIAN_CODE`] entry of code point `cp` (`None` outside the table).
#[inline(always)]
pub(super) fn south_asian_entry(cp: u32) -> Option<u8> {
    let i = cp.wrapping_sub(SOUTH_ASIAN.start) as usize;
    SOUTH_ASIAN_CODE.get(i).copied()
}

/// True when the character at `pos` is of a script whose text windows leave to the
/// rule-by-rule segmenter (see [`SOUTH_ASIAN_CODE`]).
#[inline]
pub(crate) fn leaves_to_the_rules(bytes: &[u8], pos: usize) -> bool {
    let three_bytes = bytes.get(pos).is_some_and(|&b| b & 0xF0 == 0xE0) && pos + 3 <= bytes.len();
    three_bytes && south_asian_entry(decode(bytes, pos).0) == Some(NOT_HERE)
}

/// Masks of the multi-byte characters of a window, by class (every byte of a character).
#[derive(Default, Debug, PartialEq, Eq)]
pub(super) struct Multi {
    // (In this order: with `letters` and `digits` side by side, the window's build read both
    // with one vector load just after storing them one by one, a store-forwarding stall that
    // cost 8 % of building Latin windows.)
    pub(super) letters: u64,
    pub(super) alphabetic: u64,
    pub(super) digits: u64,
    pub(super) numeric: u64,
    pub(super) kana: u64,
    /// First and last bytes of the single-character tokens.
    pub(super) single_starts: u64,
    pub(super) single_ends: u64,
    /// First bytes of characters of the CJK modes' scripts (see `Built::unspaced`), of those
    /// classified in bulk.
    pub(super) unspaced: u64,
}

impl Multi {
    #[inline(always)]
    pub(super) fn add(&mut self, code: u8, lead: u64, len: usize) {
        let bits = match len {
            2 => lead | (lead << 1),
            3 => lead | (lead << 1) | (lead << 2),
            _ => lead | (lead << 1) | (lead << 2) | (lead << 3),
        };
        let when = |flag: u8| 0u64.wrapping_sub(u64::from(code & flag != 0));
        self.letters |= bits & when(LETTER);
        self.digits |= bits & when(DIGIT);
        self.kana |= bits & when(KANA);
        self.alphabetic |= bits & when(ALPHA);
        self.numeric |= bits & when(NUM);
        self.single_starts |= lead & when(SINGLE);
        self.single_ends |= (lead << (len - 1)) & when(SINGLE);
    }
}
