//! Everything an import produces, printed, to compare two builds of the
//! importer (a change meant to be faster must print the same):
//!
//! ```text
//! cargo run --release -p exposure-core --example import_dump -- FILE... | sha256sum
//! ```
//!
//! For each file: the import's report, incidents and organizations (or its
//! error), then, merged and indexed as the page does it, what the engine
//! answers about a sample of the organizations.

use std::io::Write;

use exposure_core::hibp::{self, CatalogReader};
use exposure_core::{Engine, EngineBuilder};

fn main() {
    let base = Engine::bundled().expect("the bundled data set loads");
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        writeln!(out, "== {path}").unwrap();
        let mut reader = CatalogReader::new(&base.data, &base.names);
        let read = bytes
            .chunks(512 * 1024)
            .try_for_each(|piece| reader.push(piece))
            .and_then(|()| reader.finish());
        let mut import = match read {
            Ok(import) => import,
            Err(e) => {
                writeln!(out, "error: {e:?}").unwrap();
                continue;
            }
        };
        writeln!(out, "{import:#?}").unwrap();
        let merged = hibp::merge(&base.data, &mut import);
        let mut builder = EngineBuilder::new(merged);
        while !builder.step(500) {}
        let engine = builder.finish();
        let ds = &engine.data;
        writeln!(out, "{:?}", ds.stats()).unwrap();
        let every = (ds.organizations().len() / 3000).max(1);
        for org in ds.organizations().iter().step_by(every) {
            let name = org.name.as_str();
            let mut typo: Vec<char> = name.chars().collect();
            if typo.len() > 4 {
                typo.swap(2, 3);
            }
            let typo: String = typo.into_iter().collect();
            let prefix: String = name.chars().take(5).collect();
            writeln!(
                out,
                "{} {:?} {:?} {:?} {:?} {:?} {:?}",
                org.id,
                ds.incidents_of(&org.id),
                ds.descendants(&org.id).len(),
                ds.ancestors(&org.id).len(),
                engine.resolve(name),
                engine.resolve(&typo),
                suggested(&engine, &prefix),
            )
            .unwrap();
        }
        let every = (ds.incidents().len() / 1000).max(1);
        for inc in ds.incidents().iter().step_by(every) {
            writeln!(
                out,
                "{} {:?}",
                inc.id,
                ds.incident(&inc.id).map(|i| &i.title)
            )
            .unwrap();
        }
    }
}

/// Suggestions as (score, name), best first: which of several organizations
/// of the same name and score comes first, or is kept when more tie than
/// fit, depends on hash map order, which differs from run to run.
fn suggested(engine: &Engine, prefix: &str) -> Vec<(u32, String)> {
    let mut found: Vec<(u32, String)> = engine
        .suggest(prefix, 8)
        .into_iter()
        .map(|m| (m.score, m.name))
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    found
}
