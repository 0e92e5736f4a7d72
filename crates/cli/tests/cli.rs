//! The `exposure` binary, run as a person or a script would run it.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn exposure(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_exposure"))
        .args(args)
        .output()
        .expect("run exposure")
}

fn json(args: &[&str]) -> Value {
    let out = exposure(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
    k.sort();
    k
}

#[test]
fn check_json_has_the_documented_shape() {
    let v = json(&[
        "check",
        "--json",
        "--",
        "Bank of America",
        "Hollow Creek Bakery LLC",
    ]);
    assert_eq!(
        keys(&v),
        ["actions", "companies", "exposed_types", "matches"]
    );
    let c = &v["companies"];
    // Per company (changed by design in issue 19): how its name was matched
    // and how sure that is, the person's relationship to it, and a
    // suggestion for a name not recognised.
    assert_eq!(
        keys(&c[0]),
        [
            "input",
            "name",
            "name_match",
            "org_id",
            "relation",
            "suggestion"
        ]
    );
    assert_eq!(c[0]["org_id"], "bank-of-america");
    assert_eq!(keys(&c[0]["name_match"]), ["certainty", "how", "matched"]);
    assert_eq!(c[0]["name_match"]["how"], "name");
    assert_eq!(c[0]["name_match"]["certainty"], "sure");
    assert_eq!(c[0]["relation"], "customer");
    assert_eq!(c[1]["org_id"], Value::Null);
    assert_eq!(c[1]["name_match"], Value::Null);
    // Per match: the person-level fit with its one-line reason.
    let m = v["matches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["incident_id"] == "infosys-mccamish-2023")
        .unwrap();
    // Per match (changed by design in issue 21): the register notice a
    // reported breach is (null for a curated incident), and the notices of
    // the event.
    assert_eq!(
        keys(m),
        [
            "also_reported",
            "confidence",
            "explanation",
            "incident_id",
            "notice",
            "org_id",
            "path",
            "person",
            "reason"
        ]
    );
    assert_eq!(m["notice"], Value::Null);
    assert!(m["also_reported"].is_array());
    assert_eq!(m["path"][0], "bank-of-america");
    assert_eq!(m["path"][1], "infosys-mccamish");
    // Bank of America's part of the IMS breach was its deferred-compensation
    // plan accounts: possible for a customer, said in one line.
    assert_eq!(m["confidence"], "possible");
    assert_eq!(m["person"]["fit"], "only_if");
    assert!(
        m["reason"]
            .as_str()
            .unwrap()
            .contains("deferred-compensation"),
        "{m}"
    );
    assert_eq!(keys(&v["exposed_types"][0]), ["incidents", "type"]);
    assert_eq!(v["exposed_types"][0]["type"], "ssn", "most dangerous first");
    let a = &v["actions"][0];
    assert_eq!(
        keys(a),
        ["because", "id", "links", "steps", "title", "urgency"]
    );
    assert_eq!(keys(&a["links"][0]), ["label", "url"]);
}

/// The person's relationship decides what an incident of employees only
/// means: unlikely for a customer, confirmed for an employee.
#[test]
fn the_relationship_decides_an_employees_only_incident() {
    let customer = json(&["check", "--json", "Verizon"]);
    let employee = json(&["check", "--json", "Verizon#employee"]);
    let insider = |doc: &Value| -> Value {
        doc["matches"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["incident_id"] == "verizon-insider-2023")
            .cloned()
            .unwrap_or(Value::Null)
    };
    let c = insider(&customer);
    assert_eq!(c["confidence"], "unlikely", "{c}");
    assert_eq!(c["person"]["fit"], "other_group");
    assert!(c["reason"].as_str().unwrap().contains("employees"), "{c}");
    assert_eq!(insider(&employee)["confidence"], "confirmed");
    assert_eq!(employee["companies"][0]["relation"], "employee");
    let bad = exposure(&["check", "Verizon#astronaut"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn every_public_scenario_passes_through_the_cli() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/scenarios");
    let mut all: Vec<Value> = Vec::new();
    for f in ["public.json", "trust.json"] {
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(f)).unwrap()).unwrap();
        all.extend(doc["scenarios"].as_array().unwrap().iter().cloned());
    }
    let list = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut failures = Vec::new();
    for sc in &all {
        let name = sc["name"].as_str().unwrap();
        let mut args = vec!["check".to_string(), "--json".into(), "--".into()];
        args.extend(list(&sc["companies"]));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let v = json(&args);
        let live: Vec<&Value> = v["matches"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["confidence"] != "unlikely")
            .collect();
        let has_incident = |id: &str| live.iter().any(|m| m["incident_id"] == id);
        let has_type = |id: &str| {
            v["exposed_types"]
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t["type"] == id)
        };
        let actions: Vec<&str> = v["actions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|a| a["id"].as_str())
            .collect();
        for id in list(&sc["must_include"]["incidents"]) {
            if !has_incident(&id) {
                failures.push(format!("{name}: incident {id}"));
            }
        }
        for id in list(&sc["must_include"]["data_types"]) {
            if !has_type(&id) {
                failures.push(format!("{name}: type {id}"));
            }
        }
        for id in list(&sc["must_include"]["actions"]) {
            if !actions.contains(&id.as_str()) {
                failures.push(format!("{name}: action {id}"));
            }
        }
        for id in list(&sc["must_exclude"]["incidents"]) {
            if has_incident(&id) {
                failures.push(format!("{name}: excluded incident {id}"));
            }
        }
        for org in list(&sc["path_mentions"]) {
            if !live.iter().any(|m| {
                m["path"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|p| p == org.as_str())
            }) {
                failures.push(format!("{name}: path mentions {org}"));
            }
        }
        if sc["no_matches"] == true && !v["matches"].as_array().unwrap().is_empty() {
            failures.push(format!("{name}: expected no matches"));
        }
        if sc["unique_actions"] == true {
            let mut sorted = actions.clone();
            sorted.sort();
            sorted.dedup();
            if sorted.len() != actions.len() {
                failures.push(format!("{name}: duplicate actions"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn incidents_json_has_the_documented_shape() {
    let v = json(&["incidents", "--json"]);
    let all = v.as_array().unwrap();
    assert!(all.len() >= 6);
    for i in all {
        assert_eq!(
            keys(i),
            [
                "affected",
                "affected_as_of",
                "affected_unconfirmed",
                "breach_end",
                "breach_start",
                "breached_org_id",
                "breached_org_name",
                "data_as_old_as",
                "data_types",
                "disclosed",
                "discovered",
                "domain",
                "id",
                "sources",
                "title"
            ]
        );
        assert!(!i["sources"].as_array().unwrap().is_empty());
        let sk = keys(&i["sources"][0]);
        assert!(
            sk.iter().any(|k| k == "url")
                && sk.iter().any(|k| k == "publisher")
                && sk.iter().any(|k| k == "date"),
            "{sk:?}"
        );
    }
    let snow = all
        .iter()
        .find(|i| i["id"] == "att-snowflake-2024")
        .unwrap();
    // Four dates, each meaning one thing: the window of access, when it was
    // found, when it was made public; none stands in for another.
    assert_eq!(snow["breach_start"], "2024-04-14");
    assert_eq!(snow["breach_end"], "2024-04-25");
    assert_eq!(snow["disclosed"], "2024-07-12");
    let vendor = all.iter().find(|i| i["id"] == "att-vendor-2023").unwrap();
    assert_eq!(vendor["breach_start"], "2023-01");
    assert!(vendor["data_as_old_as"].is_string(), "{vendor}");
    for i in all.iter().filter(|i| !i["affected"].is_null()) {
        assert!(
            i["affected_as_of"].is_string(),
            "a figure without its date: {i}"
        );
    }
    assert_eq!(snow["breached_org_id"], "att");
}

#[test]
fn plan_json_matches_the_actions_of_check() {
    let v = json(&["plan", "--json", "--types", "ssn,password"]);
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    for want in [
        "credit_freeze",
        "irs_ip_pin",
        "change_password",
        "enable_2fa",
    ] {
        assert!(ids.contains(&want), "{want} in {ids:?}");
    }
    assert_eq!(
        keys(&v[0]),
        ["because", "id", "links", "steps", "title", "urgency"]
    );
}

#[test]
fn validate_and_stats() {
    let out = exposure(&["validate"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&["stats", "--json"]);
    assert_eq!(
        keys(&v),
        [
            "actions",
            "aliases",
            "as_of",
            "client_links",
            "client_links_without_source",
            "coverage",
            "data_types",
            "figures_without_date",
            "incidents",
            "incidents_disclosed_recently",
            "incidents_without_source",
            "notices",
            "organizations",
            "relationships",
            "relationships_without_source",
            "sources",
            "third_party_incidents"
        ]
    );
    assert!(v["as_of"].is_string());
    for zero in [
        "incidents_without_source",
        "relationships_without_source",
        "client_links_without_source",
        "figures_without_date",
    ] {
        assert_eq!(v[zero], 0, "{zero}");
    }
    for c in v["coverage"].as_array().unwrap() {
        assert!(c["list"].is_string() && c["covered_to"].is_string(), "{c}");
    }
    assert!(v["incidents"].as_u64().unwrap() >= 6);
    // The register notices (issue 21): every row of the HHS portal and the
    // Washington attorney general's register, counted apart.
    let n = &v["notices"];
    assert!(n["total"].as_u64().unwrap() >= 8000, "{n}");
    let per_register: u64 = n["registers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["notices"].as_u64().unwrap())
        .sum();
    assert_eq!(per_register, n["total"].as_u64().unwrap());
    assert_eq!(
        n["linked"].as_u64().unwrap()
            + n["copies"].as_u64().unwrap()
            + n["standing_alone"].as_u64().unwrap(),
        n["total"].as_u64().unwrap(),
        "each notice is linked, a copy, or a card of its own"
    );
    assert!(
        n["linked"].as_u64().unwrap() > 0 && n["register_only_organizations"].as_u64().unwrap() > 0
    );
    assert!(v["third_party_incidents"].as_u64().unwrap() >= 5);
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    let cases: &[&[&str]] = &[
        &[],
        &["frobnicate"],
        &["check"],
        &["check", "--frob", "AT&T"],
        &["check", "AT&T@2016-2010"],
        &["stats", "extra"],
        &["plan", "--json"],
        &["plan", "--types", "aura"],
        &["validate", "--json", "x"],
    ];
    for args in cases {
        let out = exposure(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("exposure: "), "{args:?}: {err}");
        assert!(err.contains("usage:"), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn readable_report_without_json() {
    let out = exposure(&["check", "AT&T@2010-2016", "Hollow Creek Bakery LLC"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Hollow Creek Bakery LLC → not a company we know"));
    assert!(text.contains("You → AT&T → Snowflake"));
    assert!(
        text.contains("[unlikely]"),
        "a customer until 2016 is outside the 2022 call records: {text}"
    );
}

/// "now" says the person still is a customer: nothing ended, so the 2022
/// call records count; "former" without a year leaves them possible too.
#[test]
fn a_current_or_former_customer_on_the_command_line() {
    for arg in [
        "AT&T@2010-now",
        "AT&T@former",
        "AT&T@2010-former",
        "AT&T#customer@2021-now",
    ] {
        let out = exposure(&["check", "--json", arg]);
        assert!(
            out.status.success(),
            "{arg}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let snowflake = v["matches"]
            .as_array()
            .and_then(|ms| ms.iter().find(|m| m["incident_id"] == "att-snowflake-2024"))
            .unwrap_or_else(|| panic!("{arg}: {text}"));
        assert_ne!(snowflake["confidence"], "unlikely", "{arg}");
    }
    let out = exposure(&["check", "AT&T@2010-later"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2021-now"));
}

#[test]
fn a_closed_pipe_ends_output_quietly() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_exposure"))
        .args(["incidents", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away, like `| head -0`
    let out = child.wait_with_output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    assert_eq!(out.status.code(), Some(0));
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn import_hibp_reports_what_it_did() {
    let file = fixture("hibp-small.json");
    let v = json(&["import-hibp", "--json", &file]);
    assert_eq!(
        keys(&v),
        [
            "breaches",
            "class_mapping",
            "imported",
            "skipped",
            "unmapped_classes"
        ]
    );
    assert_eq!(v["breaches"], 5);
    assert_eq!(v["imported"], 1);
    assert_eq!(keys(&v["skipped"][0]), ["name", "reason"]);
    assert_eq!(v["class_mapping"]["Passwords"], "password");
    assert_eq!(v["unmapped_classes"][0], "Chronic ailments never seen");
}

#[test]
fn catalog_widens_check_and_incidents() {
    let file = fixture("hibp-small.json");
    let v = json(&["check", "--json", "--catalog", &file, "--", "Example Shop"]);
    assert_eq!(v["companies"][0]["org_id"], "hibp-org-exampleshop");
    assert_eq!(v["matches"][0]["incident_id"], "hibp-exampleshop");
    let all = json(&["incidents", "--json", "--catalog", &file]);
    let ids: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["id"].as_str())
        .collect();
    assert!(ids.contains(&"hibp-exampleshop"));
    assert!(
        !ids.iter().any(|i| i.starts_with("hibp-att")),
        "a breach the curated data has is not shown twice"
    );
}

#[test]
fn bad_catalogs_fail_with_a_message() {
    let dir = std::env::temp_dir().join(format!("exposure-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let not_json = dir.join("not.json");
    std::fs::write(&not_json, "hello").unwrap();
    let object = dir.join("object.json");
    std::fs::write(&object, "{\"Name\": \"x\"}").unwrap();
    for (path, want) in [(&not_json, "not JSON"), (&object, "not a breach list")] {
        let out = exposure(&["import-hibp", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains(want));
    }
    let out = exposure(&["check", "--catalog", "/no/such/file.json", "AT&T"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a missing file is a bad argument"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// A pasted list gives the same companies in the CLI (as arguments, from a
/// file or from standard input) as in the page, which reads it with the
/// core's `read_companies`.
#[test]
fn a_list_reads_the_same_everywhere() {
    let list = "AT&T\n- Bank of America\nT-Mobile USA/Experian; Hollow Creek Bakery LLC\n\n• Ticketmaster\n";
    let dir = std::env::temp_dir().join(format!("exposure-cli-list-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("list.txt");
    std::fs::write(&file, list).unwrap();
    let companies = |v: &Value| -> Vec<(String, Value)> {
        v["companies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["input"].as_str().unwrap().to_string(),
                    c["org_id"].clone(),
                )
            })
            .collect()
    };
    let from_file = companies(&json(&[
        "check",
        "--json",
        "--file",
        file.to_str().unwrap(),
    ]));
    let mut child = Command::new(env!("CARGO_BIN_EXE_exposure"))
        .args(["check", "--json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(list.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let from_stdin = companies(&serde_json::from_slice(&out.stdout).unwrap());
    let engine = exposure_core::Engine::bundled().unwrap();
    let page: Vec<(String, Value)> = engine
        .read_companies(list)
        .into_iter()
        .map(|q| (q.input, q.org_id.map_or(Value::Null, Value::from)))
        .collect();
    assert_eq!(from_file, page);
    assert_eq!(from_stdin, page);
    let ids: Vec<&Value> = page.iter().map(|(_, id)| id).collect();
    assert_eq!(
        ids,
        [
            &Value::from("att"),
            &Value::from("bank-of-america"),
            &Value::from("t-mobile"),
            &Value::from("experian"),
            &Value::Null,
            &Value::from("ticketmaster"),
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `exposure ingest` on small register snapshots written for this test
/// (`tests/fixtures/registers/`): deterministic, never duplicating, and
/// corrected by the decisions file.
#[test]
fn ingest_reads_registers_deterministically_and_updates_without_duplicates() {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/registers");
    let dir = std::env::temp_dir().join(format!("exposure-ingest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let notices = dir.join("notices.json");
    let _ = std::fs::remove_file(&notices);
    let f = |name: &str| fixtures.join(name).to_string_lossy().into_owned();
    let n = notices.to_string_lossy().into_owned();
    let decisions = f("decisions.json");
    let ingest = |register: &str, file: &str| {
        let out = exposure(&[
            "ingest",
            register,
            &f(file),
            "--notices",
            &n,
            "--decisions",
            &decisions,
            "--snapshot",
            "fixture",
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let said = ingest("hhs-ocr", "hhs-small.csv");
    assert!(said.contains("6 rows, 2 skipped; 4 added"), "{said}");
    ingest("wa-ag", "wa-small.csv");
    let first = std::fs::read(&notices).unwrap();
    // The same snapshots again: the same bytes.
    ingest("hhs-ocr", "hhs-small.csv");
    let said = ingest("wa-ag", "wa-small.csv");
    assert!(said.contains("0 added, 0 updated, 2 unchanged"), "{said}");
    assert_eq!(
        std::fs::read(&notices).unwrap(),
        first,
        "same input, same bytes"
    );

    let doc: Value = serde_json::from_slice(&first).unwrap();
    let all = doc["notices"].as_array().unwrap();
    let by_id = |id: &str| {
        all.iter()
            .find(|x| x["id"] == id)
            .unwrap_or_else(|| panic!("{id} in {all:#?}"))
    };
    // A curated organization, and the curated incident its notice reports.
    let change = by_id("hhs-ocr-2024-07-19-change-healthcare-inc-100000000");
    assert_eq!(change["org"], "change-healthcare");
    assert_eq!(change["incident"], "change-healthcare-2024");
    assert_eq!(
        change["data_types"],
        serde_json::json!(["medical", "health_insurance"])
    );
    // Two rows alike in everything: one notice each, numbered.
    let dental = by_id("hhs-ocr-2025-03-04-hollow-creek-family-dental-pllc-1250");
    by_id("hhs-ocr-2025-03-04-hollow-creek-family-dental-pllc-1250-2");
    assert_eq!(dental["org"], "r-hollow-creek-family-dental");
    assert_eq!(dental["state"], "OR");
    assert!(dental.get("incident").is_none());
    // Washington's copy of the same event, 16 days later.
    let copy = by_id("wa-ag-2025-03-20-hollow-creek-family-dental-640");
    assert_eq!(
        copy["same_as"],
        "hhs-ocr-2025-03-04-hollow-creek-family-dental-pllc-1250"
    );
    assert_eq!(copy["kind"], "ransomware");
    assert_eq!(copy["breach_start"], "2025-02-01");
    // Decisions: a name that is not the curated organization it reads as,
    // and a notice the named company disputes.
    assert!(by_id("hhs-ocr-2024-12-02-msk-group-3000")["org"]
        .as_str()
        .unwrap()
        .starts_with("r-"));
    let disputed = by_id("wa-ag-2024-01-30-cascade-fictional-outfitters-1020");
    assert_eq!(disputed["status"], "disputed");
    assert!(disputed["note"]
        .as_str()
        .unwrap()
        .contains("https://example.org/statement"));
    let regs = doc["registers"].as_array().unwrap();
    assert_eq!(
        regs.iter().find(|r| r["id"] == "hhs-ocr").unwrap()["covered_to"],
        "2025-03-04"
    );
    assert_eq!(
        regs.iter().find(|r| r["id"] == "wa-ag").unwrap()["residents_only"],
        true
    );

    // A newer snapshot: a revised count replaces its notice, a changed row
    // is updated, a new row is added, and nothing is listed twice.
    let said = ingest("hhs-ocr", "hhs-newer.csv");
    assert!(
        said.contains("5 rows, 0 skipped; 1 added, 2 updated, 2 unchanged, 0 kept"),
        "{said}"
    );
    let doc: Value = serde_json::from_slice(&std::fs::read(&notices).unwrap()).unwrap();
    let ids: Vec<&str> = doc["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"hhs-ocr-2024-07-19-change-healthcare-inc-190000000"),
        "{ids:?}"
    );
    assert!(
        !ids.contains(&"hhs-ocr-2024-07-19-change-healthcare-inc-100000000"),
        "{ids:?}"
    );
    assert_eq!(ids.len(), 7, "{ids:?}");

    // Bad input: a specific reason, nothing written.
    let out = exposure(&["ingest", "nj-ag", &f("hhs-small.csv"), "--notices", &n]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown register `nj-ag`"));
    let out = exposure(&["ingest", "wa-ag", &f("hhs-small.csv"), "--notices", &n]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no column `Name`"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `read-letter` prints the letter's findings; the activation code only
/// when asked.
#[test]
fn read_letter_finds_the_sender_and_keeps_the_code_back() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/letters");
    let file = dir.join("en-01-infosys-mccamish-bank-of-america.txt");
    let file = file.to_str().unwrap();
    let doc = json(&["read-letter", "--json", file]);
    assert_eq!(doc["sender"]["org_id"], "infosys-mccamish");
    assert_eq!(doc["on_behalf_of"]["org_id"], "bank-of-america");
    assert_eq!(doc["incident"], "infosys-mccamish-2023");
    assert_eq!(doc["offer"]["enroll_by"], "2024-05-31");
    assert!(
        !doc.to_string().contains("BQ7M4K2XZ"),
        "the code stays back"
    );
    let shown = json(&["read-letter", "--json", "--show-code", file]);
    assert_eq!(shown["offer"]["code"], "BQ7M4K2XZ");
    let text = exposure(&["read-letter", file]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Infosys McCamish") && text.contains("Social Security number"),
        "{text}"
    );
    let lure = exposure(&[
        "read-letter",
        dir.join("en-04-identity-restoration-fee.txt")
            .to_str()
            .unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&lure.stdout).contains("LURE"));
    assert_eq!(exposure(&["read-letter"]).status.code(), Some(2));
}

#[test]
fn pack_splits_the_sites_incident_file_once() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../static/data");
    let dir = std::env::temp_dir().join(format!("exposure-pack-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let full = std::fs::read_to_string(data.join("incidents.json")).unwrap();
    std::fs::write(dir.join("incidents.json"), &full).unwrap();
    for f in ["taxonomy.json", "organizations.json"] {
        std::fs::copy(data.join(f), dir.join(f)).unwrap();
    }
    let d = dir.to_string_lossy().into_owned();
    let out = exposure(&["pack", &d]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = std::fs::read_to_string(dir.join("incidents.json")).unwrap();
    let details = std::fs::read_to_string(dir.join("details.json")).unwrap();
    assert!(
        first.len() * 2 < full.len(),
        "{} of {}",
        first.len(),
        full.len()
    );
    let v: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["details"], "details.json");
    assert_eq!(v["incidents"][0]["summary"], "");
    let d2: Value = serde_json::from_str(&details).unwrap();
    let full_v: Value = serde_json::from_str(&full).unwrap();
    assert_eq!(
        d2["incidents"][0]["summary"],
        full_v["incidents"][0]["summary"]
    );
    // A second run would lose the texts: it refuses, and changes nothing.
    let again = exposure(&["pack", &d]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already split"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("incidents.json")).unwrap(),
        first
    );
    let read =
        |f: &str| -> Value { serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap() };
    let orgs = read(&dir.join("organizations.json").to_string_lossy());
    let more = read(&dir.join("organizations-more.json").to_string_lossy());
    let all = read(&data.join("organizations.json").to_string_lossy());
    assert_eq!(orgs["more"], "organizations-more.json");
    let count = |v: &Value| v["organizations"].as_array().unwrap().len();
    assert_eq!(
        count(&orgs) + count(&more),
        count(&all),
        "every organization once"
    );
    assert_eq!(exposure(&["pack"]).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
