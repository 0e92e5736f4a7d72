//! The headline answer at the top of the results: how many of the
//! companies were in how many incidents and how sure, the most harmful data
//! exposed and through whom, the first steps, and the data's date.

use exposure_core::verdict::Verdict as VerdictFacts;
use exposure_core::Report;
use yew::prelude::*;

use crate::components::nodes;
use crate::context::{use_engine, use_locale};
use crate::i18n::{tr, Text};

#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    pub report: Report,
}

#[function_component(Verdict)]
pub fn verdict(props: &VerdictProps) -> Html {
    let locale = use_locale();
    let lang = locale.lang;
    let Some(engine) = use_engine() else {
        return Html::default();
    };
    let ds = &engine.data;
    let v: VerdictFacts = exposure_core::verdict::verdict(&props.report);
    let worst = v
        .worst
        .as_ref()
        .map(|w| exposure_words::verdict_worst(ds, w, locale.locale()));
    let steps = v.first_steps.iter().filter_map(|id| {
        let a = props.report.plan.iter().find(|a| &a.id == id)?;
        Some(html! {
            <li><a href={format!("#action-{}", a.id)} data-action-id={a.id.clone()}>{ exposure_words::plan::action_title(ds, locale.locale(), a) }</a></li>
        })
    });
    let as_of = ds.info().as_of.map(|d| d.to_string()).unwrap_or_default();
    html! {
        <section class="verdict" data-testid="verdict" data-as-of={as_of} aria-labelledby="verdict-heading"
            data-incidents={v.incidents().to_string()} data-companies-hit={v.companies_hit.to_string()}>
            <h2 id="verdict-heading" class="visually-hidden">{ tr(lang, Text::VerdictHeading) }</h2>
            if v.unknown > 0 && v.incidents() == 0 && engine.names_pending() {
                // Not "we do not know it" while part of the names is to come.
                <p class="verdict-headline" data-pending="true">{ tr(lang, Text::StillChecking) }</p>
            } else {
                <p class="verdict-headline">{ exposure_words::verdict_headline(ds, &v, lang) }</p>
            }
            if let Some(w) = worst { <p class="verdict-worst">{ w }</p> }
            if !v.first_steps.is_empty() {
                <p class="verdict-steps-label">{ tr(lang, Text::FirstSteps) }</p>
                <ol class="verdict-steps">{ nodes(steps) }</ol>
            }
            if v.incidents() > 0 {
                <p><a href="#incidents-heading">{ tr(lang, Text::SeeIncidents) }</a></p>
            }
        </section>
    }
}
