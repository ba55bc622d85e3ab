//! Decoding UTF-8 that is known to be valid, for the loops that work on bytes.
//!
//! Every function here takes bytes of a `&str` (or a copy of them) and positions at
//! character boundaries; they do not validate, and on other input they give a wrong answer
//! or panic on an index, never undefined behaviour.

/// The code point of a two-byte character from its lead and continuation bytes: its slot in
/// tables of the code points below U+0800.
#[inline(always)]
pub(crate) const fn two_byte(lead: u8, continuation: u8) -> u32 {
    ((lead as u32 & 0x1F) << 6) | (continuation as u32 & 0x3F)
}

/// The length in bytes of the character whose lead byte is `lead` (a lead byte: 0xC0 and
/// above; for ASCII it says 2).
#[inline(always)]
pub(crate) const fn multi_byte_len(lead: u8) -> usize {
    2 + (lead >= 0xE0) as usize + (lead >= 0xF0) as usize
}

/// True for the UTF-8 of ZWNJ or ZWJ (E2 80 8C, E2 80 8D).
#[inline]
pub(crate) fn is_joiner(bytes: &[u8]) -> bool {
    matches!(bytes, [0xE2, 0x80, 0x8C | 0x8D])
}

/// Decodes the character starting at `pos` of valid UTF-8: (code point, length in bytes).
#[inline(always)]
pub(crate) fn decode(bytes: &[u8], pos: usize) -> (u32, usize) {
    let b0 = bytes[pos] as u32;
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        (two_byte(bytes[pos], bytes[pos + 1]), 2)
    } else if b0 < 0xF0 {
        (
            ((b0 & 0x0F) << 12)
                | ((bytes[pos + 1] as u32 & 0x3F) << 6)
                | (bytes[pos + 2] as u32 & 0x3F),
            3,
        )
    } else {
        (
            ((b0 & 0x07) << 18)
                | ((bytes[pos + 1] as u32 & 0x3F) << 12)
                | ((bytes[pos + 2] as u32 & 0x3F) << 6)
                | (bytes[pos + 3] as u32 & 0x3F),
            4,
        )
    }
}

/// Start of the character that ends just before `pos` in valid UTF-8.
#[inline]
pub(crate) fn char_start_before(bytes: &[u8], mut pos: usize) -> usize {
    pos -= 1;
    while pos > 0 && bytes[pos] & 0xC0 == 0x80 {
        pos -= 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_agrees_with_std() {
        let text = "aé€😀ع";
        let mut pos = 0;
        for c in text.chars() {
            let (cp, len) = decode(text.as_bytes(), pos);
            assert_eq!((cp, len), (c as u32, c.len_utf8()));
            if len > 1 {
                assert_eq!(multi_byte_len(text.as_bytes()[pos]), len);
            }
            pos += len;
            assert_eq!(char_start_before(text.as_bytes(), pos), pos - len);
        }
    }

    #[test]
    fn two_byte_is_every_code_point_below_0x800() {
        for c in ('\u{80}'..'\u{800}').filter(|c| c.len_utf8() == 2) {
            let mut buffer = [0; 2];
            c.encode_utf8(&mut buffer);
            assert_eq!(two_byte(buffer[0], buffer[1]), c as u32);
        }
    }
}
