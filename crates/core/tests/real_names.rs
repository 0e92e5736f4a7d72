//! The matcher measured on names exactly as filed in public breach registers
//! the knowledge base does not ingest (tests/matching/real-names.json), read
//! the way the page and the CLI read them (`Engine::read_companies`). Prints
//! precision, recall and every confusion; the generated set of
//! tests/matching/labelled.json is measured apart (tests/labelled.rs).

use std::collections::{BTreeMap, BTreeSet};

use exposure_core::Engine;
use serde_json::Value;

#[test]
fn precision_and_recall_on_names_as_filed() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/matching/real-names.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    let positives = cases.iter().filter(|c| !c["expected"].is_null()).count();
    let near = cases.iter().filter(|c| c["kind"] == "near miss").count();
    assert!(cases.len() >= 1000 && positives >= 300 && near >= 300);
    // The curated data as labelled, and the data as the page loads it (with
    // the organizations known only from registers, which the labels
    // predate: a null-labelled name read as one of them is counted apart).
    let curated = Engine::new(exposure_core::bundled::curated().unwrap());
    let full = Engine::bundled().unwrap();
    let strings = |field: &str| -> BTreeSet<String> {
        doc[field]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let added = strings("added_after_freeze");
    // Names the data took up after the freeze (tools/data/real-names-stale.py).
    let taken_up = strings("names_added_after_freeze");
    let after = AfterFreeze {
        orgs: &added,
        names: &taken_up,
    };
    let (precision, recall) = evaluate(&curated, cases, &after, positives, near, "curated data");
    let (full_precision, full_recall) = evaluate(
        &full,
        cases,
        &after,
        positives,
        near,
        "with register notices",
    );
    assert!(precision >= 0.99, "precision {precision:.3}");
    // Issue 19's bar. The reading reaches 0.902 (0.719 before decorated
    // names were read; 0.850 before registers' abbreviations, University
    // of California campuses, a system's hospitals, "c/o" and
    // one-known-part filings were), with every name the data took up
    // after the freeze left out. Most of what it misses are former names
    // of acquired companies and units filed under their own names.
    assert!(recall >= 0.90, "recall {recall:.3}");
    // With the register organizations (issue 21), a name as another
    // register filed it reads as the organization that register knows:
    // precision 0.955, recall 0.898. Most of the difference is a unit filed
    // under its own name ("Sharp Memorial Hospital"), which the labels,
    // made before the registers came in, give to the curated parent.
    // Floors, not the bar.
    assert!(full_precision >= 0.95, "precision {full_precision:.3}");
    assert!(full_recall >= 0.89, "recall {full_recall:.3}");
}

/// What the data took up after the set was frozen: organizations under a
/// name the set files as unknown, and names the set labels that became an
/// organization's names or aliases. Cases they touch are left out, counted.
struct AfterFreeze<'a> {
    orgs: &'a BTreeSet<String>,
    names: &'a BTreeSet<String>,
}

fn evaluate(
    engine: &Engine,
    cases: &[Value],
    after: &AfterFreeze,
    positives: usize,
    near: usize,
    what: &str,
) -> (f64, f64) {
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    let mut by_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut confusions = Vec::new();
    // Organizations the data added after the set was frozen, under a name
    // the set files (tools/data/real-names-stale.py): a case labelled "not
    // in our data" that reads as one of them predates it; left out, counted.
    let mut stale = 0usize;
    let mut register = 0usize;
    for c in cases {
        let input = c["input"].as_str().unwrap();
        let want: BTreeSet<String> = match &c["expected"] {
            Value::String(s) => [s.clone()].into(),
            Value::Array(a) => a
                .iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect(),
            _ => BTreeSet::new(),
        };
        let got: BTreeSet<String> = engine
            .read_companies(input)
            .into_iter()
            .filter_map(|q| q.org_id)
            .collect();
        let reviewed_stale = c.get("stale").is_some();
        let unknown_since_added = want.is_empty() && !got.is_empty() && got.is_subset(after.orgs);
        if reviewed_stale || unknown_since_added || after.names.contains(input) {
            stale += 1;
            continue;
        }
        if want.is_empty() && !got.is_empty() && got.iter().all(|o| o.starts_with("r-")) {
            register += 1;
            continue;
        }
        let hit = got.intersection(&want).count();
        tp += hit;
        fp += got.len() - hit;
        fneg += want.len() - hit;
        let kind = c["kind"].as_str().unwrap_or("?").to_string();
        let slot = by_kind.entry(kind.clone()).or_default();
        slot.0 += usize::from(got == want);
        slot.1 += 1;
        if got != want {
            confusions.push(format!("  [{kind}] {input:?}: want {want:?}, got {got:?}"));
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fneg).max(1) as f64;
    println!(
        "names as filed, {what}: {} cases ({positives} naming an organization of the data, {near} near misses); \
         precision {precision:.3}, recall {recall:.3} (tp {tp}, fp {fp}, fn {fneg}); \
         {stale} left out: the data took up that very name after the set was frozen; \
         {register} names labelled unknown read as an organization known only from registers (unlabelled)",
        cases.len()
    );
    for (kind, (ok, n)) in &by_kind {
        println!("  {kind:<12} {ok}/{n}");
    }
    println!(
        "confusions ({}):\n{}",
        confusions.len(),
        confusions.join("\n")
    );
    (precision, recall)
}
