//! The action plan: progress, then the actions grouped by urgency.

use std::collections::BTreeSet;

use exposure_core::model::Urgency;
use exposure_core::Report;
use yew::prelude::*;

use crate::components::action_item::ActionItem;
use crate::components::nodes;
use crate::components::plan_toolbar::{ExportKind, PlanToolbar};
use crate::i18n::{tr, Lang, Text};

#[derive(Properties, PartialEq)]
pub struct ActionPlanProps {
    pub report: Report,
    pub done: BTreeSet<String>,
    pub lang: Lang,
    pub on_toggle: Callback<String>,
    pub on_export: Callback<ExportKind>,
}

#[function_component(ActionPlan)]
pub fn action_plan(props: &ActionPlanProps) -> Html {
    let lang = props.lang;
    let plan = &props.report.plan;
    if plan.is_empty() {
        return html! {};
    }
    let total = plan.len();
    let finished = plan.iter().filter(|a| props.done.contains(&a.id)).count();
    let groups = [
        (Urgency::Now, Text::DoNow),
        (Urgency::ThisWeek, Text::ThisWeek),
        (Urgency::Ongoing, Text::Ongoing),
    ]
    .into_iter()
    .map(|(urgency, label)| {
        let items: Vec<Html> = plan
            .iter()
            .filter(|a| a.urgency == urgency)
            .map(|a| {
                html! {
                    <ActionItem key={a.id.clone()} action={a.clone()} done={props.done.contains(&a.id)}
                        {lang} on_toggle={props.on_toggle.clone()} />
                }
            })
            .collect();
        if items.is_empty() {
            html! {}
        } else {
            html! {
                <div class={classes!("urgency", format!("urgency-{}", urgency.id()))}>
                    <h3>{ tr(lang, label) }</h3>
                    <ul class="actions">{ items }</ul>
                </div>
            }
        }
    });
    html! {
        <section class="panel plan" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{ tr(lang, Text::PlanHeading) }</h2>
            <p class="intro">{ tr(lang, Text::PlanIntro) }</p>
            <div class="progress">
                <progress id="plan-progress" max={total.to_string()} value={finished.to_string()}></progress>
                <label for="plan-progress">{ format!("{finished} / {total} {}", tr(lang, Text::Progress)) }</label>
            </div>
            <PlanToolbar {lang} on_export={props.on_export.clone()} />
            { nodes(groups) }
        </section>
    }
}
