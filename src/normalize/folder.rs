//! [`Folder`]: a normalizer made ready for one language, the form the tokenizer's fused loop
//! and the pipeline use token after token.

use super::Normalizer;
use super::rules::Rules;

/// A [`Normalizer`] made ready for one language ([`Normalizer::folder`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Folder<'n> {
    pub(super) normalizer: &'n Normalizer,
    pub(super) rules: Rules,
    /// The normalizer turns ASCII text into its lowercase and nothing else: it case-folds,
    /// and the language is not Turkic (whose `I` is `ı`).
    pub(super) ascii_lowercase: bool,
    pub(super) table: &'static super::onepass::Table,
    /// The classes of the characters this normalizer may change under these rules.
    pub(super) relevant: u8,
}

impl Folder<'_> {
    /// [`fold_token`](Self::fold_token) for a word whose bytes nobody has looked at.
    #[inline]
    pub(crate) fn fold_word<'a>(&self, word: &'a str, buffer: &'a mut String) -> &'a str {
        let ascii = word.is_ascii();
        let ascii_upper = ascii && word.bytes().any(|b| b.is_ascii_uppercase());
        self.fold_token(word, ascii, ascii_upper, buffer)
    }

    /// What the tokenizer's window needs to fold its text as this folder does, when it can:
    /// when this folder turns ASCII into its lowercase.
    #[inline]
    pub(crate) fn window_fold(&self) -> Option<crate::fold::WindowFold> {
        self.ascii_lowercase
            .then(|| crate::fold::WindowFold::new(self.table, self.relevant))
    }

    /// [`Normalizer::fold_to`] for a token whose bytes the tokenizer has seen already: it
    /// knows whether the token is ASCII and, if so, whether it has capitals, which settles
    /// most tokens at once.
    #[inline]
    pub(crate) fn fold_token<'a>(
        &self,
        word: &'a str,
        ascii: bool,
        ascii_upper: bool,
        buffer: &'a mut String,
    ) -> &'a str {
        let normalizer = self.normalizer;
        // ASCII is already NFC and NFKC; only case can change.
        if ascii && (!ascii_upper || !normalizer.case_fold) {
            return word;
        }
        if ascii && !(self.rules.turkic && word.contains('I')) {
            buffer.clear();
            buffer.push_str(word);
            buffer.make_ascii_lowercase();
            return buffer;
        }
        let word = normalizer.without_edge_joiners(word);
        match normalizer.fold_in_one_pass(word, self.table, self.relevant, buffer) {
            Some(false) => word,
            Some(true) => buffer,
            None => normalizer.fold_by_steps(word, self.rules, buffer),
        }
    }
}
