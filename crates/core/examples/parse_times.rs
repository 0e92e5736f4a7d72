//! Time to read the page's first data stage as the page does (the split
//! files `x build` writes to dist/data): the JSON trees alone, the data set,
//! and the engine over it. Natively, so only a guide to the page (wasm at
//! 4× CPU throttling takes about ten times as long).
//!
//! ```text
//! ./x build
//! cargo run --release -p exposure-core --example parse_times [-- dist/data]
//! ```

use std::time::Instant;

use exposure_core::dataset::DataSet;
use exposure_core::Engine;

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "dist/data".into());
    let read = |f: &str| {
        std::fs::read_to_string(format!("{dir}/{f}")).unwrap_or_else(|e| panic!("{dir}/{f}: {e}"))
    };
    let (t, o, i) = (
        read("taxonomy.json"),
        read("organizations.json"),
        read("incidents.json"),
    );
    for _ in 0..3 {
        let a = Instant::now();
        for x in [&t, &o, &i] {
            exposure_core::json::parse(x).expect("the files are JSON");
        }
        let trees = ms(a);
        let a = Instant::now();
        let ds = DataSet::from_json(&t, &o, &i).expect("the files load");
        let data = ms(a);
        let a = Instant::now();
        let engine = Engine::new(ds);
        let index = ms(a);
        assert!(engine.resolve("AT&T").is_some());
        println!("JSON trees {trees:.1} ms; data set (trees included) {data:.1} ms; engine {index:.1} ms");
    }
}
