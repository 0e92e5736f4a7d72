//! The data set, downloaded from this site's own `data/` folder when the page
//! starts (it is not compiled into the WebAssembly, which keeps the app's
//! download small). `index.html` preloads the same files, so they arrive
//! while the app itself is still downloading. The Chinese texts of the data
//! (`zh.json`) come only when someone reads in Chinese, as a value of their
//! own (`SharedTexts`).
//!
//! The site's copy of the curated data is split by `exposure pack` (run
//! by `x build`): `incidents.json` holds the facts an answer needs, and
//! `organizations.json` the organizations an answer can involve; the
//! incidents' long texts (`details.json`) and the other organizations
//! (`organizations-more.json`) come after the first answer (`load_rest`),
//! before the notices.

use std::rc::Rc;

use exposure_core::dataset::DetailsFile;
use exposure_core::{DataSet, Engine, Translations};

use crate::engine::{SharedEngine, SharedTexts};
use crate::error::AppError;
use crate::platform;

/// The files, relative to the page; the order `load` reads them in.
pub const FILES: [&str; 3] = [
    "/data/taxonomy.json",
    "/data/organizations.json",
    "/data/incidents.json",
];

/// The Chinese texts of the data, downloaded by `load_texts`.
pub const TEXTS_FILE: &str = "/data/zh.json";

/// The register notices (`notices.json`, the largest file), downloaded
/// after the curated data has answered: `load_notices`.
pub const NOTICES_FILE: &str = "/data/notices.json";

/// The incidents' long texts, downloaded after the first answer:
/// `load_rest`.
pub const DETAILS_FILE: &str = "/data/details.json";

/// The organizations no curated incident involves, downloaded after the
/// first answer: `load_rest`.
pub const MORE_ORGANIZATIONS_FILE: &str = "/data/organizations-more.json";

/// The curated files as downloaded, kept until the notices join them.
#[derive(Debug, Clone, PartialEq)]
pub struct Curated {
    taxonomy: String,
    organizations: String,
    incidents: String,
    /// The incidents' long texts, once here.
    details: Option<Rc<DetailsFile>>,
    /// The other organizations, once here.
    more: Option<String>,
}

/// Downloads the curated data set and builds the engine over it; the
/// register notices come after (`load_notices`), so a first answer does
/// not wait for them.
pub async fn load() -> Result<(SharedEngine, Curated), AppError> {
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
        &[("incidents", engine.data.incidents().len() as f64)],
    );
    Ok((
        engine,
        Curated {
            taxonomy,
            organizations,
            incidents,
            details: None,
            more: None,
        },
    ))
}

/// Downloads what the first answer did not wait for — the incidents' long
/// texts and the other organizations, side by side — and builds the engine
/// over the whole curated data; none when the files were not split.
pub async fn load_rest(
    curated: &mut Curated,
    engine: &SharedEngine,
) -> Result<Option<SharedEngine>, AppError> {
    let info = engine.data.info();
    let (want_details, want_more) = (info.details.is_some(), info.more_organizations.is_some());
    if !want_details && !want_more {
        return Ok(None);
    }
    let fetch = |want: bool, file: &'static str| async move {
        match want {
            true => platform::fetch_text(file).await.map(Some),
            false => Ok(None),
        }
    };
    let (details, more) = futures::future::try_join(
        fetch(want_details, DETAILS_FILE),
        fetch(want_more, MORE_ORGANIZATIONS_FILE),
    )
    .await?;
    let started = platform::now();
    if let Some(text) = details {
        curated.details = Some(Rc::new(DetailsFile::from_json(&text)?));
    }
    curated.more = more;
    let whole = match (&curated.more, &curated.details) {
        // The names are the same: the engine keeps its name index.
        (None, Some(d)) => engine.with_details(d),
        _ => Engine::new(curated.data_set(None)?),
    };
    platform::measure("exposure:rest", started, &[]);
    Ok(Some(SharedEngine::new(Rc::new(whole))))
}

impl Curated {
    /// The curated data set from the files downloaded so far, with the
    /// notices when given.
    fn data_set(&self, notices: Option<&str>) -> Result<DataSet, AppError> {
        let mut orgs: Vec<&str> = vec![&self.organizations];
        orgs.extend(self.more.as_deref());
        let mut ds = DataSet::from_json_parts(&self.taxonomy, &orgs, &self.incidents, notices)?;
        if let Some(details) = &self.details {
            ds = ds.with_details(details);
        }
        Ok(ds)
    }
}

/// Downloads the register notices and builds the engine over the curated
/// data and them.
pub async fn load_notices(curated: Curated) -> Result<SharedEngine, AppError> {
    let notices = platform::fetch_text(NOTICES_FILE).await?;
    let started = platform::now();
    let engine = build_with_notices(&curated, &notices)?;
    platform::measure(
        "exposure:notices",
        started,
        &[("notices", engine.data.notices().notices.len() as f64)],
    );
    Ok(engine)
}

/// The engine over the curated files and the notices.
pub fn build_with_notices(curated: &Curated, notices: &str) -> Result<SharedEngine, AppError> {
    let ds = curated.data_set(Some(notices))?;
    Ok(SharedEngine::new(Rc::new(Engine::new(ds))))
}

/// The engine over the three files' texts.
pub fn build(
    taxonomy: &str,
    organizations: &str,
    incidents: &str,
) -> Result<SharedEngine, AppError> {
    let ds = DataSet::from_json(taxonomy, organizations, incidents)?;
    Ok(SharedEngine::new(Rc::new(Engine::new(ds))))
}

/// Downloads the Chinese texts of the data.
pub async fn load_texts() -> Result<SharedTexts, AppError> {
    let text = platform::fetch_text(TEXTS_FILE)
        .await
        .map_err(|e| match e {
            AppError::DataFetch { file, reason } => AppError::Texts {
                reason: format!("{file}: {reason}"),
            },
            other => other,
        })?;
    read_texts(&text)
}

/// Reads the Chinese texts. A broken file is an error that says so (the
/// page stays in the data's English).
pub fn read_texts(zh: &str) -> Result<SharedTexts, AppError> {
    Translations::from_json(zh)
        .map(SharedTexts::new)
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
        let reference = Engine::new(bundled::curated().expect("bundled data loads"));
        assert_eq!(
            engine.data.incidents().len(),
            reference.data.incidents().len()
        );
        assert_eq!(
            engine.data.organizations().len(),
            reference.data.organizations().len()
        );
        let texts = read_texts(bundled::ZH_JSON).expect("zh.json loads");
        assert_eq!(
            *texts.0,
            bundled::translations().unwrap(),
            "the Chinese texts read as the bundled ones"
        );
        assert_eq!(texts, texts.clone(), "shared texts compare by identity");
        assert_ne!(
            texts,
            read_texts(bundled::ZH_JSON).unwrap(),
            "texts read again are another value"
        );
    }

    #[test]
    fn the_notices_join_the_curated_engine_with_its_texts() {
        let curated = Curated {
            taxonomy: bundled::TAXONOMY_JSON.into(),
            organizations: bundled::ORGANIZATIONS_JSON.into(),
            incidents: bundled::INCIDENTS_JSON.into(),
            details: None,
            more: None,
        };
        let first = build(
            &curated.taxonomy,
            &curated.organizations,
            &curated.incidents,
        )
        .expect("the shipped files load");
        let engine =
            build_with_notices(&curated, bundled::NOTICES_JSON).expect("notices.json loads");
        assert!(engine.data.notices().notices.len() >= 8000);
        assert!(engine.data.incidents().len() > first.data.incidents().len());
        let e = build_with_notices(&curated, "{").expect_err("a broken file fails");
        assert!(e.to_string().contains("notices.json"), "{e}");
    }

    #[test]
    fn the_split_files_answer_first_and_join_the_rest_before_the_notices() {
        let (first, details) = exposure_core::dataset::split(bundled::INCIDENTS_JSON).unwrap();
        let (orgs, more) = exposure_core::dataset::split_organizations(
            bundled::TAXONOMY_JSON,
            bundled::ORGANIZATIONS_JSON,
            bundled::INCIDENTS_JSON,
        )
        .unwrap();
        let engine = build(bundled::TAXONOMY_JSON, &orgs, &first).unwrap();
        assert!(
            engine.data.info().details.is_some(),
            "the texts are still to come"
        );
        assert!(engine.names_pending(), "and part of the names");
        let mut curated = Curated {
            taxonomy: bundled::TAXONOMY_JSON.into(),
            organizations: orgs,
            incidents: first,
            details: Some(Rc::new(DetailsFile::from_json(&details).unwrap())),
            more: Some(more),
        };
        let reference = bundled::curated().unwrap();
        let rest = Engine::new(curated.data_set(None).unwrap());
        assert!(!rest.names_pending());
        assert_eq!(rest.data.incidents(), reference.incidents());
        assert_eq!(
            rest.data.organizations().len(),
            reference.organizations().len()
        );
        let all = build_with_notices(&curated, bundled::NOTICES_JSON).unwrap();
        assert!(all.data.info().details.is_none());
        assert_eq!(
            &all.data.incidents()[..reference.incidents().len()],
            reference.incidents(),
            "with the notices, the curated incidents have their texts"
        );
        curated.more = Some("{".into());
        let e =
            build_with_notices(&curated, bundled::NOTICES_JSON).expect_err("a broken part fails");
        assert!(e.to_string().contains("organizations-more.json"), "{e}");
    }

    #[test]
    fn a_broken_file_is_a_plain_error_not_a_panic() {
        let e = build("{", bundled::ORGANIZATIONS_JSON, bundled::INCIDENTS_JSON)
            .expect_err("a broken file fails");
        assert!(matches!(e, AppError::Data(_)), "{e:?}");
        let e = read_texts("[]").expect_err("a broken zh.json fails");
        assert!(matches!(e, AppError::Texts { .. }), "{e:?}");
        assert!(e.to_string().contains("zh.json"), "{e}");
    }
}
