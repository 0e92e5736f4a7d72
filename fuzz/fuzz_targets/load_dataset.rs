#![no_main]
//! The data loader on damaged files (see exposure_core::invariants).
use exposure_core::invariants;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    invariants::load_dataset(&String::from_utf8_lossy(data));
});
