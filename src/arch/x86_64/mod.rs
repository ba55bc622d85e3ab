//! x86-64: SSE2 (every x86-64 CPU), SSSE3 and AVX-512 (where the CPU has them, detected at
//! run time).

mod avx512;
mod sse2;
mod ssse3;

pub(crate) use avx512::Avx512;
pub(crate) use sse2::{Sse2, ascii_masks, lead_masks, prefetch};
pub(crate) use ssse3::Ssse3;
