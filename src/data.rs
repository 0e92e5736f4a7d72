//! The data set, downloaded from this site's own `data/` folder when the page
//! starts (it is not compiled into the WebAssembly, which keeps the app's
//! download small). `index.html` preloads the same files, so they arrive
//! while the app itself is still downloading.

use exposure_core::{DataSet, Engine};

use crate::error::AppError;
use crate::{platform, SharedEngine};

/// The files, relative to the page; the order `load` reads them in.
pub const FILES: [&str; 4] = [
    "/data/taxonomy.json",
    "/data/organizations.json",
    "/data/incidents.json",
    "/data/zh.json",
];

/// Downloads the data set and builds the engine over it.
pub async fn load() -> Result<SharedEngine, AppError> {
    let [taxonomy, organizations, incidents, zh] = FILES;
    let fetched = platform::now();
    let (taxonomy, organizations, incidents, zh) = futures::future::try_join4(
        platform::fetch_text(taxonomy),
        platform::fetch_text(organizations),
        platform::fetch_text(incidents),
        platform::fetch_text(zh),
    )
    .await?;
    platform::measure("exposure:fetch", fetched, &[]);
    let started = platform::now();
    let engine = build(&taxonomy, &organizations, &incidents, &zh)?;
    platform::measure(
        "exposure:data",
        started,
        &[("incidents", engine.data.incidents.len() as f64)],
    );
    Ok(engine)
}

/// The engine over the four files' texts.
pub fn build(
    taxonomy: &str,
    organizations: &str,
    incidents: &str,
    zh: &str,
) -> Result<SharedEngine, AppError> {
    let mut ds = DataSet::from_json(taxonomy, organizations, incidents)?;
    ds.set_translations_json(zh)?;
    Ok(SharedEngine(std::rc::Rc::new(Engine::new(ds))))
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
            bundled::ZH_JSON,
        )
        .expect("the shipped files load");
        let reference = Engine::bundled().expect("bundled data loads");
        assert_eq!(engine.data.incidents.len(), reference.data.incidents.len());
        assert_eq!(
            engine.data.organizations.len(),
            reference.data.organizations.len()
        );
        assert_eq!(
            engine.data.translations, reference.data.translations,
            "the Chinese texts are read too"
        );
    }

    #[test]
    fn a_broken_file_is_a_plain_error_not_a_panic() {
        let e = build(
            "{",
            bundled::ORGANIZATIONS_JSON,
            bundled::INCIDENTS_JSON,
            bundled::ZH_JSON,
        )
        .expect_err("a broken file fails");
        assert!(matches!(e, AppError::Data(_)), "{e:?}");
        let e = build(
            bundled::TAXONOMY_JSON,
            bundled::ORGANIZATIONS_JSON,
            bundled::INCIDENTS_JSON,
            "[]",
        )
        .expect_err("a broken zh.json fails");
        assert!(e.to_string().contains("zh.json"), "{e}");
    }
}
