#![no_main]
//! The catalogue importer on any text (see exposure_core::invariants).
use std::sync::OnceLock;

use exposure_core::{invariants, Engine};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let engine = ENGINE.get_or_init(|| Engine::bundled().expect("bundled data"));
    invariants::import_catalog(engine, &String::from_utf8_lossy(data));
});
