//! The matcher measured on a labelled set (tests/matching/labelled.json):
//! typed inputs with the organization they must resolve to, or null when they
//! must stay unknown. Prints precision, recall and the confusions.

use std::collections::BTreeMap;

use exposure_core::Engine;
use serde_json::Value;

#[test]
fn precision_and_recall_on_the_labelled_set() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/matching/labelled.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(
        cases.len() >= 300,
        "the labelled set has {} pairs",
        cases.len()
    );
    let engine = Engine::bundled().unwrap();
    let (mut tp, mut fp, mut fneg, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let mut by_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut confusions = Vec::new();
    for c in cases {
        let input = c["input"].as_str().unwrap();
        let want = c["expected"].as_str();
        let kind = c["kind"].as_str().unwrap_or("?").to_string();
        let got = engine.resolve(input).map(|m| m.org_id);
        let ok = got.as_deref() == want;
        let slot = by_kind.entry(kind.clone()).or_default();
        slot.0 += usize::from(ok);
        slot.1 += 1;
        match (want, got.as_deref()) {
            (Some(w), Some(g)) if w == g => tp += 1,
            (Some(_), Some(_)) => {
                fp += 1;
                fneg += 1;
            }
            (Some(_), None) => fneg += 1,
            (None, Some(_)) => fp += 1,
            (None, None) => tn += 1,
        }
        if !ok {
            confusions.push(format!("  [{kind}] {input:?}: want {want:?}, got {got:?}"));
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fneg).max(1) as f64;
    println!(
        "labelled set: {} pairs; precision {precision:.3}, recall {recall:.3} (tp {tp}, fp {fp}, fn {fneg}, tn {tn})",
        cases.len()
    );
    for (kind, (ok, n)) in &by_kind {
        println!("  {kind:<22} {ok}/{n}");
    }
    println!(
        "confusions ({}):\n{}",
        confusions.len(),
        confusions.join("\n")
    );
    assert!(
        precision >= 0.98,
        "precision {precision:.3}\n{}",
        confusions.join("\n")
    );
    assert!(
        recall >= 0.95,
        "recall {recall:.3}\n{}",
        confusions.join("\n")
    );
}
