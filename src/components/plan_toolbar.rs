//! Print and export buttons for the plan.

use yew::prelude::*;

use crate::context::use_lang;
use crate::i18n::{tr, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Print,
    Markdown,
    Json,
    Ics,
}

#[derive(Properties, PartialEq)]
pub struct PlanToolbarProps {
    pub on_export: Callback<ExportKind>,
}

#[function_component(PlanToolbar)]
pub fn plan_toolbar(props: &PlanToolbarProps) -> Html {
    let lang = use_lang();
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
            { button(ExportKind::Ics, "export-ics", Text::ExportIcs) }
        </div>
    }
}
