//! Server-side render tests of the main views (native): the page renders
//! every hook of SPEC §4 with the right ids for the founding cases.
#![cfg(not(target_arch = "wasm32"))]

use exposure_check::i18n::Lang;
mod common;

use common::{render, render_as_given};
use exposure_check::{AppProps, ShellInput};
use exposure_core::export::Progress;
use exposure_core::{CompanyQuery, Engine, PartialDate};

fn progress(names: &[&str], done: &[&str]) -> Progress {
    let engine = Engine::bundled().unwrap();
    Progress {
        companies: names
            .iter()
            .map(|n| CompanyQuery {
                input: n.to_string(),
                org_id: engine.resolve(n).map(|m| m.org_id),
                ..Default::default()
            })
            .collect(),
        done: done.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

/// The whole `<input …>` tag of the company box.
fn company_input_tag(html: &str) -> &str {
    let at = html
        .find("data-testid=\"company-input\"")
        .expect("the company box is there");
    let start = html[..at].rfind("<input").expect("in an input tag");
    &html[start..at + html[at..].find('>').expect("the tag ends")]
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn empty_page_has_the_input_and_controls() {
    let html = render(AppProps::default);
    for hook in ["company-input", "lang-switch", "clear-all", "import-file"] {
        assert!(
            html.contains(&format!("data-testid=\"{hook}\"")),
            "{hook} missing"
        );
    }
    assert!(!html.contains("data-testid=\"incident-card\""));
    assert!(
        !html.contains("data-testid=\"import-busy\""),
        "busy only while importing"
    );
    assert!(
        !html.contains("data-testid=\"error-message\""),
        "no error on a clean start"
    );
    assert!(html.contains("role=\"combobox\""));
}

#[test]
fn while_the_data_downloads_the_box_takes_typing_and_saved_companies_are_kept() {
    let html = render_as_given(move || AppProps {
        initial: Some(progress(&["Bank of America"], &[])),
        ..Default::default()
    });
    let input = company_input_tag(&html);
    assert!(
        !input.contains("disabled"),
        "the box takes typing before the data: {input}"
    );
    assert!(
        input.contains("aria-busy=\"true\""),
        "and says it is busy: {input}"
    );
    assert_eq!(
        count(&html, "Loading the breach data"),
        2,
        "box hint and results"
    );
    assert_eq!(count(&html, "role=\"status\""), 2);
    assert!(!html.contains("data-testid=\"incident-card\""));
    assert!(!html.contains("data-testid=\"company-chip\""));
    assert!(
        !html.contains("data-testid=\"import-file\""),
        "no import without data"
    );
    // Once the data set is here the same props render the full page.
    let ready = render(move || AppProps {
        initial: Some(progress(&["Bank of America"], &[])),
        ..Default::default()
    });
    assert!(!ready.contains("Loading the breach data"));
    assert!(ready.contains("aria-busy=\"false\""));
    assert!(ready.contains("data-testid=\"incident-card\""));
}

#[test]
fn bank_of_america_renders_the_vendor_path_summary_and_plan() {
    let html = render(move || AppProps {
        initial: Some(progress(&["Bank of America"], &["credit_freeze"])),
        ..Default::default()
    });
    assert!(
        html.contains("data-testid=\"company-chip\" data-org-id=\"bank-of-america\""),
        "{html}"
    );
    assert!(html.contains("data-incident-id=\"infosys-mccamish-2023\""));
    // Changed by design (issue 19): the bank's part of the IMS breach was
    // its deferred-compensation plan accounts, so for a customer the card
    // is "possible", with the condition on one line.
    assert!(
        html.contains("data-incident-id=\"infosys-mccamish-2023\" data-confidence=\"possible\"")
    );
    assert!(html.contains("data-testid=\"match-fit\" data-fit=\"only_if\""));
    assert!(html.contains("deferred-compensation plan account"));
    assert!(html.contains("data-path=\"bank-of-america infosys-mccamish\""));
    for t in [
        "ssn",
        "medical",
        "biometric",
        "passport_number",
        "bank_account",
    ] {
        assert!(
            html.contains(&format!("data-testid=\"exposed-type\" data-type=\"{t}\"")),
            "exposed {t}"
        );
    }
    for a in [
        "credit_freeze",
        "fraud_alert",
        "irs_ip_pin",
        "enroll_offered_monitoring",
    ] {
        assert!(
            html.contains(&format!("data-action-id=\"{a}\"")),
            "action {a}"
        );
    }
    for hook in [
        "print-plan",
        "export-markdown",
        "export-json",
        "export-ics",
        "match-path",
    ] {
        assert!(
            html.contains(&format!("data-testid=\"{hook}\"")),
            "{hook} missing"
        );
    }
    // The ticked action renders checked and collapsed; the progress counts it.
    let checked_boxes = html
        .split("<input")
        .skip(1)
        .filter(|tag| {
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            tag.contains("type=\"checkbox\"") && tag.contains("checked")
        })
        .count();
    assert_eq!(checked_boxes, 1, "exactly the ticked action is checked");
    assert!(html.contains("<progress"));
}

#[test]
fn att_renders_three_incidents_in_order_of_confidence() {
    let html = render(move || AppProps {
        initial: Some(progress(&["AT&T"], &[])),
        ..Default::default()
    });
    for id in [
        "att-snowflake-2024",
        "att-vendor-2023",
        "att-data-leak-2024",
    ] {
        assert!(html.contains(&format!("data-incident-id=\"{id}\"")), "{id}");
    }
    assert!(html.contains("data-path=\"att snowflake\""));
    assert_eq!(count(&html, "data-testid=\"incident-card\""), 3);
}

#[test]
fn unknown_company_shows_a_chip_and_no_incident() {
    let html = render(move || AppProps {
        initial: Some(progress(&["Hollow Creek Bakery LLC"], &[])),
        ..Default::default()
    });
    assert!(html.contains("data-testid=\"company-chip\" data-org-id=\"\""));
    assert!(html.contains("Hollow Creek Bakery LLC"));
    assert_eq!(count(&html, "data-testid=\"incident-card\""), 0);
    assert_eq!(count(&html, "data-testid=\"action-item\""), 0);
}

#[test]
fn expired_deadlines_are_shown_not_hidden() {
    let html = render(move || AppProps {
        initial: Some(progress(&["AT&T"], &[])),
        today: Some(PartialDate::ymd(2026, 11, 22)),
        ..Default::default()
    });
    assert!(html.contains("data-action-id=\"file_settlement_claim\""));
    assert!(html.contains("deadline passed"));
}

#[test]
fn chinese_interface_renders() {
    let html = render(move || AppProps {
        initial: Some(progress(&["AT&T"], &[])),
        lang: Some(Lang::Zh),
        ..Default::default()
    });
    assert!(html.contains("你的行动计划"));
    assert!(html.contains("数据泄露自查"));
}

#[test]
fn text_from_data_is_escaped() {
    let html = render(move || AppProps {
        initial: Some(progress(&["<img src=x onerror=alert(1)>"], &[])),
        ..Default::default()
    });
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;img"));
}

#[test]
fn incident_browser_lists_and_filters() {
    use exposure_check::route::Route;
    use exposure_core::browse::IncidentFilter;
    let html = render(move || AppProps {
        route: Some(Route::Incidents(IncidentFilter::default())),
        ..Default::default()
    });
    assert!(html.contains("data-testid=\"incident-browser\""));
    // The curated incidents by default; register notices on request.
    let ds = exposure_core::bundled::dataset().unwrap();
    assert_eq!(
        count(&html, "data-testid=\"incident-row\""),
        ds.curated_incidents().len()
    );
    for hook in [
        "incident-filter-register",
        "incident-search",
        "incident-filter-year",
        "incident-filter-sector",
        "incident-filter-type",
        "incident-filter-third",
    ] {
        assert!(html.contains(&format!("data-testid=\"{hook}\"")), "{hook}");
    }
    let filtered = render(move || AppProps {
        route: Some(Route::parse("#/incidents?type=call_records")),
        ..Default::default()
    });
    assert_eq!(count(&filtered, "data-testid=\"incident-row\""), 1);
    assert!(filtered.contains("data-incident-id=\"att-snowflake-2024\""));
    // One register's notices: only its rows, at most the first 1,000 drawn.
    let washington = render(move || AppProps {
        route: Some(Route::parse("#/incidents?src=wa-ag")),
        ..Default::default()
    });
    let rows = count(&washington, "data-testid=\"incident-row\"");
    assert!(rows > 500 && rows <= 1000, "{rows}");
    assert_eq!(
        count(&washington, "data-incident-id=\"wa-ag-"),
        rows,
        "only Washington's notices"
    );
}

#[test]
fn incident_page_shows_facts_clients_timeline_and_sources() {
    use exposure_check::route::Route;
    let html = render(move || AppProps {
        route: Some(Route::Incident("infosys-mccamish-2023".into())),
        today: Some(PartialDate::ymd(2026, 11, 22)),
        ..Default::default()
    });
    assert!(
        html.contains("data-testid=\"incident-page\" data-incident-id=\"infosys-mccamish-2023\"")
    );
    assert!(
        html.contains("href=\"#/incidents?org=bank-of-america\""),
        "clients link to the incidents involving them"
    );
    assert!(html.contains("57,028"));
    assert!(html.contains("<time datetime=\"2023-10-29\">"));
    assert!(html.contains("paubox.com"));
    let missing = render(move || AppProps {
        route: Some(Route::Incident("no-such-incident".into())),
        ..Default::default()
    });
    assert!(missing.contains("data-testid=\"error-message\""));
}

#[test]
fn incident_cards_link_to_their_pages() {
    let html = render(move || AppProps {
        initial: Some(progress(&["Ticketmaster"], &[])),
        ..Default::default()
    });
    assert!(html.contains("href=\"#/incident/ticketmaster-snowflake-2024\""));
}

#[test]
fn past_claim_deadlines_on_incident_pages_are_marked_expired() {
    use exposure_check::route::Route;
    let html = render(move || AppProps {
        route: Some(Route::Incident("att-data-leak-2024".into())),
        today: Some(PartialDate::ymd(2026, 11, 22)),
        ..Default::default()
    });
    assert!(html.contains("claim by Dec 18, 2025 (expired)"), "{html}");
    let before = render(move || AppProps {
        route: Some(Route::Incident("att-data-leak-2024".into())),
        today: Some(PartialDate::ymd(2025, 12, 1)),
        ..Default::default()
    });
    assert!(
        before.contains("claim by Dec 18, 2025")
            && !before.contains("claim by Dec 18, 2025 (expired)")
    );
}

/// Quick picks are the companies people commonly use, breached or not, in
/// the reader's language.
#[test]
fn quick_picks_offer_common_companies_by_sector() {
    let html = render(AppProps::default);
    let pick = |id: &str| format!("data-testid=\"quick-pick\" data-org-id=\"{id}\"");
    for id in [
        "att",
        "verizon",
        "bank-of-america",
        "wells-fargo",
        "kaiser-permanente",
        "amazon",
        "target",
        "costco",
        "unitedhealthcare",
    ] {
        assert!(html.contains(&pick(id)), "{id} among the quick picks");
    }
    let zh = render(|| AppProps {
        lang: Some(Lang::Zh),
        ..Default::default()
    });
    let at = zh
        .find(&pick("bank-of-america"))
        .expect("the pick in Chinese");
    let button = &zh[at..at + zh[at..].find("</button>").unwrap_or(0)];
    assert!(button.ends_with(">美国银行"), "{button}");
    let chosen = render(move || AppProps {
        initial: Some(progress(&["AT&T"], &[])),
        ..Default::default()
    });
    assert!(
        chosen.contains("data-org-id=\"att\" aria-pressed=\"true\""),
        "a chosen company shows pressed"
    );
}

#[test]
fn what_was_typed_into_the_static_box_is_taken_over() {
    let html = render(|| AppProps {
        shell: ShellInput {
            text: "Ticketm".into(),
            pending: vec!["Bank of America".into(), "Hollow Creek Bakery".into()],
            caret: Some(7),
        },
        ..Default::default()
    });
    let input = company_input_tag(&html);
    assert!(
        input.contains("value=\"Ticketm\""),
        "the text is kept: {input}"
    );
    // The companies added there are chosen, and looked up.
    assert!(html.contains("data-testid=\"company-chip\" data-org-id=\"bank-of-america\""));
    assert!(html.contains("data-testid=\"company-chip\" data-org-id=\"\""));
    assert!(html.contains("Hollow Creek Bakery"));
    assert!(html.contains("data-incident-id=\"infosys-mccamish-2023\""));
}

/// A company the data knows but no incident reached is answered with the
/// data's date, never as unknown; a company it does not know is "not in our
/// data yet", not an all-clear.
#[test]
fn quiet_companies_say_what_the_silence_means() {
    let engine = Engine::bundled().unwrap();
    let quiet = engine
        .data
        .organizations()
        .iter()
        .filter(|o| o.listed)
        .find(|o| {
            engine
                .check_names(&[o.name.as_str()], None)
                .matches
                .is_empty()
                && engine.resolve(&o.name).map(|m| m.org_id).as_deref() == Some(o.id.as_str())
        })
        .expect("the data knows a company with no incident");
    let name = quiet.name.clone();
    let id = quiet.id.clone();
    let html = render(move || AppProps {
        initial: Some(progress(&[name.as_str(), "Hollow Creek Bakery LLC"], &[])),
        ..Default::default()
    });
    let as_of = engine.data.info().as_of.expect("the data has its date");
    assert!(html.contains(&format!("data-testid=\"data-as-of\" data-date=\"{as_of}\"")));
    assert!(html.contains(&format!(
        "data-testid=\"company-status\" data-org-id=\"{id}\" data-status=\"no-known-incident\""
    )));
    assert!(html.contains(&format!(
        "no known incident in our data as of {}",
        as_of.human()
    )));
    assert!(html
        .contains("data-testid=\"company-status\" data-org-id=\"\" data-status=\"not-in-data\""));
    assert!(html.contains("that is not an all-clear"));
    assert!(
        !html.contains("No known incident touched these companies"),
        "no all-clear while a company is unknown"
    );
}

/// Possible-only steps sit under "if this applies to you" with their
/// condition; past offers and claims under "past, for the record", not
/// counted in the progress.
#[test]
fn the_plan_separates_conditional_and_past_steps() {
    let engine = Engine::bundled().unwrap();
    let today = PartialDate::ymd(2026, 12, 3);
    let report = engine.check_names(&["Target"], Some(today));
    let open = report.plan.iter().filter(|a| !a.expired).count();
    let past = report.plan.len() - open;
    let html = render(move || AppProps {
        initial: Some(progress(&["Target"], &[])),
        today: Some(today),
        ..Default::default()
    });
    assert!(html.contains("urgency-if-applies"));
    assert!(html.contains("If this applies to you"));
    assert!(html.contains("data-testid=\"action-condition\""));
    assert!(
        !html.contains("urgency-now"),
        "nothing of a possible match is 'do now'"
    );
    assert!(
        html.contains(&format!("max=\"{open}\"")),
        "progress counts {open} open steps"
    );
    // Target's settlement claim closed in 2015.
    assert!(past > 0);
    assert!(html.contains("Past, for the record"));
}

/// The verdict comes first in the results: how many companies in how many
/// incidents, how sure, the most harmful data and through whom, the first
/// steps linked to the plan, and the data's date; in both languages.
#[test]
fn the_verdict_heads_the_results_in_both_languages() {
    for lang in [Lang::En, Lang::Zh] {
        let html = render(move || AppProps {
            initial: Some(progress(
                &["AT&T", "Bank of America", "Hollow Creek Bakery"],
                &[],
            )),
            lang: Some(lang),
            ..Default::default()
        });
        let at = html.find("data-testid=\"verdict\"").expect("a verdict");
        let cards = html.find("data-testid=\"incident-card\"").expect("cards");
        assert!(at < cards, "the verdict comes before the cards");
        let tag = &html[html[..at].rfind("<section").unwrap()..at + html[at..].find('>').unwrap()];
        assert!(tag.contains("data-as-of=\"2026-07-01\""), "{tag}");
        assert!(tag.contains("data-companies-hit=\"2\""), "{tag}");
        let section = &html[at..at + html[at..].find("</section>").unwrap()];
        match lang {
            Lang::En => {
                assert!(
                    section.contains("2 of your 3 companies were in"),
                    "{section}"
                );
                assert!(section.contains("Social Security number"), "{section}");
            }
            Lang::Zh => {
                assert!(section.contains("你的 3 家公司中有 2 家"), "{section}");
                assert!(section.contains("最严重的是"), "{section}");
            }
        }
        assert!(
            section.contains("href=\"#action-"),
            "first steps link to the plan"
        );
        let first = section.split("href=\"#action-").nth(1).unwrap();
        let id = &first[..first.find('"').unwrap()];
        assert!(
            html.contains(&format!("id=\"action-{id}\"")),
            "the step {id} is in the plan"
        );
    }
    // Nothing found: the date, and no all-clear for a company not known.
    let html = render(move || AppProps {
        initial: Some(progress(&["Hollow Creek Bakery"], &[])),
        ..Default::default()
    });
    assert!(
        html.contains("We do not know this company yet, so no incident in our data as of Jul 1, 2026 is not an all-clear."),
        "{html}"
    );
}

#[test]
fn until_the_long_texts_arrive_cards_and_pages_say_they_are_loading() {
    use exposure_check::route::Route;
    use exposure_core::bundled as b;
    fn split_engine() -> exposure_check::SharedEngine {
        let (first, _) = exposure_core::dataset::split(b::INCIDENTS_JSON).unwrap();
        let ds = exposure_core::DataSet::from_json(b::TAXONOMY_JSON, b::ORGANIZATIONS_JSON, &first)
            .unwrap();
        exposure_check::SharedEngine::new(std::rc::Rc::new(Engine::new(ds)))
    }
    let card = render(move || AppProps {
        initial: Some(progress(&["AT&T"], &[])),
        engine: Some(split_engine()),
        ..Default::default()
    });
    assert_eq!(
        count(&card, "data-testid=\"incident-card\""),
        3,
        "the answer is all there"
    );
    assert_eq!(count(&card, "data-testid=\"details-loading\""), 3);
    assert_eq!(count(&card, "class=\"sources\""), 0, "no empty source list");
    let page = render(move || AppProps {
        route: Some(Route::Incident("infosys-mccamish-2023".into())),
        engine: Some(split_engine()),
        ..Default::default()
    });
    assert!(page.contains("57,028"), "the facts are there");
    assert_eq!(count(&page, "data-testid=\"details-loading\""), 1);
    let whole = render(move || AppProps {
        initial: Some(progress(&["AT&T"], &[])),
        ..Default::default()
    });
    assert_eq!(count(&whole, "data-testid=\"details-loading\""), 0);
    assert_eq!(count(&whole, "class=\"sources\""), 3);
}

/// Each company chip's editor says current or former (`company-tenure`),
/// asks an end year only when the relationship is not said to go on, and
/// its summary says it plainly, in both languages.
#[test]
fn a_chip_says_current_or_former_and_asks_an_end_year_only_when_it_ended() {
    use exposure_core::{Period, Tenure};
    let engine = Engine::bundled().unwrap();
    let with = |name: &str, from, until, tenure| CompanyQuery {
        period: Period {
            from,
            until,
            tenure,
        },
        ..engine.query(name, Period::default())
    };
    let companies = vec![
        // An end year given with "still a customer" is not read.
        with("AT&T", Some(2015), Some(2016), Some(Tenure::Current)),
        with("Verizon", Some(2010), Some(2016), Some(Tenure::Former)),
        with("T-Mobile", Some(2015), None, None),
        with("Bank of America", None, None, Some(Tenure::Former)),
        with("Ticketmaster", None, Some(2019), None),
    ];
    // (org, summary in English, in Chinese, option selected, end year asked)
    let table = [
        ("att", "2015–now", "2015–至今", "current", false),
        ("verizon", "2010–2016", "2010–2016", "former", true),
        ("t-mobile", "from 2015", "2015年起", "", true),
        (
            "bank-of-america",
            "former customer",
            "以前是客户",
            "former",
            true,
        ),
        ("ticketmaster", "until 2019", "至2019年", "former", true),
    ];
    for lang in [Lang::En, Lang::Zh] {
        let progress = Progress {
            companies: companies.clone(),
            ..Default::default()
        };
        let html = render(move || AppProps {
            initial: Some(progress),
            lang: Some(lang),
            ..Default::default()
        });
        for (org, en, zh, selected, asks_until) in table {
            let at = html
                .find(&format!(
                    "data-testid=\"company-chip\" data-org-id=\"{org}\""
                ))
                .unwrap_or_else(|| panic!("{org}'s chip"));
            let chip = &html[at..at + html[at..].find("</li>").unwrap()];
            let summary = if lang == Lang::En { en } else { zh };
            assert!(
                chip.contains(&format!(
                    "data-testid=\"company-period\">{summary}</summary>"
                )),
                "{lang:?} {org}: {chip}"
            );
            assert!(chip.contains("data-testid=\"company-tenure\""), "{org}");
            let tenure = &chip[chip.find("data-testid=\"company-tenure\"").unwrap()..];
            let tenure = &tenure[..tenure.find("</select>").unwrap()];
            assert!(
                tenure.contains(&format!("<option value=\"{selected}\" selected")),
                "{lang:?} {org}: {tenure}"
            );
            assert_eq!(
                chip.contains("data-testid=\"period-until\""),
                asks_until,
                "{lang:?} {org}"
            );
        }
        let labels = if lang == Lang::En {
            ["current customer", "former customer", "not sure"]
        } else {
            ["仍是客户", "以前是客户", "不确定"]
        };
        for l in labels {
            assert!(html.contains(&format!("{l}</option>")), "{lang:?} {l}");
        }
    }
}

/// What every step would repeat is said once for the whole plan: the date
/// its facts and links were checked.
#[test]
fn the_plan_says_its_boilerplate_once() {
    let household: Vec<&str> = include_str!("fixtures/household.txt")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    for (lang, words) in [
        (Lang::En, "Facts and links checked"),
        (Lang::Zh, "事实与链接核对于"),
    ] {
        let names = household.clone();
        let html = render(move || AppProps {
            initial: Some(progress(&names, &[])),
            lang: Some(lang),
            ..Default::default()
        });
        assert!(html.matches("data-testid=\"action-item\"").count() > 5);
        assert_eq!(html.matches(words).count(), 1, "{lang:?}");
    }
}

/// Sources in the reader's language first, each named once (no "The Hindu
/// BusinessLine — The Hindu BusinessLine").
#[test]
fn sources_come_in_the_readers_language_first_and_are_named_once() {
    use exposure_check::route::Route;
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for (lang, want_chinese) in [(Lang::En, false), (Lang::Zh, true)] {
        let html = render(move || AppProps {
            lang: Some(lang),
            route: Some(Route::Incident("att-vendor-2023".into())),
            ..Default::default()
        });
        let marker = "rel=\"noopener noreferrer\" target=\"_blank\">";
        let labels: Vec<&str> = html
            .split(marker)
            .skip(1)
            .map(|rest| &rest[..rest.find("</a>").unwrap_or(0)])
            .collect();
        assert!(labels.len() >= 4, "{labels:?}");
        assert_eq!(cjk(labels[0]), want_chinese, "{lang:?}: {labels:?}");
        for rest in html.split(marker).skip(1) {
            let label = &rest[..rest.find("</a>").unwrap_or(0)];
            let after = &rest[rest.find("</a>").unwrap_or(0) + 4..];
            let after = &after[..after.find("</li>").unwrap_or(0)];
            assert!(
                !after.starts_with(&format!(" — {label},")),
                "{label} named twice"
            );
        }
    }
}
