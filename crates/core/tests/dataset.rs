//! The shipped data set loads and validates, carries the stable ids of SPEC
//! §4a, and the validator catches each kind of broken data.

use exposure_core::bundled;
use exposure_core::dataset::Parts;
use exposure_core::model::{AffectedClient, Alias, AliasKind, Confirmation};
use exposure_core::{DataSet, Engine, LoadError, PartialDate};

fn shipped() -> DataSet {
    bundled::dataset().expect("the shipped data set parses")
}

#[test]
fn shipped_data_set_is_valid() {
    let ds = shipped();
    let mut problems = ds.validate();
    let texts = bundled::translations().expect("the shipped zh.json parses");
    problems.extend(exposure_core::lang::check_translations(&ds, &texts));
    assert!(
        problems.is_empty(),
        "{}",
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn stable_ids_of_the_spec_exist() {
    let ds = shipped();
    for id in [
        "infosys-mccamish-2023",
        "att-snowflake-2024",
        "att-vendor-2023",
        "att-data-leak-2024",
        "ticketmaster-snowflake-2024",
        "lendingtree-quotewizard-snowflake-2024",
    ] {
        assert!(ds.incident(id).is_some(), "incident {id}");
    }
    for id in [
        "att",
        "bank-of-america",
        "infosys-mccamish",
        "snowflake",
        "ticketmaster",
        "lendingtree",
        "quotewizard",
    ] {
        assert!(ds.org(id).is_some(), "organization {id}");
    }
    // SPEC §4a's data type ids, kept once in the core (imports share them).
    for id in exposure_core::model::STABLE_DATA_TYPES {
        assert!(ds.data_type(id).is_some(), "data type {id}");
    }
    for id in [
        "credit_freeze",
        "fraud_alert",
        "check_credit_reports",
        "irs_ip_pin",
        "ssa_account",
        "carrier_account_lock",
        "change_password",
        "enable_2fa",
        "replace_payment_card",
        "watch_bank_statements",
        "medical_identity_check",
        "phishing_alert",
    ] {
        assert!(ds.action(id).is_some(), "action {id}");
    }
}

#[test]
fn every_incident_is_sourced_and_dated() {
    let ds = shipped();
    let stats = ds.stats();
    assert_eq!(stats.incidents_without_source, 0);
    assert!(stats.sources >= stats.incidents);
    for i in ds.incidents() {
        assert!(i.earliest_date().is_some(), "{} has no date", i.id);
    }
}

#[test]
fn founding_facts_are_recorded() {
    let ds = shipped();
    let ims = ds.incident("infosys-mccamish-2023").unwrap();
    assert_eq!(ims.affected, Some(6_078_263));
    assert_eq!(ims.breach_start, Some(PartialDate::ymd(2023, 10, 29)));
    assert_eq!(ims.breach_end, Some(PartialDate::ymd(2023, 11, 2)));
    assert!(ims
        .more()
        .affected_clients
        .iter()
        .any(|c| c.org == "bank-of-america"));
    assert!(ims.more().remedies.iter().any(|r| r.months == Some(24)));
    let vendor = ds.incident("att-vendor-2023").unwrap();
    assert_eq!(vendor.affected, Some(8_900_000));
    assert!(vendor
        .more()
        .settlements
        .iter()
        .any(|s| s.amount_usd == Some(13_000_000)));
    let snow = ds.incident("att-snowflake-2024").unwrap();
    assert_eq!(snow.more().platform.as_deref(), Some("snowflake"));
    assert_eq!(snow.disclosed, Some(PartialDate::ymd(2024, 7, 12)));
    let leak = ds.incident("att-data-leak-2024").unwrap();
    assert!(leak.data_types.iter().any(|t| t == "account_pin"));
    assert!(leak.data_types.iter().any(|t| t == "ssn"));
}

#[test]
fn every_hibp_class_maps_to_a_known_type() {
    let ds = shipped();
    assert!(
        ds.taxonomy().hibp_classes.len() >= 130,
        "the published HIBP classes are mapped"
    );
    for (class, target) in &ds.taxonomy().hibp_classes {
        assert!(ds.data_type(target).is_some(), "{class} → {target}");
    }
    // Every class the current catalogue uses is mapped by the reviewed
    // table (an unknown future class becomes `other` and is named in the
    // import report), the sensitive ones to their sensitive type.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/hibp-classes.txt");
    let used: Vec<String> = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(String::from)
        .collect();
    assert!(used.len() >= 150);
    let unmapped: Vec<&String> = used
        .iter()
        .filter(|c| !ds.taxonomy().hibp_classes.contains_key(*c))
        .collect();
    assert!(unmapped.is_empty(), "unmapped: {unmapped:?}");
    for (class, want) in [
        ("HIV statuses", "medical"),
        ("Loan information", "account_number"),
        ("Social security numbers", "ssn"),
        ("Passport numbers", "passport_number"),
        ("Partial phone numbers", "phone_number"),
        ("Vehicle identification numbers (VINs)", "other"),
    ] {
        assert_eq!(
            ds.taxonomy().hibp_classes.get(class).map(String::as_str),
            Some(want),
            "{class}"
        );
    }
}

/// The first incident with a count of people.
fn counted(d: &mut Parts) -> &mut exposure_core::model::Incident {
    d.incidents
        .iter_mut()
        .find(|i| i.affected.is_some())
        .unwrap()
}

/// The first incident that names clients.
fn with_clients(d: &mut Parts) -> &mut exposure_core::model::Incident {
    d.incidents
        .iter_mut()
        .find(|i| !i.more().affected_clients.is_empty())
        .unwrap()
}

/// Each breakage and the words its problem must contain.
#[test]
fn validator_catches_each_kind_of_problem() {
    type Breakage = (&'static str, fn(&mut Parts), &'static str);
    let cases: Vec<Breakage> = vec![
        (
            "duplicate incident id",
            |d| {
                let copy = d.incidents[0].clone();
                d.incidents.push(copy);
            },
            "used more than once",
        ),
        (
            "unknown breached org",
            |d| d.incidents[0].breached_org = "nobody".into(),
            "not a known organization",
        ),
        (
            "unknown platform",
            |d| d.incidents[0].more_mut().platform = Some("cloudless".into()),
            "platform 'cloudless'",
        ),
        (
            "unknown data type",
            |d| d.incidents[0].data_types.push("aura".into()),
            "unknown data type 'aura'",
        ),
        (
            "no source",
            |d| d.incidents[0].sources.clear(),
            "has no source",
        ),
        (
            "http source",
            |d| d.incidents[0].sources[0].url = "http://example.com".into(),
            "not an https URL",
        ),
        (
            "unordered dates",
            |d| {
                d.incidents[0].breach_start = Some(PartialDate::ymd(2024, 1, 1));
                d.incidents[0].breach_end = Some(PartialDate::ymd(2023, 1, 1));
            },
            "is after breach_end",
        ),
        (
            "disclosed before breach",
            |d| {
                d.incidents[0].breach_start = Some(PartialDate::ymd(2024, 1, 1));
                d.incidents[0].disclosed = Some(PartialDate::ymd(2023, 1, 1));
            },
            "is after disclosed",
        ),
        (
            "unknown client",
            |d| {
                d.incidents[0]
                    .more_mut()
                    .affected_clients
                    .push(AffectedClient {
                        org: "ghost-bank".into(),
                        affected: None,
                        note: None,
                        confirmed_by: Confirmation::Press,
                        source: None,
                        only_if: None,
                    })
            },
            "affected client 'ghost-bank'",
        ),
        (
            "client link without a source",
            |d| {
                with_clients(d).more_mut().affected_clients[0].source = None;
            },
            "has no source",
        ),
        (
            "client link citing a page the incident does not list",
            |d| {
                with_clients(d).more_mut().affected_clients[0].source =
                    Some("https://example.com/x".into());
            },
            "which is not one of its sources",
        ),
        (
            "relationship without a source",
            |d| d.relationships[0].sources.clear(),
            "has no source (it would produce no match)",
        ),
        (
            "relationship without its confirmation",
            |d| d.relationships[0].confirmed_by = None,
            "does not say how it is confirmed",
        ),
        (
            "a figure without its date",
            |d| counted(d).affected_as_of = None,
            "without its date",
        ),
        (
            "a figure without its source",
            |d| counted(d).affected_source = None,
            "without its source",
        ),
        (
            "no as-of date",
            |d| d.info.as_of = None,
            "has no 'as_of' date",
        ),
        (
            "a retired id still in use",
            |d| {
                let id = d.incidents[0].id.clone();
                d.info.retired.insert(id.clone(), id);
            },
            "is still the id of an incident",
        ),
        (
            "a campaign victim's own incident not linked to the campaign",
            |d| {
                let i = d
                    .incidents
                    .iter_mut()
                    .find(|i| i.id == "delta-dental-california-moveit-2023")
                    .unwrap();
                i.more_mut().campaign = None;
            },
            "merge them, set 'campaign'",
        ),
        (
            "the same organization and dates twice",
            |d| {
                let mut copy = d.incidents[1].clone();
                copy.id = "att-vendor-2023-again".into();
                d.incidents.push(copy);
            },
            "one event, one incident",
        ),
        (
            "alias collision",
            |d| {
                let name = d.organizations[0].name.clone();
                d.organizations[1].aliases.push(Alias {
                    name,
                    kind: AliasKind::Brand,
                });
            },
            "is also an alias of",
        ),
        (
            "parent cycle",
            |d| {
                let a = d.organizations[0].id.clone();
                let b = d.organizations[1].id.clone();
                d.organizations[0].parent = Some(b);
                d.organizations[0].parent_relation =
                    Some(exposure_core::model::ParentRelation::Brand);
                d.organizations[1].parent = Some(a);
                d.organizations[1].parent_relation =
                    Some(exposure_core::model::ParentRelation::Brand);
            },
            "loops back",
        ),
        (
            "bad slug",
            |d| d.organizations[0].id = "AT&T".into(),
            "lower-case slug",
        ),
        (
            "action without a note for other regions",
            |d| d.taxonomy.actions[0].elsewhere = None,
            "needs an 'elsewhere' note",
        ),
        (
            "shared domain",
            |d| {
                let dom = d.organizations[0].domain.clone();
                d.organizations[1].domain = dom;
            },
            "is also the domain of",
        ),
        (
            "domain with a path",
            |d| d.organizations[0].domain = Some("oregon.gov/dmv".into()),
            "host name without www or a path",
        ),
        (
            "hibp class to unknown type",
            |d| {
                d.taxonomy
                    .hibp_classes
                    .insert("Auras".into(), "aura".into());
            },
            "unknown data type 'aura'",
        ),
        (
            "data type without action",
            |d| {
                for a in &mut d.taxonomy.actions {
                    a.triggers.retain(|t| t != "biometric");
                }
            },
            "no action is triggered by it",
        ),
        (
            "extra step for unknown action",
            |d| {
                d.incidents[0]
                    .more_mut()
                    .extra_steps
                    .push(exposure_core::model::ExtraStep {
                        action: "dance".into(),
                        text: "x".into(),
                        url: None,
                    })
            },
            "unknown action 'dance'",
        ),
    ];
    for (name, breakage, expected) in cases {
        // The curated lists, broken, then indexed again.
        let mut parts = shipped().into_parts();
        breakage(&mut parts);
        let ds = DataSet::from_parts(parts);
        let problems = ds.validate();
        assert!(
            problems.iter().any(|p| p.to_string().contains(expected)),
            "{name}: expected a problem containing {expected:?}, got {problems:?}"
        );
    }
}

#[test]
fn load_errors_are_clear() {
    let cases: Vec<(&str, &str, &str, &str)> = vec![
        (
            "not json",
            "{",
            bundled::ORGANIZATIONS_JSON,
            "taxonomy.json is not valid",
        ),
        (
            "no version",
            "{}",
            bundled::ORGANIZATIONS_JSON,
            "missing field `schema_version`",
        ),
        (
            "future version",
            r#"{"schema_version": 99}"#,
            bundled::ORGANIZATIONS_JSON,
            "schema version 99",
        ),
        (
            "wrong shape",
            bundled::TAXONOMY_JSON,
            r#"{"schema_version": 1, "organizations": 3, "relationships": []}"#,
            "organizations.json is not valid",
        ),
    ];
    for (name, tax, orgs, expected) in cases {
        let err = DataSet::from_json(tax, orgs, bundled::INCIDENTS_JSON).expect_err(name);
        let msg = err.to_string();
        assert!(msg.contains(expected), "{name}: {msg}");
        assert!(
            msg.chars().next().is_some_and(|c| c.is_lowercase()),
            "{name}: message starts lower-case: {msg}"
        );
        if name == "future version" {
            assert!(matches!(err, LoadError::Version { found: 99, .. }));
        }
    }
}

#[test]
fn engine_builds_from_the_shipped_data() {
    let engine = Engine::bundled().unwrap();
    assert!(!engine.names.is_empty());
}

#[test]
fn knowledge_base_meets_its_coverage_floor() {
    let s = shipped().stats();
    assert!(s.incidents >= 150, "{s:?}");
    assert!(s.third_party_incidents >= 40, "{s:?}");
    assert!(s.client_links >= 300, "{s:?}");
    assert!(s.organizations >= 500, "{s:?}");
    assert!(s.aliases >= 1500, "{s:?}");
    assert!(s.sources >= 250, "{s:?}");
    assert_eq!(s.incidents_without_source, 0);
}

#[test]
fn incidents_span_the_years_and_sectors_asked_for() {
    let ds = shipped();
    let years: std::collections::BTreeSet<i32> = ds
        .incidents()
        .iter()
        .filter_map(|i| i.earliest_date())
        .map(|d| d.year)
        .collect();
    assert!(years.first().is_some_and(|y| *y <= 2015), "{years:?}");
    assert!(years.last().is_some_and(|y| *y >= 2025), "{years:?}");
    let sectors = exposure_core::browse::sectors(&ds);
    use exposure_core::model::Sector::*;
    for s in [
        Carrier,
        Bank,
        Insurer,
        Health,
        Retail,
        Education,
        Government,
        CloudPlatform,
    ] {
        assert!(
            sectors.contains(&s),
            "no incident involves the sector {s:?}"
        );
    }
}

#[test]
fn founding_incidents_and_every_action_speak_chinese() {
    let ds = shipped();
    let texts = bundled::translations().unwrap();
    let zh = ds.texts(exposure_core::Locale::new(
        exposure_core::Lang::Zh,
        Some(&texts),
    ));
    for id in [
        "infosys-mccamish-2023",
        "att-vendor-2023",
        "att-snowflake-2024",
        "att-data-leak-2024",
        "ticketmaster-snowflake-2024",
        "lendingtree-quotewizard-snowflake-2024",
    ] {
        let inc = ds.incident(id).unwrap();
        assert_ne!(zh.incident_summary(inc), inc.summary, "{id} summary");
        assert_ne!(zh.incident_title(inc), inc.title, "{id} title");
        assert_ne!(zh.cohort(inc), inc.cohort.text, "{id} cohort");
    }
    for a in &ds.taxonomy().actions {
        assert_ne!(zh.action_title(a), a.title, "{}", a.id);
        assert_eq!(zh.action_steps(a).len(), a.steps.len(), "{}", a.id);
        assert_ne!(zh.action_steps(a)[0], a.steps[0], "{}", a.id);
    }
    for t in &ds.taxonomy().data_types {
        assert_ne!(zh.type_name(&t.id), t.name, "{}", t.id);
    }
}

#[test]
fn the_stable_data_type_ids_are_shared_texts() {
    for id in exposure_core::model::STABLE_DATA_TYPES {
        assert!(matches!(
            exposure_core::model::data_type_text(id),
            std::borrow::Cow::Borrowed(_)
        ));
    }
    assert!(matches!(
        exposure_core::model::data_type_text("not_a_type"),
        std::borrow::Cow::Owned(_)
    ));
}

/// One event, one card: a company with its own incident of a campaign sees
/// that incident, not the campaign's card as well.
#[test]
fn a_campaign_victim_sees_one_card_for_the_event() {
    let engine = Engine::bundled().unwrap();
    let report = engine.check_names(&["Delta Dental of California"], None);
    let ids: Vec<&str> = report
        .matches
        .iter()
        .map(|m| m.incident_id.as_str())
        .collect();
    assert!(
        ids.contains(&"delta-dental-california-moveit-2023"),
        "{ids:?}"
    );
    assert!(!ids.contains(&"progress-moveit-2023"), "{ids:?}");
}

/// A retired id still finds the incident that replaced it.
#[test]
fn retired_ids_resolve_to_the_kept_incident() {
    let mut parts = shipped().into_parts();
    parts
        .info
        .retired
        .insert("att-vendor-2023-old".into(), "att-vendor-2023".into());
    let ds = DataSet::from_parts(parts);
    assert_eq!(
        ds.incident("att-vendor-2023-old").map(|i| i.id.as_str()),
        Some("att-vendor-2023")
    );
    assert!(ds.validate().iter().all(|p| !p.subject.contains("retired")));
}

/// A vendor relationship without a source produces no match.
#[test]
fn an_unsourced_relationship_gives_no_match() {
    let base = shipped();
    let (client, vendor) = base
        .relationships()
        .iter()
        .filter(|r| r.is_sourced())
        .find_map(|r| {
            let e = Engine::new(base.clone());
            let report = e.check_names(&[base.org_name(&r.client)], None);
            report
                .matches
                .iter()
                .any(|m| m.kind == exposure_core::PathKind::VendorRelationship)
                .then(|| (r.client.clone(), r.vendor.clone()))
        })
        .expect("some sourced relationship gives a match");
    let mut parts = base.clone().into_parts();
    for r in parts
        .relationships
        .iter_mut()
        .filter(|r| r.client == client && r.vendor == vendor)
    {
        r.sources.clear();
    }
    let e = Engine::new(DataSet::from_parts(parts));
    let report = e.check_names(&[base.org_name(&client)], None);
    assert!(
        !report
            .matches
            .iter()
            .any(|m| m.kind == exposure_core::PathKind::VendorRelationship
                && e.data
                    .incident(&m.incident_id)
                    .map(|i| i.breached_org.as_str())
                    == Some(vendor.as_str())),
        "{client} → {vendor}"
    );
}

/// A breach at a vendor unit of the company's own group (Change Healthcare,
/// UnitedHealth Group's claims processor) reaches the group's health plan's
/// members, possible, with that reason; never as another company.
#[test]
fn a_group_vendor_reaches_the_group_companies_people() {
    let engine = Engine::bundled().unwrap();
    let report = engine.check_names(&["UnitedHealthcare"], None);
    let change = report
        .matches
        .iter()
        .find(|m| m.incident_id == "change-healthcare-2024")
        .expect("Change Healthcare reaches UnitedHealthcare's members");
    assert_eq!(change.confidence, exposure_core::Confidence::Possible);
    assert_eq!(change.kind, exposure_core::PathKind::Family);
    assert!(
        matches!(
            change.route,
            exposure_core::exposure::Route::SameGroup { .. }
        ),
        "{:?}",
        change.route
    );
    assert!(!report
        .matches
        .iter()
        .any(|m| m.incident_id == "excellus-2015"));
}

/// A narrow cohort's condition reads in the reader's language.
#[test]
fn conditions_read_in_chinese() {
    let engine = Engine::bundled().unwrap();
    let q = engine.read_companies("Bank of America");
    let texts = bundled::translations().unwrap();
    let zh = engine.data.texts(exposure_core::Locale::new(
        exposure_core::Lang::Zh,
        Some(&texts),
    ));
    let report = engine.check(&q, None);
    let ims = report
        .matches
        .iter()
        .find(|m| m.incident_id == "infosys-mccamish-2023")
        .unwrap();
    match &ims.fit {
        exposure_core::Fit::OnlyIf { client, .. } => {
            let inc = engine.data.incident(&ims.incident_id).unwrap();
            let condition = zh.only_if(inc, client.as_deref()).unwrap();
            assert!(condition.contains("递延薪酬"), "{condition}")
        }
        other => panic!("{other:?}"),
    }
}
