//! Import a Have I Been Pwned breach catalogue (file input or drag and drop).
//! The file is read here, in the browser; nothing is uploaded.

use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use crate::context::use_lang;
use crate::error::AppError;
use crate::i18n::notice_text;
use crate::i18n::{tr, Lang, Text};
use crate::state::{ImportProgress, ImportStep, Notice};

fn step_text(lang: Lang, step: ImportStep) -> &'static str {
    match step {
        ImportStep::Reading => tr(lang, Text::ImportReading),
        ImportStep::Indexing => tr(lang, Text::ImportIndexing),
    }
}

/// Largest catalogue read, in MiB (a whole number: printing a float would
/// bring the float formatting code, about 9 KB, into the wasm).
pub const MAX_MB: u32 = 100;
/// The same in bytes, as `File::size` gives it.
pub const MAX_BYTES: f64 = MAX_MB as f64 * 1024.0 * 1024.0;

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub busy: bool,
    /// How far the running import has got.
    #[prop_or_default]
    pub progress: Option<ImportProgress>,
    /// What the last import did.
    pub notice: Option<Notice>,
    pub has_catalog: bool,
    /// The file chosen or dropped (read by the caller, a slice at a time).
    pub on_file: Callback<web_sys::File>,
    pub on_error: Callback<AppError>,
    pub on_remove: Callback<()>,
}

fn take(file: web_sys::File, on_file: &Callback<web_sys::File>, on_error: &Callback<AppError>) {
    if file.size() > MAX_BYTES {
        on_error.emit(AppError::FileRead {
            reason: format!("it is larger than {MAX_MB} MB"),
        });
        return;
    }
    on_file.emit(file);
}

#[function_component(ImportPanel)]
pub fn import_panel(props: &ImportPanelProps) -> Html {
    let lang = use_lang();
    let onchange = {
        let on_file = props.on_file.clone();
        let on_error = props.on_error.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                take(file, &on_file, &on_error);
            }
            input.set_value("");
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let on_file = props.on_file.clone();
        let on_error = props.on_error.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                take(file, &on_file, &on_error);
            }
        })
    };
    let onremove = props.on_remove.reform(|_: MouseEvent| ());
    html! {
        <section class="panel quiet import" aria-labelledby="import-heading" {ondragover} {ondrop}>
            <h2 id="import-heading">{ tr(lang, Text::ImportHeading) }</h2>
            <p class="hint">{ tr(lang, Text::ImportHint) }</p>
            <input type="file" accept=".json,application/json" data-testid="import-file"
                aria-label={tr(lang, Text::ImportHeading)} {onchange} disabled={props.busy} />
            if props.busy {
                <div data-testid="import-busy" role="status" class="busy">
                    <p>{ tr(lang, Text::ImportBusy) }</p>
                    if let Some(p) = props.progress {
                        <p>
                            { step_text(lang, p.step) }{ format!(" — {} %", p.percent()) }
                        </p>
                        <progress max="100" value={p.percent().to_string()}
                            aria-label={tr(lang, Text::ImportProgressLabel)}></progress>
                    }
                </div>
            }
            if let Some(n) = &props.notice { <p class="notice" role="status">{ notice_text(lang, n) }</p> }
            if props.has_catalog {
                <button type="button" class="link-button" onclick={onremove}>{ tr(lang, Text::RemoveCatalog) }</button>
            }
        </section>
    }
}
