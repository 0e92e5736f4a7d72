//! What the page keeps in the browser, and how it is read back. Encoding and
//! decoding are pure (tested natively); `platform` does the actual storage.

use exposure_core::export::Progress;
use exposure_core::json::{self, FromJson, Json};
use exposure_core::CompanyQuery;

use crate::error::AppError;

/// localStorage key of the saved progress.
pub const KEY: &str = "exposure-check/progress";
/// Where an unreadable saved value is copied before it is replaced.
pub const BACKUP_KEY: &str = "exposure-check/progress.backup";
/// localStorage key of an imported breach catalogue (its text, as read).
pub const CATALOG_KEY: &str = "exposure-check/catalog";
/// localStorage key of the language choice.
pub const LANG_KEY: &str = "exposure-check/lang";
/// Version of the saved format.
pub const VERSION: u64 = 1;

pub fn encode(progress: &Progress) -> String {
    // Written straight from a struct, not through `serde_json::Value` (whose
    // map and printer would be about 5 KB more of the wasm).
    #[derive(serde::Serialize)]
    struct Saved<'a> {
        version: u64,
        progress: &'a Progress,
    }
    serde_json::to_string(&Saved {
        version: VERSION,
        progress,
    })
    .unwrap_or_default()
}

/// One step of the saved format's history: the version it reads, and how it
/// becomes the next version.
type Migration = (u64, fn(Json) -> Json);

/// Every change of the saved format, oldest first. Version 0 is what the
/// page stored before the format had a version: the progress object itself,
/// or a plain list of company names (also what a person may paste into
/// storage by hand).
const MIGRATIONS: &[Migration] = &[(0, v0_to_v1)];

/// An object of these members.
fn object<const N: usize>(members: [(&str, Json); N]) -> Json {
    Json::Obj(
        members
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn v0_to_v1(old: Json) -> Json {
    let progress = match old {
        Json::Arr(names) => object([
            (
                "companies",
                Json::Arr(
                    names
                        .into_iter()
                        .filter_map(|n| match n {
                            Json::Str(s) => Some(object([("input", Json::Str(s))])),
                            _ => None,
                        })
                        .collect(),
                ),
            ),
            ("done", Json::Arr(Vec::new())),
        ]),
        other => other,
    };
    object([("version", Json::Int(1)), ("progress", progress)])
}

/// The version of a saved value; 0 for the shapes from before versions.
fn version_of(value: &Json) -> Option<u64> {
    let has = |key| value.get(key).is_some();
    match value {
        Json::Obj(_) if has("version") => value.get("version").and_then(Json::as_u64),
        Json::Obj(_) if has("companies") && !has("progress") => Some(0),
        Json::Arr(items) if items.iter().all(|i| i.as_str().is_some()) && !items.is_empty() => {
            Some(0)
        }
        _ => None,
    }
}

/// Brings a saved value to the current version. Returns the value and
/// whether it was migrated.
fn migrate(mut value: Json) -> (Json, bool) {
    let mut migrated = false;
    while let Some(v) = version_of(&value) {
        match MIGRATIONS.iter().find(|(from, _)| *from == v) {
            Some((_, step)) => {
                value = step(value);
                migrated = true;
            }
            None => break,
        }
    }
    (value, migrated)
}

/// What reading saved progress found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decoded {
    pub progress: Progress,
    /// Something was damaged or foreign: what was lost, in words.
    pub error: Option<AppError>,
    /// It was in an older format and has been brought up to date.
    pub migrated: bool,
}

/// Reads saved progress of any known version, recovering every valid
/// company and ticked action from a damaged value; says what was lost and
/// whether an older format was migrated.
pub fn decode(text: &str) -> Decoded {
    let corrupt = |reason: String| AppError::StorageCorrupt { reason };
    let value = match json::parse(text) {
        Ok(v) => v,
        Err(e) => {
            return Decoded {
                error: Some(corrupt(format!("not JSON: {e}"))),
                ..Decoded::default()
            }
        }
    };
    let (mut value, migrated) = migrate(value);
    let mut problems = Vec::new();
    match value.get("version").and_then(Json::as_u64) {
        Some(VERSION) => {}
        Some(v) if v > VERSION => problems.push(format!(
            "it was saved by a newer version of the page (format {v})"
        )),
        Some(v) => problems.push(format!("unknown version {v}")),
        None => problems.push("no version".to_string()),
    }
    let mut p = value.take("progress").unwrap_or(Json::Null);
    let mut progress = Progress::default();
    match p.take("companies") {
        Some(Json::Arr(list)) => {
            for item in list {
                match CompanyQuery::from_json(item) {
                    Ok(c) => progress.companies.push(c),
                    Err(_) => problems.push("a company entry was damaged".into()),
                }
            }
        }
        _ => problems.push("no company list".into()),
    }
    match p.get("done").and_then(Json::as_array) {
        Some(list) => {
            for item in list {
                match item.as_str() {
                    Some(id) => {
                        progress.done.insert(id.to_string());
                    }
                    None => problems.push("a ticked action was damaged".into()),
                }
            }
        }
        None => problems.push("no list of ticked actions".into()),
    }
    // Added later: absent in older saves, which is no damage.
    if let Some(v) = p.take("done_on") {
        match FromJson::from_json(v) {
            Ok(d) => progress.done_on = d,
            Err(_) => problems.push("the days actions were ticked were damaged".into()),
        }
    }
    if let Some(Json::Arr(list)) = p.take("letters") {
        for item in list {
            match exposure_core::letter::Kept::from_json(item) {
                Ok(k) => progress.letters.push(k),
                Err(_) => problems.push("a kept letter was damaged".into()),
            }
        }
    }
    if let Some(v) = p.take("seen") {
        // What the last visit showed only marks what is new: a damaged one
        // is dropped without a word.
        progress.seen = FromJson::from_json(v).ok();
    }
    problems.dedup();
    let error = (!problems.is_empty()).then(|| corrupt(problems.join(", ")));
    Decoded {
        progress,
        error,
        migrated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let p = Progress {
            companies: vec![CompanyQuery {
                input: "AT&T".into(),
                org_id: Some("att".into()),
                period: exposure_core::Period {
                    from: Some(2010),
                    until: Some(2016),
                    tenure: Some(exposure_core::Tenure::Former),
                },
                relation: exposure_core::model::Relation::Employee,
                ..Default::default()
            }],
            done: ["credit_freeze".to_string()].into(),
            done_on: [(
                "credit_freeze".to_string(),
                exposure_core::PartialDate::ymd(2026, 11, 1),
            )]
            .into(),
            letters: vec![exposure_core::letter::Kept {
                sender: Some(exposure_core::letter::Party {
                    name: "Infosys McCamish Systems, LLC".into(),
                    org_id: Some("infosys-mccamish".into()),
                }),
                incident: Some("infosys-mccamish-2023".into()),
                data_types: vec!["ssn".into()],
                enroll_by: Some(exposure_core::PartialDate::ymd(2024, 5, 31)),
                ..Default::default()
            }],
            seen: Some(exposure_core::export::Seen {
                as_of: Some(exposure_core::PartialDate::ymd(2026, 7, 1)),
                ids: ["att-vendor-2023".to_string()].into(),
            }),
        };
        let back = decode(&encode(&p));
        assert_eq!(back.progress, p);
        assert!(back.error.is_none());
    }

    #[test]
    fn older_formats_are_migrated() {
        let cases: &[(&str, &[&str], usize)] = &[
            // (saved text, inputs recovered, ticks recovered)
            (
                r#"{"companies":[{"input":"AT&T","org_id":"att"}],"done":["credit_freeze"]}"#,
                &["AT&T"],
                1,
            ),
            (
                r#"["AT&T","Bank of America"]"#,
                &["AT&T", "Bank of America"],
                0,
            ),
        ];
        for (text, inputs, done) in cases {
            let d = decode(text);
            assert!(d.migrated, "{text}");
            assert_eq!(d.error, None, "{text}");
            let got: Vec<&str> = d
                .progress
                .companies
                .iter()
                .map(|c| c.input.as_str())
                .collect();
            assert_eq!(&got, inputs, "{text}");
            assert_eq!(d.progress.done.len(), *done, "{text}");
            // Saved before people said what they are to a company: customers.
            assert!(d
                .progress
                .companies
                .iter()
                .all(|c| c.relation == exposure_core::model::Relation::Customer
                    && c.name_match.is_none()));
            // Once migrated, it reads back the same in the current format.
            assert_eq!(decode(&encode(&d.progress)).progress, d.progress);
        }
        // Version 1 as saved before issue 19: no relationship, no name match.
        let v1 = decode(
            r#"{"version":1,"progress":{"companies":[{"input":"Verizon","org_id":"verizon","period":{"from":2015,"until":null}}],"done":[]}}"#,
        );
        assert!(v1.error.is_none());
        assert_eq!(
            v1.progress.companies[0].relation,
            exposure_core::model::Relation::Customer
        );
        assert_eq!(v1.progress.companies[0].period.from, Some(2015));
        // Saved before the page asked whether it goes on (issue 22): not
        // said; an end year alone still says it ended.
        let before_tenure = decode(
            r#"{"version":1,"progress":{"companies":[{"input":"Verizon","org_id":"verizon","period":{"from":2015,"until":null}},{"input":"AT&T","org_id":"att","period":{"from":2010,"until":2016}}],"done":[]}}"#,
        );
        assert!(before_tenure.error.is_none() && !before_tenure.migrated);
        let periods: Vec<_> = before_tenure
            .progress
            .companies
            .iter()
            .map(|c| (c.period.tenure, c.period.status(), c.period.ended()))
            .collect();
        assert_eq!(
            periods,
            [
                (None, None, None),
                (None, Some(exposure_core::Tenure::Former), Some(2016))
            ]
        );
        // Each tenure kept as said, through a save and a read.
        for tenure in [
            None,
            Some(exposure_core::Tenure::Current),
            Some(exposure_core::Tenure::Former),
        ] {
            let p = Progress {
                companies: vec![CompanyQuery {
                    input: "AT&T".into(),
                    org_id: Some("att".into()),
                    period: exposure_core::Period {
                        from: Some(2015),
                        until: None,
                        tenure,
                    },
                    ..Default::default()
                }],
                ..Default::default()
            };
            let text = encode(&p);
            assert_eq!(text.contains("\"tenure\""), tenure.is_some(), "{text}");
            assert_eq!(decode(&text).progress, p, "{text}");
        }
        let current = decode(&encode(&Progress::default()));
        assert!(!current.migrated);
        let newer = decode(r#"{"version":9,"progress":{"companies":[],"done":[]}}"#);
        assert!(newer.error.unwrap().to_string().contains("newer version"));
    }

    #[test]
    fn damaged_values_recover_what_is_valid() {
        let cases: &[(&str, usize, usize, bool)] = &[
            // (saved text, companies recovered, done recovered, error expected)
            ("", 0, 0, true),
            ("{not json", 0, 0, true),
            ("[]", 0, 0, true),
            (
                r#"{"version":1,"progress":{"companies":[],"done":[]}}"#,
                0,
                0,
                false,
            ),
            (
                r#"{"version":1,"progress":{"companies":[{"input":"AT&T","org_id":"att"},42,{"x":1}],"done":["a",7,"b"]}}"#,
                1,
                2,
                true,
            ),
            (
                r#"{"version":7,"progress":{"companies":[{"input":"AT&T","org_id":"att"}],"done":[]}}"#,
                1,
                0,
                true,
            ),
            (
                r#"{"progress":{"companies":[{"input":"x"}],"done":["y"]}}"#,
                1,
                1,
                true,
            ),
        ];
        for (text, companies, done, error) in cases {
            let Decoded {
                progress: p,
                error: e,
                ..
            } = decode(text);
            assert_eq!(p.companies.len(), *companies, "{text}");
            assert_eq!(p.done.len(), *done, "{text}");
            assert_eq!(e.is_some(), *error, "{text}");
        }
    }
}
