//! What the core's property tests share: the unit tests include this file
//! (`lib.rs`, `#[cfg(test)] mod support`), the integration tests as `mod
//! support`.

use proptest::test_runner::{Config, RngSeed};

/// `cases` cases from a fixed seed, so a run is the same on every machine,
/// and no failure files written into the source tree.
pub fn proptest_config(cases: u32, seed: u64) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: None,
        ..Config::default()
    }
}
