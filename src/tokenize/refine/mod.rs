//! The tokenizer's options beyond UAX #29, as refiners of its word tokens: URLs, e-mail
//! addresses, hashtags and mentions (`links.rs`), CJK bigrams (`cjk.rs`) and dictionary words
//! (`dictionary.rs`). A tokenizer with options keeps a short list of refiners, in the order
//! they look at a token; the first that takes a token decides what becomes of it, and a token
//! none takes is emitted as it is. The tokens they refine come from the same loop as without
//! options (windows and the segmenter alike), so options cost only where they apply.

mod cjk;
#[cfg(feature = "icu")]
mod dictionary;
mod links;
#[cfg(test)]
mod tests;

use std::cell::Cell;

use super::ascii::NON_ASCII;
use super::{RawToken, TokenKind, Tokens};
use crate::unicode::utf8::decode;
use crate::unicode::{WB_MASK, props, unspaced_script, wb};

/// One option that turns word tokens into other tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Refiner {
    /// A URL with a scheme or `www.` (`TokenKind::Url`).
    Url,
    /// An e-mail address (`TokenKind::Email`).
    Email,
    /// `#` or `@` before a word, not after a letter or digit (`TokenKind::Hashtag`,
    /// `TokenKind::Mention`).
    Tags { hashtags: bool, mentions: bool },
    /// Overlapping pairs of the characters of a run of Han, kana and hangul.
    Bigrams,
    /// Dictionary words (ICU4X) of a run of these script classes (see `unspaced_script`).
    #[cfg(feature = "icu")]
    Dictionary { scripts: &'static [u8] },
}

/// What a refiner made of a token.
enum Refined {
    /// This token, instead of the one looked at.
    Token(RawToken),
    /// Tokens queued in `Pending` (the bigrams or words of a run), the first to emit next.
    Queued,
    /// Not this refiner's: the next one looks.
    Unchanged,
}

/// The refiners of a tokenizer, in order (at most one of each: five kinds, five slots).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Refiners {
    list: [Option<Refiner>; 5],
}

impl Refiners {
    /// Appends `refiner`, which must be of a kind not in the list yet (so there is room).
    pub(super) fn push(&mut self, refiner: Refiner) {
        let kind = std::mem::discriminant(&refiner);
        debug_assert!(
            !self.into_iter().any(|r| std::mem::discriminant(&r) == kind),
            "a second {refiner:?}"
        );
        let slot = self.list.iter_mut().find(|slot| slot.is_none());
        debug_assert!(slot.is_some(), "no room for {refiner:?}");
        if let Some(slot) = slot {
            *slot = Some(refiner);
        }
    }

    #[inline]
    pub(super) fn is_empty(&self) -> bool {
        self.list[0].is_none()
    }

    /// The refiners, in order.
    pub(super) fn into_iter(self) -> impl Iterator<Item = Refiner> {
        self.list.into_iter().flatten()
    }
}

thread_local! {
    /// The buffers of the last token stream that ended on this thread.
    static SPARE: Cell<Option<Pending>> = const { Cell::new(None) };
}

/// A token stream's [`Pending`], given back to its thread when the stream is dropped. The
/// `Drop` is this type's, not `Tokens`'s: a type without a lifetime, so that dropping a
/// token stream is known not to touch its text, and the text's borrow ends where the stream
/// is last used (a `Drop` on `Tokens<'a>` would hold it to the end of the scope).
#[derive(Clone, Debug, Default)]
pub(super) struct PendingSlot(pub(super) Pending);

impl Drop for PendingSlot {
    fn drop(&mut self) {
        self.0.give_back();
    }
}

impl std::ops::Deref for PendingSlot {
    type Target = Pending;

    fn deref(&self) -> &Pending {
        &self.0
    }
}

impl std::ops::DerefMut for PendingSlot {
    fn deref_mut(&mut self) -> &mut Pending {
        &mut self.0
    }
}

/// Tokens found ahead of the one being returned (the bigrams or words of a run), in order.
#[derive(Clone, Debug, Default)]
pub(super) struct Pending {
    tokens: Vec<RawToken>,
    next: usize,
    /// Character starts of a CJK run, kept to be reused run after run.
    starts: Vec<usize>,
}

impl Pending {
    /// Empty buffers, with room if this thread's last token stream left some: a document of
    /// CJK text then queues its bigrams without allocating.
    pub(super) fn from_thread() -> Pending {
        SPARE
            .try_with(Cell::take)
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// Leaves the buffers to this thread's next token stream, emptied (unless they grew
    /// large: one enormous run's are let go).
    pub(super) fn give_back(&mut self) {
        const MAX_KEPT: usize = 4096;
        let mut pending = std::mem::take(self);
        if pending.tokens.capacity() > MAX_KEPT || pending.starts.capacity() > MAX_KEPT {
            return;
        }
        pending.tokens.clear();
        pending.starts.clear();
        pending.next = 0;
        let _ = SPARE.try_with(|spare| spare.set(Some(pending)));
    }

    #[inline]
    pub(super) fn pop(&mut self) -> Option<RawToken> {
        let token = self.tokens.get(self.next).copied()?;
        self.next += 1;
        if self.next == self.tokens.len() {
            self.tokens.clear();
            self.next = 0;
        }
        Some(token)
    }
}

/// Applies the refiners to a word token: returns the token to emit, or `None` when none is
/// (the refiner took the token and has nothing to emit).
pub(super) fn refine(tokens: &mut Tokens<'_>, segment: RawToken) -> Option<RawToken> {
    for refiner in tokens.options.refiners.into_iter() {
        let refined = match refiner {
            Refiner::Url => links::url(tokens, segment),
            Refiner::Email => links::email(tokens, segment),
            Refiner::Tags { hashtags, mentions } => links::tag(tokens, segment, hashtags, mentions),
            Refiner::Bigrams => cjk::bigrams(tokens, segment),
            #[cfg(feature = "icu")]
            Refiner::Dictionary { scripts } => dictionary::words(tokens, segment, scripts),
        };
        match refined {
            Refined::Token(token) => return Some(token),
            Refined::Queued => return tokens.pending.pop(),
            Refined::Unchanged => {}
        }
    }
    Some(segment)
}

/// A word token whose characters (marks aside) are all of these script classes (see
/// `unspaced_script`), and at least one. (A lone mark, `ً` at the start of a text, is no
/// character of these scripts: taking it into a CJK run would make a bigram of it.)
fn in_scripts(bytes: &[u8], segment: RawToken, classes: &[u8]) -> bool {
    if segment.flags & NON_ASCII == 0 || segment.kind != TokenKind::Word {
        return false;
    }
    let mut pos = segment.start;
    let mut any = false;
    while pos < segment.end {
        let (cp, len) = decode(bytes, pos);
        let is_mark = wb::is(props(cp) & WB_MASK, wb::IGNORABLE);
        if !is_mark {
            let class = char::from_u32(cp).map_or(0, unspaced_script);
            if !classes.contains(&class) {
                return false;
            }
            any = true;
        }
        pos += len;
    }
    any
}

/// The end of the run of adjacent word tokens, starting with `first`, that `belongs`
/// accepts; `each` sees every token of the run. The first token after the run is put back,
/// to be refined on the next call.
fn run_of(
    tokens: &mut Tokens<'_>,
    first: RawToken,
    mut belongs: impl FnMut(&[u8], RawToken) -> bool,
    mut each: impl FnMut(RawToken),
) -> usize {
    let bytes = tokens.text.as_bytes();
    let mut end = first.end;
    each(first);
    while let Some(next) = tokens.next_word_segment() {
        if next.start == end && belongs(bytes, next) {
            each(next);
            end = next.end;
        } else {
            tokens.put_back(next);
            break;
        }
    }
    end
}
