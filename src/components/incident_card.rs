//! One matched incident: the path from the person's company to the breach,
//! how sure the match is, what leaked, how many people, when, and sources.

use exposure_core::plan::group_thousands;
use exposure_core::{Confidence, Fit, Match};
use yew::prelude::*;

use crate::components::new_since::new_mark;
use crate::components::nodes;
use crate::components::notice_card::also_reported_items;
use crate::context::use_view;
use crate::i18n::{summary_lang, tr, Lang, Text};
use crate::route::Route;
use exposure_words::incident_title;

#[derive(Properties, PartialEq)]
pub struct IncidentCardProps {
    pub m: Match,
    /// The last visit's date, when it did not show this card.
    #[prop_or_default]
    pub new_since: Option<exposure_core::PartialDate>,
}

pub fn confidence_label(lang: Lang, c: Confidence) -> &'static str {
    tr(
        lang,
        match c {
            Confidence::Confirmed => Text::Confirmed,
            Confidence::Likely => Text::Likely,
            Confidence::Possible => Text::Possible,
            Confidence::Unlikely => Text::Unlikely,
        },
    )
}

#[function_component(IncidentCard)]
pub fn incident_card(props: &IncidentCardProps) -> Html {
    let Some(view) = use_view() else {
        return Html::default();
    };
    let (ds, lang, t, locale) = (view.ds(), view.lang(), view.texts(), &view.locale);
    let m = &props.m;
    let Some(inc) = ds.incident(&m.incident_id) else {
        return html! {};
    };
    let path_steps = std::iter::once(html! { <li>{ tr(lang, Text::You) }</li> })
        .chain(m.path.iter().map(
        |id| html! { <li data-org-id={id.clone()}>{ exposure_words::org_name(ds, id, lang) }</li> },
    ));
    let dates = {
        let breach = match (inc.breach_start, inc.breach_end) {
            (Some(a), Some(b)) if a != b => Some(format!("{} – {}", t.date(a), t.date(b))),
            (Some(a), _) => Some(t.date(a)),
            _ => None,
        };
        html! {
            <>
                if let Some(b) = breach { <dt>{ tr(lang, Text::Breach) }</dt><dd>{ b }</dd> }
                if let Some(d) = inc.disclosed { <dt>{ tr(lang, Text::Disclosed) }</dt><dd>{ t.date(d) }</dd> }
            </>
        }
    };
    let affected = inc.affected.map(|n| {
        let unconfirmed = if inc.affected_unconfirmed {
            format!(" ({})", tr(lang, Text::Unconfirmed))
        } else {
            String::new()
        };
        let as_of = inc
            .affected_as_of
            .map(|d| format!(" · {} {}", tr(lang, Text::FigureAsOf), t.date(d)))
            .unwrap_or_default();
        html! { <><dt>{ tr(lang, Text::PeopleAffected) }</dt><dd>{ format!("{}{unconfirmed}{as_of}", group_thousands(n)) }</dd></> }
    });
    let types = inc.data_types.iter().map(|ty| {
        let sev = ds.data_type(ty).map(|d| format!("sev-{}", d.severity.id()));
        html! { <li class={classes!("tag", sev)}>{ t.type_name(ty) }</li> }
    });
    let sources = source_items(inc, lang);
    // What the confidence says of the person: one plain line.
    let fit = match exposure_words::fit_line(ds, m, locale.locale()) {
        Some(line) => {
            let kind = match &m.fit {
                Fit::OnlyIf { .. } => "only_if",
                _ => "other_group",
            };
            html! { <p class="fit" data-testid="match-fit" data-fit={kind}>{ line }</p> }
        }
        None => html! {},
    };
    // The register notices of this event: its own and its clients'.
    let also = also_reported_items(ds, locale.locale(), &inc.id, true);
    let also = if also.is_empty() {
        html! {}
    } else {
        html! {
            <details class="also-reported" data-testid="also-reported">
                <summary>{ format!("{} ({})", tr(lang, Text::AlsoReported), also.len()) }</summary>
                <ul>{ also }</ul>
            </details>
        }
    };
    let conf = m.confidence.id();
    html! {
        <article class={classes!("incident", format!("conf-{conf}"))}
            data-testid="incident-card"
            data-incident-id={inc.id.clone()}
            data-confidence={conf}
            aria-labelledby={format!("inc-{}", inc.id)}>
            <header class="incident-head">
                <h3 id={format!("inc-{}", inc.id)}>{ incident_title(t, inc) }</h3>
                <div class="head-side">
                    <span class={classes!("badge", format!("badge-{conf}"))}>{ confidence_label(lang, m.confidence) }</span>
                    { new_mark(lang, props.new_since) }
                </div>
            </header>
            <div class="match-path" data-testid="match-path" data-path={m.path.join(" ")}>
                <span class="visually-hidden">{ tr(lang, Text::PathLabel) }</span>
                <ol class="path">{ nodes(path_steps) }</ol>
                if let Some(when) = exposure_words::card_when(ds, m, locale.locale()) {
                    <span class="card-when" data-testid="card-when">{ when }</span>
                }
                if let Some(note) = exposure_words::outside_note(ds, m, locale.locale()) { <p class="period-note">{ note }</p> }
                { fit }
            </div>

            <h4>{ tr(lang, Text::DataExposed) }</h4>
            <ul class="tags">{ nodes(types) }</ul>
            // The rest on demand: what happened, the figures and dates, the
            // register notices of the event and the sources.
            <details class="card-more" data-keep={format!("card:{}:{}", m.org_id, inc.id)}>
                <summary>{ tr(lang, Text::MoreAboutIt) }</summary>
                <p class="explanation">{ exposure_words::explanation(ds, m, locale.locale()) }</p>
                if !t.incident_summary(inc).is_empty() {
                    <p class="summary" lang={summary_lang(lang, t.incident_summary(inc) == inc.summary)}>{ t.incident_summary(inc) }</p>
                }
                <dl class="facts">
                    { nodes(affected) }
                    { dates }
                    <dt>{ tr(lang, Text::WhoWasAffected) }</dt><dd lang={summary_lang(lang, t.cohort(inc) == inc.cohort.text)}>{ t.cohort(inc) }</dd>
                </dl>
                { also }
                if details_pending(ds, inc) {
                    <p class="hint" data-testid="details-loading" role="status">{ tr(lang, Text::LoadingDetails) }</p>
                } else {
                    <details class="sources">
                        <summary>{ format!("{} ({})", tr(lang, Text::Sources), inc.sources.len()) }</summary>
                        <ul>{ nodes(sources) }</ul>
                    </details>
                }
                <p class="more"><a href={Route::Incident(inc.id.clone()).href()} data-testid="incident-link">{ tr(lang, Text::Details) }</a></p>
            </details>
        </article>
    }
}

/// The incident's long texts (summary, sources, client notes) are still
/// downloading (`data::load_details`): a curated incident without sources.
pub fn details_pending(ds: &exposure_core::DataSet, inc: &exposure_core::model::Incident) -> bool {
    inc.sources.is_empty() && ds.info().details.is_some()
}

/// An incident's sources, those in the reader's language first, each once
/// labelled: the title, then publisher and date (a source without a title
/// is named by its publisher, not twice).
pub fn source_items(inc: &exposure_core::model::Incident, lang: Lang) -> Vec<Html> {
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut list: Vec<&exposure_core::model::Source> = inc.sources.iter().collect();
    let chinese = |s: &exposure_core::model::Source| {
        cjk(s.publisher.as_ref()) || s.title.as_deref().is_some_and(cjk)
    };
    // Stable: the data's order within each language.
    let (mut first, second): (Vec<_>, Vec<_>) = list
        .drain(..)
        .partition(|s| chinese(s) == (lang == Lang::Zh));
    first.extend(second);
    first
        .into_iter()
        .map(|s| {
            let (label, after) = match &s.title {
                Some(title) => (
                    title.clone(),
                    format!(" — {}, {}", s.publisher, lang.date(s.date)),
                ),
                None => (s.publisher.to_string(), format!(", {}", lang.date(s.date))),
            };
            html! {
                <li>
                    <a href={s.url.clone()} rel="noopener noreferrer" target="_blank">{ label }</a>
                    { after }
                </li>
            }
        })
        .collect()
}
