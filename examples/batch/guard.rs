//! The second line of defence: a document whose analysis panics becomes an error record
//! naming it, and the run goes on.
//!
//! wordmill promises that analysis never panics, and a panic found is fixed in the library
//! (the first line). This guard only works while panics unwind, as they do in this tool's
//! builds; under `panic = "abort"` a panic still ends the process, and only the library's
//! own fixes count. The panic's message and place are kept for the error record instead of
//! being printed by Rust's default hook.
//!
//! For tests, a hidden hook: when the environment variable `WORDMILL_BATCH_TEST_PANIC` holds
//! a non-empty marker, the analysis of every document whose text contains it panics, so the
//! guard can be tested without a word that panics in the library.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::sync::Once;

use wordmill::{Analysis, Lang, Pipeline};

/// The environment variable of the test hook.
pub const TEST_PANIC_VARIABLE: &str = "WORDMILL_BATCH_TEST_PANIC";

thread_local! {
    /// Whether this thread is analysing under the guard.
    static GUARDED: Cell<bool> = const { Cell::new(false) };
    /// The last panic caught on this thread: its message and place.
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Analyses documents, turning a panic into an error.
pub struct Guard<'a> {
    pipeline: &'a Pipeline,
    /// The test hook's marker.
    panic_on: Option<String>,
}

impl<'a> Guard<'a> {
    pub fn new(pipeline: &'a Pipeline) -> Guard<'a> {
        install_hook();
        let panic_on = std::env::var(TEST_PANIC_VARIABLE)
            .ok()
            .filter(|m| !m.is_empty());
        Guard { pipeline, panic_on }
    }

    /// Analyses `text` into `analysis` (reusing its memory), in `lang` when the document's
    /// source gives it (else its language is detected); the message of a panic if it
    /// panicked (`analysis` then holds nothing to use, but can be filled again).
    pub fn analyze_into(
        &self,
        text: &str,
        lang: Option<Lang>,
        analysis: &mut Analysis,
    ) -> Result<(), String> {
        GUARDED.with(|g| g.set(true));
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            if let Some(marker) = &self.panic_on
                && text.contains(marker.as_str())
            {
                panic!("{TEST_PANIC_VARIABLE}: the text contains {marker:?}");
            }
            match lang {
                Some(lang) => self.pipeline.analyze_as_into(text, lang, analysis),
                None => self.pipeline.analyze_into(text, analysis),
            }
        }));
        GUARDED.with(|g| g.set(false));
        // The pipeline holds no state a panic could leave half-changed that the next
        // document would see: its per-thread word memo is written only after a word's
        // term is made, and `analyze_into` replaces every part of the analysis it fills.
        result.map_err(|payload| {
            let what = CAUGHT
                .with(|c| c.borrow_mut().take())
                .unwrap_or_else(|| payload_message(payload.as_ref()));
            format!("internal error: the analysis panicked ({what}); please report this document")
        })
    }
}

/// Keeps the panics of guarded analyses for their records; others go to Rust's default hook.
fn install_hook() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info: &PanicHookInfo<'_>| {
            if GUARDED.with(Cell::get) {
                let place = info
                    .location()
                    .map(|l| format!(" at {}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                let message = format!("{}{place}", payload_message(info.payload()));
                CAUGHT.with(|c| *c.borrow_mut() = Some(message));
            } else {
                default(info);
            }
        }));
    });
}

fn payload_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_the_next_document_is_analysed() {
        let pipeline = Pipeline::builder().build();
        let guard = Guard {
            pipeline: &pipeline,
            panic_on: Some("BOOM".into()),
        };
        install_hook();
        let mut analysis = Analysis::default();
        guard
            .analyze_into("Talks in Muscat and Salalah.", None, &mut analysis)
            .unwrap();
        let error = guard
            .analyze_into("Oman: Muscat BOOM", None, &mut analysis)
            .unwrap_err();
        assert!(error.starts_with("internal error: the analysis panicked"));
        assert!(error.contains("contains \"BOOM\" at "), "{error}");
        // The analysis that held a document before the panic is filled again as a new one
        // would be. (The test hook panics before the pipeline starts; a panic inside it would
        // leave an analysis half filled, which `analyze_into` clears as it starts: the
        // property test `reused_analyses_equal_new_ones` holds that it resets every part.)
        guard.analyze_into("Muscat", None, &mut analysis).unwrap();
        assert_eq!(analysis, pipeline.analyze("Muscat"));
    }
}
