//! Importing a Have I Been Pwned catalogue: mapping, skips with reasons,
//! hostile descriptions turned to text, curated breaches not duplicated.

use exposure_core::hibp::CatalogError;
use exposure_core::Engine;

fn fixture() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/hibp-small.json");
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn imports_the_fixture_with_a_report() {
    let base = Engine::bundled().unwrap();
    let (engine, import) = base.with_catalog(&fixture()).unwrap();
    assert_eq!(import.breaches, 5);
    assert_eq!(import.imported, 1);
    let reasons: Vec<(&str, &str)> = import
        .skipped
        .iter()
        .map(|s| (s.name.as_str(), s.reason.as_str()))
        .collect();
    assert!(reasons.contains(&("SpamHeap", "a spam list, not a breach of the company")));
    assert!(
        reasons.contains(&("ATT", "already in the curated data as att-data-leak-2024")),
        "{reasons:?}"
    );
    assert!(reasons
        .iter()
        .any(|(n, r)| *n == "entry 4" && r.contains("not a breach object")));
    assert!(reasons
        .iter()
        .any(|(n, r)| *n == "entry 5" && r.contains("no Name")));
    assert_eq!(
        import.class_mapping.get("Passwords").map(String::as_str),
        Some("password")
    );
    assert_eq!(import.unmapped_classes, ["Chronic ailments never seen"]);
    let inc = engine
        .data
        .incident("hibp-exampleshop")
        .expect("imported incident");
    assert!(inc.data_types.contains(&"password".to_string()));
    assert!(inc.data_types.contains(&"other".to_string()));
    assert_eq!(
        inc.summary,
        "In March 2021, Example Shop lost customer data."
    );
    assert!(inc.sources[0]
        .url
        .starts_with("https://haveibeenpwned.com/"));
    // Imported incidents are matched like curated ones.
    let report = engine.check_names(&["Example Shop"], None);
    assert!(report
        .matches
        .iter()
        .any(|m| m.incident_id == "hibp-exampleshop"));
    assert!(
        engine.data.validate().is_empty(),
        "{:?}",
        engine.data.validate()
    );
}

#[test]
fn bad_files_fail_clearly() {
    let base = Engine::bundled().unwrap();
    let cases: &[(&str, &str)] = &[
        ("not json", "not JSON"),
        ("{\"a\":1}", "not a breach list"),
        ("\"x\"", "not a breach list"),
    ];
    for (text, want) in cases {
        let err = base.with_catalog(text).expect_err("fails");
        assert!(err.to_string().contains(want), "{text}: {err}");
        assert!(matches!(
            err,
            CatalogError::NotJson(_) | CatalogError::WrongShape
        ));
    }
    let (_, empty) = base.with_catalog("[]").unwrap();
    assert_eq!((empty.breaches, empty.imported), (0, 0));
}
