//! The matched incidents, grouped by the company they came through; matches
//! that are unlikely for the years given are shown collapsed.

use exposure_core::{Confidence, Report};
use yew::prelude::*;

use crate::components::incident_card::IncidentCard;
use crate::i18n::{tr, Lang, Text};
use crate::SharedEngine;

#[derive(Properties, PartialEq)]
pub struct IncidentListProps {
    pub engine: SharedEngine,
    pub report: Report,
    pub lang: Lang,
}

#[function_component(IncidentList)]
pub fn incident_list(props: &IncidentListProps) -> Html {
    let lang = props.lang;
    let card = |m: &exposure_core::Match| {
        html! {
            <IncidentCard key={format!("{}:{}", m.org_id, m.incident_id)}
                engine={props.engine.clone()} m={m.clone()} {lang} />
        }
    };
    let live: Vec<Html> = props.report.live_matches().map(card).collect();
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
            if live.is_empty() {
                <p class="empty">{ tr(lang, Text::NoIncidents) }</p>
            } else {
                <div class="incidents">{ live }</div>
            }
            if !unlikely.is_empty() {
                <details class="unlikely">
                    <summary>{ format!("{} ({})", tr(lang, Text::UnlikelyHeading), unlikely.len()) }</summary>
                    <div class="incidents">{ unlikely }</div>
                </details>
            }
        </section>
    }
}
