//! One action of the plan: why, how (steps and official links), how long,
//! and a checkbox to tick it off.

use exposure_core::model::Frequency;
use exposure_core::report::ActionWords;
use exposure_core::PlannedAction;
use yew::prelude::*;

use crate::components::nodes;
use crate::context::use_lang;
use crate::i18n::{in_reader_language, summary_lang, tr, Text};

#[derive(Properties, PartialEq)]
pub struct ActionItemProps {
    pub action: PlannedAction,
    /// The action in the reader's language.
    pub words: ActionWords,
    /// The "why" in one short line (`exposure_words::plan::because_brief`).
    pub brief: String,
    pub done: bool,
    pub on_toggle: Callback<String>,
}

#[function_component(ActionItem)]
pub fn action_item(props: &ActionItemProps) -> Html {
    let lang = use_lang();
    let a = &props.action;
    let w = &props.words;
    let onchange = {
        let on_toggle = props.on_toggle.clone();
        let id = a.id.clone();
        Callback::from(move |_: Event| on_toggle.emit(id.clone()))
    };
    let check_id = format!("done-{}", a.id);
    let steps = w.steps.iter().map(|s| html! { <li>{ s }</li> });
    let links = w.links.iter().map(|l| {
        html! { <li><a href={l.url.clone()} rel="noopener noreferrer" target="_blank">{ &l.label }</a></li> }
    });
    let repeats = a.recurrence.as_ref().map(|r| {
        let every = match r.every {
            Frequency::Weekly => lang.pick("weekly", "每周"),
            Frequency::Monthly => lang.pick("monthly", "每月"),
            Frequency::Yearly => lang.pick("yearly", "每年"),
        };
        html! { <span class="meta">{ format!("{}: {every}", tr(lang, Text::Repeats)) }</span> }
    });
    let deadline = a.deadline.map(|d| {
        let label = if a.expired {
            format!(
                "{} {} — {}",
                tr(lang, Text::Deadline),
                lang.date(d),
                tr(lang, Text::DeadlinePassed)
            )
        } else {
            format!("{} {}", tr(lang, Text::Deadline), lang.date(d))
        };
        html! { <span class={classes!("meta", a.expired.then_some("expired"))}>{ label }</span> }
    });
    // The conditions under which it applies.
    let conditions = w.conditions.iter().map(|c| {
        let c_lang = summary_lang(lang, !in_reader_language(lang, c));
        html! { <li><span>{ tr(lang, Text::OnlyIfYou) }{ " " }</span><span lang={c_lang}>{ c }</span></li> }
    });
    // One short line on why (two data types and two companies, the rest
    // counted); the full why, the how and the rest on demand.
    let body = html! {
        <>
            if !w.conditions.is_empty() {
                <ul class="conditions" data-testid="action-condition">{ nodes(conditions) }</ul>
            }
            if !props.brief.is_empty() {
                <p class="because"><strong>{ format!("{}: ", tr(lang, Text::Why)) }</strong>{ &props.brief }</p>
            }
            <details class="how" data-keep={format!("how:{}", a.id)}>
                <summary>
                    { format!("{} ({})", tr(lang, Text::HowToDoIt), w.steps.len()) }
                    <span class="meta">{ format!("~{} {}", a.effort_minutes, tr(lang, Text::Minutes)) }</span>
                    { nodes(repeats) }
                </summary>
                if w.because != props.brief && !w.because.is_empty() {
                    <p class="because-full">{ &w.because }</p>
                }
                <p class="summary">{ &w.summary }</p>
                <ol class="steps">{ nodes(steps) }</ol>
                <ul class="links">{ nodes(links) }</ul>
                if let Some(e) = &w.elsewhere {
                    <p class="hint"><strong>{ format!("{}: ", tr(lang, Text::OutsideUs)) }</strong>{ e }</p>
                }
            </details>
        </>
    };
    html! {
        <li class={classes!("action", props.done.then_some("done"), a.expired.then_some("expired"))}
            id={format!("action-{}", a.id)} data-testid="action-item" data-action-id={a.id.clone()}>
            <div class="action-head">
                <input type="checkbox" id={check_id.clone()} checked={props.done} {onchange} />
                <label for={check_id}>{ &w.title }</label>
            </div>
            // A deadline stays in sight; the effort and how often are on
            // the line that opens the how.
            if deadline.is_some() {
                <div class="action-meta">{ nodes(deadline) }</div>
            }
            if props.done {
                <details class="action-body"><summary>{ tr(lang, Text::Completed) }</summary>{ body }</details>
            } else {
                <div class="action-body">{ body }</div>
            }
        </li>
    }
}
