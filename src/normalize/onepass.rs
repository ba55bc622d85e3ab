//! The common case of normalization in one pass: a token whose characters each map on their
//! own to characters that are already normal, which is nearly every word of news text in
//! every script (capitals, Arabic alef forms and harakat, Greek accents, `’`, Indic vowel
//! signs).
//!
//! The general path looks at a token up to four times (what work is there, compose, map,
//! compose again). Here each character is looked up once, in a table made for the
//! normalizer's options and the token's language rules (the one- and two-byte code points,
//! the scripts from U+0900 to U+17FF, Latin and Greek Extended, General Punctuation), and the
//! token is copied only from its first change on. Combining marks stay when they are in
//! canonical order, characters that may compose when they do not. Whatever the table cannot
//! settle (a character whose normal form depends on its neighbours, a character that some
//! rule changes outside the table, a token that would lose all its letters) goes to the
//! general path, which is the reference: a property test checks that both give the same
//! terms.
//!
//! The same table lets the tokenizer's windows fold their text in bulk ([`WindowFold`]).

use std::sync::OnceLock;

use unicode_normalization::{IsNormalized, is_nfc_quick, is_nfkc_quick};

use super::{CharMap, Normalizer, Rules, UnicodeForm, char_class, class, is_joiner};

/// What the tokenizer's window needs to fold its text in bulk: a one-pass table and the
/// classes its normalizer changes ([`super::Folder::window_fold`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct WindowFold {
    table: &'static Table,
    relevant: u8,
    /// How [`fold`](Self::fold) finds the characters to look at again: byte shuffles where
    /// the CPU has them. (Windows built with AVX-512 find them with
    /// `closer_look_avx512` instead.)
    vectors: Vectors,
}

/// The vector instructions a [`WindowFold`] uses, detected at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Vectors {
    /// None: one character at a time.
    None,
    /// SSSE3's byte shuffles, sixteen bytes at a time.
    Shuffles,
}

impl Vectors {
    fn detect() -> Vectors {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("ssse3") {
                return Vectors::Shuffles;
            }
        }
        Vectors::None
    }
}

impl WindowFold {
    pub(super) fn new(table: &'static Table, relevant: u8) -> WindowFold {
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
        let summaries = &self.table.closer_by_lead;
        if self.vectors == Vectors::Shuffles && leads.count_ones() > 6 {
            // Many, and byte shuffles: the table's summary looked up sixteen bytes at a time.
            #[cfg(target_arch = "x86_64")]
            {
                // SAFETY: the CPU has SSSE3 (`Vectors::detect`).
                look_closer = unsafe { closer_look_needed(chunk, leads, summaries) };
            }
        } else {
            // Few (Latin text), or no vectors: one by one.
            while rest != 0 {
                let p = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                let lead = chunk[p & 63];
                let slot = if lead < 0xE0 {
                    (usize::from(lead & 0x1F) << 6) | usize::from(chunk[(p + 1) & 63] & 0x3F)
                } else {
                    LONGER
                };
                look_closer |= u64::from(self.table[slot] & CLOSER != 0) << p;
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
            let len = 2 + usize::from(lead >= 0xE0) + usize::from(lead >= 0xF0);
            let entry = if len == 2 && p < 63 {
                // (Most of them, and the table's slot is the code point.)
                self.table[(usize::from(lead & 0x1F) << 6) | usize::from(chunk[p + 1] & 0x3F)]
            } else if p + len > 64
                || len == 4
                || (inner >> p & 1 == 0 && is_joiner(&chunk[p..p + len]))
            {
                GENERAL
            } else {
                lookup(&chunk[p..p + len], 0, self.table, self.relevant).0
            };
            match entry & ACTION {
                // (A kept mark or a character that may compose: whether its neighbours leave
                // it as it is is the token's business.)
                KEEP if entry & (MARK | MAYBE) == 0 => {}
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

/// The bits of `leads` (first bytes of multi-byte characters in `chunk`) whose character the
/// window must look at again: two-byte characters that [`Table::closer_by_lead`] marks, and
/// all longer ones. One pass over the window per distinct lead byte (a script has two to
/// four), each testing sixteen continuation bytes at once against the lead's 64-bit summary.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "ssse3")]
fn closer_look_needed(chunk: &[u8; 64], leads: u64, closer_by_lead: &[u64; 32]) -> u64 {
    use std::arch::x86_64::*;
    // SAFETY: SSSE3 is enabled for this function; the loads read 16 bytes at 16i of the
    // 64-byte array.
    let here: [__m128i; 4] =
        std::array::from_fn(|i| unsafe { _mm_loadu_si128(chunk.as_ptr().add(16 * i).cast()) });
    // The byte after each, from the vectors already loaded (reading the window again one byte
    // further would wait for the stores that wrote it); after the last byte, 0.
    let next = [
        _mm_alignr_epi8(here[1], here[0], 1),
        _mm_alignr_epi8(here[2], here[1], 1),
        _mm_alignr_epi8(here[3], here[2], 1),
        _mm_srli_si128(here[3], 1),
    ];
    let mask_of = |vectors: [__m128i; 4]| {
        vectors.iter().enumerate().fold(0u64, |bits, (i, &v)| {
            bits | (u64::from(_mm_movemask_epi8(v) as u16) << (16 * i))
        })
    };
    // First bytes of three- and four-byte characters: 0xE0 and above, -32 and above signed.
    let longer = mask_of(here.map(|v| _mm_cmpgt_epi8(v, _mm_set1_epi8(-33)))) & leads;
    // For each continuation byte: which byte of a 64-bit summary holds its bit, and the bit.
    let byte_of = next.map(|v| _mm_and_si128(_mm_srli_epi16(v, 3), _mm_set1_epi8(7)));
    let bit_values = _mm_setr_epi8(1, 2, 4, 8, 16, 32, 64, -128, 1, 2, 4, 8, 16, 32, 64, -128);
    let bit_of = next.map(|v| _mm_shuffle_epi8(bit_values, _mm_and_si128(v, _mm_set1_epi8(7))));
    // The characters of one lead byte that the summary marks.
    let marked = |lead: u8, same_lead: u64| {
        let summary = closer_by_lead[usize::from(lead & 0x1F)];
        if summary == 0 || same_lead == 0 {
            return 0;
        }
        let summary = _mm_set1_epi64x(summary as i64);
        let kept = std::array::from_fn(|i| {
            let byte = _mm_shuffle_epi8(summary, byte_of[i]);
            _mm_cmpeq_epi8(_mm_and_si128(byte, bit_of[i]), _mm_setzero_si128())
        });
        !mask_of(kept) & same_lead
    };
    let mut closer = longer;
    let mut rest = leads & !longer;
    while rest != 0 {
        // Two lead bytes at a time, the first and the last (in one script, often the two
        // there are), whose work overlaps.
        let first = chunk[rest.trailing_zeros() as usize & 63];
        let last = chunk[(63 - rest.leading_zeros() as usize) & 63];
        let same =
            |lead: u8| mask_of(here.map(|v| _mm_cmpeq_epi8(v, _mm_set1_epi8(lead as i8)))) & rest;
        let of_first = same(first);
        let of_last = if last == first { 0 } else { same(last) };
        rest &= !(of_first | of_last);
        closer |= marked(first, of_first) | marked(last, of_last);
    }
    closer
}

#[cfg(target_arch = "x86_64")]
impl WindowFold {
    /// The characters of `leads` the window must look at again, with AVX-512 for the window
    /// already loaded (`here`): the two-byte characters [`closer_look_needed`] finds (the
    /// summaries of all lead bytes are one 256-byte table, which VBMI's two-source byte
    /// permutes look up for the whole window at once, with no loop and no branch on what the
    /// window holds), and the longer characters but for the Vietnamese letters that stay as
    /// they are.
    #[inline]
    #[target_feature(enable = "avx512f,avx512bw,avx512vbmi")]
    pub(crate) fn closer_look_avx512(&self, here: std::arch::x86_64::__m512i, leads: u64) -> u64 {
        use std::arch::x86_64::*;
        let table = self.table.closer_by_lead.as_ptr().cast::<__m512i>();
        // SAFETY: the loads read the four quarters of the 256-byte table, unaligned.
        let summaries = [0, 1, 2, 3].map(|i| unsafe { _mm512_loadu_si512(table.add(i)) });
        // The byte after each: the next 128-bit lane's first byte is carried into each lane's
        // last (`alignr` works within lanes); after the last byte, 0.
        let lanes_after = _mm512_alignr_epi32::<4>(_mm512_setzero_si512(), here);
        let next = _mm512_alignr_epi8::<1>(lanes_after, here);
        // Which byte of the table holds a two-byte character's bit: its lead's summary (eight
        // bytes per lead, by the lead's low five bits), and in it, bits 3 to 5 of the
        // continuation byte. (`<< 3` on 16-bit lanes: the low five bits shifted stay in their
        // byte.)
        let seven = _mm512_set1_epi8(7);
        let lead_part = _mm512_slli_epi16::<3>(_mm512_and_si512(here, _mm512_set1_epi8(0x1F)));
        let index = _mm512_or_si512(
            lead_part,
            _mm512_and_si512(_mm512_srli_epi16::<3>(next), seven),
        );
        let low_half = _mm512_permutex2var_epi8(summaries[0], index, summaries[1]);
        let high_half = _mm512_permutex2var_epi8(summaries[2], index, summaries[3]);
        let byte = _mm512_mask_blend_epi8(_mm512_movepi8_mask(index), low_half, high_half);
        let bit_values = _mm512_set1_epi64(0x8040_2010_0804_0201_u64 as i64);
        let bit_of = _mm512_shuffle_epi8(bit_values, _mm512_and_si512(next, seven));
        let marked = _mm512_test_epi8_mask(byte, bit_of);
        // Three- and four-byte characters always, but for the Vietnamese letters that stay as
        // they are (E1 B8 to E1 BB, whole in the window): their bit is in a 32-byte table at
        // bits 0 and 1 of the second byte and bits 3 to 5 of the third, the bit number in its
        // bits 0 to 2.
        let longer = _mm512_cmpge_epu8_mask(here, _mm512_set1_epi8(0xE0_u8 as i8));
        let vietnamese = _mm512_cmpeq_epi8_mask(here, _mm512_set1_epi8(0xE1_u8 as i8))
            & _mm512_cmple_epu8_mask(
                _mm512_sub_epi8(next, _mm512_set1_epi8(0xB8_u8 as i8)),
                _mm512_set1_epi8(3),
            )
            & (u64::MAX >> 2);
        let mut settled = 0;
        if vietnamese != 0 {
            let after_next = _mm512_alignr_epi8::<2>(lanes_after, here);
            let index = _mm512_or_si512(
                _mm512_slli_epi16::<3>(_mm512_and_si512(next, _mm512_set1_epi8(3))),
                _mm512_and_si512(_mm512_srli_epi16::<3>(after_next), seven),
            );
            // SAFETY: the load reads the 64-byte array.
            let bits =
                unsafe { _mm512_loadu_si512(self.table.closer_latin_additional.as_ptr().cast()) };
            let byte = _mm512_permutexvar_epi8(index, bits);
            let bit_of = _mm512_shuffle_epi8(bit_values, _mm512_and_si512(after_next, seven));
            settled = vietnamese & !_mm512_test_epi8_mask(byte, bit_of);
        }
        // (`marked` holds garbage at the first bytes of longer characters.)
        ((marked & !longer) | (longer & !settled)) & leads
    }
}

/// True when composition leaves the kept marks and maybe-composing characters of `token` as
/// they are: no mark (see [`MARK`]) after one of a higher combining class, with nothing but
/// removed characters between them (the steps would reorder them), and no [`MAYBE`]
/// character that composes with the character before it, which must be kept as it is.
fn stays_composed(token: &str, table: &Table, relevant: u8) -> bool {
    let bytes = token.as_bytes();
    let mut last_class = 0;
    let mut before: Option<(char, Entry)> = None;
    for (i, c) in token.char_indices() {
        let (entry, _) = lookup(bytes, i, table, relevant);
        if entry & ACTION == REMOVE {
            continue;
        }
        let class = if entry & MARK != 0 {
            (entry >> 8) & 0xFF
        } else {
            0
        };
        if class != 0 && class < last_class {
            return false;
        }
        if entry & MAYBE != 0
            && let Some((b, b_entry)) = before
            && (b_entry & ACTION != KEEP || unicode_normalization::char::compose(b, c).is_some())
        {
            return false;
        }
        last_class = class;
        before = Some((c, entry));
    }
    true
}

/// An entry of the table: what becomes of one code point it holds.
///
/// Bits 0 and 1 are the action, bit 2 says the character (or what replaces it) is a letter
/// or digit, bits 3 and 4 the length of the replacement, bit 5 marks a combining mark kept
/// as it is, bit 7 the general path's characters (whose action bits are both set); bits 8
/// to 31 are the replacement's bytes, or a kept mark's canonical combining class. Bit 6
/// marks a character that may compose with the one before it ([`MAYBE`]).
type Entry = u32;

const KEEP: Entry = 0;
const MAP: Entry = 1;
const REMOVE: Entry = 2;
/// Settled by the general path only.
const GENERAL: Entry = 0x80 | 3;
const ACTION: Entry = 3;
const ALNUM: Entry = 4;
/// A combining mark (canonical combining class above 0) that never composes with what comes
/// before it: kept as it is when the marks around it are in canonical order.
const MARK: Entry = 0x20;
/// A character that may compose with the one before it (quick check Maybe, combining class
/// 0: the Tamil, Malayalam, Bengali length marks, Hangul vowels and final consonants): kept as
/// it is when it does not.
const MAYBE: Entry = 0x40;
/// What makes the window look at a character again.
const CLOSER: Entry = ACTION | MARK | MAYBE;

/// One table per combination of options and language rules that changes the entries: the
/// form, six switches and three language rules, 2^10 of them, of which a program uses one
/// or two.
const CONFIGURATIONS: usize = 1 << 10;

/// The three-byte code points the table holds too: the scripts of South and South-East Asia
/// and Ethiopia (U+0900 to U+17FF, whose vowel signs and viramas are combining marks),
/// Latin Extended Additional (Vietnamese), Greek Extended, and the General Punctuation of
/// running text (`’`, `“`, `–`).
const PAGES: [std::ops::Range<u32>; 2] = [0x0900..0x1800, 0x1E00..0x2040];
/// The slot of "a character of three or four bytes" for `WindowFold::fold`: never kept as it
/// is without a closer look.
const LONGER: usize =
    0x800 + (PAGES[0].end - PAGES[0].start) as usize + (PAGES[1].end - PAGES[1].start) as usize;
const SLOTS: usize = LONGER + 1;

/// The entries of a normalizer's one-pass table, with a summary for the windows.
pub(super) struct Table {
    entries: [Entry; SLOTS],
    /// For each two-byte lead byte (by its low five bits), the bits of the low six bits of
    /// the continuation bytes whose character the window must look at again ([`CLOSER`]).
    closer_by_lead: [u64; 32],
    /// The same for Latin Extended Additional (U+1E00 to U+1EFF, Vietnamese), by the code
    /// point's low byte, padded to 64 bytes for one vector.
    closer_latin_additional: [u64; 8],
}

/// Where the table holds Latin Extended Additional.
const LATIN_ADDITIONAL: std::ops::Range<u32> = 0x1E00..0x1F00;

impl std::fmt::Debug for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Table").finish_non_exhaustive()
    }
}

impl std::ops::Index<usize> for Table {
    type Output = Entry;

    #[inline(always)]
    fn index(&self, slot: usize) -> &Entry {
        &self.entries[slot]
    }
}

/// Where the table holds a three-byte code point, if it does.
#[inline(always)]
fn slot_of(cp: u32) -> Option<usize> {
    const SECOND: usize = 0x800 + (PAGES[0].end - PAGES[0].start) as usize;
    if PAGES[0].contains(&cp) {
        Some(0x800 + (cp - PAGES[0].start) as usize)
    } else if PAGES[1].contains(&cp) {
        Some(SECOND + (cp - PAGES[1].start) as usize)
    } else {
        None
    }
}

/// The entry of the character at `bytes[i]` and its length in bytes.
#[inline(always)]
fn lookup(bytes: &[u8], i: usize, table: &Table, relevant: u8) -> (Entry, usize) {
    let lead = bytes[i];
    if lead < 0x80 {
        (table[usize::from(lead)], 1)
    } else if lead < 0xE0 {
        let cp = (usize::from(lead & 0x1F) << 6) | usize::from(bytes[i + 1] & 0x3F);
        (table[cp], 2)
    } else if lead < 0xF0 {
        let cp = (u32::from(lead & 0x0F) << 12)
            | (u32::from(bytes[i + 1] & 0x3F) << 6)
            | u32::from(bytes[i + 2] & 0x3F);
        let entry = match slot_of(cp) {
            Some(slot) => table[slot],
            // Kept as it is when no rule of this normalizer looks at it (ideographs, Indic
            // letters); anything else is the general path's.
            None if char_class(char::from_u32(cp).unwrap_or_default()) & relevant == 0 => KEEP,
            None => GENERAL,
        };
        (entry, 3)
    } else {
        (GENERAL, 4)
    }
}

impl Normalizer {
    /// Normalizes `token` in one pass: `Some(false)` when it is normal as it is, `Some(true)`
    /// when its normal form is now in `buffer`, `None` when the general path must decide.
    #[inline]
    pub(super) fn fold_in_one_pass(
        &self,
        token: &str,
        table: &Table,
        relevant: u8,
        buffer: &mut String,
    ) -> Option<bool> {
        let bytes = token.as_bytes();
        // Most tokens keep every character: find that out with nothing but lookups first (one
        // branch per character, on its width, which a word's script makes predictable).
        let mut all = KEEP;
        let mut i = 0;
        while i < bytes.len() {
            let (entry, width) = lookup(bytes, i, table, relevant);
            all |= entry;
            i += width;
        }
        if all & GENERAL == GENERAL
            || (all & (MARK | MAYBE) != 0 && !stays_composed(token, table, relevant))
        {
            return None;
        }
        if all & ACTION == KEEP {
            return Some(false);
        }
        // Something changes: `token[..copied]` is in `buffer`, changed where it had to be.
        buffer.clear();
        buffer.reserve(bytes.len() + 4);
        let (mut copied, mut removed, mut alnum) = (0, false, false);
        let mut i = 0;
        while i < bytes.len() {
            let (entry, width) = lookup(bytes, i, table, relevant);
            alnum |= entry & ALNUM != 0;
            let action = entry & ACTION;
            if action != KEEP {
                buffer.push_str(&token[copied..i]);
                if action == MAP {
                    let len = ((entry >> 3) & 3) as usize;
                    let replacement = (entry >> 8).to_le_bytes();
                    // SAFETY: the table stores the UTF-8 bytes of whole characters.
                    buffer.push_str(unsafe { std::str::from_utf8_unchecked(&replacement[..len]) });
                } else {
                    removed = true;
                }
                copied = i + width;
            }
            i += width;
        }
        if removed && !alnum {
            // Only removable characters, or those and punctuation: the general path keeps
            // such a token rather than lose it.
            return None;
        }
        buffer.push_str(&token[copied..]);
        if self.fold_punctuation && super::has_edge_joiner(buffer) {
            // A removal bared a joiner, which the general path trims.
            return None;
        }
        Some(true)
    }

    /// The class of characters that are not stable under this normalizer's form.
    #[inline]
    pub(super) fn unstable_class(&self) -> u8 {
        match self.form {
            UnicodeForm::Nfc => class::NFC,
            UnicodeForm::Nfkc => class::NFKC,
        }
    }

    /// True when `c` never composes with a character before it in this normalizer's form.
    fn quick_check_yes(&self, c: char) -> bool {
        self.quick_check(c) == IsNormalized::Yes
    }

    /// The quick check of `c` alone in this normalizer's form.
    fn quick_check(&self, c: char) -> IsNormalized {
        let one = std::iter::once(c);
        match self.form {
            UnicodeForm::Nfc => is_nfc_quick(one),
            UnicodeForm::Nfkc => is_nfkc_quick(one),
        }
    }

    /// The table for this normalizer under `rules`, made the first time it is asked for.
    #[inline]
    pub(super) fn one_pass_table(&self, rules: Rules) -> &'static Table {
        static TABLES: [OnceLock<Box<Table>>; CONFIGURATIONS] =
            [const { OnceLock::new() }; CONFIGURATIONS];
        let switches = [
            self.form == UnicodeForm::Nfkc,
            self.case_fold,
            self.fold_punctuation,
            self.fold_width,
            self.fold_digits,
            self.language_rules,
            self.teh_marbuta,
            rules.turkic,
            rules.persian,
            rules.russian,
        ];
        let key = switches
            .iter()
            .enumerate()
            .fold(0, |key, (bit, &on)| key | (usize::from(on) << bit));
        TABLES[key].get_or_init(|| {
            let mut entries = [KEEP; SLOTS];
            entries[LONGER] = ACTION;
            for cp in (0..0x800).chain(PAGES.iter().flat_map(|page| page.clone())) {
                let slot = slot_of(cp).unwrap_or(cp as usize);
                entries[slot] = char::from_u32(cp).map_or(GENERAL, |c| self.entry(c, rules));
            }
            let mut closer_by_lead = [0u64; 32];
            for (cp, entry) in entries[..0x800].iter().enumerate() {
                if entry & CLOSER != 0 {
                    closer_by_lead[cp >> 6] |= 1 << (cp & 63);
                }
            }
            let mut closer_latin_additional = [0u64; 8];
            for cp in LATIN_ADDITIONAL {
                let entry = entries[slot_of(cp).expect("in the second page")];
                if entry & CLOSER != 0 {
                    let low = (cp & 0xFF) as usize;
                    closer_latin_additional[low >> 6] |= 1 << (low & 63);
                }
            }
            Box::new(Table {
                entries,
                closer_by_lead,
                closer_latin_additional,
            })
        })
    }

    /// What this normalizer does to `c` on its own, as a table entry: a replacement only when
    /// it is final (normal and changed by no rule again) and fits in three bytes.
    fn entry(&self, c: char, rules: Rules) -> Entry {
        let relevant = self.relevant_classes(rules) | self.unstable_class();
        let unstable = self.unstable_class();
        let alnum = |c: char| if c.is_alphanumeric() { ALNUM } else { 0 };
        let class = char_class(c) & relevant;
        if class == 0 {
            return KEEP | alnum(c);
        }
        let mapped = if class & !unstable != 0 {
            self.map_char(c, rules)
        } else {
            CharMap::Keep
        };
        let mut replacement = [0u8; 4];
        let replacement: &str = match mapped {
            // A mark that never composes with the character before it (quick check Yes: the
            // harakat, the niqqud) can be dropped without looking at its neighbours: what
            // else could compose is unstable itself, and taken by the steps; what could
            // reorder is a kept mark, whose order `stays_composed` checks.
            CharMap::Remove if self.quick_check_yes(c) => return REMOVE,
            // Likewise kept: the viramas and vowel signs of Indic scripts, Thai tone marks.
            CharMap::Keep if class & !unstable == 0 && self.quick_check_yes(c) => {
                let ccc = unicode_normalization::char::canonical_combining_class(c);
                return KEEP | MARK | alnum(c) | (Entry::from(ccc) << 8);
            }
            CharMap::Keep
                if class & !unstable == 0
                    && self.quick_check(c) == IsNormalized::Maybe
                    && unicode_normalization::char::canonical_combining_class(c) == 0 =>
            {
                return KEEP | MAYBE | alnum(c);
            }
            _ if class & unstable != 0 => return GENERAL,
            CharMap::Remove => return REMOVE,
            CharMap::Keep => return KEEP | alnum(c),
            CharMap::Char(m) => m.encode_utf8(&mut replacement),
            CharMap::Str(s) => s,
        };
        let is_final = replacement.chars().all(|m| char_class(m) & relevant == 0);
        // A letter that becomes punctuation (`ʼ` → `'`) may be all a token has of letters,
        // which the steps keep rather than lose.
        let loses_a_letter = c.is_alphanumeric() && !replacement.chars().any(char::is_alphanumeric);
        if !is_final || replacement.len() > 3 || loses_a_letter {
            return GENERAL;
        }
        let mut packed = [0u8; 4];
        packed[..replacement.len()].copy_from_slice(replacement.as_bytes());
        let first = replacement.chars().next().unwrap_or(c);
        MAP | alnum(first) | ((replacement.len() as Entry) << 3) | (u32::from_le_bytes(packed) << 8)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::Lang;

    /// Characters that exercise every kind of entry: capitals of many scripts, marks that
    /// compose, harakat and niqqud that rules remove, letters that fold to two characters,
    /// Turkic I, punctuation the options fold, joiners, Hangul jamo, characters above U+0800.
    const POOL: &[char] = &[
        'a', 'A', 'I', 'i', 's', 'z', 'Z', '1', '\'', '-', '.', 'ʼ', 'ʻ', 'é', 'É', 'ß', 'ẞ', 'İ',
        'ı', 'ŉ', 'ǰ', 'Ǆ', 'ǅ', 'ſ', 'ª', 'µ', '²', '\u{0301}', '\u{0308}', '\u{0327}', 'Ά', 'ά',
        'ΐ', 'Σ', 'ς', 'σ', '\u{0345}', 'ё', 'Ё', 'Ж', 'ж', 'Ѐ', 'ا', 'أ', 'إ', 'آ', 'ٱ', 'ى', 'ي',
        'ك', 'ة', 'ـ', '\u{064E}', '\u{0651}', '\u{0653}', '\u{0654}', '\u{0670}', '٣', '۳', 'ש',
        '\u{05B8}', '\u{05C1}', '\u{00AD}', '\u{200C}', '\u{200D}', '’', '“', '–', 'Ａ', '１', 'ｶ',
        'ﾞ', 'ﬁ', 'Ἀ', 'ῆ', 'ᾳ', 'ᾼ', 'ΐ', 'ế', 'Ế', 'ạ', 'Ạ', 'ẛ', '\u{200B}', '\u{200E}',
        '\u{2011}', '‰', '\u{2028}', '\u{094D}', '\u{093C}', 'ष', '\u{0E48}', '\u{0E38}',
        '\u{0E39}', '\u{0BCD}', '\u{0BBE}', 'ெ', 'ে', '\u{09BE}', '\u{0591}', '\u{05B4}',
        '\u{0316}', '\u{0323}', 'ợ', '東', 'क', '\u{093F}', 'ก', '\u{1100}', '\u{1161}',
        '\u{11A8}', '한', 'Ꭰ', 'ꭰ', '𝐀', '😀', 'Ḁ', 'ḁ', 'ỿ', 'Ỿ', '\u{1DFF}', 'ἀ',
    ];

    fn normalizers() -> Vec<Normalizer> {
        let mut all = Vec::new();
        for bits in 0..128u32 {
            let on = |bit: u32| bits & (1 << bit) != 0;
            all.push(
                Normalizer::new()
                    .unicode_form(if on(0) {
                        UnicodeForm::Nfkc
                    } else {
                        UnicodeForm::Nfc
                    })
                    .case_fold(!on(1))
                    .fold_punctuation(!on(2))
                    .fold_width(!on(3))
                    .fold_digits(!on(4))
                    .language_rules(!on(5))
                    .teh_marbuta(on(6))
                    .russian_yo(true),
            );
        }
        all
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        /// The one pass gives what the steps give, or leaves the token to them.
        #[test]
        fn one_pass_agrees_with_the_steps(
            chars in proptest::collection::vec(proptest::sample::select(POOL), 1..8),
            which in 0..128usize,
            lang in proptest::sample::select(&["und", "tur", "pes", "rus", "ell", "ara"][..]),
        ) {
            let token: String = chars.into_iter().collect();
            let normalizer = &normalizers()[which];
            // As the general path hands tokens on.
            let token = normalizer.without_edge_joiners(&token).to_owned();
            let folder = normalizer.folder(lang.parse::<Lang>().unwrap());
            let mut buffer = String::new();
            let one_pass = normalizer.fold_in_one_pass(&token, folder.table, folder.relevant, &mut buffer);
            let Some(changed) = one_pass else {
                return Ok(());
            };
            let one_pass = if changed { buffer.clone() } else { token.clone() };
            let mut steps_buffer = String::new();
            let steps = normalizer.fold_by_steps(&token, folder.rules, &mut steps_buffer);
            prop_assert_eq!(one_pass, steps, "{:?}", token);
        }
    }

    #[test]
    fn common_words_are_settled_in_one_pass() {
        let normalizer = Normalizer::new();
        let mut buffer = String::new();
        for (word, lang, expected) in [
            ("Élysée", "fra", Some("élysée")),
            ("Москва", "rus", Some("москва")),
            ("أَحْمَد", "ara", Some("احمد")),
            ("Ἀθῆναι", "ell", Some("αθηναι")),
            ("Oman’s", "eng", Some("oman's")),
            ("Thế", "vie", Some("thế")),
            ("ﬁnance", "eng", None), // a ligature: NFKC-only, case-folded to two letters
            ("έτος", "ell", Some("ετοσ")),
            ("東京", "jpn", Some("東京")),
        ] {
            let folder = normalizer.folder(word_lang(lang));
            let got = normalizer
                .fold_in_one_pass(word, folder.table, folder.relevant, &mut buffer)
                .map(|changed| {
                    if changed {
                        buffer.clone()
                    } else {
                        word.to_owned()
                    }
                });
            assert_eq!(got.as_deref(), expected, "{word}");
        }
    }

    fn word_lang(code: &str) -> Lang {
        code.parse().unwrap()
    }

    /// Every character the table holds, alone, under every configuration the property tests
    /// use: the one pass agrees with the steps or leaves the character to them.
    #[test]
    fn every_character_of_the_table_alone_agrees_with_the_steps() {
        let table_chars = (0..0x800).chain(PAGES.iter().flat_map(|page| page.clone()));
        let chars: Vec<char> = table_chars.filter_map(char::from_u32).collect();
        let mut buffer = String::new();
        let mut steps_buffer = String::new();
        for normalizer in normalizers().iter().step_by(7) {
            for lang in ["und", "tur", "pes", "rus"] {
                let folder = normalizer.folder(word_lang(lang));
                for &c in &chars {
                    let token = c.to_string();
                    let token = normalizer.without_edge_joiners(&token);
                    let one_pass = normalizer.fold_in_one_pass(
                        token,
                        folder.table,
                        folder.relevant,
                        &mut buffer,
                    );
                    let Some(changed) = one_pass else { continue };
                    let one_pass = if changed { buffer.as_str() } else { token };
                    let steps = normalizer.fold_by_steps(token, folder.rules, &mut steps_buffer);
                    assert_eq!(one_pass, steps, "{c:?} {lang} {normalizer:?}");
                }
            }
        }
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
            let mut paths = vec![Vectors::None];
            if Vectors::detect() == Vectors::Shuffles {
                paths.push(Vectors::Shuffles);
            }
            #[cfg(target_arch = "x86_64")]
            if crate::tokenize::Avx512::detect().is_some() {
                // SAFETY: the CPU has AVX-512 F, BW and VBMI.
                let marked = unsafe {
                    use std::arch::x86_64::_mm512_loadu_si512;
                    fold.closer_look_avx512(_mm512_loadu_si512(chunk.as_ptr().cast()), leads)
                };
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
                let len = 2 + usize::from(chunk[p] >= 0xE0) + usize::from(chunk[p] >= 0xF0);
                let c = std::str::from_utf8(&chunk[p..p + len]).expect("a whole character");
                let alone = folder.fold_word(c, &mut buffer);
                prop_assert_eq!(&out[p..p + len], alone.as_bytes(), "{:?} in {:?}", c, lang);
            }
        }
    }
}
