//! The action plan: progress, then the actions grouped by urgency.

use std::collections::BTreeSet;

use exposure_core::model::Urgency;
use exposure_core::{PartialDate, PlannedAction, Report};
use yew::prelude::*;

use crate::components::action_item::ActionItem;
use crate::components::nodes;
use crate::components::plan_toolbar::{ExportKind, PlanToolbar};
use crate::context::{use_engine, use_locale};
use crate::i18n::{tr, Text};

#[derive(Properties, PartialEq)]
pub struct ActionPlanProps {
    pub report: Report,
    pub done: BTreeSet<String>,
    /// The day deadlines are judged against.
    pub today: Option<PartialDate>,
    pub on_toggle: Callback<String>,
    pub on_export: Callback<ExportKind>,
}

#[function_component(ActionPlan)]
pub fn action_plan(props: &ActionPlanProps) -> Html {
    let locale = use_locale();
    let lang = locale.lang;
    let Some(engine) = use_engine() else {
        return Html::default();
    };
    let plan = &props.report.plan;
    if plan.is_empty() {
        return html! {};
    }
    let say = |a: &PlannedAction| {
        exposure_words::plan::action_words(&engine.data, locale.locale(), props.today, a)
    };
    // Progress counts what is still to do: not the past offers and claims.
    let open = plan.iter().filter(|a| !a.expired);
    let total = open.clone().count();
    let finished = open.filter(|a| props.done.contains(&a.id)).count();
    // The to-do list by urgency; then the steps that depend on a condition
    // (every incident behind them is only possible); then, for the record,
    // offers and claims whose deadlines have passed.
    let group = |class: String,
                 label: &str,
                 pick: &dyn Fn(&PlannedAction) -> bool,
                 folded: bool| {
        let items: Vec<Html> = plan
            .iter()
            .filter(|a| pick(a))
            .map(|a| {
                html! {
                    <ActionItem key={a.id.clone()} action={a.clone()} words={say(a)}
                        brief={exposure_words::plan::because_brief(&engine.data, locale.locale(), a)}
                        done={props.done.contains(&a.id)}
                        on_toggle={props.on_toggle.clone()} />
                }
            })
            .collect();
        if items.is_empty() {
            html! {}
        } else if folded {
            // What applies only under a condition, and the past: on demand.
            let n = items.len();
            let keep = class.clone();
            html! {
                <details class={classes!("urgency", "folded", class)} data-testid="plan-group" data-keep={keep}>
                    <summary><h3>{ format!("{label} ({n})") }</h3></summary>
                    <ul class="actions">{ items }</ul>
                </details>
            }
        } else {
            html! {
                <div class={classes!("urgency", class)} data-testid="plan-group">
                    <h3>{ label.to_string() }</h3>
                    <ul class="actions">{ items }</ul>
                </div>
            }
        }
    };
    let mut groups: Vec<Html> = [Urgency::Now, Urgency::ThisWeek, Urgency::Ongoing]
        .into_iter()
        .map(|urgency| {
            group(
                format!("urgency-{}", urgency.id()),
                exposure_words::urgency_label(lang, urgency),
                &|a: &PlannedAction| a.urgency == urgency && !a.conditional && !a.expired,
                false,
            )
        })
        .collect();
    // Folded only below steps that surely apply: alone, they are the plan.
    let sure_steps = plan.iter().any(|a| !a.conditional && !a.expired);
    groups.push(group(
        "urgency-if-applies".into(),
        tr(lang, Text::IfApplies),
        &|a: &PlannedAction| a.conditional && !a.expired,
        sure_steps,
    ));
    groups.push(group(
        "urgency-past".into(),
        tr(lang, Text::PastForTheRecord),
        &|a: &PlannedAction| a.expired,
        true,
    ));
    html! {
        <section class="panel plan" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{ tr(lang, Text::PlanHeading) }</h2>
            <p class="intro">{ tr(lang, Text::PlanIntro) }</p>
            <div class="progress">
                <progress id="plan-progress" max={total.to_string()} value={finished.to_string()}></progress>
                <label for="plan-progress">{ format!("{finished} / {total} {}", tr(lang, Text::Progress)) }</label>
            </div>
            <PlanToolbar on_export={props.on_export.clone()} />
            { nodes(groups) }
            // Said once for the whole plan: the oldest check of its steps.
            if let Some(d) = plan.iter().filter_map(|a| a.checked).min() {
                <p class="hint" data-testid="facts-checked" data-checked={d.to_string()}>{ format!("{} {}", tr(lang, Text::FactsChecked), lang.date(d)) }</p>
            }
        </section>
    }
}
