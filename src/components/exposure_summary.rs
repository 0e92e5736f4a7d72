//! Every data type exposed across the matches, most dangerous first, each
//! with what a criminal can do with it and the incidents behind it.

use exposure_core::Report;
use yew::prelude::*;

use crate::components::nodes;
use crate::context::use_view;
use crate::i18n::{severity_label, tr, Text};
use exposure_words::incident_title;

#[derive(Properties, PartialEq)]
pub struct ExposureSummaryProps {
    pub report: Report,
}

#[function_component(ExposureSummary)]
pub fn exposure_summary(props: &ExposureSummaryProps) -> Html {
    let Some(view) = use_view() else {
        return Html::default();
    };
    let (ds, lang, t) = (view.ds(), view.lang(), view.texts());
    if props.report.exposed.is_empty() {
        return html! {};
    }
    let items = props.report.exposed.iter().map(|e| {
        let sev = e.severity.id();
        let incidents: Vec<String> = e
            .incidents
            .iter()
            .map(|i| ds.incident(i).map_or_else(|| i.clone(), |x| incident_title(t, x).into_owned()))
            .collect();
        html! {
            <li class={classes!("exposed", format!("sev-{sev}"))} data-testid="exposed-type" data-type={e.type_id.clone()}>
                <div class="exposed-head">
                    <span class="exposed-name">{ t.type_name(&e.type_id) }</span>
                    <span class={classes!("severity", format!("sev-{sev}"))}>{ severity_label(lang, e.severity) }</span>
                </div>
                if let Some(h) = t.type_harm(&e.type_id) { <p class="harm">{ h }</p> }
                <p class="behind">{ incidents.join(" · ") }</p>
            </li>
        }
    });
    html! {
        <section class="panel" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{ tr(lang, Text::SummaryHeading) }</h2>
            <p class="intro">{ tr(lang, Text::SummaryIntro) }</p>
            // Each type's harm and sources on demand: the verdict names the
            // worst, the plan answers them all.
            <details class="exposed-more" data-keep="exposed-more">
                <summary>{ format!("{} ({})", tr(lang, Text::ShowExposed), props.report.exposed.len()) }</summary>
                <ul class="exposed-list">{ nodes(items) }</ul>
            </details>
        </section>
    }
}
