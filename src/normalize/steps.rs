//! The reference path of normalization, step by step: Unicode composition, then the
//! per-character rules, repeated until nothing changes. The one-pass table (`onepass.rs`) and
//! the windows (`crate::fold`) must give what this gives; property tests check it.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfkc_quick};

use super::classes::{char_class, class, work_of};
use super::rules::{CharMap, Rules, case_fold_char};
use super::{JOINERS, Normalizer, UnicodeForm};
use crate::scratch;

impl Normalizer {
    /// [`Folder::fold_token`](super::Folder::fold_token) step by step, for tokens that
    /// [`fold_in_one_pass`](Self::fold_in_one_pass) cannot settle: the reference both follow.
    pub(super) fn fold_by_steps<'a>(
        &self,
        token: &'a str,
        rules: Rules,
        buffer: &'a mut String,
    ) -> &'a str {
        // One pass over the characters says what work there is: most words of most scripts
        // have none, many only need case folding, few need the normal form recomputed.
        let unstable = self.unstable_class();
        let relevant = self.relevant_classes(rules) | unstable;
        let work = work_of(token) & relevant;
        if work == 0 {
            return token;
        }
        // The text in between is written to strings borrowed from the thread (`scratch`),
        // taken only where a step writes: a token whose form or context rules change it
        // (much of Devanagari text: nuktas, vowel signs) costs no allocation once they have
        // grown, and one that is only case-folded takes none.
        let mut composed_text = String::new();
        if work & unstable != 0 {
            composed_text = scratch::take();
        }
        let (composed, work) =
            if work & unstable != 0 && self.compose_into(token, &mut composed_text) {
                // Composition can make characters that the rules change (U+FB38 is U+05D8 with a
                // dagesh, which the Hebrew rule removes): look again.
                (composed_text.as_str(), work_of(&composed_text) & relevant)
            } else {
                (token, work)
            };
        let composed_is_token = std::ptr::eq(composed, token);
        buffer.clear();
        // Case folding alone never removes a character; the rules may.
        let may_remove = work & !(unstable | class::FOLD) != 0;
        let mut mapped = if may_remove {
            self.map_chars(composed, rules, relevant, buffer)
        } else {
            self.case_fold && fold_into(composed, buffer)
        };
        // The context rules (Indic) read a character's neighbours: after the per-character
        // rules, on what they made.
        if work & class::RULE != 0 {
            let mut context = scratch::take();
            let text: &str = if mapped { buffer } else { composed };
            if self.apply_context_rules(text, &mut context) {
                std::mem::swap(buffer, &mut context);
                mapped = true;
            }
            scratch::give_back(context);
        }
        // The composed token, when nothing else changed it or when what the rules made of it
        // must not replace it (below).
        let composed_token = |buffer: &'a mut String, composed_text: String| -> &'a str {
            if composed_is_token {
                scratch::give_back(composed_text);
                return token;
            }
            buffer.clear();
            buffer.push_str(&composed_text);
            scratch::give_back(composed_text);
            buffer
        };
        if !mapped {
            return composed_token(buffer, composed_text);
        }
        if self.fold_punctuation {
            let end = buffer.trim_end_matches(JOINERS).len();
            buffer.truncate(end);
            let start = buffer.len() - buffer.trim_start_matches(JOINERS).len();
            buffer.drain(..start);
        }
        if may_remove
            && (buffer.is_empty()
                || (!buffer.chars().any(char::is_alphanumeric)
                    && composed.chars().any(char::is_alphanumeric)))
        {
            // Only removable characters, or removable ones and spaces or punctuation (a stray
            // vowel mark after a comma): keep the token rather than lose it or make it a term
            // of punctuation. (Punctuation alone is folded: `’` → `'`.)
            return composed_token(buffer, composed_text);
        }
        scratch::give_back(composed_text);
        // Folding and removals can leave text that is not in the form any more (`ǰ` folds to
        // `j` + U+030C, which NFC composes back), composing can make a character the rules
        // change (a removed soft hyphen between `α` and U+0301 lets them compose to `ά`, whose
        // accent the Greek rule removes), and folding can make one another rule changes (`ŉ`
        // folds to `ʼn`, whose `ʼ` is punctuation): repeat until nothing changes (twice is the
        // most seen).
        let mut work = work_of(buffer) & relevant;
        if work == 0 {
            return buffer;
        }
        let mut again = scratch::take();
        let mut recomposed_text = scratch::take();
        let mut context = scratch::take();
        for _ in 0..4 {
            let recomposed =
                work & unstable != 0 && self.compose_into(buffer, &mut recomposed_text);
            let text: &str = if recomposed { &recomposed_text } else { buffer };
            again.clear();
            let mut changed = work_of(text) & relevant & !unstable != 0
                && self.map_chars(text, rules, relevant, &mut again);
            if self.apply_context_rules(if changed { &again } else { text }, &mut context) {
                std::mem::swap(&mut again, &mut context);
                changed = true;
            }
            if changed {
                std::mem::swap(buffer, &mut again);
            } else {
                if recomposed {
                    std::mem::swap(buffer, &mut recomposed_text);
                }
                break;
            }
            work = work_of(buffer) & relevant;
            if work == 0 {
                break;
            }
        }
        scratch::give_back(again);
        scratch::give_back(recomposed_text);
        scratch::give_back(context);
        buffer
    }

    /// The context rules of the scripts (`indic.rs`), when the normalizer applies the
    /// language rules: false (and `out` left empty) when nothing changes.
    fn apply_context_rules(&self, text: &str, out: &mut String) -> bool {
        self.language_rules && super::indic::apply_context_rules(text, out)
    }

    /// Writes `text` in the normalizer's form into `out` (cleared first) and returns true,
    /// unless the quick check finds it in that form already (false, `out` untouched).
    fn compose_into(&self, text: &str, out: &mut String) -> bool {
        let quick = match self.form {
            UnicodeForm::Nfc => is_nfc_quick(text.chars()),
            UnicodeForm::Nfkc => is_nfkc_quick(text.chars()),
        };
        if quick == IsNormalized::Yes {
            return false;
        }
        out.clear();
        match self.form {
            UnicodeForm::Nfc => out.extend(text.nfc()),
            UnicodeForm::Nfkc => out.extend(text.nfkc()),
        }
        true
    }

    pub(super) fn compose<'a>(&self, text: &'a str) -> Cow<'a, str> {
        match self.form {
            UnicodeForm::Nfc => match is_nfc_quick(text.chars()) {
                IsNormalized::Yes => Cow::Borrowed(text),
                _ => Cow::Owned(text.nfc().collect()),
            },
            UnicodeForm::Nfkc => match is_nfkc_quick(text.chars()) {
                IsNormalized::Yes => Cow::Borrowed(text),
                _ => Cow::Owned(text.nfkc().collect()),
            },
        }
    }

    /// Applies the per-character rules into `out`; false (and `out` left empty) when no
    /// character changes. Characters whose class is not in `relevant` are kept without
    /// looking at the rules.
    pub(super) fn map_chars(
        &self,
        text: &str,
        rules: Rules,
        relevant: u8,
        out: &mut String,
    ) -> bool {
        let map = |c: char| {
            if char_class(c) & relevant & !(class::NFC | class::NFKC) == 0 {
                CharMap::Keep
            } else {
                self.map_char(c, rules)
            }
        };
        let mut chars = text.char_indices();
        let (first, c, mapped) = loop {
            let Some((i, c)) = chars.next() else {
                return false;
            };
            match map(c) {
                CharMap::Keep => continue,
                mapped => break (i, c, mapped),
            }
        };
        out.reserve(text.len() + 4);
        out.push_str(&text[..first]);
        apply(out, c, mapped);
        for (_, c) in chars {
            apply(out, c, map(c));
        }
        true
    }
}

pub(super) fn apply(out: &mut String, c: char, map: CharMap) {
    match map {
        CharMap::Keep => out.push(c),
        CharMap::Remove => {}
        CharMap::Char(m) => out.push(m),
        CharMap::Str(s) => out.push_str(s),
    }
}

/// Case-folds `text` into `out`; false (and `out` left as it was) when nothing changes.
pub(super) fn fold_into(text: &str, out: &mut String) -> bool {
    let Some(first) = text
        .find(|c: char| c.is_ascii_uppercase() || (!c.is_ascii() && case_fold_char(c).is_some()))
    else {
        return false;
    };
    out.reserve(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            match case_fold_char(c) {
                Some(folded) => out.push_str(folded),
                None => out.push(c),
            }
        }
    }
    true
}
