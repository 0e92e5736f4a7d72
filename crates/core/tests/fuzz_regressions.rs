//! The fuzz targets' checks (fuzz/fuzz_targets/) run as ordinary tests over
//! the saved seeds and corpus-derived cases in fuzz/seeds/, so what the
//! fuzzers once found keeps being checked by `./x test`.

use std::path::PathBuf;

use exposure_core::normalize::normalize;
use exposure_core::{bundled, DataSet, Engine};

fn cases(target: &str) -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/seeds")
        .join(target);
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                String::from_utf8_lossy(&bytes).into_owned(),
            )
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no cases in {}", dir.display());
    out
}

#[test]
fn match_names_cases() {
    let engine = Engine::bundled().unwrap();
    for (name, text) in cases("match_names") {
        let once = normalize(&text);
        assert_eq!(normalize(&once), once, "{name}");
        let _ = engine.resolve(&text);
        let _ = engine.suggest(&text, 8);
    }
}

#[test]
fn load_dataset_cases() {
    for (_, text) in cases("load_dataset") {
        let sets = [
            DataSet::from_json(&text, bundled::ORGANIZATIONS_JSON, bundled::INCIDENTS_JSON),
            DataSet::from_json(bundled::TAXONOMY_JSON, &text, bundled::INCIDENTS_JSON),
            DataSet::from_json(bundled::TAXONOMY_JSON, bundled::ORGANIZATIONS_JSON, &text),
        ];
        for ds in sets.into_iter().flatten() {
            let _ = ds.validate();
            let _ = Engine::new(ds).check_names(&["AT&T", "Bank of America"], None);
        }
    }
}

#[test]
fn import_catalog_cases() {
    let engine = Engine::bundled().unwrap();
    for (name, text) in cases("import_catalog") {
        if let Ok((merged, import)) = engine.with_catalog(&text) {
            assert_eq!(
                import.imported + import.skipped.len(),
                import.breaches,
                "{name}"
            );
            let _ = merged.check_names(&["AT&T"], None);
        }
    }
}
