//! A reported breach: a register notice no curated incident covers, shown
//! with what the register says and no more (the notifier's claim).

use exposure_core::notices::NoticeStatus;
use exposure_core::plan::group_thousands;
use exposure_core::Match;
use yew::prelude::*;

use crate::components::incident_card::confidence_label;
use crate::components::new_since::new_mark;
use crate::components::nodes;
use crate::context::use_view;
use crate::i18n::{also_reported_line, register_name, register_term, tr, Text};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct NoticeCardProps {
    pub m: Match,
    /// The last visit's date, when it did not show this card.
    #[prop_or_default]
    pub new_since: Option<exposure_core::PartialDate>,
}

/// The register notices of one event (a curated incident's, or a notice's
/// copies), one line each with the `notice-card` hook; with `with_org`,
/// each names its notifier (a client's notice of a vendor's breach).
pub fn also_reported_items(
    ds: &exposure_core::DataSet,
    locale: exposure_core::Locale,
    id: &str,
    with_org: bool,
) -> Vec<Html> {
    let lang = locale.lang;
    let t = ds.texts(locale);
    ds.notices()
        .also_reported(id)
        .into_iter()
        .map(|o| {
            let r = ds.notices().register(&o.register);
            let line = also_reported_line(
                lang,
                &register_name(lang, &o.register, r.map_or("", |r| r.name.as_str())),
                &t.date(o.reported),
                o.affected.map(group_thousands),
                r.is_some_and(|r| r.residents_only),
            );
            let line = if with_org {
                format!(
                    "{}{}{line}",
                    exposure_words::org_name(ds, &o.org, lang),
                    lang.pick(" — ", "——")
                )
            } else {
                line
            };
            html! {
                <li data-testid="notice-card" data-notice-id={o.id.clone()}
                    data-register={o.register.clone()} data-linked="true">{ line }</li>
            }
        })
        .collect()
}

#[function_component(NoticeCard)]
pub fn notice_card(props: &NoticeCardProps) -> Html {
    let Some(view) = use_view() else {
        return Html::default();
    };
    let (ds, lang, t, locale) = (view.ds(), view.lang(), view.texts(), &view.locale);
    let m = &props.m;
    let Some(n) = ds.notice_of(&m.incident_id) else {
        return html! {};
    };
    let register = ds.notices().register(&n.register);
    let reg_name = register_name(lang, &n.register, register.map_or("", |r| r.name.as_str()));
    let residents = register.is_some_and(|r| r.residents_only);
    let fact =
        |label: Text, value: String| html! { <><dt>{ tr(lang, label) }</dt><dd>{ value }</dd></> };
    let people = n.affected.map(|p| {
        let p = group_thousands(p);
        let v = if residents {
            format!("{p} ({})", tr(lang, Text::ResidentsOnly))
        } else {
            p
        };
        fact(Text::PeopleInRegister, v)
    });
    let breach = match (n.breach_start, n.breach_end) {
        (Some(a), Some(b)) if a != b => {
            Some(fact(Text::Breach, format!("{} – {}", t.date(a), t.date(b))))
        }
        (Some(a), _) => Some(fact(Text::Breach, t.date(a))),
        _ => None,
    };
    let types = n.data_types.iter().map(|ty| {
        let sev = ds.data_type(ty).map(|d| format!("sev-{}", d.severity.id()));
        html! { <li class={classes!("tag", sev)}>{ t.type_name(ty) }</li> }
    });
    let also = also_reported_items(ds, locale.locale(), &n.id, false);
    let status = match n.status {
        NoticeStatus::Filed => html! {},
        NoticeStatus::Disputed => {
            html! { <p class="notice-status" data-status="disputed">{ tr(lang, Text::NoticeDisputed) }{ " " }{ n.note.clone().unwrap_or_default() }</p> }
        }
        NoticeStatus::Withdrawn => {
            html! { <p class="notice-status" data-status="withdrawn">{ tr(lang, Text::NoticeWithdrawn) }{ " " }{ n.note.clone().unwrap_or_default() }</p> }
        }
    };
    let conf = m.confidence.id();
    let org = exposure_words::org_name(ds, &n.org, lang);
    // "HHS · May 19, 2023 · 19,032 people, as filed"
    let line = [
        Some(reg_name.clone()),
        Some(t.date(n.reported)),
        n.affected.map(|p| {
            format!(
                "{} {}",
                group_thousands(p),
                if residents {
                    tr(lang, Text::ResidentsOnly)
                } else {
                    tr(lang, Text::PeopleAsFiled)
                }
            )
        }),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    html! {
        <article class={classes!("incident", "notice", format!("conf-{conf}"))}
            data-testid="notice-card"
            data-notice-id={n.id.clone()}
            data-register={n.register.clone()}
            data-confidence={conf}
            aria-labelledby={format!("inc-{}", n.id)}>
            <header class="incident-head">
                <h3 id={format!("inc-{}", n.id)}>
                    <span class="kicker">{ tr(lang, Text::ReportedBreach) }{ lang.pick(": ", "：") }</span>{ org }
                </h3>
                <span class={classes!("badge", format!("badge-{conf}"))}>{ confidence_label(lang, m.confidence) }</span>
                { new_mark(lang, props.new_since) }
            </header>
            // One line of what the register says; the rest on demand.
            <p class="notice-line">{ line }</p>
            { status }
            <h4>{ tr(lang, Text::DataExposed) }</h4>
            if n.data_types.is_empty() {
                <p class="no-data-types" data-testid="notice-no-types">{ tr(lang, Text::RegisterSaysNoData) }</p>
            } else {
                <ul class="tags">{ nodes(types) }</ul>
            }
            <details class="card-more" data-keep={format!("card:{}:{}", m.org_id, n.id)}>
                <summary>{ tr(lang, Text::MoreAboutIt) }</summary>
                <dl class="facts">
                    { fact(Text::ReportedTo, reg_name) }
                    { fact(Text::ReportedOn, t.date(n.reported)) }
                    { nodes(people) }
                    { nodes(breach) }
                    { nodes(n.state.clone().map(|s| fact(Text::NotifierState, s))) }
                    { nodes(n.entity.as_deref().map(|e| fact(Text::NotifierKind, register_term(lang, e)))) }
                    { nodes(n.cause.as_deref().map(|c| fact(Text::Cause, register_term(lang, c)))) }
                </dl>
                if !also.is_empty() {
                    <div class="also-reported" data-testid="also-reported">
                        <h4>{ tr(lang, Text::AlsoReported) }</h4>
                        <ul>{ also }</ul>
                    </div>
                }
                <p class="claim">{ tr(lang, Text::NoticeIsClaim) }</p>
                <p class="more">
                    <a href={Route::Incident(n.id.clone()).href()} data-testid="incident-link">{ tr(lang, Text::Details) }</a>
                    { " · " }
                    <a href={register.map(|r| r.url.clone()).unwrap_or_default()} rel="noopener noreferrer" target="_blank">{ tr(lang, Text::OpenRegister) }</a>
                </p>
            </details>
        </article>
    }
}
