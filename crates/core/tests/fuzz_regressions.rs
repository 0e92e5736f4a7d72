//! The fuzz targets' checks (`exposure_core::invariants`) replayed as ordinary
//! tests over the saved seeds and corpus-derived cases in fuzz/seeds/, so
//! what the fuzzers once found keeps being checked by `./x test`.

use std::path::PathBuf;

use exposure_core::{invariants, Engine};

fn cases(target: &str) -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/seeds")
        .join(target);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no cases in {}", dir.display());
    paths
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
        .collect()
}

#[test]
fn match_names_cases() {
    let engine = Engine::bundled().unwrap();
    for text in cases("match_names") {
        invariants::match_names(&engine, &text);
    }
}

#[test]
fn load_dataset_cases() {
    for text in cases("load_dataset") {
        invariants::load_dataset(&text);
    }
}

#[test]
fn import_catalog_cases() {
    let engine = Engine::bundled().unwrap();
    for text in cases("import_catalog") {
        invariants::import_catalog(&engine, &text);
    }
}
