//! Every visible string is in the chosen language: rendered views (server
//! side) are cut into their text and the attributes people read (labels,
//! placeholders), and each piece is checked. In Chinese, a piece without a
//! Chinese character must be a name (of a company, person, product or cited
//! source), a number, a web address, or marked `lang="en"` (data that has no
//! translation); on every curated incident's page nothing is exempt for
//! that mark (`every_incident_page_reads_in_chinese`).
//! In English, no Chinese may appear except the language switch's own label.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use exposure_check::i18n::Lang;
use exposure_check::route::Route;
mod common;

use common::{render, render_as_given};
use exposure_check::AppProps;
use exposure_core::browse::IncidentFilter;
use exposure_core::export::Progress;
use exposure_core::{CompanyQuery, Engine, PartialDate};

const FOUNDING_COMPANIES: &[&str] = &["AT&T", "Bank of America", "Ticketmaster", "QuoteWizard"];

fn founding_progress(engine: &Engine) -> Progress {
    Progress {
        companies: FOUNDING_COMPANIES
            .iter()
            .map(|n| CompanyQuery {
                input: n.to_string(),
                org_id: engine.resolve(n).map(|m| m.org_id),
                period: Default::default(),
                ..Default::default()
            })
            .collect(),
        done: ["credit_freeze".to_string()].into_iter().collect(),
        ..Default::default()
    }
}

/// The views a person sees, in one language.
/// The household list of the layout tests (tests/fixtures/household.txt).
fn household_progress() -> Progress {
    let engine = Engine::bundled().unwrap();
    Progress {
        companies: include_str!("fixtures/household.txt")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|n| CompanyQuery {
                input: n.to_string(),
                org_id: engine.resolve(n).map(|m| m.org_id),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

fn views(lang: Lang) -> Vec<(String, String)> {
    let engine = Engine::bundled().unwrap();
    let today = Some(PartialDate::ymd(2026, 11, 22));
    let mut out = vec![
        (
            "empty page".to_string(),
            render(move || AppProps {
                lang: Some(lang),
                today,
                ..Default::default()
            }),
        ),
        (
            "check with the founding companies".to_string(),
            render(move || AppProps {
                initial: Some(founding_progress(&engine)),
                lang: Some(lang),
                today,
                ..Default::default()
            }),
        ),
        (
            "page while the data set downloads".to_string(),
            render_as_given(move || AppProps {
                lang: Some(lang),
                today,
                ..Default::default()
            }),
        ),
        (
            "check with the household list".to_string(),
            render(move || AppProps {
                initial: Some(household_progress()),
                lang: Some(lang),
                today,
                ..Default::default()
            }),
        ),
        (
            "incident browser".to_string(),
            render(move || AppProps {
                lang: Some(lang),
                today,
                route: Some(Route::Incidents(IncidentFilter::default())),
                ..Default::default()
            }),
        ),
    ];
    for id in [
        "infosys-mccamish-2023",
        "att-vendor-2023",
        "att-snowflake-2024",
        "att-data-leak-2024",
        "ticketmaster-snowflake-2024",
        "lendingtree-quotewizard-snowflake-2024",
    ] {
        out.push((
            format!("incident page {id}"),
            render(move || AppProps {
                lang: Some(lang),
                today,
                route: Some(Route::Incident(id.into())),
                ..Default::default()
            }),
        ));
    }
    out
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The visible pieces of text of an HTML string: text between tags (except
/// inside an element marked `lang="en"`) and the values of attributes a
/// person reads.
fn pieces(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut english_depth: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        if english_depth.is_empty() && !text.trim().is_empty() {
            out.push(decode(text.trim()));
        }
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if tag.starts_with('/') {
            if english_depth.last() == Some(&name) {
                english_depth.pop();
            }
            continue;
        }
        if tag.contains("lang=\"en\"") && !tag.ends_with('/') {
            english_depth.push(name.clone());
            continue;
        }
        if !english_depth.is_empty() {
            continue;
        }
        for attr in ["aria-label", "placeholder", "title", "alt"] {
            let key = format!(" {attr}=\"");
            if let Some(i) = tag.find(&key) {
                let v = &tag[i + key.len()..];
                if let Some(end) = v.find('"') {
                    if !v[..end].trim().is_empty() {
                        out.push(decode(&v[..end]));
                    }
                }
            }
        }
    }
    out
}

fn has_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c))
}

/// Names and cited titles that stay as they are in any language.
fn names() -> BTreeSet<String> {
    let ds = Engine::bundled().unwrap().data;
    let mut n: BTreeSet<String> = BTreeSet::new();
    for o in ds.organizations() {
        n.insert(o.name.clone());
        n.extend(o.aliases.iter().map(|a| a.name.clone()));
    }
    let texts = exposure_core::bundled::translations().unwrap();
    let zh = ds.texts(exposure_core::Locale::new(Lang::Zh, Some(&texts)));
    for i in ds.incidents() {
        // Who did it, in Chinese: only group names and code names may stay
        // Latin ("Clop（CL0P）"); a phrase about them must be Chinese.
        let names_only = |a: &&str| !a.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        n.extend(zh.actor(i).filter(names_only).map(str::to_string));
        for s in &i.sources {
            n.insert(s.publisher.to_string());
            n.extend(s.title.clone());
        }
    }
    for a in &ds.taxonomy().actions {
        for (i, l) in a.links.iter().enumerate() {
            // Link labels that are a site's own name (IdentityTheft.gov).
            if zh.action_link_label(a, i) == Some(l.label.as_str()) {
                n.insert(l.label.clone());
            }
        }
    }
    // Register notices: names exactly as filed, and states.
    for x in &ds.notices().notices {
        n.insert(x.name.clone());
        n.extend(x.state.clone());
    }
    n.insert("English".into());
    // Names of file formats on the export buttons.
    n.extend(["Markdown".to_string(), "JSON".to_string()]);
    n.insert("Exposure Check".into());
    n
}

/// Strips what any language shares: digits, punctuation, separators.
fn core_of(s: &str) -> String {
    s.trim_matches(|c: char| !c.is_alphanumeric())
        .trim()
        .to_string()
}

fn is_name_or_neutral(piece: &str, names: &BTreeSet<String>) -> bool {
    let core = core_of(piece);
    if core.is_empty() || !core.chars().any(|c| c.is_ascii_alphabetic()) {
        return true; // numbers, dates, punctuation
    }
    if names.contains(piece) || names.contains(&core) {
        return true;
    }
    // "Name — Publisher, date" and "A · B" lines made of names.
    let parts: Vec<&str> = piece
        .split([',', '·', '—', '(', ')', '→'])
        .map(str::trim)
        .filter(|p| !core_of(p).is_empty())
        .collect();
    if parts.len() > 1 && parts.iter().all(|p| is_name_or_neutral(p, names)) {
        return true;
    }
    // Web addresses and ids.
    core.starts_with("http")
        || core.contains(".com")
        || core.contains(".gov")
        || !core.contains(' ') && core.contains('-')
}

/// An English phrase inside a Chinese sentence ("AT&T是an unnamed marketing
/// and billing vendor的客户"): a run of Latin words with two or more plain
/// lower-case words that is no part of a name.
fn english_inside(piece: &str, names: &BTreeSet<String>) -> Option<String> {
    if !has_cjk(piece) {
        return None;
    }
    piece
        .split(|c: char| !(c.is_ascii_alphanumeric() || " &'.-/".contains(c)))
        .map(str::trim)
        .find(|run| {
            // A term glossed in brackets: "银行识别码（routing number）".
            let glossed =
                piece.contains(&format!("（{run}）")) && run.split_whitespace().count() <= 3;
            let plain = run
                .split_whitespace()
                .filter(|w| w.len() >= 4 && w.chars().all(|c| c.is_ascii_lowercase()))
                .count();
            plain >= 2 && !glossed && !names.iter().any(|n| n.contains(run))
        })
        .map(str::to_string)
}

#[test]
fn chinese_views_have_no_english_left() {
    let names = names();
    let mut bad: Vec<String> = Vec::new();
    let mut checked = 0;
    for (view, html) in views(Lang::Zh) {
        for p in pieces(&html) {
            checked += 1;
            if !has_cjk(&p) && !is_name_or_neutral(&p, &names) {
                bad.push(format!("{view}: {p:?}"));
            }
            if let Some(run) = english_inside(&p, &names) {
                bad.push(format!("{view}: {run:?} in {p:?}"));
            }
        }
    }
    assert!(checked > 500, "only {checked} pieces of text checked");
    assert!(
        bad.is_empty(),
        "{} untranslated:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// In English, Chinese may appear only in the language switch's label and
/// in the titles and publishers of cited Chinese sources.
fn english_ok(p: &str, names: &BTreeSet<String>) -> bool {
    !has_cjk(p)
        || p == "简体中文"
        || names.contains(p)
        || p.split([',', '—', '(', ')'])
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .all(|x| names.contains(x) || !has_cjk(x) || x.starts_with("from "))
}

#[test]
fn english_views_have_no_chinese() {
    let names = names();
    let mut bad: Vec<String> = Vec::new();
    for (view, html) in views(Lang::En) {
        for p in pieces(&html) {
            if !english_ok(&p, &names) {
                bad.push(format!("{view}: {p:?}"));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} pieces in Chinese:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn the_checker_finds_english_in_a_chinese_view() {
    let names = names();
    let html = "<p>数据</p><p>Freeze your credit</p><p lang=\"en\">kept on purpose</p><span aria-label=\"Close\">×</span>";
    let found: Vec<String> = pieces(html)
        .into_iter()
        .filter(|p| !has_cjk(p) && !is_name_or_neutral(p, &names))
        .collect();
    assert_eq!(found, ["Freeze your credit", "Close"]);
    assert_eq!(
        english_inside("AT&T是a vendor nobody has named的客户", &names).as_deref(),
        Some("a vendor nobody has named")
    );
    assert_eq!(
        english_inside("美国银行是Infosys McCamish Systems的客户", &names),
        None
    );
    // A term glossed in brackets is not a sentence left in English.
    assert_eq!(english_inside("银行识别码（routing number）", &names), None);
    let html = "<p>Freeze</p><p>冻结信用</p><p>简体中文</p>";
    let found: Vec<String> = pieces(html)
        .into_iter()
        .filter(|p| !english_ok(p, &names))
        .collect();
    assert_eq!(found, ["冻结信用"]);
}

/// index.html's static company box (the shell, shown until the app starts)
/// says what the app says, in both languages: each `data-text="Key"` element
/// holds `tr(En, Key)` then `tr(Zh, Key)`.
#[test]
fn the_static_shell_says_what_the_app_says() {
    use exposure_check::i18n::{tr, Text};
    let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html"))
        .expect("index.html");
    let unescape = |s: &str| {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    };
    let span = |rest: &str, lang: &str| -> String {
        let open = format!("<span lang=\"{lang}\">");
        let from = rest.find(&open).map(|i| i + open.len()).expect("span");
        unescape(&rest[from..from + rest[from..].find("</span>").expect("span ends")])
    };
    let mut seen = BTreeSet::new();
    for (at, _) in html.match_indices("data-text=\"") {
        let rest = &html[at + "data-text=\"".len()..];
        let key = &rest[..rest.find('"').expect("key ends")];
        let text = Text::ALL
            .iter()
            .copied()
            .find(|t| format!("{t:?}") == key)
            .unwrap_or_else(|| panic!("{key} is no interface text"));
        assert_eq!(span(rest, "en"), tr(Lang::En, text), "{key} in English");
        assert_eq!(
            span(rest, "zh-Hans"),
            tr(Lang::Zh, text),
            "{key} in Chinese"
        );
        seen.insert(key.to_string());
    }
    for key in [
        "AppName",
        "CompaniesHeading",
        "InputLabel",
        "Add",
        "LoadingData",
    ] {
        assert!(seen.contains(key), "the shell shows {key}");
    }
}

/// boot.js gives the static shell the saved language: it reads the key the
/// app saves it under.
#[test]
fn the_shell_reads_the_saved_language_where_the_app_saves_it() {
    let boot = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/boot.js"))
        .expect("static/boot.js");
    let key = format!("'{}'", exposure_check::storage::LANG_KEY);
    assert!(boot.contains(&key), "boot.js reads {key}");
    // Its language chooser offers, and so saves, the codes the app reads.
    let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html"))
        .expect("index.html");
    for lang in [Lang::En, Lang::Zh] {
        let option = format!("<option value=\"{}\">", lang.code());
        assert!(html.contains(&option), "the shell offers {option}");
        assert!(
            boot.contains(&format!("'{}'", lang.code())),
            "boot.js knows {}",
            lang.code()
        );
    }
}

/// Every curated incident's page in Chinese: its title, summary, cohort,
/// clients' notes, offers, settlements, timeline and source labels. Nothing
/// is exempt for being marked English: a piece without a Chinese character
/// must be a name, a cited title, a number or an address.
#[test]
fn every_incident_page_reads_in_chinese() {
    let names = names();
    let ds = Engine::bundled().unwrap().data;
    let today = Some(PartialDate::ymd(2026, 11, 22));
    let ids: Vec<String> = ds
        .curated_incidents()
        .iter()
        .map(|i| i.id.clone())
        .collect();
    let mut bad: Vec<String> = Vec::new();
    let mut checked = 0;
    for id in &ids {
        let route = Route::Incident(id.clone());
        let html = render(move || AppProps {
            lang: Some(Lang::Zh),
            today,
            route: Some(route),
            ..Default::default()
        });
        for p in pieces(&html.replace(" lang=\"en\"", "")) {
            checked += 1;
            if !has_cjk(&p) && !is_name_or_neutral(&p, &names) {
                bad.push(format!("{id}: {p:?}"));
            }
            if let Some(run) = english_inside(&p, &names) {
                bad.push(format!("{id}: {run:?} in {p:?}"));
            }
        }
    }
    assert!(
        ids.len() > 600 && checked > 10 * ids.len(),
        "{} pages, {checked} pieces",
        ids.len()
    );
    assert!(
        bad.is_empty(),
        "{} pieces not in Chinese on {} incident pages:\n{}",
        bad.len(),
        ids.len(),
        bad.iter().take(80).cloned().collect::<Vec<_>>().join("\n")
    );
}
