#![no_main]
//! The normalizer and matcher on any text: no panic; normalizing is idempotent.
use std::sync::OnceLock;

use exposure_core::normalize::normalize;
use exposure_core::Engine;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let engine = ENGINE.get_or_init(|| Engine::bundled().expect("bundled data"));
    let text = String::from_utf8_lossy(data);
    let once = normalize(&text);
    assert_eq!(normalize(&once), once);
    let _ = engine.resolve(&text);
    let _ = engine.suggest(&text, 8);
});
