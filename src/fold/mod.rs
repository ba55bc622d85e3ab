//! Window folding: where the tokenizer and the normalizer meet.
//!
//! When tokens are normalized as they are found (`Tokenizer::for_each_normalized`, the
//! pipeline), the tokenizer's 64-byte windows also fold their text, so that most terms are
//! slices of a folded window. The contract:
//!
//! - the normalizer makes a [`WindowFold`] for its options and a language
//!   ([`Folder::window_fold`](crate::normalize::Folder::window_fold)), only when it turns ASCII into its lowercase: a window then
//!   lowercases its ASCII with the lanes' vectors and asks [`WindowFold::fold`] about its
//!   multi-byte characters;
//! - the fold replaces, in the window's copy, each character whose folded form has the same
//!   length (`А` → `а`, `É` → `é`, `أ` → `ا`), from the normalizer's one-pass table, and
//!   marks the others unsettled: the window then gives no folded form for a token holding one,
//!   and the normalizer folds that token on its own;
//! - so a token's term is the same either way: the property tests
//!   `fused_normalization_equals_normalizing_each_token` (tests/properties.rs) and
//!   `window_folding_is_the_same_on_every_path` (below) check it, and the fuzz targets
//!   `tokenizer` and `normalizer` too.
//!
//! [`for_each_normalized`] is the fused loop itself.

use crate::Lang;
use crate::arch::FoldSummaries;
#[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
use crate::arch::Ssse3;
use crate::normalize::Normalizer;
use crate::normalize::onepass::{
    ACTION, CLOSER, CONTEXT, GENERAL, KEEP, LONGER, MAP, MARK, MAYBE, Table, lookup,
};
use crate::tokenize::{Token, Tokens};
use crate::unicode::utf8::{is_joiner, multi_byte_len, two_byte};

/// How a window folds its text: the one-pass table of a normalizer under one language's
/// rules, and the classes of characters that normalizer changes. Made by
/// [`Folder::window_fold`](crate::normalize::Folder::window_fold) when the normalizer turns
/// ASCII into its lowercase (no Turkic `I`), consumed by the tokenizer's windows.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WindowFold {
    table: &'static Table,
    relevant: u8,
    /// How [`fold`](Self::fold) finds the characters to look at again: byte shuffles where
    /// the CPU has them. (Windows built with AVX-512 find them with their lanes'
    /// `closer_look` instead.)
    vectors: Vectors,
}

/// The vector instructions a [`WindowFold`] uses, detected at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Vectors {
    /// None: one character at a time.
    None,
    /// SSSE3's byte shuffles, sixteen bytes at a time.
    #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
    Shuffles(Ssse3),
}

impl Vectors {
    fn detect() -> Vectors {
        #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
        if let Some(ssse3) = Ssse3::detect() {
            return Vectors::Shuffles(ssse3);
        }
        Vectors::None
    }
}

impl WindowFold {
    /// What the windows look characters up in first (see [`FoldSummaries`]).
    #[inline(always)]
    pub(crate) fn summaries(&self) -> &FoldSummaries {
        self.table.summaries()
    }

    pub(crate) fn new(table: &'static Table, relevant: u8) -> WindowFold {
        WindowFold {
            table,
            relevant,
            vectors: Vectors::detect(),
        }
    }

    /// Folds the multi-byte characters of a window: `lower` holds the window's bytes
    /// (`chunk`) with ASCII already lowercased, `leads` marks the first bytes of the
    /// multi-byte characters to fold (those of its tokens). A character that folds to one of
    /// the same length is replaced in `lower`; the returned bits mark the first bytes of the others that change or might:
    /// joiners (trimmed at a token's edges), combining marks and characters that may compose
    /// (their neighbours decide), characters cut by the window's end. The normalizer takes
    /// the tokens holding those one by one.
    /// `inner` is as for [`settle`](Self::settle).
    #[inline]
    pub(crate) fn fold(
        &self,
        chunk: &[u8; 64],
        lower: &mut [u8; 64],
        leads: u64,
        inner: u64,
    ) -> u64 {
        // First the two-byte characters that stay as they are, the bulk of any text, without
        // a branch on what each becomes: their lookups overlap.
        let mut look_closer = 0u64;
        let mut rest = leads;
        match self.vectors {
            // Many, and byte shuffles: the table's summary looked up sixteen bytes at a time.
            #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
            Vectors::Shuffles(ssse3) if leads.count_ones() > 6 => {
                look_closer = ssse3.closer_look(chunk, leads, &self.summaries().by_lead);
            }
            _ => {
                // Few (Latin text), or no vectors: one by one.
                while rest != 0 {
                    let p = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    let lead = chunk[p & 63];
                    let slot = if lead < 0xE0 {
                        two_byte(lead, chunk[(p + 1) & 63]) as usize
                    } else {
                        LONGER
                    };
                    look_closer |= u64::from(self.table[slot] & CLOSER != 0) << p;
                }
            }
        }
        self.settle(chunk, lower, look_closer, leads, inner)
    }

    /// The second half of [`fold`](Self::fold): given the characters to look at again
    /// (`look_closer`, of `leads`), replaces in `lower` those that fold to a character of the
    /// same length and returns the others. `inner` marks the bytes with word bytes before
    /// them and for three bytes after: a joiner there is inside a word (Persian `می‌شود`),
    /// where the table decides, as in the normalizer's one pass; elsewhere it may be at a
    /// token's edge, which the normalizer trims.
    #[inline]
    pub(crate) fn settle(
        &self,
        chunk: &[u8; 64],
        lower: &mut [u8; 64],
        mut look_closer: u64,
        leads: u64,
        inner: u64,
    ) -> u64 {
        look_closer &= leads;
        // A two-byte character cut by the window's end (its lookup read garbage).
        look_closer |= leads & (1 << 63);
        let mut unsettled = 0;
        while look_closer != 0 {
            let p = look_closer.trailing_zeros() as usize;
            look_closer &= look_closer - 1;
            let lead = chunk[p];
            let len = multi_byte_len(lead);
            let entry = if len == 2 && p < 63 {
                // (Most of them, and the table's slot is the code point.)
                self.table[two_byte(lead, chunk[p + 1]) as usize]
            } else if p + len > 64
                || len == 4
                || (inner >> p & 1 == 0 && is_joiner(&chunk[p..p + len]))
            {
                GENERAL
            } else {
                lookup(&chunk[p..p + len], 0, self.table, self.relevant).0
            };
            match entry & ACTION {
                // (A kept mark, a character that may compose or a key of the context rules:
                // whether its neighbours leave it as it is is the token's business.)
                KEEP if entry & (MARK | MAYBE | CONTEXT) == 0 => {}
                MAP if ((entry >> 3) & 3) as usize == len => {
                    // Byte by byte: a copy of a length known only at run time calls `memcpy`.
                    let [first, second, third, _] = (entry >> 8).to_le_bytes();
                    lower[p] = first;
                    lower[p + 1] = second;
                    if len == 3 {
                        lower[p + 2] = third;
                    }
                }
                _ => unsettled |= 1 << p,
            }
        }
        unsettled
    }
}

/// Calls `f` with each token of `tokens` and its normalized form, the term
/// `normalizer.normalize(token.text, lang)` gives, in one pass: see
/// [`Tokenizer::for_each_normalized`](crate::tokenize::Tokenizer::for_each_normalized).
pub(crate) fn for_each_normalized<'t>(
    mut tokens: Tokens<'t>,
    normalizer: &Normalizer,
    lang: Lang,
    mut f: impl FnMut(Token<'t>, &str),
) {
    let mut buffer = String::new();
    if normalizer.strips_diacritics() {
        // (The pipeline strips diacritics after stemming, so windows never do.)
        for token in tokens {
            f(
                token,
                normalizer.normalize_to(token.text, lang, &mut buffer),
            );
        }
        return;
    }
    let folder = normalizer.folder(lang);
    tokens.fold_with(folder.window_fold());
    while let Some(raw) = tokens.next_raw_slow() {
        // SAFETY: `raw` comes from `tokens`.
        let (token, folded) = unsafe { (tokens.token(raw), tokens.window_folded(&raw)) };
        let term = match folded {
            Some(folded) => folded,
            None => folder.fold_token(
                token.text,
                raw.is_ascii(),
                raw.has_ascii_upper(),
                &mut buffer,
            ),
        };
        f(token, term);
        // The hot loop: the other tokens of the window just built, most of them folded with
        // it (none when windows do not fold: Turkic I, no case folding).
        while let Some((token, folded)) = tokens.pop_folded() {
            let term = match folded {
                Ok(folded) => folded,
                Err(raw) => folder.fold_token(
                    token.text,
                    raw.is_ascii(),
                    raw.has_ascii_upper(),
                    &mut buffer,
                ),
            };
            f(token, term);
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::normalize::onepass::tests::{POOL, normalizers};

    fn word_lang(code: &str) -> Lang {
        code.parse().unwrap()
    }

    /// A 64-byte window of whole characters from [`POOL`] (spaces after the last one that
    /// fits, or a character cut at the end), with its lead bytes.
    fn window_of(chars: &[char], cut_at_end: bool) -> ([u8; 64], u64) {
        let mut chunk = [b' '; 64];
        let mut at = 0;
        for c in chars {
            let mut bytes = [0; 4];
            let bytes = c.encode_utf8(&mut bytes).as_bytes();
            let room = 64 - at;
            if bytes.len() > room {
                if cut_at_end {
                    chunk[at..].copy_from_slice(&bytes[..room]);
                }
                break;
            }
            chunk[at..at + bytes.len()].copy_from_slice(bytes);
            at += bytes.len();
        }
        let leads = chunk
            .iter()
            .enumerate()
            .filter(|(_, b)| **b >= 0xC0)
            .fold(0u64, |bits, (i, _)| bits | (1 << i));
        (chunk, leads)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        /// The window's fold finds the same characters with AVX-512 (as the tokenizer's AVX-512
        /// windows do), with byte shuffles (SSSE3) and without vectors, and as one window
        /// character at a time: the paths this CPU has are all forced here. And every
        /// character it settles reads in `lower` as the normalizer folds it alone.
        #[test]
        fn window_folding_is_the_same_on_every_path(
            chars in proptest::collection::vec(proptest::sample::select(POOL), 1..64),
            cut_at_end: bool,
            which in 0..128usize,
            lang in proptest::sample::select(&["und", "tur", "pes", "ara", "rus"][..]),
            inner: u64,
        ) {
            let normalizer = &normalizers()[which];
            let folder = normalizer.folder(word_lang(lang));
            let Some(fold) = folder.window_fold() else {
                return Ok(());
            };
            let (chunk, leads) = window_of(&chars, cut_at_end);
            let mut lower = chunk;
            lower.make_ascii_lowercase();
            let mut results = Vec::new();
            // (Vectors only where the CPU has them.)
            #[cfg_attr(not(all(target_arch = "x86_64", not(wordmill_portable))), allow(unused_mut))]
            let mut paths = vec![Vectors::None];
            #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
            if let Some(ssse3) = Ssse3::detect() {
                paths.push(Vectors::Shuffles(ssse3));
            }
            #[cfg(all(target_arch = "x86_64", not(wordmill_portable)))]
            if let Some(lanes) = crate::arch::Avx512::detect() {
                use crate::arch::Lanes;
                let marked = lanes
                    .closer_look(fold.summaries(), lanes.load(&chunk), leads)
                    .expect("AVX-512 finds them");
                let mut out = lower;
                let unsettled = fold.settle(&chunk, &mut out, marked, leads, inner);
                results.push((unsettled, out));
            }
            for vectors in paths {
                let fold = WindowFold { vectors, ..fold };
                let mut out = lower;
                let unsettled = fold.fold(&chunk, &mut out, leads, inner);
                results.push((unsettled, out));
                // And one character at a time, as for a window with few of them.
                let mut out = lower;
                let mut unsettled = 0;
                let mut rest = leads;
                while rest != 0 {
                    let one = rest & rest.wrapping_neg();
                    rest &= rest - 1;
                    unsettled |= fold.fold(&chunk, &mut out, one, inner);
                }
                results.push((unsettled, out));
            }
            for other in &results[1..] {
                prop_assert_eq!(other, &results[0]);
            }
            // What was settled, against the normalizer on each character alone.
            let (unsettled, out) = results[0];
            let mut buffer = String::new();
            let mut settled = leads & !unsettled;
            while settled != 0 {
                let p = settled.trailing_zeros() as usize;
                settled &= settled - 1;
                let len = multi_byte_len(chunk[p]);
                let c = std::str::from_utf8(&chunk[p..p + len]).expect("a whole character");
                let alone = folder.fold_word(c, &mut buffer);
                prop_assert_eq!(&out[p..p + len], alone.as_bytes(), "{:?} in {:?}", c, lang);
            }
        }
    }
}
