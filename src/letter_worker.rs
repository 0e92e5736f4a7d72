//! The page's side of the letter worker (`src/bin/letter_worker.rs`): a hook
//! that starts it the first time a letter is read (so the page's own code
//! never carries the reader), posts each letter with a number, and hands
//! each answer to the callback that asked. A letter goes only to the worker,
//! which is part of the page: nothing leaves the browser.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use exposure_core::json::{self, FromJson, Json};
use exposure_core::letter::Letter;
use yew::prelude::*;

use crate::error::AppError;
use crate::platform;

/// The worker's script: Trunk's loader of the `letter-worker` binary.
pub const WORKER_SCRIPT: &str = "/letter-worker_loader.js";

/// What a letter says, and its text when the worker decoded it from a
/// file's bytes (to show in the box).
type Done = Callback<Result<(Letter, Option<String>), AppError>>;

#[derive(Default)]
struct Inner {
    worker: Option<platform::Worker>,
    /// The worker has said it runs: letters are posted, not queued.
    ready: bool,
    /// The worker failed; the next letter starts a new one.
    failed: bool,
    next: i64,
    /// Letters posted before the worker ran.
    queued: Vec<String>,
    pending: HashMap<i64, Done>,
}

/// Reads letters in the worker; one worker for the component's life.
#[derive(Clone)]
pub struct LetterWorker(Rc<RefCell<Inner>>);

impl PartialEq for LetterWorker {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[hook]
pub fn use_letter_worker() -> LetterWorker {
    LetterWorker(use_mut_ref(Inner::default))
}

impl LetterWorker {
    /// Reads a letter; `done` gets what it says, or why it could not be read.
    pub fn read(&self, text: &str, done: Done) {
        self.post(text, false, done);
    }

    /// Reads a letter file: UTF-8 as it is; other bytes (GBK, Windows-1252)
    /// decoded in the worker, which holds the character tables, and the
    /// decoded text given back.
    pub fn read_file(&self, bytes: &[u8], done: Done) {
        match std::str::from_utf8(bytes) {
            Ok(text) => self.post(text.trim_start_matches('\u{feff}'), false, done),
            // Each byte as one char (U+0000–U+00FF) survives the message.
            Err(_) => self.post(
                &bytes.iter().map(|&b| b as char).collect::<String>(),
                true,
                done,
            ),
        }
    }

    fn post(&self, text: &str, bytes: bool, done: Done) {
        let mut inner = self.0.borrow_mut();
        if inner.worker.is_none() || inner.failed {
            // (A failed worker is dropped here, never inside its own callback.)
            inner.worker = None;
            let (on_message, on_error) = (Rc::downgrade(&self.0), Rc::downgrade(&self.0));
            let started = platform::Worker::start(
                WORKER_SCRIPT,
                move |m| {
                    if let Some(i) = on_message.upgrade() {
                        LetterWorker(i).on_message(&m);
                    }
                },
                move |reason| {
                    if let Some(i) = on_error.upgrade() {
                        LetterWorker(i).on_error(reason);
                    }
                },
            );
            match started {
                Ok(w) => {
                    inner.worker = Some(w);
                    inner.ready = false;
                    inner.failed = false;
                }
                Err(reason) => {
                    drop(inner);
                    done.emit(Err(AppError::Letter {
                        reason: format!("the letter reader could not start: {reason}"),
                    }));
                    return;
                }
            }
        }
        inner.next += 1;
        let id = inner.next;
        inner.pending.insert(id, done);
        let message = serde_json::to_string(&(id, text, bytes)).unwrap_or_default();
        match (&inner.worker, inner.ready) {
            (Some(w), true) => w.post(&message),
            _ => inner.queued.push(message),
        }
    }

    fn on_message(&self, text: &str) {
        let Ok(mut v) = json::parse(text) else {
            return;
        };
        if v.get("ready").is_some() {
            let mut inner = self.0.borrow_mut();
            inner.ready = true;
            let queued = std::mem::take(&mut inner.queued);
            if let Some(w) = &inner.worker {
                for m in &queued {
                    w.post(m);
                }
            }
            return;
        }
        let Some(&Json::Int(id)) = v.get("id") else {
            return;
        };
        let Some(done) = self.0.borrow_mut().pending.remove(&id) else {
            return;
        };
        let text = v.get("text").and_then(Json::as_str).map(str::to_string);
        let result = match (v.take("letter"), v.get("error").and_then(Json::as_str)) {
            (Some(letter), _) => {
                Letter::from_json(letter)
                    .map(|l| (l, text))
                    .map_err(|e| AppError::Letter {
                        reason: format!("the reader's answer is not valid: {e}"),
                    })
            }
            (None, Some(error)) => Err(AppError::Letter {
                reason: error.to_string(),
            }),
            (None, None) => Err(AppError::Letter {
                reason: "the reader gave no answer".into(),
            }),
        };
        done.emit(result);
    }

    /// The worker failed: every letter waiting for it gets the reason.
    fn on_error(&self, reason: String) {
        let pending = {
            let mut inner = self.0.borrow_mut();
            inner.failed = true;
            inner.queued.clear();
            std::mem::take(&mut inner.pending)
        };
        for (_, done) in pending {
            done.emit(Err(AppError::Letter {
                reason: format!("the letter reader stopped: {reason}"),
            }));
        }
    }
}
