#![no_main]
//! The catalogue importer on any text: an error or a report, never a panic,
//! and every entry is accounted for (imported or skipped with a reason).
use std::sync::OnceLock;

use exposure_core::Engine;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let engine = ENGINE.get_or_init(|| Engine::bundled().expect("bundled data"));
    let text = String::from_utf8_lossy(data);
    if let Ok((merged, import)) = engine.with_catalog(&text) {
        assert_eq!(import.imported + import.skipped.len(), import.breaches);
        let _ = merged.check_names(&["AT&T"], None);
    }
});
