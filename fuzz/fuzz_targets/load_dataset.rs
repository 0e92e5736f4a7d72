#![no_main]
//! The data loader on damaged files: an error or a data set, never a panic;
//! whatever loads can be validated and used.
use exposure_core::{bundled, DataSet, Engine};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The fuzzed text stands in for each of the three files in turn.
    let sets = [
        DataSet::from_json(&text, bundled::ORGANIZATIONS_JSON, bundled::INCIDENTS_JSON),
        DataSet::from_json(bundled::TAXONOMY_JSON, &text, bundled::INCIDENTS_JSON),
        DataSet::from_json(bundled::TAXONOMY_JSON, bundled::ORGANIZATIONS_JSON, &text),
    ];
    for ds in sets.into_iter().flatten() {
        let _ = ds.validate();
        let engine = Engine::new(ds);
        let _ = engine.check_names(&["AT&T", "Bank of America"], None);
    }
});
