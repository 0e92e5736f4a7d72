//! Print and export buttons for the plan.

use exposure_core::PartialDate;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::context::use_lang;
use crate::i18n::{tr, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Print,
    Markdown,
    Json,
    /// The calendar, its reminders from the day the person picks (else
    /// today, or the day a step was ticked).
    Ics {
        start: Option<PartialDate>,
    },
}

#[derive(Properties, PartialEq)]
pub struct PlanToolbarProps {
    pub on_export: Callback<ExportKind>,
}

#[function_component(PlanToolbar)]
pub fn plan_toolbar(props: &PlanToolbarProps) -> Html {
    let lang = use_lang();
    let start = use_node_ref();
    let button = |kind: ExportKind, testid: &'static str, text: Text| {
        let onclick = props.on_export.reform(move |_: MouseEvent| kind);
        html! { <button type="button" class="secondary" data-testid={testid} {onclick}>{ tr(lang, text) }</button> }
    };
    html! {
        <div class="toolbar" role="group" aria-label={tr(lang, Text::ExportHeading)}>
            <span class="toolbar-label">{ tr(lang, Text::ExportHeading) }</span>
            { button(ExportKind::Print, "print-plan", Text::Print) }
            { button(ExportKind::Markdown, "export-markdown", Text::ExportMarkdown) }
            { button(ExportKind::Json, "export-json", Text::ExportJson) }
            <span class="calendar-export">
                <button type="button" class="secondary" data-testid="export-ics" onclick={
                    let (on_export, start) = (props.on_export.clone(), start.clone());
                    Callback::from(move |_: MouseEvent| {
                        let picked = start
                            .cast::<HtmlInputElement>()
                            .and_then(|i| PartialDate::parse(i.value().trim()).ok())
                            .filter(|d| d.day.is_some());
                        on_export.emit(ExportKind::Ics { start: picked });
                    })
                }>{ tr(lang, Text::ExportIcs) }</button>
                // The reminders start today (or on the day a step was
                // ticked) unless the person picks a day.
                <details class="calendar-start">
                    <summary>{ tr(lang, Text::RemindersOtherDay) }</summary>
                    <label for="calendar-start">{ tr(lang, Text::RemindersFrom) }</label>
                    <input type="date" id="calendar-start" data-testid="calendar-start" ref={start.clone()} />
                </details>
            </span>
        </div>
    }
}
