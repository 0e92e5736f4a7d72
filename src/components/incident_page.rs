//! One incident on its own page: facts, timeline, affected clients (linking
//! to the incidents that involve them), data types, offers, settlements, sources.

use exposure_core::browse::{self, IncidentFilter};
use exposure_core::plan::group_thousands;
use exposure_core::PartialDate;
use yew::prelude::*;

use crate::i18n::{tr, Lang, Text};
use crate::route::Route;
use crate::SharedEngine;

#[derive(Properties, PartialEq)]
pub struct IncidentPageProps {
    pub engine: SharedEngine,
    pub id: String,
    pub lang: Lang,
    pub today: Option<PartialDate>,
}

#[function_component(IncidentPage)]
pub fn incident_page(props: &IncidentPageProps) -> Html {
    let lang = props.lang;
    let ds = &props.engine.data;
    let back = html! {
        <p><a href={Route::Incidents(IncidentFilter::default()).href()}>{ format!("← {}", tr(lang, Text::BackToList)) }</a></p>
    };
    let Some(inc) = ds.incident(&props.id) else {
        return html! {
            <section class="panel" data-testid="incident-page">
                { back }
                <p class="empty" data-testid="error-message" role="alert">{ tr(lang, Text::NoSuchIncident) }</p>
            </section>
        };
    };
    let past = |d: PartialDate| props.today.is_some_and(|t| d.is_past(&t));
    let org_link = |id: &str| {
        let route = Route::Incidents(IncidentFilter {
            org: Some(id.to_string()),
            ..Default::default()
        });
        html! { <a href={route.href()} data-org-id={id.to_string()}>{ ds.org_name(id) }</a> }
    };
    let timeline = browse::timeline(inc).into_iter().map(|e| {
        html! { <li><time datetime={e.date.to_string()}>{ e.date.human() }</time>{ format!(" — {}", e.what) }</li> }
    });
    let types = inc.data_types.iter().map(|t| {
        let def = ds.data_type(t);
        html! {
            <li>
                <strong>{ ds.type_name(t) }</strong>
                if let Some(d) = def { { format!(" — {}", d.harm) } }
            </li>
        }
    });
    let clients = inc.affected_clients.iter().map(|c| {
        html! {
            <tr>
                <td>{ org_link(&c.org) }</td>
                <td class="num">{ c.affected.map(group_thousands).unwrap_or_default() }</td>
                <td>{ c.confirmed_by.label() }</td>
                <td>{ c.note.clone().unwrap_or_default() }</td>
            </tr>
        }
    });
    let remedies = inc.remedies.iter().map(|r| {
        let mut text = format!(
            "{}{}{}",
            r.months
                .map(|m| format!("{m} months of "))
                .unwrap_or_default(),
            match r.kind {
                exposure_core::model::RemedyKind::CreditMonitoring => "credit monitoring",
                exposure_core::model::RemedyKind::IdentityMonitoring => "identity monitoring",
            },
            r.provider
                .as_ref()
                .map(|p| format!(" ({p})"))
                .unwrap_or_default(),
        );
        if let Some(d) = r.enroll_by {
            text.push_str(&format!("; enrol by {}", d.human()));
            if past(d) {
                text.push_str(&format!(" ({})", tr(lang, Text::Expired)));
            }
        }
        html! { <li>{ text }if let Some(h) = &r.how { { format!(". {h}") } }</li> }
    });
    let settlements = inc.settlements.iter().map(|s| {
        let amount = s
            .amount_usd
            .map(|a| format!(" — USD {}", group_thousands(a)))
            .unwrap_or_default();
        let deadline = s.claim_deadline.map(|d| {
            let expired = if past(d) {
                format!(" ({})", tr(lang, Text::Expired))
            } else {
                String::new()
            };
            format!("; claim by {}{expired}", d.human())
        });
        html! {
            <li>
                if let Some(u) = &s.url {
                    <a href={u.clone()} rel="noopener noreferrer" target="_blank">{ &s.name }</a>
                } else {
                    { &s.name }
                }
                { amount }{ deadline.unwrap_or_default() }
                if let Some(n) = &s.note { <br/><span class="hint">{ n }</span> }
            </li>
        }
    });
    let sources = inc.sources.iter().map(|s| {
        html! {
            <li>
                <a href={s.url.clone()} rel="noopener noreferrer" target="_blank">{ s.title.clone().unwrap_or_else(|| s.publisher.clone()) }</a>
                { format!(" — {}, {}", s.publisher, s.date.human()) }
            </li>
        }
    });
    html! {
        <article class="panel incident-page" data-testid="incident-page" data-incident-id={inc.id.clone()}>
            { back }
            <h2>{ &inc.title }</h2>
            <p class="summary">{ &inc.summary }</p>
            <dl class="facts">
                <dt>{ tr(lang, Text::BreachedOrg) }</dt><dd>{ org_link(&inc.breached_org) }</dd>
                if let Some(p) = &inc.platform { <dt>{ tr(lang, Text::Platform) }</dt><dd>{ org_link(p) }</dd> }
                <dt>{ tr(lang, Text::Kind) }</dt><dd>{ inc.kind.label() }</dd>
                if let Some(a) = &inc.actor { <dt>{ tr(lang, Text::Actor) }</dt><dd>{ a }</dd> }
                if let Some(n) = inc.affected {
                    <dt>{ tr(lang, Text::PeopleAffected) }</dt>
                    <dd>{ group_thousands(n) }if inc.affected_unconfirmed { { format!(" ({})", tr(lang, Text::Unconfirmed)) } }</dd>
                }
                <dt>{ tr(lang, Text::WhoWasAffected) }</dt><dd>{ &inc.cohort.text }</dd>
            </dl>
            <h3>{ tr(lang, Text::Timeline) }</h3>
            <ol class="timeline">{ for timeline }</ol>
            if !inc.affected_clients.is_empty() {
                <h3>{ tr(lang, Text::AffectedClients) }</h3>
                <div class="table-wrap">
                    <table class="clients">
                        <thead><tr>
                            <th scope="col">{ tr(lang, Text::Client) }</th>
                            <th scope="col">{ tr(lang, Text::PeopleAffected) }</th>
                            <th scope="col">{ tr(lang, Text::ConfirmedBy) }</th>
                            <th scope="col">{ tr(lang, Text::Note) }</th>
                        </tr></thead>
                        <tbody>{ for clients }</tbody>
                    </table>
                </div>
            }
            <h3>{ tr(lang, Text::DataExposed) }</h3>
            <ul class="type-list">{ for types }</ul>
            if !inc.remedies.is_empty() {
                <h3>{ tr(lang, Text::Offered) }</h3>
                <ul>{ for remedies }</ul>
            }
            if !inc.settlements.is_empty() {
                <h3>{ tr(lang, Text::Settlements) }</h3>
                <ul>{ for settlements }</ul>
            }
            <h3>{ tr(lang, Text::Sources) }</h3>
            <ul class="source-list">{ for sources }</ul>
        </article>
    }
}
