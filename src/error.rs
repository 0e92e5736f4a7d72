//! Errors the person may see. Messages are lower-case fragments; the error
//! banner turns them into sentences.

use exposure_core::LoadError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AppError {
    #[error("the breach data could not be read ({0}); please reload the page")]
    Data(#[from] LoadError),
    #[error("the breach data could not be downloaded ({file}: {reason}); check the connection and reload the page")]
    DataFetch { file: String, reason: String },
    #[error("the Chinese texts of the breach data could not be loaded ({reason}); they are shown in English until the page is reloaded")]
    Texts { reason: String },
    #[error("this browser does not let the page keep your list, so it will be lost when you close the tab")]
    StorageUnavailable,
    #[error("your saved list could not be read ({reason}); what could be recovered was kept and a backup of the old data was saved")]
    StorageCorrupt { reason: String },
    #[error("your list could not be saved ({reason})")]
    StorageWrite { reason: String },
    #[error("the file could not be downloaded ({reason})")]
    Download { reason: String },
    #[error("the file could not be read ({reason})")]
    FileRead { reason: String },
    #[error("the letter could not be read ({reason})")]
    Letter { reason: String },
    #[error("{0}")]
    Import(String),
    #[error("{unreadable} entries of the catalogue could not be read (a field of the wrong type or an impossible value) and were left out; the import report names them")]
    CatalogEntries { unreadable: usize },
    #[error("something went wrong inside the page ({0}); your saved list is kept, please reload")]
    Internal(String),
}

impl AppError {
    /// The message as a sentence: capitalised, with a full stop.
    pub fn sentence(&self) -> String {
        let msg = self.to_string();
        let mut chars = msg.chars();
        let mut out: String = match chars.next() {
            // The messages start with an English word (ASCII): no need for
            // the Unicode case tables, about 5 KB of the wasm.
            Some(c) => c.to_ascii_uppercase().to_string() + chars.as_str(),
            None => String::new(),
        };
        if !out.ends_with(['.', '!', '?']) {
            out.push('.');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_lowercase_and_sentences_are_capitalised() {
        let errors = [
            AppError::StorageUnavailable,
            AppError::StorageCorrupt {
                reason: "expected value at line 1".into(),
            },
            AppError::Download {
                reason: "blocked".into(),
            },
            AppError::Internal("boom".into()),
        ];
        for e in errors {
            let msg = e.to_string();
            assert!(msg.chars().next().unwrap().is_lowercase(), "{msg}");
            let s = e.sentence();
            assert!(s.chars().next().unwrap().is_uppercase(), "{s}");
            assert!(s.ends_with('.'), "{s}");
        }
    }
}
