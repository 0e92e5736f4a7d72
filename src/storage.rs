//! What the page keeps in the browser, and how it is read back. Encoding and
//! decoding are pure (tested natively); `platform` does the actual storage.

use exposure_core::export::Progress;
use exposure_core::CompanyQuery;
use serde_json::Value;

use crate::error::AppError;
use crate::i18n::Lang;
use crate::platform;

/// localStorage key of the saved progress.
pub const KEY: &str = "exposure-check/progress";
/// Where an unreadable saved value is copied before it is replaced.
pub const BACKUP_KEY: &str = "exposure-check/progress.backup";
/// localStorage key of an imported breach catalogue (its text, as read).
pub const CATALOG_KEY: &str = "exposure-check/catalog";
/// localStorage key of the language choice.
pub const LANG_KEY: &str = "exposure-check/lang";
/// Version of the saved format.
pub const VERSION: u64 = 1;

pub fn encode(progress: &Progress) -> String {
    serde_json::json!({ "version": VERSION, "progress": progress }).to_string()
}

/// Reads saved progress, recovering every valid company and ticked action
/// from a damaged value. The error says what was lost.
pub fn decode(text: &str) -> (Progress, Option<AppError>) {
    let corrupt = |reason: String| AppError::StorageCorrupt { reason };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return (Progress::default(), Some(corrupt(format!("not JSON: {e}")))),
    };
    let mut problems = Vec::new();
    match value.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(v) => problems.push(format!("unknown version {v}")),
        None => problems.push("no version".to_string()),
    }
    let p = value.get("progress").cloned().unwrap_or(Value::Null);
    let mut progress = Progress::default();
    match p.get("companies").and_then(Value::as_array) {
        Some(list) => {
            for item in list {
                match serde_json::from_value::<CompanyQuery>(item.clone()) {
                    Ok(c) => progress.companies.push(c),
                    Err(_) => problems.push("a company entry was damaged".into()),
                }
            }
        }
        None => problems.push("no company list".into()),
    }
    match p.get("done").and_then(Value::as_array) {
        Some(list) => {
            for item in list {
                match item.as_str() {
                    Some(id) => {
                        progress.done.insert(id.to_string());
                    }
                    None => problems.push("a ticked action was damaged".into()),
                }
            }
        }
        None => problems.push("no list of ticked actions".into()),
    }
    problems.dedup();
    let error = (!problems.is_empty()).then(|| corrupt(problems.join(", ")));
    (progress, error)
}

/// Loads the saved progress and language. A damaged value is backed up first.
pub fn load() -> (Progress, Option<Lang>, Option<AppError>) {
    let lang = platform::storage_get(LANG_KEY)
        .ok()
        .flatten()
        .map(|c| Lang::from_code(&c));
    match platform::storage_get(KEY) {
        Ok(None) => (Progress::default(), lang, None),
        Ok(Some(text)) => {
            let (progress, error) = decode(&text);
            if error.is_some() {
                // Keep the original; a failing backup must not lose the rest.
                let _ = platform::storage_set(BACKUP_KEY, &text);
            }
            (progress, lang, error)
        }
        Err(e) => (Progress::default(), lang, Some(e)),
    }
}

/// Saves the progress; an empty one leaves nothing stored.
pub fn save(progress: &Progress) -> Result<(), AppError> {
    if progress.companies.is_empty() && progress.done.is_empty() {
        platform::storage_remove(KEY)
    } else {
        platform::storage_set(KEY, &encode(progress))
    }
}

pub fn save_lang(lang: Lang) -> Result<(), AppError> {
    platform::storage_set(LANG_KEY, lang.code())
}

/// Keeps a catalogue for later visits; fails when the browser's storage
/// quota (a few megabytes) cannot hold it.
pub fn save_catalog(text: &str) -> Result<(), AppError> {
    platform::storage_set(CATALOG_KEY, text)
}

/// Erases everything the page stored.
pub fn clear() -> Result<(), AppError> {
    for key in [KEY, BACKUP_KEY, LANG_KEY, CATALOG_KEY] {
        platform::storage_remove(key)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let p = Progress {
            companies: vec![CompanyQuery {
                input: "AT&T".into(),
                org_id: Some("att".into()),
                period: Default::default(),
            }],
            done: ["credit_freeze".to_string()].into(),
        };
        let (back, err) = decode(&encode(&p));
        assert_eq!(back, p);
        assert!(err.is_none());
    }

    #[test]
    fn damaged_values_recover_what_is_valid() {
        let cases: &[(&str, usize, usize, bool)] = &[
            // (saved text, companies recovered, done recovered, error expected)
            ("", 0, 0, true),
            ("{not json", 0, 0, true),
            ("[]", 0, 0, true),
            (
                r#"{"version":1,"progress":{"companies":[],"done":[]}}"#,
                0,
                0,
                false,
            ),
            (
                r#"{"version":1,"progress":{"companies":[{"input":"AT&T","org_id":"att"},42,{"x":1}],"done":["a",7,"b"]}}"#,
                1,
                2,
                true,
            ),
            (
                r#"{"version":7,"progress":{"companies":[{"input":"AT&T","org_id":"att"}],"done":[]}}"#,
                1,
                0,
                true,
            ),
            (
                r#"{"progress":{"companies":[{"input":"x"}],"done":["y"]}}"#,
                1,
                1,
                true,
            ),
        ];
        for (text, companies, done, error) in cases {
            let (p, e) = decode(text);
            assert_eq!(p.companies.len(), *companies, "{text}");
            assert_eq!(p.done.len(), *done, "{text}");
            assert_eq!(e.is_some(), *error, "{text}");
        }
    }
}
