//! Importing a Have I Been Pwned catalogue: mapping, skips with reasons,
//! hostile descriptions turned to text, curated breaches not duplicated.

mod support;

use exposure_core::hibp::{CatalogError, FieldType, SkipReason};
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
    let reasons: Vec<(&str, &SkipReason)> = import
        .skipped
        .iter()
        .map(|s| (s.name.as_str(), &s.reason))
        .collect();
    assert!(reasons.contains(&("SpamHeap", &SkipReason::SpamList)));
    assert!(
        reasons.contains(&(
            "ATT",
            &SkipReason::AlreadyCurated {
                incident: "att-data-leak-2024".into()
            }
        )),
        "{reasons:?}"
    );
    assert!(reasons.contains(&("entry 4", &SkipReason::NotAnObject)));
    assert!(reasons.contains(&("entry 5", &SkipReason::NoName)));
    assert_eq!(
        import.class_mapping.get("Passwords").map(String::as_str),
        Some("password")
    );
    assert_eq!(import.unmapped_classes, ["Chronic ailments never seen"]);
    let inc = engine
        .data
        .incident("hibp-exampleshop")
        .expect("imported incident");
    assert!(inc.data_types.iter().any(|t| t == "password"));
    assert!(inc.data_types.iter().any(|t| t == "other"));
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

/// The fixture read by a `CatalogReader` fed in pieces of the given sizes
/// (cycled), as the page feeds it slices of a file.
fn read_in_pieces(
    base: &Engine,
    text: &[u8],
    sizes: &[usize],
) -> Result<exposure_core::hibp::CatalogImport, CatalogError> {
    let mut reader = exposure_core::hibp::CatalogReader::new(&base.data, &base.names);
    let mut at = 0;
    for size in sizes.iter().cycle() {
        if at >= text.len() {
            break;
        }
        let end = (at + size.max(&1)).min(text.len());
        reader.push(&text[at..end])?;
        at = end;
    }
    assert_eq!(reader.bytes_read(), text.len() as u64);
    reader.finish()
}

#[test]
fn pieces_of_any_size_read_the_same() {
    let base = Engine::bundled().unwrap();
    let text = fixture();
    let whole = exposure_core::hibp::import(&base.data, &base.names, &text).unwrap();
    for sizes in [&[1][..], &[2], &[3, 5], &[7], &[64], &[1000, 1], &[1 << 20]] {
        let pieces = read_in_pieces(&base, text.as_bytes(), sizes).unwrap();
        assert_eq!(pieces, whole, "pieces of {sizes:?}");
    }
}

#[test]
fn broken_structure_fails_clearly() {
    let base = Engine::bundled().unwrap();
    let cases: &[(&str, &str)] = &[
        ("", "empty"),
        ("   ", "empty"),
        ("[", "ends before the list is closed"),
        ("[{\"Name\":\"A\"}", "ends before the list is closed"),
        ("[{\"Name\":\"A\"},", "ends before the list is closed"),
        ("[{\"Name\":\"A\"}] x", "more after the end"),
        ("[{\"Name\":\"A\"},,{}]", "entry 2"),
        ("[{\"Name\": }]", "entry 1"),
        ("[\"a\" \"b\"]", "entry 1"),
        ("{\"a\":[1,2]}", "not a breach list"),
        ("nope", "not JSON"),
    ];
    for (text, want) in cases {
        let err = read_in_pieces(&base, text.as_bytes(), &[3]).expect_err(text);
        assert!(err.to_string().contains(want), "{text:?}: {err}");
    }
    // Byte order mark, white space, strings holding brackets and quotes.
    // (Each with its date: an entry without one is left out.)
    let ok = "\u{feff} [ {\"Name\":\"A]b,c\\\"[{\",\"Title\":\"A ] B\",\"AddedDate\":\"2024-01-01\"} ,\n {\"Name\":\"Z\",\"AddedDate\":\"2024\"} ] \n";
    let import = read_in_pieces(&base, ok.as_bytes(), &[1]).unwrap();
    assert_eq!((import.breaches, import.imported), (2, 2));
    assert!(import
        .incidents
        .iter()
        .any(|i| i.title.starts_with("A ] B")));
}

proptest::proptest! {
    #![proptest_config(support::proptest_config(256, 0x5eed_2026))]

    /// However a file is cut into pieces, the import is the same.
    #[test]
    fn any_cut_reads_the_same(sizes in proptest::collection::vec(1usize..300, 1..12)) {
        let base = shared_engine();
        let text = fixture();
        let whole = exposure_core::hibp::import(&base.data, &base.names, &text).unwrap();
        let pieces = read_in_pieces(base, text.as_bytes(), &sizes).unwrap();
        proptest::prop_assert_eq!(pieces, whole);
    }
}

fn shared_engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| Engine::bundled().unwrap())
}

/// A repeated key reads as its last value (as a JSON object read whole), an
/// escaped key as its text; a field of an unexpected type leaves the entry
/// out, naming the field (changed by design in issue 19: such fields read as
/// missing before, and the entry was imported with what was left).
#[test]
fn odd_fields_read_as_a_json_object_would() {
    let base = Engine::bundled().unwrap();
    let text = r#"[
        {"Name": 5, "Title": "Five", "AddedDate": "2024-01-01"},
        {"Name": "Dup", "Name": ["x"], "AddedDate": "2024-01-01"},
        {"Name": 5, "Name": "Later", "DataClasses": "Passwords", "AddedDate": "2024-01-01"},
        {"N\u0061me": "Escaped", "DataClasses": ["Passwords", "Passwords"], "PwnCount": 7.0, "AddedDate": "2024-01-01"},
        {"Name": "Counted", "N\u0061me": "Counted", "PwnCount": 12, "IsVerified": false, "IsSensitive": false, "AddedDate": "2024-01-01", "Extra": {"x": [1e3, -0, "\ud83d\ude00"]}},
        {"Name": "Negative", "PwnCount": -3, "AddedDate": "2024-01-01"},
        {"Name": "Flag", "IsVerified": "no", "AddedDate": "2024-01-01"},
        {"Name": "Mixed", "DataClasses": [1, "Passwords", null], "AddedDate": "2024-01-01"},
        {"Name": "Kept", "DataClasses": ["Passwords"], "Title": null, "AddedDate": "2024-01-01"},
        [1, 2], "text", null
    ]"#;
    let (engine, import) = base.with_catalog(text).unwrap();
    let reasons = skips(&import);
    let wrong = |field, expected| SkipReason::WrongType { field, expected };
    assert_eq!(
        reasons,
        [
            ("entry 1", wrong("Name", FieldType::Text)),
            ("entry 2", wrong("Name", FieldType::Text)),
            ("Later", wrong("DataClasses", FieldType::ListOfText)),
            ("Escaped", wrong("PwnCount", FieldType::WholeNumber)),
            ("Negative", wrong("PwnCount", FieldType::WholeNumber)),
            ("Flag", wrong("IsVerified", FieldType::TrueOrFalse)),
            ("Mixed", wrong("DataClasses", FieldType::ListOfText)),
            ("entry 10", SkipReason::NotAnObject),
            ("entry 11", SkipReason::NotAnObject),
            ("entry 12", SkipReason::NotAnObject),
        ]
    );
    assert!(import.skipped.iter().all(|s| s.reason.is_malformed()));
    // A null is taken as absent.
    let kept = engine.data.incident("hibp-kept").unwrap();
    assert_eq!(kept.data_types, ["password"]);
    let counted = engine.data.incident("hibp-counted").unwrap();
    assert_eq!(
        (counted.affected, counted.affected_unconfirmed),
        (Some(12), true)
    );
    assert!(counted
        .summary
        .ends_with("(Not verified by Have I Been Pwned.)"));
    // Syntax is checked everywhere, in fields the import does not read too.
    for bad in [
        r#"[{"Name": "A", "Extra": 1e400}]"#,
        r#"[{"Name": "A", "Extra": "\ud800"}]"#,
        r#"[{"Name": "A", "Extra": [1,]}]"#,
    ] {
        let err = base.with_catalog(bad).expect_err(bad);
        assert!(err.to_string().contains("entry 1"), "{bad}: {err}");
    }
}

/// Each entry left out, by name, with why.
fn skips(import: &exposure_core::hibp::CatalogImport) -> Vec<(&str, SkipReason)> {
    import
        .skipped
        .iter()
        .map(|s| (s.name.as_str(), s.reason.clone()))
        .collect()
}

/// Nothing is invented: an entry without any date, or with a date that is
/// not one, is left out with its reason; an entry with only its breach date
/// is sourced on that date, not on a date the file never had.
#[test]
fn dates_are_read_never_invented() {
    let base = Engine::bundled().unwrap();
    let text = r#"[
        {"Name": "Dateless", "PwnCount": 5},
        {"Name": "Garbled", "BreachDate": "last spring"},
        {"Name": "Badadded", "BreachDate": "2020-01-02", "AddedDate": "2020-13-45"},
        {"Name": "BreachOnly", "BreachDate": "2020-01-02", "PwnCount": 10}
    ]"#;
    let (engine, import) = base.with_catalog(text).unwrap();
    let reasons = skips(&import);
    assert_eq!(
        reasons,
        [
            ("Dateless", SkipReason::NoDate),
            (
                "Garbled",
                SkipReason::BadDate {
                    field: "BreachDate"
                }
            ),
            ("Badadded", SkipReason::BadDate { field: "AddedDate" }),
        ]
    );
    let only = engine.data.incident("hibp-breachonly").unwrap();
    let d = exposure_core::PartialDate::ymd(2020, 1, 2);
    assert_eq!(only.sources[0].date, d);
    assert_eq!(only.affected_as_of, Some(d));
}
