//! The data set, downloaded from this site's own `data/` folder when the page
//! starts (it is not compiled into the WebAssembly, which keeps the app's
//! download small). `index.html` preloads the same files, so they arrive
//! while the app itself is still downloading. The Chinese texts of the data
//! (`zh.json`, 15 KB gzipped) come only when someone reads in Chinese.

use exposure_core::{DataSet, Engine};

use crate::error::AppError;
use crate::{platform, SharedEngine};

/// The files, relative to the page; the order `load` reads them in.
pub const FILES: [&str; 3] = [
    "/data/taxonomy.json",
    "/data/organizations.json",
    "/data/incidents.json",
];

/// The Chinese texts of the data, downloaded by `load_texts`.
pub const TEXTS_FILE: &str = "/data/zh.json";

/// Downloads the data set and builds the engine over it.
pub async fn load() -> Result<SharedEngine, AppError> {
    let [taxonomy, organizations, incidents] = FILES;
    let fetched = platform::now();
    let (taxonomy, organizations, incidents) = futures::future::try_join3(
        platform::fetch_text(taxonomy),
        platform::fetch_text(organizations),
        platform::fetch_text(incidents),
    )
    .await?;
    platform::measure("exposure:fetch", fetched, &[]);
    let started = platform::now();
    let engine = build(&taxonomy, &organizations, &incidents)?;
    platform::measure(
        "exposure:data",
        started,
        &[("incidents", engine.data.incidents.len() as f64)],
    );
    Ok(engine)
}

/// The engine over the three files' texts.
pub fn build(
    taxonomy: &str,
    organizations: &str,
    incidents: &str,
) -> Result<SharedEngine, AppError> {
    let ds = DataSet::from_json(taxonomy, organizations, incidents)?;
    Ok(SharedEngine::new(std::rc::Rc::new(Engine::new(ds))))
}

/// Downloads the Chinese texts into `engine` (unless it has them).
pub async fn load_texts(engine: &SharedEngine) -> Result<(), AppError> {
    if engine.data.has_translations() {
        return Ok(());
    }
    let text = platform::fetch_text(TEXTS_FILE)
        .await
        .map_err(|e| match e {
            AppError::DataFetch { file, reason } => AppError::Texts {
                reason: format!("{file}: {reason}"),
            },
            other => other,
        })?;
    add_texts(engine, &text)
}

/// Reads the Chinese texts into `engine`. A broken file leaves the data
/// set as it was (in English), and says so.
pub fn add_texts(engine: &SharedEngine, zh: &str) -> Result<(), AppError> {
    engine
        .data
        .add_translations_json(zh)
        .map_err(|e| AppError::Texts {
            reason: e.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use exposure_core::bundled;

    #[test]
    fn the_shipped_files_build_the_same_engine_as_the_bundled_data() {
        let engine = build(
            bundled::TAXONOMY_JSON,
            bundled::ORGANIZATIONS_JSON,
            bundled::INCIDENTS_JSON,
        )
        .expect("the shipped files load");
        let reference = Engine::bundled().expect("bundled data loads");
        assert_eq!(engine.data.incidents.len(), reference.data.incidents.len());
        assert_eq!(
            engine.data.organizations.len(),
            reference.data.organizations.len()
        );
        assert!(!engine.data.has_translations(), "zh.json comes later");
        let before = engine.clone();
        add_texts(&engine, bundled::ZH_JSON).expect("zh.json loads");
        assert_eq!(
            engine.data.translations, reference.data.translations,
            "the Chinese texts are read into the engine in use"
        );
        assert_ne!(
            SharedEngine::new(engine.0.clone()),
            before,
            "views over the engine see that its texts changed"
        );
    }

    #[test]
    fn a_broken_file_is_a_plain_error_not_a_panic() {
        let e = build("{", bundled::ORGANIZATIONS_JSON, bundled::INCIDENTS_JSON)
            .expect_err("a broken file fails");
        assert!(matches!(e, AppError::Data(_)), "{e:?}");
        let engine = build(
            bundled::TAXONOMY_JSON,
            bundled::ORGANIZATIONS_JSON,
            bundled::INCIDENTS_JSON,
        )
        .expect("the shipped files load");
        let e = add_texts(&engine, "[]").expect_err("a broken zh.json fails");
        assert!(matches!(e, AppError::Texts { .. }), "{e:?}");
        assert!(e.to_string().contains("zh.json"), "{e}");
        assert!(!engine.data.has_translations(), "nothing half-read is kept");
    }
}
