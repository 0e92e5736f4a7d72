//! The action plan: every data type leads to an action that names it, no
//! action twice, urgency order, deadlines relative to the day given, exports.

use std::collections::BTreeSet;

use exposure_core::exposure::ExposedType;
use exposure_core::model::Urgency;
use exposure_core::plan::{build_plan, ENROLL_MONITORING, FILE_CLAIM};
use exposure_core::report::{ActionWords, Words};
use exposure_core::{export, Engine, PartialDate};

fn engine() -> Engine {
    Engine::bundled().unwrap()
}

/// The plan's words in English, as the CLI and the English page say them.
fn english(e: &Engine, today: Option<PartialDate>) -> exposure_words::Speaker<'_> {
    exposure_words::Speaker {
        ds: &e.data,
        locale: exposure_core::Lang::En.into(),
        today,
    }
}

fn say(e: &Engine, today: Option<PartialDate>, a: &exposure_core::PlannedAction) -> ActionWords {
    english(e, today).action_words(a)
}

#[test]
fn every_data_type_yields_an_action_that_names_it() {
    let e = engine();
    for t in &e.data.taxonomy().data_types {
        let exposed = [ExposedType {
            type_id: t.id.clone(),
            severity: t.severity,
            incidents: vec!["some-incident".into()],
        }];
        let plan = build_plan(&e.data, &[], &exposed, None);
        assert!(!plan.is_empty(), "{} yields no action", t.id);
        for a in &plan {
            assert!(
                a.reasons.iter().any(|r| r.data_type == t.id),
                "{}: {} does not name it",
                t.id,
                a.id
            );
            assert!(
                say(&e, None, a).because.contains(&t.name),
                "{}: because of {} lacks the type's name",
                t.id,
                a.id
            );
            assert!(
                !a.steps.is_empty() && !a.links.is_empty(),
                "{}: {} lacks steps or links",
                t.id,
                a.id
            );
            assert!(a.links.iter().all(|l| l.url.starts_with("https://")));
        }
    }
}

#[test]
fn table_of_key_rules() {
    let e = engine();
    let cases: &[(&str, &[&str])] = &[
        (
            "ssn",
            &[
                "credit_freeze",
                "fraud_alert",
                "irs_ip_pin",
                "ssa_account",
                "check_credit_reports",
            ],
        ),
        ("password", &["change_password", "enable_2fa"]),
        ("account_pin", &["carrier_account_lock", "change_password"]),
        ("phone_number", &["carrier_account_lock", "phishing_alert"]),
        ("call_records", &["phishing_alert"]),
        ("cell_site_location", &["phishing_alert"]),
        (
            "payment_card",
            &["replace_payment_card", "watch_bank_statements"],
        ),
        ("bank_account", &["watch_bank_statements"]),
        ("medical", &["medical_identity_check"]),
        ("health_insurance", &["medical_identity_check"]),
        ("tax_id", &["irs_ip_pin", "credit_freeze"]),
    ];
    for (t, want) in cases {
        let def = e.data.data_type(t).unwrap();
        let exposed = [ExposedType {
            type_id: def.id.clone(),
            severity: def.severity,
            incidents: vec![],
        }];
        let ids: BTreeSet<String> = build_plan(&e.data, &[], &exposed, None)
            .into_iter()
            .map(|a| a.id)
            .collect();
        for w in *want {
            assert!(ids.contains(*w), "{t} should trigger {w}; got {ids:?}");
        }
    }
}

#[test]
fn plan_is_deduplicated_and_ordered_by_urgency() {
    let e = engine();
    let report = e.check_names(
        &["AT&T", "Bank of America", "Ticketmaster", "QuoteWizard"],
        None,
    );
    let ids: Vec<&str> = report.plan.iter().map(|a| a.id.as_str()).collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    // By urgency among the steps to do; then those that apply only if a
    // condition holds (issue 19), each in urgency order; then the past.
    for conditional in [false, true] {
        let open: Vec<Urgency> = report
            .plan
            .iter()
            .filter(|a| !a.expired && a.conditional == conditional)
            .map(|a| a.urgency)
            .collect();
        assert!(open.windows(2).all(|w| w[0] <= w[1]), "{open:?}");
    }
    let order: Vec<(bool, bool)> = report
        .plan
        .iter()
        .map(|a| (a.expired, a.conditional))
        .collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    assert_eq!(report.plan.first().map(|a| a.urgency), Some(Urgency::Now));
}

#[test]
fn incident_specific_actions_come_from_incident_facts() {
    let e = engine();
    let report = e.check_names(&["Bank of America"], None);
    let monitoring = report
        .plan
        .iter()
        .find(|a| a.id == ENROLL_MONITORING)
        .expect("IMS offered monitoring");
    assert!(say(&e, None, monitoring)
        .steps
        .iter()
        .any(|s| s.contains("24 months")));
    assert!(
        monitoring
            .incidents
            .contains(&"infosys-mccamish-2023".to_string()),
        "{:?}",
        monitoring.incidents
    );
    // AT&T's passcode step joins change_password.
    let report = e.check_names(&["AT&T"], None);
    let change = report
        .plan
        .iter()
        .find(|a| a.id == "change_password")
        .unwrap();
    assert!(say(&e, None, change)
        .steps
        .iter()
        .any(|s| s.contains("AT&T account passcode")));
}

#[test]
fn deadlines_are_judged_against_the_given_day() {
    let e = engine();
    let before = e.check_names(&["AT&T"], Some(PartialDate::ymd(2025, 12, 1)));
    let claim = before
        .plan
        .iter()
        .find(|a| a.id == FILE_CLAIM)
        .expect("AT&T settlement claim");
    assert!(!claim.expired);
    assert_eq!(claim.deadline, Some(PartialDate::ymd(2025, 12, 18)));
    let after = e.check_names(&["AT&T"], Some(PartialDate::ymd(2026, 11, 22)));
    let claim = after.plan.iter().find(|a| a.id == FILE_CLAIM).unwrap();
    assert!(
        claim.expired,
        "expired deadlines are shown as expired, not hidden"
    );
    assert_eq!(
        after.plan.last().map(|a| a.id.as_str()),
        Some(FILE_CLAIM),
        "expired actions go last"
    );
    assert!(say(&e, Some(PartialDate::ymd(2026, 11, 22)), claim)
        .steps
        .iter()
        .any(|s| s.contains("has passed")));
}

#[test]
fn unlikely_matches_stay_out_of_summary_and_plan() {
    let e = engine();
    let q = e.query(
        "AT&T",
        exposure_core::Period {
            from: Some(2021),
            ..Default::default()
        },
    );
    let report = e.check(&[q], None);
    let leak = report
        .matches
        .iter()
        .find(|m| m.incident_id == "att-data-leak-2024")
        .unwrap();
    assert_eq!(leak.confidence, exposure_core::Confidence::Unlikely);
    assert!(matches!(
        leak.outside,
        Some(exposure_core::exposure::Outside::StartedAfter { from: 2021, .. })
    ));
    // The 2024 leak was the only source of SSNs for AT&T.
    assert!(!report.exposed.iter().any(|t| t.type_id == "ssn"));
    assert!(!report.plan.iter().any(|a| a.id == "irs_ip_pin"));
    // The call records of 2022 still count for a customer since 2021.
    assert!(report
        .live_matches()
        .any(|m| m.incident_id == "att-snowflake-2024"));
}

/// The JSON export moves everything the page keeps to another device: the
/// ticks and when, a kept letter's finding (its code only when kept), and
/// what the last visit showed.
#[test]
fn the_json_export_carries_letters_and_the_last_visit() {
    let e = engine();
    let report = e.check_names(&["Bank of America"], None);
    let letter = exposure_core::letter::Kept {
        incident: Some("infosys-mccamish-2023".into()),
        data_types: vec!["ssn".into(), "bank_account".into()],
        enroll_by: Some(PartialDate::ymd(2024, 5, 31)),
        ..Default::default()
    };
    let progress = export::Progress {
        done: ["credit_freeze".to_string()].into(),
        done_on: [("credit_freeze".to_string(), PartialDate::ymd(2026, 11, 20))].into(),
        letters: vec![letter.clone()],
        seen: Some(export::Seen {
            as_of: Some(PartialDate::ymd(2026, 7, 1)),
            ids: ["infosys-mccamish-2023".to_string()].into(),
        }),
        ..Default::default()
    };
    let words = english(&e, Some(PartialDate::ymd(2026, 11, 22)));
    let json = export::to_json(&e.data, &report, &progress, None, &words);
    assert!(
        !json.contains("\"code\""),
        "no code unless the person kept it"
    );
    let back = export::progress_from_json(&json).unwrap();
    assert_eq!(back.letters, vec![letter]);
    assert_eq!(back.done_on, progress.done_on);
    assert_eq!(back.seen, progress.seen);
    assert_eq!(back.companies, report.companies);
}

#[test]
fn exports_carry_the_plan() {
    let e = engine();
    let report = e.check_names(&["Bank of America"], None);
    let done: BTreeSet<String> = ["credit_freeze".to_string()].into();
    let words = english(&e, Some(PartialDate::ymd(2026, 11, 22)));
    let md = exposure_words::export::to_markdown(&e.data, &report, &done, &words);
    assert!(md.contains("- [x] **Freeze your credit at all three bureaus**"));
    assert!(md.contains("- [ ] **Place a fraud alert**"));
    let json = export::to_json(
        &e.data,
        &report,
        &export::Progress {
            done: done.clone(),
            ..Default::default()
        },
        Some(PartialDate::ymd(2026, 11, 22)),
        &words,
    );
    let back = export::progress_from_json(&json).unwrap();
    assert_eq!(back.done, done);
    assert_eq!(back.companies[0].org_id.as_deref(), Some("bank-of-america"));
    let ics = exposure_words::export::to_ics(
        &report,
        PartialDate::ymd(2026, 11, 22),
        &Default::default(),
        &words,
    );
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(
        ics.contains("RRULE:FREQ=YEARLY"),
        "fraud alert and IP PIN recur yearly"
    );
    assert!(ics.contains("RRULE:FREQ=MONTHLY"), "credit reports monthly");
    // Each event of one action, as text.
    let event = |ics: &str, uid: &str| -> String {
        let at = ics.find(&format!("UID:{uid}@exposure-check")).unwrap();
        ics[at..at + ics[at..].find("END:VEVENT").unwrap()].to_string()
    };
    // Changed by design (issue 22): timed events at 9:00 with an alarm, not
    // all-day events that notify no one; monthly checks end after a year.
    let pin = event(&ics, "irs_ip_pin");
    assert!(
        pin.contains("DTSTART:20270115T090000") && pin.contains("RRULE:FREQ=YEARLY;BYMONTH=1"),
        "a new IP PIN each January, from the next one: {pin}"
    );
    let early = exposure_words::export::to_ics(
        &report,
        PartialDate::ymd(2027, 1, 3),
        &Default::default(),
        &words,
    );
    assert!(event(&early, "irs_ip_pin").contains("DTSTART:20270115T090000"));
    assert!(event(&ics, "check_credit_reports").contains("RRULE:FREQ=MONTHLY;COUNT=12"));
    assert!(
        !event(&ics, "fraud_alert").contains("COUNT="),
        "renewed until stopped"
    );
    assert_eq!(
        ics.matches("BEGIN:VEVENT").count(),
        ics.matches("BEGIN:VALARM").count(),
        "every event has an alarm"
    );
    assert!(!ics.contains("VALUE=DATE"), "no all-day event");
    assert_eq!(
        ics.matches("BEGIN:VEVENT").count(),
        ics.matches("END:VEVENT").count()
    );
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
}

/// A plan with no impossible or stale tasks: Target's 2013 card breach is
/// possible for a customer (only shoppers of three weeks), so its steps sit
/// under "if this applies to you" with the condition; the card was exposed
/// more than three years ago, so checking statements comes before replacing;
/// its settlement claim closed long ago, so the claim is past.
#[test]
fn old_and_possible_exposures_give_no_urgent_or_stale_tasks() {
    let e = engine();
    let report = e.check_names(&["Target"], Some(PartialDate::ymd(2026, 12, 3)));
    let card = report
        .plan
        .iter()
        .find(|a| a.id == "replace_payment_card")
        .expect("card step");
    assert!(card.old_exposure, "{card:?}");
    assert_ne!(card.urgency, Urgency::Now);
    let words = say(&e, Some(PartialDate::ymd(2026, 12, 3)), card);
    assert!(words.steps[0].contains("more than three years ago"));
    assert!(card.conditional);
    assert!(
        words.conditions.iter().any(|c| c.contains("Target store")),
        "{:?}",
        words.conditions
    );
    for a in &report.plan {
        assert!(
            a.conditional || a.expired,
            "{} is neither conditional nor past",
            a.id
        );
    }
    let claim = report
        .plan
        .iter()
        .find(|a| a.id == FILE_CLAIM)
        .expect("Target's settlement claim, closed in 2015");
    assert!(claim.expired);
    // Without a day, nothing is judged old.
    let report = e.check_names(&["Target"], None);
    let card = report
        .plan
        .iter()
        .find(|a| a.id == "replace_payment_card")
        .unwrap();
    assert!(!card.old_exposure);
}

/// A confirmed match keeps its actions on the to-do list.
#[test]
fn confirmed_exposures_are_not_conditional() {
    let report = engine().check_names(&["AT&T"], None);
    assert!(report
        .plan
        .iter()
        .any(|a| a.id == "credit_freeze" && !a.conditional && a.urgency == Urgency::Now));
}

/// A recurring step comes back one period after it was done, never before
/// it was first done: the fraud alert placed on Nov 1 is renewed the next
/// Nov 1; one not placed yet is due a year from today, not today.
#[test]
fn recurring_steps_count_from_when_they_were_done() {
    let e = engine();
    let today = PartialDate::ymd(2026, 12, 3);
    let report = e.check_names(&["AT&T"], Some(today));
    assert!(report.plan.iter().any(|a| a.id == "fraud_alert"));
    let start = |ics: &str| -> String {
        let at = ics
            .find("UID:fraud_alert@")
            .expect("a fraud alert reminder");
        let rest = &ics[at..];
        let d = rest.find("DTSTART:").unwrap() + "DTSTART:".len();
        rest[d..d + 8].to_string()
    };
    let words = english(&e, Some(today));
    let not_done = exposure_words::export::to_ics(&report, today, &Default::default(), &words);
    assert_eq!(start(&not_done), "20271203");
    let done_on = [("fraud_alert".to_string(), PartialDate::ymd(2026, 11, 1))].into();
    let done = exposure_words::export::to_ics(&report, today, &done_on, &words);
    assert_eq!(start(&done), "20271101");
}

#[test]
fn dates_move_by_months_and_days() {
    let d = PartialDate::ymd(2024, 1, 31);
    assert_eq!(d.plus_months(1), PartialDate::ymd(2024, 2, 29));
    assert_eq!(d.plus_months(13), PartialDate::ymd(2025, 2, 28));
    assert_eq!(
        PartialDate::ymd(2026, 12, 28).plus_days(7),
        PartialDate::ymd(2027, 1, 4)
    );
    assert_eq!(
        PartialDate::ymd(2024, 2, 28).plus_days(1),
        PartialDate::ymd(2024, 2, 29)
    );
}

#[test]
fn the_brief_why_names_two_of_each_and_counts_the_rest() {
    use exposure_core::lang::{Lang, Locale};
    let e = engine();
    let names = [
        "Chase",
        "Verizon",
        "Kaiser Permanente",
        "UnitedHealthcare",
        "Aflac",
        "Premera Blue Cross",
        "Comcast",
    ];
    let r = e.check_names(&names, PartialDate::parse("2026-12-01").ok());
    let zh = exposure_core::bundled::translations().unwrap();
    let mut long = 0;
    for a in &r.plan {
        let brief = exposure_words::plan::because_brief(&e.data, Lang::En.into(), a);
        let full = say(&e, None, a).because;
        if a.reasons.len() > 3 || a.companies.len() > 3 {
            long += 1;
            assert!(brief.len() < full.len(), "{brief} / {full}");
            assert!(brief.contains(" more"), "{brief}");
        }
        // Every type it names is one of the full sentence's.
        if let Some((first, _)) = brief.split_once(" — through ") {
            for part in first.split(", ") {
                let part = part.split(" and ").next().unwrap();
                assert!(full.contains(part), "{part} of {brief} in {full}");
            }
        }
        // It names companies, never an incident's title.
        for m in r
            .matches
            .iter()
            .filter(|m| e.data.notice_of(&m.incident_id).is_none())
        {
            let title = &e.data.incident(&m.incident_id).unwrap().title;
            assert!(!brief.contains(title.as_str()), "{brief}");
        }
        let zh_brief =
            exposure_words::plan::because_brief(&e.data, Locale::new(Lang::Zh, Some(&zh)), a);
        assert!(!zh_brief.contains(" more"), "{zh_brief}");
    }
    assert!(long > 0, "the household list has actions with long reasons");
}

/// A kept letter is proof: its incident is confirmed for the person (added
/// through its sender when none of their companies reaches it), its data
/// types join the exposure even where our data lists fewer, and its
/// enrolment deadline joins the plan.
#[test]
fn a_kept_letter_confirms_its_incident_and_adds_its_types_and_deadline() {
    use exposure_core::letter::{Kept, Party};
    let e = engine();
    let companies = e.check_names(&["Verizon"], None).companies;
    let letter = Kept {
        sender: Some(Party {
            name: "Ascension".into(),
            org_id: Some("ascension".into()),
        }),
        incident: Some("ascension-2024".into()),
        data_types: vec!["ssn".into(), "passport_number".into()],
        enroll_by: Some(PartialDate::ymd(2099, 3, 31)),
        provider: Some("Kroll".into()),
        ..Default::default()
    };
    let today = Some(PartialDate::ymd(2026, 11, 22));
    let without = e.check(&companies, today);
    assert!(!without
        .live_matches()
        .any(|m| m.incident_id == "ascension-2024"));
    let with = e.check_with_letters(&companies, std::slice::from_ref(&letter), today);
    let m = with
        .live_matches()
        .find(|m| m.incident_id == "ascension-2024")
        .expect("the letter's incident is a match");
    assert_eq!(m.confidence, exposure_core::Confidence::Confirmed);
    assert_eq!(m.org_id, "ascension");
    // Ascension's data lists no passport numbers; the letter does.
    let passport = with
        .exposed
        .iter()
        .find(|t| t.type_id == "passport_number")
        .expect("the letter's passport number is exposed");
    assert!(passport.incidents.contains(&"ascension-2024".to_string()));
    assert!(with.plan.iter().any(|a| a.id == "passport_watch"));
    let enroll = with
        .plan
        .iter()
        .find(|a| a.id == ENROLL_MONITORING)
        .expect("the offer is a step");
    assert_eq!(enroll.deadline, Some(PartialDate::ymd(2099, 3, 31)));
}
