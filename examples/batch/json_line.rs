//! One JSON line's document: its id and text fields (and language field, when one is read),
//! read without building anything else.
//!
//! Part of the input decoding (see `decode`), and like it free of files and options, so that
//! the fuzz target `fuzz/fuzz_targets/batch_input.rs` includes it as it is. serde_json skips
//! ignored values (`IgnoredAny`) with a loop and a stack of one byte per level, not by
//! recursion: deep nesting in any field costs no stack, and a wrong type in the text or id
//! field is skipped the same way, element by element, its kind kept for the error.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use wordmill::Lang;

use crate::decode::{Decoded, Options};

/// serde_json's message with its position in the line's terms: each line is parsed on its
/// own, so serde_json's "at line 1" would contradict the record's `line`.
fn on_the_line(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&position) {
        // serde_json counts bytes (of the line as decoded: a byte order mark dropped).
        Some(what) if e.line() > 0 => format!("{what} at byte {} of the line", e.column()),
        _ => message,
    }
}

/// The id and text of the one JSON object `json` holds.
///
/// An escaped lone surrogate (`\ud800` not followed by a low surrogate's escape, or a low
/// one alone) is valid JSON but no Unicode text: what JSON writers make of a string cut in
/// the middle of an emoji's UTF-16 pair (JavaScript's, Python's `json.dumps`). As invalid
/// UTF-8 bytes are, it is replaced by U+FFFD with a warning, or refused with `--strict`.
pub fn parse(json: &str, options: &Options) -> Decoded {
    let first = parse_exact(json, options);
    if first.text.is_ok() {
        return first;
    }
    let Some((mended, count, at)) = mend_lone_surrogates(json) else {
        return first;
    };
    let mut decoded = parse_exact(&mended, options);
    if decoded.text.is_err() {
        // Something else is wrong with the line (a text that is no string, two values...):
        // that is its error.
        return decoded;
    }
    // Counted from 1, as serde_json's positions in the other errors are.
    let at = at + 1;
    if options.strict {
        let error = format!(
            "invalid text: {count} escaped lone surrogate(s) on the line (the first at byte {at}), half of a UTF-16 pair, which is no Unicode text: mend the text, or run without --strict to replace them with U+FFFD"
        );
        // The id as the mended line gives it, for the error record.
        return Decoded::error(decoded.id, error);
    }
    decoded.warnings.insert(
        0,
        format!(
            "{count} escaped lone surrogate(s) on the line (the first at byte {at}), half of a UTF-16 pair, replaced by U+FFFD"
        ),
    );
    decoded
}

/// `json` with every escaped lone surrogate replaced by `\ufffd` (the same length, so that
/// byte positions stay), with how many there were and where the first was; `None` when
/// there is none. A backslash starts an escape wherever it is in JSON text (only strings
/// hold one), so escapes are found without parsing.
fn mend_lone_surrogates(json: &str) -> Option<(String, usize, usize)> {
    let bytes = json.as_bytes();
    let escape_at = |i: usize| -> Option<u32> {
        let hex = bytes.get(i..i + 6)?.strip_prefix(b"\\u")?;
        u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
    };
    let mut lone = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        match escape_at(i) {
            Some(0xD800..=0xDBFF) if matches!(escape_at(i + 6), Some(0xDC00..=0xDFFF)) => i += 12,
            Some(0xD800..=0xDFFF) => {
                lone.push(i);
                i += 6;
            }
            // Any other escape: its backslash and the character after it.
            _ => i += 2,
        }
    }
    let first = *lone.first()?;
    let mut mended = bytes.to_vec();
    for &at in &lone {
        mended[at..at + 6].copy_from_slice(b"\\ufffd");
    }
    // ASCII replaced by ASCII: still UTF-8.
    let mended = String::from_utf8(mended).ok()?;
    Some((mended, lone.len(), first))
}

/// [`parse`] without mending.
fn parse_exact(json: &str, options: &Options) -> Decoded {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let fields = Fields {
        text: &options.text_field,
        id: &options.id_field,
        lang: options.lang_field.as_deref(),
    };
    let (text, id, lang) = match fields.deserialize(&mut deserializer) {
        Ok(found) => found,
        Err(e) => {
            // UTF-16 read as UTF-8 (no byte order mark to tell it) is a NUL before or after
            // every ASCII character.
            let hint = if json.contains('\0') {
                format!(
                    "; the line holds NUL bytes: if the file is UTF-16, {}",
                    crate::decode::CONVERT_UTF16
                )
            } else {
                String::new()
            };
            return Decoded::error(None, format!("invalid JSON: {}{hint}", on_the_line(&e)));
        }
    };
    if let Err(e) = deserializer.end() {
        // Two objects on a line, or an object and more: never keep one and drop the rest.
        let error = format!(
            "invalid JSON: more than one JSON value on the line ({}): each line must hold exactly one object",
            on_the_line(&e)
        );
        return Decoded::error(None, error);
    }
    let id = match id {
        // Null as absent, as for the language: what pandas writes for a missing id.
        None | Some(Value::Wrong(NULL)) => None,
        Some(Value::Text(id)) => Some(id),
        Some(Value::Wrong(kind)) => {
            let error = format!(
                "field {:?} is {kind}: ids must be strings or numbers (choose the field with --id-field)",
                options.id_field
            );
            return Decoded::error(None, error);
        }
    };
    let error = match text {
        Some(Value::Text(text)) => {
            let mut decoded = Decoded {
                id,
                text: Ok(text),
                warnings: Vec::new(),
                lang: None,
            };
            let field = options.lang_field.as_deref().unwrap_or_default();
            match lang {
                // Absent, null or `und`: the language is not known, and is detected.
                None | Some(Value::Wrong(NULL)) => {}
                Some(Value::Text(code)) => match code.parse::<Lang>() {
                    Ok(lang) => decoded.lang = Some(lang).filter(|l| !l.is_undetermined()),
                    Err(_) => {
                        // (A long value is cut: the warning goes to the record and to stderr.)
                        let shown = crate::decode::shown(&code, 40);
                        decoded.warnings.push(format!(
                            "field {field:?} holds the unknown language code \"{shown}\" (ISO 639-3, ISO 639-1 or a BCP 47 tag expected): the language was detected"
                        ));
                    }
                },
                Some(Value::Wrong(kind)) => decoded.warnings.push(format!(
                    "field {field:?} is {kind}, not a language code: the language was detected"
                )),
            }
            return decoded;
        }
        None => format!(
            "no {:?} field: name the field that holds the text with --text-field",
            options.text_field
        ),
        Some(Value::Wrong(kind)) => format!(
            "field {:?} is {kind}, not a string: name the field that holds the text with --text-field",
            options.text_field
        ),
    };
    Decoded::error(id, error)
}

/// The kind of a JSON null, which a language field may hold to say "not known".
const NULL: &str = "null";

/// The value of the text or id field: a text, or the kind of JSON value it was instead.
#[derive(Debug, PartialEq)]
enum Value {
    Text(String),
    Wrong(&'static str),
}

/// Reads the text and id fields (and the language field, when there is one) of a JSON
/// object and skips the others without building them.
struct Fields<'a> {
    text: &'a str,
    id: &'a str,
    lang: Option<&'a str>,
}

/// The values of the text, id and language fields.
type FieldValues = (Option<Value>, Option<Value>, Option<Value>);

impl<'de> DeserializeSeed<'de> for Fields<'_> {
    type Value = FieldValues;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Fields<'_> {
    type Value = FieldValues;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut text, mut id, mut lang) = (None, None, None);
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let (slot, numbers) = if key == self.text {
                (&mut text, false)
            } else if key == self.id {
                (&mut id, true)
            } else if self.lang == Some(&*key) {
                (&mut lang, false)
            } else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            if slot.is_some() {
                return Err(serde::de::Error::custom(format_args!(
                    "duplicate field {key:?}"
                )));
            }
            *slot = Some(map.next_value_seed(FieldValue { numbers })?);
        }
        Ok((text, id, lang))
    }
}

/// One field's value: a string (or, when `numbers`, a number written as JSON writes it);
/// anything else is skipped and only its kind kept.
struct FieldValue {
    numbers: bool,
}

impl FieldValue {
    fn number(self, kind: impl FnOnce() -> String) -> Value {
        if self.numbers {
            Value::Text(kind())
        } else {
            Value::Wrong("a number")
        }
    }
}

impl<'de> DeserializeSeed<'de> for FieldValue {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FieldValue {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Text(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Text(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(self.number(|| v.to_string()))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(self.number(|| v.to_string()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // As serde_json writes the number (JSON has no NaN or infinity to meet here).
        Ok(self.number(|| {
            serde_json::Number::from_f64(v).map_or_else(|| v.to_string(), |n| n.to_string())
        }))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Value, E> {
        Ok(Value::Wrong("a boolean"))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Wrong(NULL))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Wrong(NULL))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        // Each element skipped as it is read: nothing of the array is kept.
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Value::Wrong("an array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Value::Wrong("an object"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode_json_line;

    fn options() -> Options {
        Options {
            strict: false,
            text_field: "text".into(),
            id_field: "id".into(),
            lang_field: None,
        }
    }

    fn json(line: &str) -> Decoded {
        decode_json_line(line.as_bytes().to_vec(), &options()).expect("not blank")
    }

    #[test]
    fn only_the_two_fields_are_read() {
        let options = Options {
            strict: false,
            text_field: "body".into(),
            id_field: "key".into(),
            lang_field: None,
        };
        let line = r#"{"key":7,"other":{"deep":[1,2]},"body":"Muscat"}"#;
        let decoded = decode_json_line(line.into(), &options).unwrap();
        assert_eq!(decoded.id.as_deref(), Some("7"));
        assert_eq!(decoded.text.as_deref(), Ok("Muscat"));
        assert!(json("[1]").text.is_err());
    }

    /// The language field, when one is read: its string is kept for the analysis to check;
    /// absent or null, the language is detected; another kind of value is a warning (the
    /// document is analysed all the same).
    #[test]
    fn the_language_field_is_read_when_asked_for() {
        let options = Options {
            lang_field: Some("lang".into()),
            ..options()
        };
        let read = |line: &str| decode_json_line(line.into(), &options).unwrap();
        let decoded = read(r#"{"lang":"en","text":"x"}"#);
        assert_eq!(
            (decoded.lang.map(Lang::code), decoded.warnings.len()),
            (Some("eng"), 0)
        );
        for line in [
            r#"{"text":"x"}"#,
            r#"{"text":"x","lang":null}"#,
            r#"{"text":"x","lang":"und"}"#,
        ] {
            let decoded = read(line);
            assert_eq!((decoded.lang, decoded.warnings.len()), (None, 0), "{line}");
        }
        let decoded = read(r#"{"text":"x","lang":["en"]}"#);
        assert_eq!(decoded.text.as_deref(), Ok("x"));
        assert_eq!(decoded.lang, None);
        let warning = &decoded.warnings[0];
        assert!(warning.contains("\"lang\" is an array"), "{warning}");
        // An unknown code is detected, and said, cut when long.
        let decoded = read(&format!(r#"{{"text":"x","lang":"{}"}}"#, "q".repeat(1000)));
        assert_eq!(decoded.lang, None);
        let warning = &decoded.warnings[0];
        assert!(warning.contains("unknown language code") && warning.ends_with("detected"));
        assert!(warning.len() < 200 && warning.contains('…'), "{warning}");
        // Twice is an error, as for the other fields.
        assert!(
            read(r#"{"text":"x","lang":"eng","lang":"deu"}"#)
                .text
                .is_err()
        );
        // Without --lang-field, a "lang" field is just another field.
        assert_eq!(json(r#"{"text":"x","lang":"eng"}"#).lang, None);
    }

    #[test]
    fn ids_are_strings_or_numbers_as_json_writes_them() {
        for (id, expected) in [
            ("\"a\"", "a"),
            ("-3", "-3"),
            ("18446744073709551615", "18446744073709551615"),
            ("1.50", "1.5"),
            ("1e3", "1000.0"),
        ] {
            let decoded = json(&format!("{{\"id\":{id},\"text\":\"x\"}}"));
            assert_eq!(decoded.id.as_deref(), Some(expected), "{id}");
        }
        let error = json(r#"{"id":[1],"text":"x"}"#).text.unwrap_err();
        assert!(error.contains("\"id\" is an array: ids must be"), "{error}");
        // A null id is no id: the document is analysed under its place in the input.
        let decoded = json(r#"{"id":null,"text":"x"}"#);
        assert_eq!((decoded.id, decoded.text.as_deref()), (None, Ok("x")));
    }

    #[test]
    fn wrong_types_are_named_not_built() {
        for (value, kind) in [
            ("42", "a number"),
            ("null", "null"),
            ("true", "a boolean"),
            ("[1,[2,{\"a\":3}]]", "an array"),
            ("{\"a\":[1]}", "an object"),
        ] {
            let decoded = json(&format!("{{\"id\":\"d\",\"text\":{value}}}"));
            assert_eq!(decoded.id.as_deref(), Some("d"), "the id is kept");
            let error = decoded.text.unwrap_err();
            assert!(
                error.contains(&format!("is {kind}, not a string")),
                "{error}"
            );
        }
    }

    #[test]
    fn a_line_holds_exactly_one_json_value() {
        for line in [
            r#"{"id":1,"text":"a"}{"id":2,"text":"b"}"#,
            r#"{"id":1,"text":"a"} garbage"#,
            r#"{"id":1,"text":"a"} {}"#,
            r#"{"id":1,"text":"a"},"#,
        ] {
            let error = json(line).text.unwrap_err();
            assert!(
                error.contains("more than one JSON value"),
                "{line}: {error}"
            );
        }
        assert_eq!(json("  {\"text\":\"a\"}  \t").text.as_deref(), Ok("a"));
    }

    #[test]
    fn errors_say_where_in_the_line() {
        // Each line is parsed alone: serde_json's "line 1" would contradict the record's line.
        let error = json(r#"{"id": broken"#).text.unwrap_err();
        assert_eq!(error, "invalid JSON: expected value at byte 8 of the line");
        // UTF-16 without its byte order mark, a line of it read as UTF-8.
        let utf16: String = "{\"text\":\"a\"}".chars().flat_map(|c| [c, '\0']).collect();
        let error = json(&utf16).text.unwrap_err();
        assert!(
            error.ends_with("convert it first: iconv -f UTF-16 -t UTF-8"),
            "{error}"
        );
        let error = json(r#"{"text":"a"} x"#).text.unwrap_err();
        assert!(error.contains("at byte 14 of the line"), "{error}");
        assert!(!error.contains("line 1"), "{error}");
    }

    #[test]
    fn escapes_nul_and_lone_surrogates() {
        assert_eq!(json(r#"{"text":"a\u0000b"}"#).text.as_deref(), Ok("a\0b"));
        assert_eq!(
            json(r#"{"text":"\ud83d\ude00"}"#).text.as_deref(),
            Ok("\u{1F600}")
        );
        // Lone surrogates, high or low, in the text or the id: replaced, with a warning that
        // counts them; an escaped backslash before "ud800" is no escape of a surrogate.
        let decoded = json(r#"{"id":"x\udc00","text":"a\ud800b \\ud800 \ud83d\ude00 \ud83d"}"#);
        assert_eq!(decoded.id.as_deref(), Some("x\u{FFFD}"));
        assert_eq!(
            decoded.text.as_deref(),
            Ok("a\u{FFFD}b \\ud800 \u{1F600} \u{FFFD}")
        );
        assert_eq!(decoded.warnings.len(), 1);
        assert!(
            decoded.warnings[0]
                .starts_with("3 escaped lone surrogate(s) on the line (the first at byte 9)"),
            "{:?}",
            decoded.warnings
        );
        // Refused with --strict, the id kept for the record.
        let strict = Options {
            strict: true,
            ..options()
        };
        let line = r#"{"id":"x","text":"a\ud800b"}"#;
        let decoded = decode_json_line(line.as_bytes().to_vec(), &strict).unwrap();
        assert_eq!(decoded.id.as_deref(), Some("x"));
        let error = decoded.text.unwrap_err();
        assert!(error.contains("1 escaped lone surrogate(s)"), "{error}");
        assert!(error.contains("--strict"), "{error}");
        // Other errors are the line's error, with --strict too.
        let error = json(r#"{"text":"a\ud800b""#).text.unwrap_err();
        assert!(error.starts_with("invalid JSON"), "{error}");
        for (line, expected) in [
            (r#"{"text":5,"note":"\ud800"}"#, "is a number"),
            (r#"{"note":"\ud800"}"#, "no \"text\" field"),
            (
                r#"{"text":"\ud800"} {"text":"b"}"#,
                "more than one JSON value",
            ),
        ] {
            let decoded = decode_json_line(line.as_bytes().to_vec(), &strict).unwrap();
            let error = decoded.text.unwrap_err();
            assert!(error.contains(expected), "{line}: {error}");
        }
    }

    #[test]
    fn deep_nesting_in_skipped_values_is_no_problem() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let decoded = json(&format!("{{\"other\":{deep},\"text\":\"a\"}}"));
        assert_eq!(decoded.text.as_deref(), Ok("a"));
        let error = json(&format!("{{\"text\":{deep}}}")).text.unwrap_err();
        assert!(error.contains("is an array"), "{error}");
        let error = json(&format!("{{\"text\":\"a\",\"x\":{}}}", "[".repeat(100_000)))
            .text
            .unwrap_err();
        assert!(error.starts_with("invalid JSON"), "{error}");
        assert!(json(&deep).text.is_err());
    }
}
