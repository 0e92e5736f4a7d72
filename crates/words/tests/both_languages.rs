//! Every route, years note and import skip reason in both languages: a
//! sentence in English in English and in Chinese in Chinese.

use exposure_core::exposure::{Confidence, Fit, Match, Outside, PathKind, Route};
use exposure_core::lang::{Lang, Locale};
use exposure_core::model::Confirmation;
use exposure_core::{Engine, PartialDate};

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn each_route_and_note_reads_in_both_languages() {
    let engine = Engine::bundled().unwrap();
    let ds = &engine.data;
    let texts = exposure_core::bundled::translations().unwrap();
    let zh_locale = Locale::new(Lang::Zh, Some(&texts));
    let routes = [
        Route::Breached,
        Route::FiledNotice {
            register: "hhs-ocr".into(),
            reported: PartialDate::ymd(2024, 7, 1),
        },
        Route::NamedClient {
            confirmed_by: Confirmation::ClientNotice,
        },
        Route::NamedClient {
            confirmed_by: Confirmation::Press,
        },
        Route::UnderBreached {
            owner: "att".into(),
            brand: true,
        },
        Route::UnderClient {
            owner: "att".into(),
            brand: false,
        },
        Route::OwnedUnit {
            unit: "cricket-wireless".into(),
        },
        Route::SameGroup {
            group: "att".into(),
        },
        Route::UsesVendor {
            service: "call records storage".into(),
        },
        Route::Letter,
    ];
    let notes = [
        None,
        Some(Outside::EndedBefore {
            until: 2015,
            from: 2019,
        }),
        Some(Outside::StartedAfter {
            from: 2023,
            until: 2022,
        }),
    ];
    for route in routes {
        for outside in notes {
            let m = Match {
                org_id: "att".into(),
                incident_id: "att-snowflake-2024".into(),
                confidence: Confidence::Likely,
                kind: PathKind::Family,
                path: vec!["att".into(), "snowflake".into()],
                route: route.clone(),
                outside,
                fit: Fit::Covered,
            };
            let en = exposure_words::explanation(ds, &m, Lang::En.into());
            let zh = exposure_words::explanation(ds, &m, zh_locale);
            assert!(en.contains("AT&T") && !has_chinese(&en), "{route:?}: {en}");
            assert!(has_chinese(&zh) && zh != en, "{route:?}: {zh}");
            let note_en = exposure_words::outside_note(ds, &m, Lang::En.into());
            let note_zh = exposure_words::outside_note(ds, &m, zh_locale);
            assert_eq!(note_en.is_some(), outside.is_some());
            assert_eq!(note_zh.is_some(), outside.is_some());
            if let (Some(en), Some(zh)) = (note_en, note_zh) {
                assert!(en.contains("customer") && has_chinese(&zh), "{en} / {zh}");
            }
        }
    }
}

/// The line on whether an incident is about the person reads in both
/// languages, the same for the page and the CLI.
#[test]
fn each_fit_line_reads_in_both_languages() {
    use exposure_core::model::Relation;
    let engine = Engine::bundled().unwrap();
    let ds = &engine.data;
    let texts = exposure_core::bundled::translations().unwrap();
    let zh = Locale::new(Lang::Zh, Some(&texts));
    let base = Match {
        org_id: "bank-of-america".into(),
        incident_id: "infosys-mccamish-2023".into(),
        confidence: Confidence::Possible,
        kind: PathKind::NamedClient,
        path: vec!["bank-of-america".into(), "infosys-mccamish".into()],
        route: Route::Breached,
        outside: None,
        fit: Fit::OnlyIf {
            condition: "you had a deferred-compensation plan account".into(),
            client: Some("bank-of-america".into()),
        },
    };
    let other = Match {
        fit: Fit::OtherGroup {
            who: vec![Relation::Employee],
        },
        ..base.clone()
    };
    for m in [&base, &other] {
        let en = exposure_words::fit_line(ds, m, Lang::En.into()).unwrap();
        let cn = exposure_words::fit_line(ds, m, zh).unwrap();
        assert!(!has_chinese(&en) && has_chinese(&cn), "{en} / {cn}");
        assert_eq!(exposure_words::fit_reason(ds, m), en, "one phrasing");
    }
    assert!(
        exposure_words::fit_line(ds, &base, zh)
            .unwrap()
            .contains("递延薪酬"),
        "the client's condition in Chinese"
    );
    let covered = Match {
        fit: Fit::Covered,
        ..base
    };
    assert_eq!(exposure_words::fit_line(ds, &covered, zh), None);
}

/// Every vendor's service reads in Chinese in a Chinese explanation.
#[test]
fn every_service_reads_in_chinese() {
    let engine = Engine::bundled().unwrap();
    let ds = &engine.data;
    let texts = exposure_core::bundled::translations().unwrap();
    let zh = Locale::new(Lang::Zh, Some(&texts));
    for r in ds.relationships() {
        let m = Match {
            org_id: r.client.clone(),
            incident_id: "att-snowflake-2024".into(),
            confidence: Confidence::Possible,
            kind: PathKind::VendorRelationship,
            path: vec![r.client.clone(), r.vendor.clone()],
            route: Route::UsesVendor {
                service: r.service.clone(),
            },
            outside: None,
            fit: Fit::Covered,
        };
        let words = exposure_words::explanation(ds, &m, zh);
        let service = ds.texts(zh).service(&r.service);
        assert!(has_chinese(service), "{}", r.service);
        assert!(words.contains(service), "{words}");
    }
}

#[test]
fn each_skip_reason_reads_in_both_languages() {
    use exposure_core::hibp::{FieldType, SkipReason};
    let reasons = [
        SkipReason::NotAnObject,
        SkipReason::NoName,
        SkipReason::Fabricated,
        SkipReason::SpamList,
        SkipReason::Retired,
        SkipReason::Malware,
        SkipReason::NameWithoutLetters,
        SkipReason::Duplicate,
        SkipReason::AlreadyCurated {
            incident: "att-snowflake-2024".into(),
        },
        SkipReason::WrongType {
            field: "Title",
            expected: FieldType::Text,
        },
        SkipReason::WrongType {
            field: "PwnCount",
            expected: FieldType::WholeNumber,
        },
        SkipReason::WrongType {
            field: "IsVerified",
            expected: FieldType::TrueOrFalse,
        },
        SkipReason::WrongType {
            field: "DataClasses",
            expected: FieldType::ListOfText,
        },
        SkipReason::BadDate {
            field: "BreachDate",
        },
        SkipReason::NoDate,
    ];
    for r in &reasons {
        let en = exposure_words::skip_reason(Lang::En, r);
        let zh = exposure_words::skip_reason(Lang::Zh, r);
        assert!(!en.is_empty() && !has_chinese(&en), "{r:?}: {en}");
        assert!(has_chinese(&zh), "{r:?}: {zh}");
    }
}

#[test]
fn the_verdict_reads_in_both_languages() {
    use exposure_core::verdict::{Verdict, Worst};
    let engine = Engine::bundled().unwrap();
    let ds = &engine.data;
    let found = Verdict {
        known: 3,
        unknown: 1,
        companies_hit: 2,
        confirmed: 2,
        likely: 1,
        possible: 1,
        worst: Some(Worst {
            type_id: "ssn".into(),
            severity: exposure_core::model::Severity::Critical,
            possible_only: false,
            via: vec!["att".into(), "bank-of-america".into()],
        }),
        first_steps: vec!["credit_freeze".into()],
    };
    let one = Verdict {
        known: 1,
        companies_hit: 1,
        possible: 1,
        ..Default::default()
    };
    let none = Verdict {
        known: 2,
        unknown: 1,
        ..Default::default()
    };
    let cases = [
        (&found, "2 of your 4 companies were in 4 known incidents (2 confirmed, 1 likely, 1 possible)."),
        (&one, "Your company was in 1 known incident (1 possible)."),
        (&none, "None of your 3 companies is in a known incident in our data as of Jul 1, 2026; 1 we do not know yet, which is not an all-clear for them."),
    ];
    for (v, en) in cases {
        assert_eq!(exposure_words::verdict_headline(ds, v, Lang::En), en);
        let zh = exposure_words::verdict_headline(ds, v, Lang::Zh);
        assert!(
            has_chinese(&zh) && zh.contains(&format!("{}", v.known + v.unknown)),
            "{zh}"
        );
    }
    let w = found.worst.as_ref().unwrap();
    let en = exposure_words::verdict_worst(ds, w, Lang::En.into());
    assert!(
        en.contains("AT&T") && en.contains("Bank of America"),
        "{en}"
    );
    let zh = exposure_words::verdict_worst(ds, w, Lang::Zh.into());
    assert!(
        zh.contains("美国银行"),
        "Chinese names where the data has them: {zh}"
    );
}

/// What the person said of a company (current or former, the years), as
/// the exports write it, in both languages: an end year alone says the
/// relationship ended; a current one has no end year.
#[test]
fn each_relationship_and_tenure_reads_in_both_languages() {
    use exposure_core::model::Relation::{self, Customer, Employee};
    use exposure_core::{Period, Tenure};
    let p = |from, until, tenure| Period {
        from,
        until,
        tenure,
    };
    let (cur, former) = (Some(Tenure::Current), Some(Tenure::Former));
    // (relation, period, English, Chinese)
    let table: &[(Relation, Period, Option<&str>, Option<&str>)] = &[
        (Customer, p(None, None, None), None, None),
        (
            Employee,
            p(None, None, None),
            Some("employee"),
            Some("员工"),
        ),
        (
            Customer,
            p(Some(2015), None, None),
            Some("customer from 2015"),
            Some("客户，2015年起"),
        ),
        (
            Customer,
            p(None, None, cur),
            Some("current customer"),
            Some("仍是客户"),
        ),
        (
            Customer,
            p(Some(2015), None, cur),
            Some("current customer since 2015"),
            Some("仍是客户，2015年起"),
        ),
        (
            Customer,
            p(Some(2015), Some(2016), cur),
            Some("current customer since 2015"),
            Some("仍是客户，2015年起"),
        ),
        (
            Customer,
            p(None, None, former),
            Some("former customer"),
            Some("以前是客户"),
        ),
        (
            Customer,
            p(Some(2010), None, former),
            Some("former customer from 2010"),
            Some("以前是客户，2010年起"),
        ),
        (
            Customer,
            p(Some(2010), Some(2016), former),
            Some("former customer 2010–2016"),
            Some("以前是客户，2010–2016年"),
        ),
        (
            Customer,
            p(Some(2010), Some(2016), None),
            Some("former customer 2010–2016"),
            Some("以前是客户，2010–2016年"),
        ),
        (
            Customer,
            p(None, Some(2016), None),
            Some("former customer until 2016"),
            Some("以前是客户，至2016年"),
        ),
        (
            Employee,
            p(None, Some(2016), former),
            Some("former employee until 2016"),
            Some("以前是员工，至2016年"),
        ),
    ];
    for (r, period, en, zh) in table {
        assert_eq!(
            exposure_words::relationship_words(Lang::En, *r, *period).as_deref(),
            *en,
            "{r:?} {period:?}"
        );
        assert_eq!(
            exposure_words::relationship_words(Lang::Zh, *r, *period).as_deref(),
            *zh,
            "{r:?} {period:?}"
        );
    }
}

/// The Markdown checklist names each company with what the person said of
/// it, in the reader's language.
#[test]
fn the_markdown_says_current_or_former_in_both_languages() {
    use exposure_core::{Period, Tenure};
    let engine = Engine::bundled().unwrap();
    let texts = exposure_core::bundled::translations().unwrap();
    let former = engine.query(
        "AT&T",
        Period {
            from: Some(2010),
            until: Some(2016),
            tenure: Some(Tenure::Former),
        },
    );
    let current = engine.query(
        "Verizon",
        Period {
            from: Some(2015),
            until: None,
            tenure: Some(Tenure::Current),
        },
    );
    let report = engine.check(&[former, current], None);
    let md = |locale: Locale| {
        let words = exposure_words::Speaker {
            ds: &engine.data,
            locale,
            today: Some(PartialDate::ymd(2026, 11, 22)),
        };
        exposure_words::export::to_markdown(&engine.data, &report, &Default::default(), &words)
    };
    let en = md(Lang::En.into());
    assert!(
        en.contains(
            "Companies: AT&T (former customer 2010–2016), Verizon (current customer since 2015)"
        ),
        "{en}"
    );
    let zh = md(Locale::new(Lang::Zh, Some(&texts)));
    assert!(
        zh.contains("公司：")
            && zh.contains("（以前是客户，2010–2016年）、")
            && zh.contains("（仍是客户，2015年起）"),
        "{zh}"
    );
    // A Chinese reader's file is Chinese throughout: the title, the verdict,
    // the headings, each incident's line and the plan's bands.
    for heading in [
        "# 数据泄露自查",
        "## 数据泄露事件",
        "## 泄露了什么",
        "## 应当怎么做",
    ] {
        assert!(zh.contains(heading), "{heading}: {zh}");
    }
    for english in [
        "## Incidents",
        "## What",
        "Data as of",
        "known incident",
        " — likely",
        "Why: ",
    ] {
        assert!(!zh.contains(english), "{english}: {zh}");
    }
    assert!(zh.contains("第一步：") && zh.contains("最严重的"), "{zh}");
    let line = zh
        .lines()
        .find(|l| l.starts_with("- **") && l.contains("AT&T"))
        .expect("an AT&T incident line");
    assert!(line.contains("年"), "its dates in Chinese: {line}");
    // The calendar's reminders too.
    let ics = exposure_words::export::to_ics(
        &report,
        PartialDate::ymd(2026, 11, 22),
        &Default::default(),
        &exposure_words::Speaker {
            ds: &engine.data,
            locale: Locale::new(Lang::Zh, Some(&texts)),
            today: Some(PartialDate::ymd(2026, 11, 22)),
        },
    );
    let summaries: Vec<&str> = ics.lines().filter(|l| l.starts_with("SUMMARY:")).collect();
    assert!(summaries.len() >= 3, "{ics}");
    for s in summaries {
        assert!(
            s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{s}"
        );
    }
    // The JSON export carries it, and reads back the same.
    let json = exposure_core::export::to_json(
        &engine.data,
        &report,
        &Default::default(),
        None,
        &exposure_words::Speaker {
            ds: &engine.data,
            locale: Lang::En.into(),
            today: None,
        },
    );
    assert!(
        json.contains("\"tenure\": \"former\"") && json.contains("\"tenure\": \"current\""),
        "{json}"
    );
    let back = exposure_core::export::progress_from_json(&json).unwrap();
    let periods: Vec<Period> = back.companies.iter().map(|c| c.period).collect();
    let given: Vec<Period> = report.companies.iter().map(|c| c.period).collect();
    assert_eq!(periods, given);
}

#[test]
fn an_imported_breach_is_titled_in_both_languages() {
    let engine = Engine::bundled().unwrap();
    let catalogue = r#"[{"Name":"Acmeshop","Title":"Acme Shop","Domain":"acmeshop.example","BreachDate":"2020-01-02","AddedDate":"2020-02-03T00:00:00Z","PwnCount":1000,"Description":"Emails.","DataClasses":["Email addresses"]}]"#;
    let (engine, _) = engine.with_catalog(catalogue).unwrap();
    let ds = &engine.data;
    let texts = exposure_core::bundled::translations().unwrap();
    let inc = ds.incident("hibp-acmeshop").unwrap();
    // The data keeps the name only; the words say what it is.
    assert_eq!(inc.title, "Acme Shop");
    let en = exposure_words::incident_title(ds.texts(Lang::En), inc);
    assert_eq!(en, "Acme Shop breach (Have I Been Pwned)");
    let zh = exposure_words::incident_title(ds.texts(Locale::new(Lang::Zh, Some(&texts))), inc);
    assert!(zh.starts_with("Acme Shop") && has_chinese(&zh), "{zh}");
    // A curated incident's title is its own (in Chinese, its translation).
    let curated = ds.curated_incidents().first().unwrap();
    assert_eq!(
        exposure_words::incident_title(ds.texts(Lang::En), curated),
        curated.title
    );
}
