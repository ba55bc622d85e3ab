//! Fuzzing `CorpusStats::from_bytes` past its checksum.
//!
//! `cargo fuzz run stats -- -malloc_limit_mb=256` (see fuzz/README.md). Random bytes almost
//! never pass the CRC, so the input is framed as real statistics are: magic bytes, format
//! version, the input as the payload, and its checksum. With a first byte of 0 the rest is
//! read as front-coded entries of one language instead (the part of the format where a few
//! bytes can stand for many), so that the decoder gets deep more often. Checks: an error or
//! statistics, never a panic; statistics that load write back to the same bytes' meaning;
//! and (through `-malloc_limit_mb`) no allocation beyond what the bytes can justify.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wordmill::tf::CorpusStats;

fn framed(payload: &[u8]) -> Vec<u8> {
    let mut bytes = b"WMSTATS\0".to_vec();
    bytes.extend_from_slice(&1u16.to_le_bytes());
    bytes.extend_from_slice(payload);
    let crc = crc::Crc::<u32>::new(&crc::CRC_32_ISCSI).checksum(payload);
    bytes.extend_from_slice(&crc.to_le_bytes());
    bytes
}

/// Front-coded entries (shared, rest, documents, occurrences) from the input, 4 bytes each.
fn entries(data: &[u8]) -> Vec<u8> {
    let terms: Vec<(u32, String, u64, u64)> = data
        .chunks(4)
        .map(|c| {
            let byte = |i: usize| c.get(i).copied().unwrap_or(0);
            let rest = match byte(1) % 4 {
                0 => String::new(),
                1 => char::from(b'a' + byte(1) % 26).to_string(),
                2 => "ع".into(),
                _ => "\u{10FFFF}".repeat(usize::from(byte(1) % 3)),
            };
            (
                u32::from(byte(0)),
                rest,
                u64::from(byte(2) % 8),
                u64::from(byte(3) % 16),
            )
        })
        .collect();
    let documents = u64::from(data.first().copied().unwrap_or(1) % 8);
    let tokens: u64 = terms.iter().map(|t| t.3).sum();
    let languages = vec![("eng", (documents, tokens, terms))];
    postcard::to_allocvec(&(documents, tokens, languages)).expect("encodes")
}

fuzz_target!(|data: &[u8]| {
    let payload = match data.split_first() {
        Some((0, rest)) => entries(rest),
        _ => data.to_vec(),
    };
    let bytes = framed(&payload);
    if let Ok(stats) = CorpusStats::from_bytes(&bytes) {
        let again = CorpusStats::from_bytes(&stats.to_bytes()).expect("written statistics load");
        assert_eq!(again, stats);
    }
    // Unframed too: the magic, version and checksum checks themselves.
    let _ = CorpusStats::from_bytes(data);
});
