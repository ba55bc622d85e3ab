//! The lanes of every architecture: plain integer code, byte by byte.

use crate::arch::{Lanes, Masks, WIDTH};

/// Byte by byte, for processors without the vectors above.
#[derive(Clone, Copy)]
pub(crate) struct Portable;

impl Lanes for Portable {
    type Loaded = [u8; WIDTH];
    const BULK: bool = false;

    #[inline(always)]
    fn load(self, chunk: &[u8; WIDTH]) -> Self::Loaded {
        *chunk
    }

    fn classify(self, chunk: Self::Loaded) -> Masks {
        let mut m = Masks::default();
        for (i, &b) in chunk.iter().enumerate() {
            let bit = 1u64 << i;
            if b.is_ascii_alphabetic() {
                m.letters |= bit;
            }
            if b.is_ascii_uppercase() {
                m.uppers |= bit;
            }
            if b.is_ascii_digit() {
                m.digits |= bit;
            }
            match b {
                b'_' => m.underscores |= bit,
                b':' => m.colons |= bit,
                b'.' | b'\'' => m.dots |= bit,
                b',' | b';' => m.commas |= bit,
                0x80.. => {
                    m.non_ascii |= bit;
                    if b >= 0xC0 {
                        m.leads |= bit;
                    }
                }
                _ => {}
            }
        }
        m
    }

    fn high_range(self, chunk: Self::Loaded, lo: u8, hi: u8) -> u64 {
        (0..WIDTH)
            .filter(|&i| (lo..=hi).contains(&chunk[i]))
            .fold(0, |bits, i| bits | (1 << i))
    }
}
