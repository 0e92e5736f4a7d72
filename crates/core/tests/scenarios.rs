//! The acceptance scenarios (tests/scenarios/public.json and trust.json,
//! copies of ../shared/scenarios/) run through the core engine, one test
//! case each, plus a check that the copies have every case of the shared
//! files. Each company is read as the page and the CLI read a typed name
//! (`Engine::read_companies`: a filing that names two organizations gives both).

use std::collections::BTreeSet;
use std::path::PathBuf;

use exposure_core::{Confidence, Engine, Fit};
use serde_json::Value;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn load(path: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The scenario files, each also in ../shared/scenarios/.
const FILES: [&str; 2] = ["public.json", "trust.json"];

fn scenarios() -> Vec<Value> {
    FILES
        .iter()
        .flat_map(|f| {
            load(&repo_root().join("tests/scenarios").join(f))["scenarios"]
                .as_array()
                .expect("scenarios array")
                .clone()
        })
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Runs one scenario; returns the list of failed expectations.
fn run(engine: &Engine, sc: &Value) -> Vec<String> {
    let names = strings(&sc["companies"]);
    let companies: Vec<_> = names
        .iter()
        .flat_map(|n| engine.read_companies(n))
        .collect();
    let report = engine.check(&companies, None);
    let live: Vec<_> = report.live_matches().collect();
    let incidents: BTreeSet<&str> = live.iter().map(|m| m.incident_id.as_str()).collect();
    let all_incidents: BTreeSet<&str> = report
        .matches
        .iter()
        .map(|m| m.incident_id.as_str())
        .collect();
    let types: BTreeSet<&str> = report.exposed.iter().map(|e| e.type_id.as_str()).collect();
    let actions: Vec<&str> = report.plan.iter().map(|a| a.id.as_str()).collect();
    let mut fails = Vec::new();
    let inc = &sc["must_include"];
    for id in strings(&inc["incidents"]) {
        if !incidents.contains(id.as_str()) {
            fails.push(format!("incident {id} missing (have {incidents:?})"));
        }
    }
    for id in strings(&inc["data_types"]) {
        if !types.contains(id.as_str()) {
            fails.push(format!("data type {id} missing"));
        }
    }
    for id in strings(&inc["actions"]) {
        if !actions.contains(&id.as_str()) {
            fails.push(format!("action {id} missing"));
        }
    }
    let exc = &sc["must_exclude"];
    for id in strings(&exc["incidents"]) {
        if incidents.contains(id.as_str()) {
            fails.push(format!("incident {id} must not match"));
        }
    }
    for id in strings(&exc["data_types"]) {
        if types.contains(id.as_str()) {
            fails.push(format!("data type {id} must not be exposed"));
        }
    }
    for id in strings(&exc["actions"]) {
        if actions.contains(&id.as_str()) {
            fails.push(format!("action {id} must not be planned"));
        }
    }
    for org in strings(&sc["path_mentions"]) {
        if !live.iter().any(|m| m.path.iter().any(|p| p == &org)) {
            fails.push(format!("no path mentions {org}"));
        }
    }
    if sc["no_matches"].as_bool() == Some(true) && !all_incidents.is_empty() {
        fails.push(format!("expected no matches, got {all_incidents:?}"));
    }
    if sc["unique_actions"].as_bool() == Some(true) {
        let unique: BTreeSet<&&str> = actions.iter().collect();
        if unique.len() != actions.len() {
            fails.push("an action appears twice".into());
        }
    }
    // Whatever the scenario says, these hold for every report.
    for m in &report.matches {
        let reason = m.outside.is_some() || matches!(m.fit, Fit::OtherGroup { .. });
        if m.confidence == Confidence::Unlikely && !reason {
            fails.push(format!("{} is unlikely without a reason", m.incident_id));
        }
    }
    fails
}

#[test]
fn every_public_scenario_passes_through_the_core() {
    let engine = Engine::bundled().expect("bundled data loads");
    let all = scenarios();
    assert!(
        all.len() >= 10,
        "expected the public scenarios, found {}",
        all.len()
    );
    let mut failures = Vec::new();
    for sc in &all {
        let name = sc["name"].as_str().unwrap_or("?");
        for f in run(&engine, sc) {
            failures.push(format!("{name}: {f}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// One case each, so a failure names its scenario.
macro_rules! scenario_case {
    ($fn:ident, $index:expr) => {
        #[test]
        fn $fn() {
            let engine = Engine::bundled().unwrap();
            let all = scenarios();
            let sc = &all[$index];
            let fails = run(&engine, sc);
            assert!(fails.is_empty(), "{}: {}", sc["name"], fails.join("; "));
        }
    };
}
scenario_case!(scenario_0_bank_through_vendor, 0);
scenario_case!(scenario_1_att_three_incidents, 1);
scenario_case!(scenario_2_ticketmaster_snowflake, 2);
scenario_case!(scenario_3_quotewizard_subsidiary, 3);
scenario_case!(scenario_4_typo, 4);
scenario_case!(scenario_5_unknown_company, 5);
scenario_case!(scenario_6_several_companies_one_plan, 6);
scenario_case!(trust_0_near_name_is_not_another_company, 7);
scenario_case!(trust_1_filing_naming_two_organizations, 8);
scenario_case!(trust_2_customer_not_shown_employee_incident, 9);

#[test]
fn the_runner_can_fail() {
    // A scenario that cannot hold must produce failures, or the runner proves nothing.
    let engine = Engine::bundled().unwrap();
    let impossible: Value = serde_json::json!({
        "name": "impossible",
        "companies": ["Hollow Creek Bakery LLC"],
        "must_include": {"incidents": ["att-snowflake-2024"], "data_types": ["ssn"], "actions": ["credit_freeze"]},
        "path_mentions": ["snowflake"]
    });
    assert_eq!(run(&engine, &impossible).len(), 4);
    let wrong_exclusion: Value = serde_json::json!({
        "name": "excluded but present",
        "companies": ["AT&T"],
        "must_exclude": {"incidents": ["att-snowflake-2024"]},
        "no_matches": true
    });
    assert_eq!(run(&engine, &wrong_exclusion).len(), 2);
}

#[test]
fn project_copy_has_every_shared_scenario() {
    let ours = scenarios();
    for f in FILES {
        let shared = repo_root().join("../shared/scenarios").join(f);
        if !shared.exists() {
            eprintln!("{} not found; nothing to compare", shared.display());
            continue;
        }
        let theirs = load(&shared)["scenarios"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let missing: Vec<String> = theirs
            .iter()
            .filter(|s| !ours.contains(s))
            .map(|s| s["name"].as_str().unwrap_or("?").to_string())
            .collect();
        assert!(
            missing.is_empty(),
            "tests/scenarios/{f} lacks these cases of {}: {missing:?} — copy the file again",
            shared.display()
        );
    }
}
