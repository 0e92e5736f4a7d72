//! Times `suggest` per query over an imported catalogue and prints the
//! slowest: `cargo run --release -p exposure-core --example suggest_times --
//! catalogue.json queries.json` (files from `tools/synth-catalog.mjs`).
use std::time::Instant;

use exposure_core::Engine;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(cat), Some(queries)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: suggest_times catalogue.json queries.json");
        std::process::exit(2);
    };
    let json = std::fs::read_to_string(cat).expect("catalogue readable");
    let queries: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(queries).expect("queries readable"))
            .expect("queries are JSON");
    let bundled = Engine::bundled().expect("bundled data");
    let (engine, _) = bundled.with_catalog(&json).expect("catalogue imports");
    // SUGGEST_REPEAT=query: call suggest on one query in a loop (for perf).
    if let Ok(q) = std::env::var("SUGGEST_REPEAT") {
        let t = Instant::now();
        for _ in 0..2000 {
            std::hint::black_box(engine.suggest(&q, 8));
        }
        println!("{q}: {:.3} ms per call", t.elapsed().as_secs_f64() / 2.0);
        return;
    }
    let mut times: Vec<(f64, String, String)> = Vec::new();
    for q in &queries {
        let text = q["query"].as_str().unwrap_or_default();
        let kind = q["kind"].as_str().unwrap_or_default().to_string();
        // Best of three, as a page's warm keystroke.
        let mut best = f64::MAX;
        for _ in 0..3 {
            let t = Instant::now();
            std::hint::black_box(engine.suggest(text, 8));
            best = best.min(t.elapsed().as_secs_f64() * 1e3);
        }
        times.push((best, kind, text.to_string()));
    }
    let mut ms: Vec<f64> = times.iter().map(|t| t.0).collect();
    ms.sort_by(f64::total_cmp);
    let q = |p: f64| ms[((p * ms.len() as f64).ceil() as usize).clamp(1, ms.len()) - 1];
    println!(
        "{} queries: p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        ms.len(),
        q(0.5),
        q(0.95),
        q(1.0)
    );
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (t, kind, text) in times.iter().take(15) {
        println!("{t:8.3} ms  {kind:6}  {text}");
    }
}
