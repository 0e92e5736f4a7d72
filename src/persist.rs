//! The saved progress in the browser's storage: the pure format of
//! `storage` (encode, decode, migrations) over `platform`'s storage calls.
//! Used by the root component's hooks and callbacks and by the catalogue
//! import; neither the format nor the browser edge knows the other.

use exposure_core::export::Progress;
use exposure_core::Lang;

use crate::error::AppError;
use crate::platform;
use crate::storage::{decode, encode, BACKUP_KEY, CATALOG_KEY, KEY, LANG_KEY};

/// Loads the saved progress and language. A damaged value is backed up first.
pub fn load() -> (Progress, Option<Lang>, Option<AppError>) {
    let lang = platform::storage_get(LANG_KEY)
        .ok()
        .flatten()
        .map(|c| Lang::from_code(&c));
    match platform::storage_get(KEY) {
        Ok(None) => (Progress::default(), lang, None),
        Ok(Some(text)) => {
            let d = decode(&text);
            if d.error.is_some() || d.migrated {
                // Keep the original; a failing backup must not lose the rest.
                let _ = platform::storage_set(BACKUP_KEY, &text);
            }
            if d.migrated && d.error.is_none() {
                // Store it in the current format at once.
                let _ = save(&d.progress);
            }
            (d.progress, lang, d.error)
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
