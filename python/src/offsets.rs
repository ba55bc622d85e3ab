//! Byte offsets into UTF-8 text, as the library gives them, to offsets in code points, as
//! Python indexes a `str`.

/// Converts byte offsets of one text to code point offsets, walking from the last offset it
/// was asked for: offsets asked in text order (tokens, spans) cost one pass over the text in
/// all, not one pass per offset. ASCII text, whose offsets are the same, costs nothing.
pub(crate) struct CharOffsets<'t> {
    bytes: &'t [u8],
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'t> CharOffsets<'t> {
    pub fn new(text: &'t str) -> Self {
        CharOffsets {
            bytes: text.as_bytes(),
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
        }
    }

    /// The code point offset of byte offset `byte` (a character boundary of the text; past
    /// its end, the end).
    pub fn char_offset(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if self.ascii {
            return byte;
        }
        if byte >= self.byte {
            self.chars += count_chars(&self.bytes[self.byte..byte]);
        } else {
            self.chars -= count_chars(&self.bytes[byte..self.byte]);
        }
        self.byte = byte;
        self.chars
    }
}

/// Characters that start in `bytes`: the bytes that are not UTF-8 continuation bytes
/// (`0b10xx_xxxx`). A loop the compiler vectorizes.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}
