//! Properties that must hold for any input, checked by the fuzz targets
//! (`fuzz/`) and replayed on saved cases by `tests/fuzz_regressions.rs`.
//! These functions assert: a failed assertion is a bug found.

use crate::normalize::normalize;
use crate::{bundled, DataSet, Engine};

/// Normalizing is idempotent; matching and suggesting never panic.
pub fn match_names(engine: &Engine, text: &str) {
    let once = normalize(text);
    assert_eq!(normalize(&once), once, "normalize is not idempotent");
    let _ = engine.resolve(text);
    let _ = engine.suggest(text, 8);
}

/// Any text in place of each data file loads or fails cleanly, and whatever
/// loads can be validated and used.
pub fn load_dataset(text: &str) {
    let sets = [
        DataSet::from_json(text, bundled::ORGANIZATIONS_JSON, bundled::INCIDENTS_JSON),
        DataSet::from_json(bundled::TAXONOMY_JSON, text, bundled::INCIDENTS_JSON),
        DataSet::from_json(bundled::TAXONOMY_JSON, bundled::ORGANIZATIONS_JSON, text),
    ];
    for ds in sets.into_iter().flatten() {
        let _ = ds.validate();
        let _ = Engine::new(ds).check_names(&["AT&T", "Bank of America"], None);
    }
}

/// Any text as a catalogue: an error, or a report that accounts for every
/// entry, and a merged engine that works. Read in pieces (cut anywhere, even
/// inside a character), it gives the same answer as read whole.
pub fn import_catalog(engine: &Engine, text: &str) {
    let whole = crate::hibp::import(&engine.data, &engine.names, text);
    let bytes = text.as_bytes();
    let mut reader = crate::hibp::CatalogReader::new(&engine.data, &engine.names);
    let cuts =
        [bytes.len() / 3, bytes.len() / 3 + 1, bytes.len() * 2 / 3].map(|c| c.min(bytes.len()));
    let mut at = 0;
    let mut pieces = Ok(());
    for cut in cuts.into_iter().chain([bytes.len()]) {
        if pieces.is_ok() && cut >= at {
            pieces = reader.push(&bytes[at..cut]);
            at = cut;
        }
    }
    let pieces = pieces.and_then(|()| reader.finish());
    assert_eq!(pieces, whole, "read in pieces differs from read whole");
    if let Ok((merged, import)) = engine.with_catalog(text) {
        assert_eq!(
            import.imported + import.skipped.len(),
            import.breaches,
            "entries unaccounted for"
        );
        let _ = merged.check_names(&["AT&T"], None);
    }
}
