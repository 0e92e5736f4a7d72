//! One incident on its own page: facts, timeline, affected clients (linking
//! to the incidents that involve them), data types, offers, settlements, sources.

use exposure_core::browse::{self, IncidentFilter};
use exposure_core::plan::group_thousands;
use exposure_core::PartialDate;
use yew::prelude::*;

use crate::components::nodes;
use crate::context::use_view;
use crate::i18n::{summary_lang, tr, Lang, Text};
use crate::route::Route;
use exposure_words::incident_title;

#[derive(Properties, PartialEq)]
pub struct IncidentPageProps {
    pub id: String,
    pub today: Option<PartialDate>,
}

#[function_component(IncidentPage)]
pub fn incident_page(props: &IncidentPageProps) -> Html {
    let Some(view) = use_view() else {
        return Html::default();
    };
    let (ds, lang, t) = (view.ds(), view.lang(), view.texts());
    let zh = lang == Lang::Zh;
    let back = html! {
        <p class="back-links">
            <a href={Route::Check.href()} data-testid="back-to-results">{ format!("← {}", tr(lang, Text::BackToResults)) }</a>
            <a href={Route::Incidents(IncidentFilter::default()).href()}>{ tr(lang, Text::BackToList) }</a>
        </p>
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
        html! { <a href={route.href()} data-org-id={id.to_string()}>{ exposure_words::org_name(ds, id, lang) }</a> }
    };
    let timeline = browse::timeline_in(t, inc).into_iter().map(|e| {
        html! { <li><time datetime={e.date.to_string()}>{ t.date(e.date) }</time>{ format!(" — {}", e.what) }</li> }
    });
    let types = inc.data_types.iter().map(|ty| {
        html! {
            <li>
                <strong>{ t.type_name(ty) }</strong>
                if let Some(h) = t.type_harm(ty) { { format!(" — {h}") } }
            </li>
        }
    });
    let clients = inc.more().affected_clients.iter().map(|c| {
        html! {
            <tr>
                <td>{ org_link(&c.org) }</td>
                <td class="num">{ c.affected.map(group_thousands).unwrap_or_default() }</td>
                <td>{ exposure_words::confirmation_label(lang, c.confirmed_by) }</td>
                <td lang={summary_lang(lang, t.client_note(inc, &c.org) == c.note.as_deref())}>{ t.client_note(inc, &c.org).unwrap_or_default() }</td>
            </tr>
        }
    });
    let remedies = inc.more().remedies.iter().enumerate().map(|(i, r)| {
        let what = exposure_words::remedy_label(lang, r.kind);
        let months = r
            .months
            .map(|m| {
                if zh {
                    format!("{m}个月的")
                } else {
                    format!("{m} months of ")
                }
            })
            .unwrap_or_default();
        let provider = r
            .provider
            .as_ref()
            .map(|p| if zh { format!("（{p}）") } else { format!(" ({p})") })
            .unwrap_or_default();
        let mut text = format!("{months}{what}{provider}");
        if let Some(d) = r.enroll_by {
            text.push_str(&if zh {
                format!("；登记截止 {}", t.date(d))
            } else {
                format!("; enrol by {}", d.human())
            });
            if past(d) {
                text.push_str(&format!(" ({})", tr(lang, Text::Expired)));
            }
        }
        let how = t.remedy_how(inc, i);
        html! { <li>{ text }if let Some(h) = how { { format!("{}{h}", lang.pick(". ", "。")) } }</li> }
    });
    let settlements = inc.more().settlements.iter().enumerate().map(|(i, s)| {
        let amount = s
            .amount_usd
            .map(|a| {
                if zh {
                    format!(" — {}美元", group_thousands(a))
                } else {
                    format!(" — USD {}", group_thousands(a))
                }
            })
            .unwrap_or_default();
        let deadline = s.claim_deadline.map(|d| {
            let expired = if past(d) {
                format!(" ({})", tr(lang, Text::Expired))
            } else {
                String::new()
            };
            if zh {
                format!("；申请截止 {}{expired}", t.date(d))
            } else {
                format!("; claim by {}{expired}", d.human())
            }
        });
        let name = t.settlement_name(inc, i);
        html! {
            <li>
                if let Some(u) = &s.url {
                    <a href={u.clone()} rel="noopener noreferrer" target="_blank">{ name }</a>
                } else {
                    { name }
                }
                { amount }{ deadline.unwrap_or_default() }
                if let Some(n) = t.settlement_note(inc, i) {
                    <br/><span class="hint" lang={summary_lang(lang, Some(n) == s.note.as_deref())}>{ n }</span>
                }
            </li>
        }
    });
    let sources = crate::components::incident_card::source_items(inc, lang);
    let pending = crate::components::incident_card::details_pending(ds, inc);
    html! {
        <article class="panel incident-page" data-testid="incident-page" data-incident-id={inc.id.clone()}>
            { back }
            <h2>{ incident_title(t, inc) }</h2>
            if !t.incident_summary(inc).is_empty() {
                <p class="summary" lang={summary_lang(lang, t.incident_summary(inc) == inc.summary)}>{ t.incident_summary(inc) }</p>
            }
            if pending {
                <p class="hint" data-testid="details-loading" role="status">{ tr(lang, Text::LoadingDetails) }</p>
            }
            <dl class="facts">
                <dt>{ tr(lang, Text::BreachedOrg) }</dt><dd>{ org_link(&inc.breached_org) }</dd>
                if let Some(p) = &inc.more().platform { <dt>{ tr(lang, Text::Platform) }</dt><dd>{ org_link(p) }</dd> }
                <dt>{ tr(lang, Text::Kind) }</dt><dd>{ exposure_words::kind_label(lang, inc.kind) }</dd>
                if let Some(a) = t.actor(inc) { <dt>{ tr(lang, Text::Actor) }</dt><dd>{ a }</dd> }
                if let Some(n) = inc.affected {
                    <dt>{ tr(lang, Text::PeopleAffected) }</dt>
                    <dd>
                        { group_thousands(n) }
                        if inc.affected_unconfirmed { { format!(" ({})", tr(lang, Text::Unconfirmed)) } }
                        if let Some(d) = inc.affected_as_of { { format!(" · {} {}", tr(lang, Text::FigureAsOf), t.date(d)) } }
                    </dd>
                }
                <dt>{ tr(lang, Text::WhoWasAffected) }</dt><dd lang={summary_lang(lang, t.cohort(inc) == inc.cohort.text)}>{ t.cohort(inc) }</dd>
            </dl>
            <h3>{ tr(lang, Text::Timeline) }</h3>
            <ol class="timeline">{ nodes(timeline) }</ol>
            if !inc.more().affected_clients.is_empty() {
                <h3>{ tr(lang, Text::AffectedClients) }</h3>
                <div class="table-wrap">
                    <table class="clients">
                        <thead><tr>
                            <th scope="col">{ tr(lang, Text::Client) }</th>
                            <th scope="col">{ tr(lang, Text::PeopleAffected) }</th>
                            <th scope="col">{ tr(lang, Text::ConfirmedBy) }</th>
                            <th scope="col">{ tr(lang, Text::Note) }</th>
                        </tr></thead>
                        <tbody>{ nodes(clients) }</tbody>
                    </table>
                </div>
            }
            <h3>{ tr(lang, Text::DataExposed) }</h3>
            <ul class="type-list">{ nodes(types) }</ul>
            if !inc.more().remedies.is_empty() {
                <h3>{ tr(lang, Text::Offered) }</h3>
                <ul>{ nodes(remedies) }</ul>
            }
            if !inc.more().settlements.is_empty() {
                <h3>{ tr(lang, Text::Settlements) }</h3>
                <ul>{ nodes(settlements) }</ul>
            }
            if !pending {
                <h3>{ tr(lang, Text::Sources) }</h3>
                <ul class="source-list">{ nodes(sources) }</ul>
            }
        </article>
    }
}
