//! The matched incidents, grouped by the company they came through; matches
//! that are unlikely for the years given are shown collapsed.

use exposure_core::export::Seen;
use exposure_core::{Confidence, Report};
use yew::prelude::*;

use crate::components::incident_card::IncidentCard;
use crate::components::new_since::fresh_ids;
use crate::components::nodes;
use crate::components::notice_card::NoticeCard;
use crate::context::{use_engine, use_lang};
use crate::i18n::{no_incident_as_of, register_name, tr, Text};

/// From this many companies with incidents, each shows its first.
const MANY_COMPANIES: usize = 5;

#[derive(Properties, PartialEq)]
pub struct IncidentListProps {
    pub report: Report,
    /// What the last visit showed: cards it did not show are marked new.
    #[prop_or_default]
    pub seen: Option<Seen>,
}

#[function_component(IncidentList)]
pub fn incident_list(props: &IncidentListProps) -> Html {
    let lang = use_lang();
    let Some(engine) = use_engine() else {
        return Html::default();
    };
    let fresh = fresh_ids(&engine.data, &props.report, props.seen.as_ref());
    let card = |m: &exposure_core::Match| {
        let new_since = fresh
            .as_ref()
            .filter(|(_, ids)| ids.contains(&m.incident_id))
            .map(|(then, _)| *then);
        if engine.data.notice_of(&m.incident_id).is_some() {
            return html! {
                <NoticeCard key={format!("{}:{}", m.org_id, m.incident_id)}
                    m={m.clone()} {new_since} />
            };
        }
        html! {
            <IncidentCard key={format!("{}:{}", m.org_id, m.incident_id)}
                m={m.clone()} {new_since} />
        }
    };
    let ds = &engine.data;
    // A company's register notices wait behind one line ("12 more reported
    // breaches filed by …"): a health system files one for each hospital,
    // and the answer must stay short.
    let mut live: Vec<Html> = Vec::new();
    let mut held: Vec<Html> = Vec::new();
    let mut shown = 0;
    // A company with curated incidents shows them, its notices behind the
    // line; one known only from registers shows its first two.
    let curated_for = |org: &str| {
        props
            .report
            .live_matches()
            .any(|m| m.org_id == org && ds.notice_of(&m.incident_id).is_none())
    };
    let mut inline = 2;
    let mut current: Option<&str> = None;
    // With many companies hit, each shows its first (surest) incident and
    // the rest behind one line, so the whole answer stays short.
    let hit: std::collections::BTreeSet<&str> = props
        .report
        .live_matches()
        .map(|m| m.org_id.as_str())
        .collect();
    let one_each = hit.len() >= MANY_COMPANIES;
    let mut cards_shown = 0;
    let mut held_incidents: Vec<Html> = Vec::new();
    let flush = |held: &mut Vec<Html>,
                 held_incidents: &mut Vec<Html>,
                 live: &mut Vec<Html>,
                 org: Option<&str>| {
        let name = org.map_or("", |o| exposure_words::org_name(ds, o, lang));
        if !held_incidents.is_empty() {
            let cards = std::mem::take(held_incidents);
            live.push(html! {
                <details class="more-notices more-incidents" key={format!("more-incidents:{}", org.unwrap_or(""))}
                    data-testid="more-incidents" data-keep={format!("more-incidents:{}", org.unwrap_or(""))}>
                    <summary>{ format!("{} {} {name}", cards.len(), tr(lang, Text::MoreIncidents)) }</summary>
                    { cards }
                </details>
            });
        }
        if held.is_empty() {
            return;
        }
        let cards = std::mem::take(held);
        live.push(html! {
            <details class="more-notices" key={format!("more:{}", org.unwrap_or(""))} data-keep={format!("more:{}", org.unwrap_or(""))}>
                <summary>{ format!("{} {} {name}", cards.len(), tr(lang, Text::MoreNotices)) }</summary>
                { cards }
            </details>
        });
    };
    for m in props.report.live_matches() {
        if current != Some(m.org_id.as_str()) {
            flush(&mut held, &mut held_incidents, &mut live, current);
            current = Some(m.org_id.as_str());
            shown = 0;
            cards_shown = 0;
            inline = if curated_for(&m.org_id) { 0 } else { 2 };
        }
        if ds.notice_of(&m.incident_id).is_some() {
            shown += 1;
            if shown > inline {
                held.push(card(m));
                continue;
            }
        } else {
            cards_shown += 1;
            if one_each && cards_shown > 1 {
                held_incidents.push(card(m));
                continue;
            }
        }
        live.push(card(m));
    }
    flush(&mut held, &mut held_incidents, &mut live, current);
    let as_of = ds.info().as_of;
    let as_of_text = as_of.map(|d| lang.date(d)).unwrap_or_default();
    // Each company no incident reached, and what that silence means: known
    // to the data and quiet as of its date, or not in the data at all.
    let mut quiet_seen = std::collections::BTreeSet::new();
    let quiet = props
        .report
        .companies
        .iter()
        .filter(|c| {
            let key = c.org_id.clone().unwrap_or_else(|| c.input.clone());
            quiet_seen.insert(key)
                && !props
                    .report
                    .live_matches()
                    .any(|m| Some(&m.org_id) == c.org_id.as_ref())
        })
        .map(|c| {
            let org = c.org_id.as_deref().and_then(|id| ds.org(id));
            let (name, status, text) = match org {
                Some(o) => (
                    exposure_words::org_name(ds, &o.id, lang).to_string(),
                    "no-known-incident",
                    no_incident_as_of(lang, &as_of_text),
                ),
                None if engine.names_pending() => (
                    c.input.clone(),
                    "checking",
                    tr(lang, Text::StillChecking).to_string(),
                ),
                None => (
                    c.input.clone(),
                    "not-in-data",
                    tr(lang, Text::NotInOurData).to_string(),
                ),
            };
            html! {
                <li key={format!("{status}:{name}")} data-testid="company-status"
                    data-org-id={c.org_id.clone().unwrap_or_default()} data-status={status}>
                    <strong>{ name }</strong>{ lang.pick(": ", "：") }{ text }
                </li>
            }
        })
        .collect::<Vec<Html>>();
    let all_known = props.report.companies.iter().all(|c| c.org_id.is_some());
    let quiet = if quiet.is_empty() {
        html! {}
    } else {
        html! { <ul class="quiet-companies">{ nodes(quiet) }</ul> }
    };
    // Each register's date too: a company's silence says nothing of later
    // filings.
    let registers = ds
        .notices()
        .registers
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                register_name(lang, &r.id, &r.name),
                lang.pick("to", "截至"),
                lang.date(r.covered_to)
            )
        })
        .collect::<Vec<_>>();
    let as_of_line = match as_of {
        Some(d) => html! {
            <p class="as-of" data-testid="data-as-of" data-date={d.to_string()}>
                { format!("{} {as_of_text}", tr(lang, Text::DataAsOf)) }
                if !registers.is_empty() {
                    <span data-testid="registers-as-of">
                        { format!("{}{}{}", lang.pick(". ", "。"), tr(lang, Text::RegistersCovered), lang.pick(": ", "：")) }
                        { registers.join(lang.pick("; ", "；")) }
                    </span>
                }
            </p>
        },
        None => html! {},
    };
    let unlikely: Vec<Html> = props
        .report
        .matches
        .iter()
        .filter(|m| m.confidence == Confidence::Unlikely)
        .map(card)
        .collect();
    html! {
        <section class="panel" aria-labelledby="incidents-heading">
            <h2 id="incidents-heading">{ tr(lang, Text::IncidentsHeading) }</h2>
            { as_of_line }
            if live.is_empty() && all_known {
                <p class="empty">{ tr(lang, Text::NoIncidents) }</p>
            } else {
                <div class="incidents">{ live }</div>
            }
            { quiet }
            if !unlikely.is_empty() {
                <details class="unlikely" data-keep="unlikely">
                    <summary>{ format!("{} ({})", tr(lang, Text::UnlikelyHeading), unlikely.len()) }</summary>
                    <div class="incidents">{ unlikely }</div>
                </details>
            }
        </section>
    }
}
