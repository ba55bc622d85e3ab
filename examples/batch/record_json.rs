//! The JSON of a record without tokens, written by hand: the same bytes as serde_json makes
//! of [`Record`](crate::output::Record) (a test holds the two together), at a fraction of
//! the cost.
//!
//! A record is some thirty short strings: its field names, codes, ten terms. serde_json
//! escapes each one, field names too, through its serializer's state machine, about ninety
//! instructions a string; the writer thread spent 42 % of its time there on line documents.
//! Here the field names and the codes of languages and scripts (ASCII letters, nothing to
//! escape) are copied as they are, and only the id, the terms and the warnings are escaped,
//! as serde_json escapes them.

use wordmill::Analysis;
use wordmill::detect::LanguageSpan;

use crate::input::Document;

/// Appends the record of `doc`, analysed as `analysis`, with its `top` terms and a newline:
/// what `serde_json::to_writer` and a `\n` write of
/// [`Record`](crate::output::Record) without tokens.
pub fn push_record(out: &mut Vec<u8>, doc: &Document, analysis: &Analysis, top: usize) {
    let detection = &analysis.detection;
    out.extend_from_slice(b"{\"id\":");
    push_str(out, &doc.id);
    out.extend_from_slice(b",\"lang\":\"");
    out.extend_from_slice(detection.lang.code().as_bytes());
    out.extend_from_slice(b"\",\"script\":");
    push_script(out, detection.script.map(|s| s.name()));
    out.extend_from_slice(b",\"confidence\":");
    push_f64(out, detection.confidence);
    out.extend_from_slice(if detection.reliable {
        b",\"reliable\":true,\"spans\":["
    } else {
        b",\"reliable\":false,\"spans\":["
    });
    for (i, span) in analysis.spans.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_span(out, span);
    }
    out.extend_from_slice(b"],\"token_count\":");
    push_usize(out, analysis.token_count);
    out.extend_from_slice(b",\"term_count\":");
    push_usize(out, analysis.terms.len());
    out.extend_from_slice(b",\"top_terms\":[");
    for (i, (term, count)) in analysis.terms.top(top).into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'[');
        push_str(out, term);
        out.push(b',');
        push_usize(out, count as usize);
        out.push(b']');
    }
    out.push(b']');
    if !doc.warnings.is_empty() {
        out.extend_from_slice(b",\"warnings\":[");
        for (i, warning) in doc.warnings.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            push_str(out, warning);
        }
        out.push(b']');
    }
    out.extend_from_slice(b"}\n");
}

fn push_span(out: &mut Vec<u8>, span: &LanguageSpan) {
    out.extend_from_slice(b"{\"span\":{\"start\":");
    push_usize(out, span.span.start());
    out.extend_from_slice(b",\"end\":");
    push_usize(out, span.span.end());
    out.extend_from_slice(b"},\"lang\":\"");
    out.extend_from_slice(span.lang.code().as_bytes());
    out.extend_from_slice(b"\",\"script\":");
    push_script(out, span.script.map(|s| s.name()));
    out.push(b'}');
}

/// A script's name, or `null`. (Names and codes are ASCII letters, digits and spaces:
/// nothing to escape; a test checks every one.)
fn push_script(out: &mut Vec<u8>, name: Option<&str>) {
    match name {
        Some(name) => {
            out.push(b'"');
            out.extend_from_slice(name.as_bytes());
            out.push(b'"');
        }
        None => out.extend_from_slice(b"null"),
    }
}

fn push_usize(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// A float as serde_json writes one (its shortest round-trip form, `null` for what JSON
/// cannot hold): one value a record, not worth a second formatter that must agree.
fn push_f64(out: &mut Vec<u8>, x: f64) {
    // (Writing to a Vec cannot fail, nor can serializing a float.)
    let _ = serde_json::to_writer(&mut *out, &x);
}

/// What serde_json writes after a backslash for each byte it escapes: `u` for `\u00XX`, 0
/// for a byte written as it is.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// `s` as a JSON string, escaped as serde_json escapes: `"` and `\`, and the control
/// characters below U+0020 (`\n` and its kin by name, the others as `\u00XX`); nothing else.
pub fn push_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    if !any_to_escape(bytes) {
        // Nearly every id and term: one copy.
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = ESCAPE[usize::from(b)];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        out.push(b'\\');
        out.push(escape);
        if escape == b'u' {
            out.extend_from_slice(&[
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 15)],
            ]);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// Whether any byte of `bytes` is one [`ESCAPE`] escapes, eight bytes at a time: a byte
/// below 0x20 (`(x - 0x20) & !x` has its high bit set exactly for those: a byte of 0x80 or
/// more has it clear in `!x`, and a borrow runs only above a byte that matched), or a byte
/// equal to `"` or `\` (zero once xored with it).
fn any_to_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            return true; // (chunks_exact gives eight bytes)
        };
        let x = u64::from_le_bytes(chunk);
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        if below(x, 0x20) | below(quote, 1) | below(backslash, 1) != 0 {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| ESCAPE[usize::from(b)] != 0)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use wordmill::Pipeline;

    use super::*;
    use crate::output::write_record;

    fn document(id: &str, text: &str, warnings: &[&str]) -> Document {
        Document {
            id: id.into(),
            file: Arc::from("f.jsonl"),
            line: Some(1),
            text: Ok(text.into()),
            warnings: warnings.iter().map(|w| (*w).to_owned()).collect(),
            lang: None,
            bytes: text.len() as u64,
        }
    }

    /// The hand-written record is serde_json's, byte for byte.
    fn same_as_serde(doc: &Document, analysis: &Analysis, top: usize) {
        let mut serde = Vec::new();
        write_record(&mut serde, doc, &Ok(analysis.clone()), top, false).unwrap();
        let mut hand = Vec::new();
        push_record(&mut hand, doc, analysis, top);
        assert_eq!(
            String::from_utf8(hand).unwrap(),
            String::from_utf8(serde).unwrap()
        );
    }

    #[test]
    fn records_are_serde_jsons_byte_for_byte() {
        let pipeline = Pipeline::builder().keep_tokens(false).build();
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/ntrex");
        let mut texts: Vec<String> = ["eng", "ara", "cmn", "hin", "rus", "tha", "amh", "yor"]
            .iter()
            .flat_map(|code| {
                let text = std::fs::read_to_string(corpus.join(format!("{code}.txt"))).unwrap();
                text.lines().take(20).map(str::to_owned).collect::<Vec<_>>()
            })
            .collect();
        // Mixed languages, no letters, nothing at all, terms with quotes, backslashes and
        // control characters (a term keeps what the tokenizer lets into a word).
        texts.extend(
            [
                "The minister said: «Nous sommes très heureux». Der Minister sagte es auch.",
                "12 345 ... !!!",
                "",
                "C:\\path\\to \"quoted\" don't l'État x\u{7f}y",
                "http://example.com/a\"b?c=d\\e #tag @who 😀",
            ]
            .map(str::to_owned),
        );
        let ids = [
            "plain",
            "with \"quotes\" and \\",
            "tab\tnew\nline\u{1}\u{1f}",
            "é€😀",
            "",
        ];
        for (i, text) in texts.iter().enumerate() {
            let id = ids[i % ids.len()];
            let warnings: &[&str] = if i % 3 == 0 {
                &["a \"warning\"\n"]
            } else {
                &[]
            };
            let doc = document(id, text, warnings);
            let analysis = pipeline.analyze(text);
            for top in [0, 3, 10, usize::MAX] {
                same_as_serde(&doc, &analysis, top);
            }
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut every_byte_below_0x80: String = (0u8..0x80).map(char::from).collect();
        every_byte_below_0x80.push_str("é\u{2028}\u{2029}\u{ffff}😀");
        for s in [every_byte_below_0x80.as_str(), "", "\"", "\\", "a\u{0}b"] {
            let mut hand = Vec::new();
            push_str(&mut hand, s);
            assert_eq!(hand, serde_json::to_vec(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn the_eight_byte_check_finds_every_byte_to_escape_anywhere() {
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = vec![b'a'; 20];
                bytes[at] = b;
                let expected = ESCAPE[usize::from(b)] != 0;
                assert_eq!(any_to_escape(&bytes), expected, "{b:#x} at {at}");
                // Beside bytes of 0x80 and more, which must not look like control bytes.
                bytes
                    .iter_mut()
                    .filter(|x| **x == b'a')
                    .for_each(|x| *x = 0xC3);
                assert_eq!(
                    any_to_escape(&bytes),
                    expected,
                    "{b:#x} at {at}, high bytes"
                );
            }
        }
    }

    #[test]
    fn names_and_codes_need_no_escape() {
        for lang in wordmill::Lang::all() {
            assert!(
                lang.code()
                    .bytes()
                    .all(|b| ESCAPE[usize::from(b)] == 0 && b.is_ascii())
            );
        }
        for script in wordmill::Script::all() {
            assert!(
                script
                    .name()
                    .bytes()
                    .all(|b| ESCAPE[usize::from(b)] == 0 && b.is_ascii())
            );
        }
    }
}
