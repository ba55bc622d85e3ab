//! Classifying the multi-byte characters of the common scripts a vector at a time.

use super::classes::{ALPHA, KANA, LETTER, Multi, SINGLE};
use crate::arch::{Lanes, WIDTH};

/// Classifies into `multi` the multi-byte characters (of `leads`) whose class their bytes'
/// ranges tell, a vector at a time: Latin-1 and Latin Extended letters, Cyrillic, CJK
/// ideographs, kana and Hangul. Returns their lead bits. A test checks every code point these
/// ranges take against the Unicode tables. Characters cut by the window's end are left to the
/// caller, and so are the scripts whose letters share lead bytes with marks and punctuation
/// (Greek, Arabic, Hebrew...), which the caller decodes one by one.
#[inline(always)]
pub(super) fn bulk<L: Lanes>(
    lanes: L,
    chunk: &[u8; WIDTH],
    loaded: L::Loaded,
    leads: u64,
    multi: &mut Multi,
) -> u64 {
    if !L::BULK || leads.count_ones() < L::BULK_FROM {
        return 0; // every multi-byte character takes the one-by-one path
    }
    let range = |lo: u8, hi: u8| lanes.high_range(loaded, lo, hi);
    let eq = |b: u8| range(b, b);
    // Leads of characters that end inside the window.
    let fits2 = leads & !(1 << 63);
    let fits3 = leads & !(3 << 62);
    // The scripts of the first and the last multi-byte character decide which groups run: a
    // window is mostly of one script, and what a group misses is decoded one by one.
    let first = chunk[leads.trailing_zeros() as usize];
    let last = chunk[63 - leads.leading_zeros() as usize];
    let wanted = |lo: u8, hi: u8| (lo..=hi).contains(&first) || (lo..=hi).contains(&last);
    let mut classified = 0u64;
    let mut unspaced = 0u64;
    let mut add = |code: u8, hits: u64, len: usize| {
        multi.add(code, hits, len);
        classified |= hits;
    };
    if wanted(0xC3, 0xD3) {
        // Latin Extended-A and -B, IPA (C4 to CA), Cyrillic (D0, D1, D3): the lead byte says.
        add(
            LETTER | ALPHA,
            (range(0xC4, 0xCA) | range(0xD0, 0xD1) | eq(0xD3)) & fits2,
            2,
        );
        // Latin-1 letters, but for × (C3 97) and ÷ (C3 B7).
        let not_letter = (eq(0x97) | eq(0xB7)) >> 1;
        add(LETTER | ALPHA, eq(0xC3) & !not_letter & fits2, 2);
    }
    if wanted(0xCE, 0xCF) {
        // Greek and Coptic letters U+0388 to U+03F5 and U+03F7 to U+03FF, but for the holes of
        // U+038B, U+038D and U+03A2: CE 88..8A, 8C, 8E..A1, A3..BF; CF 80..B5, B7..BF.
        let greek = (eq(0xCE)
            & ((range(0x88, 0x8A) | eq(0x8C) | range(0x8E, 0xA1) | range(0xA3, 0xBF)) >> 1))
            | (eq(0xCF) & ((range(0x80, 0xB5) | range(0xB7, 0xBF)) >> 1));
        add(LETTER | ALPHA, greek & fits2, 2);
    }
    if wanted(0xD8, 0xDB) {
        // Arabic letters U+0620 to U+064A, U+0671 to U+06D3 but for U+06D4: D8 A0..BF,
        // D9 80..8A, DA, DB 80..93 (U+0680 to U+06D3). Harakat, digits and punctuation share
        // these lead bytes and are decoded one by one.
        let arabic = (eq(0xD8) & (range(0xA0, 0xBF) >> 1))
            | (eq(0xD9) & (range(0x80, 0x8A) >> 1))
            | eq(0xDA)
            | (eq(0xDB) & (range(0x80, 0x93) >> 1));
        add(LETTER | ALPHA, arabic & fits2, 2);
    }
    // Latin Extended Additional U+1E00 to U+1EFF (Vietnamese, whose windows start and end
    // with letters of any of C3 to C6 and E1): E1 B8..BB. Georgian Mkhedruli U+10D0 to U+10FA:
    // E1 83 90..BA.
    let e1 = eq(0xE1) & fits3;
    if e1 != 0 {
        let latin = range(0xB8, 0xBB) >> 1;
        let georgian = (eq(0x83) >> 1) & (range(0x90, 0xBA) >> 2);
        add(LETTER | ALPHA, e1 & (latin | georgian), 3);
    }
    if wanted(0xE3, 0xED) {
        // CJK ideographs U+4E00 to U+9FFF: E4 B8..BF, E5 to E9.
        let han = range(0xE5, 0xE9) | (eq(0xE4) & (range(0xB8, 0xBF) >> 1));
        add(SINGLE | ALPHA, han & fits3, 3);
        // Hangul syllables U+AC00 to U+D79F: EA B0..BF, EB, EC, ED 80..9D.
        let hangul = range(0xEB, 0xEC)
            | (eq(0xEA) & (range(0xB0, 0xBF) >> 1))
            | (eq(0xED) & (range(0x80, 0x9D) >> 1));
        add(LETTER | ALPHA, hangul & fits3, 3);
        // (Han and Hangul are scripts of the CJK modes: see `Built::unspaced`.)
        unspaced |= (han | hangul) & fits3;
        let e3 = eq(0xE3) & fits3;
        if e3 != 0 {
            let (s81, s82, s83) = (eq(0x81) >> 1, eq(0x82) >> 1, eq(0x83) >> 1);
            // Hiragana U+3041 to U+3096.
            let hiragana = (s81 & (range(0x81, 0xBF) >> 2)) | (s82 & (range(0x80, 0x96) >> 2));
            add(SINGLE | ALPHA, e3 & hiragana, 3);
            // Katakana U+30A1 to U+30FA, U+30FC to U+30FF.
            let katakana = (s82 & (range(0xA1, 0xBF) >> 2))
                | (s83 & ((range(0x80, 0xBA) | range(0xBC, 0xBF)) >> 2));
            add(KANA | ALPHA, e3 & katakana, 3);
            unspaced |= e3 & (hiragana | katakana);
        }
    }
    multi.unspaced |= unspaced;
    classified
}
