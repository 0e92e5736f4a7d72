//! The JSON reader (`exposure_core::json`) against serde_json, which still
//! writes what the reader reads: the shipped files read back from their
//! serialized form, every enum name agrees both ways, and arbitrary JSON
//! parses to the same tree serde_json sees.

mod support;

use std::fmt::Debug;

use exposure_core::bundled;
use exposure_core::json::{self, FromJson, Json, JsonEnum};
use exposure_core::lang::Translations;
use exposure_core::model::{
    Category, Confirmation, Frequency, IncidentKind, IncidentsFile, OrganizationsFile,
    ParentRelation, RemedyKind, Sector, SettlementKind, Severity, Taxonomy, Urgency,
};
use proptest::prelude::*;
use serde::Serialize;
use serde_json::Value;

/// Read, written by serde, read again: the same value. Fails when a field
/// or variant is named differently for reading and for writing.
fn reads_back<T: FromJson + Serialize + PartialEq + Debug>(name: &str, text: &str) {
    let first: T = json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let written = serde_json::to_string(&first).unwrap();
    let again: T = json::from_str(&written).unwrap_or_else(|e| panic!("{name} rewritten: {e}"));
    assert_eq!(first, again, "{name}");
}

#[test]
fn the_shipped_files_read_back_from_what_serde_writes() {
    reads_back::<Taxonomy>("taxonomy.json", bundled::TAXONOMY_JSON);
    reads_back::<OrganizationsFile>("organizations.json", bundled::ORGANIZATIONS_JSON);
    reads_back::<IncidentsFile>("incidents.json", bundled::INCIDENTS_JSON);
    reads_back::<Translations>("zh.json", bundled::ZH_JSON);
}

fn names_agree<T: JsonEnum + Serialize + PartialEq + Debug>() {
    assert!(!T::VARIANTS.is_empty());
    for (v, name) in T::VARIANTS {
        assert_eq!(
            serde_json::to_value(v).unwrap(),
            Value::from(*name),
            "{v:?}"
        );
        assert_eq!(json::from_str::<T>(&format!("\"{name}\"")), Ok(*v));
    }
    let unknown = json::from_str::<T>("\"no_such_variant\"").unwrap_err();
    assert!(
        unknown
            .to_string()
            .starts_with("unknown variant `no_such_variant`"),
        "{unknown}"
    );
}

#[test]
fn every_enum_reads_the_names_serde_writes() {
    names_agree::<Severity>();
    names_agree::<Category>();
    names_agree::<Urgency>();
    names_agree::<Frequency>();
    names_agree::<Sector>();
    names_agree::<ParentRelation>();
    names_agree::<IncidentKind>();
    names_agree::<Confirmation>();
    names_agree::<RemedyKind>();
    names_agree::<SettlementKind>();
    names_agree::<exposure_core::Tenure>();
}

#[test]
fn a_misnamed_field_is_reported_with_its_path() {
    let text = bundled::INCIDENTS_JSON.replacen("\"publisher\"", "\"publsher\"", 1);
    let e = json::from_str::<IncidentsFile>(&text)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("incidents[0].sources[0]: unknown field `publsher`"),
        "{e}"
    );
}

/// serde_json's tree in ours: whole numbers in i64 are `Int`, others `Frac`.
fn ours(v: &Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => n.as_i64().map_or(Json::Frac, Json::Int),
        Value::String(s) => Json::Str(s.clone()),
        Value::Array(items) => Json::Arr(items.iter().map(ours).collect()),
        Value::Object(m) => Json::Obj(m.iter().map(|(k, v)| (k.clone(), ours(v))).collect()),
    }
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1.0e6f64..1.0e6).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
        "[\"\\\\/\\u{0}-\\u{1f}\\u{7f}\\u{10000}-\\u{10ffff}]{0,6}".prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map("\\PC{0,6}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(support::proptest_config(512, 0x5eed_2026))]

    /// Whatever serde_json writes, compact or pretty, we read as the same tree.
    #[test]
    fn reads_what_serde_json_writes(v in any_json()) {
        let want = ours(&v);
        prop_assert_eq!(json::parse(&serde_json::to_string(&v).unwrap()), Ok(want.clone()));
        prop_assert_eq!(json::parse(&serde_json::to_string_pretty(&v).unwrap()), Ok(want));
    }

    /// Any text: an answer, never a panic; and nothing serde_json refuses.
    #[test]
    fn any_text_is_read_or_refused(s in "[\\[\\]{}:,\"\\\\ 0-9.eE+\\-truefalsnu\\u{e9}\\u{0}\\n]{0,40}") {
        if json::parse(&s).is_ok() {
            prop_assert!(serde_json::from_str::<Value>(&s).is_ok(), "we read what serde_json refuses: {:?}", s);
        }
    }

    /// A valid text cut short, where that is no longer JSON, is refused (never a panic).
    #[test]
    fn a_cut_text_that_is_no_longer_json_is_refused(v in any_json(), cut in 0.0f64..1.0) {
        let text = serde_json::to_string(&v).unwrap();
        let mut at = (text.len() as f64 * cut) as usize;
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let head = &text[..at];
        if serde_json::from_str::<Value>(head).is_err() {
            prop_assert!(json::parse(head).is_err(), "{:?}", head);
        }
    }
}
