//! The company box: autocomplete (ARIA combobox), Enter to add, paste a list.

use exposure_core::reading::split_list;
use exposure_core::{MatchReason, OrgMatch};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::components::nodes;
use crate::context::{use_engine, use_lang};
use crate::engine::SharedEngine;
use crate::i18n::{tr, Text};

/// Suggestions shown at most.
const MAX_SUGGESTIONS: usize = 8;

#[derive(Properties, PartialEq)]
pub struct CompanyInputProps {
    /// The data set could not be downloaded (the error banner says why).
    #[prop_or_default]
    pub data_failed: bool,
    /// (what was typed, org id when known)
    pub on_add: Callback<(String, Option<String>)>,
    /// A pasted list, resolved, added in one go.
    pub on_add_many: Callback<Vec<(String, Option<String>)>>,
    /// Text to start with: what was typed into the page's static box before
    /// the app started (read once, when the box is created).
    #[prop_or_default]
    pub initial_text: String,
    /// Take the focus when created, with the caret here (UTF-16 offset):
    /// the static box had it.
    #[prop_or_default]
    pub caret: Option<u32>,
}

/// The companies a text names, as (input, org id): the core's reading (one
/// per line, both organizations of a joined filing) once the data is here,
/// else one per line, looked up when the data arrives.
fn read(engine: Option<&SharedEngine>, text: &str) -> Vec<(String, Option<String>)> {
    match engine {
        Some(e) => e
            .read_companies(text)
            .into_iter()
            .map(|q| (q.input, q.org_id))
            .collect(),
        None => split_list(text).into_iter().map(|l| (l, None)).collect(),
    }
}

/// The suggestion Enter takes when none is highlighted and the text itself
/// names no company: only when exactly one company's name begins with it.
fn sole_prefix(suggestions: &[OrgMatch]) -> Option<&OrgMatch> {
    match suggestions {
        [only]
            if matches!(only.reason, MatchReason::Prefix | MatchReason::Exact)
                && only.score >= exposure_core::matcher::score::SQUASHED_PREFIX =>
        {
            Some(only)
        }
        _ => None,
    }
}

#[function_component(CompanyInput)]
pub fn company_input(props: &CompanyInputProps) -> Html {
    let lang = use_lang();
    // None while the data set is still downloading. The box takes typing
    // meanwhile (suggestions come with the data), and a company added then
    // is kept and looked up when the data arrives.
    let engine = use_engine();
    let text = use_state(|| props.initial_text.clone());
    let active = use_state(|| None::<usize>);
    let open = use_state(|| props.caret.is_some() && !props.initial_text.trim().is_empty());
    let input_ref = use_node_ref();

    // Carry the static box's focus and caret over, once.
    {
        let input_ref = input_ref.clone();
        let caret = props.caret;
        use_effect_with((), move |_| {
            if let (Some(at), Some(input)) = (caret, input_ref.cast::<HtmlInputElement>()) {
                let _ = input.focus();
                let _ = input.set_selection_range(at, at);
            }
        });
    }

    let suggestions = {
        use_memo(((*text).clone(), engine.clone()), |(t, engine)| {
            engine
                .as_ref()
                .map(|e| e.suggest(t, MAX_SUGGESTIONS))
                .unwrap_or_default()
        })
    };

    let add_text = {
        let engine = engine.clone();
        let on_add = props.on_add.clone();
        let on_add_many = props.on_add_many.clone();
        move |t: &str| {
            let mut items = read(engine.as_ref(), t);
            match items.len() {
                0 => {}
                1 => on_add.emit(items.remove(0)),
                _ => on_add_many.emit(items),
            }
        }
    };
    let reset = {
        let text = text.clone();
        let active = active.clone();
        let open = open.clone();
        move || {
            text.set(String::new());
            active.set(None);
            open.set(false);
        }
    };

    let oninput = {
        let text = text.clone();
        let active = active.clone();
        let open = open.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            open.set(!v.trim().is_empty());
            active.set(None);
            text.set(v);
        })
    };

    let onkeydown = {
        let suggestions = suggestions.clone();
        let active = active.clone();
        let open = open.clone();
        let text = text.clone();
        let on_add = props.on_add.clone();
        let add_text = add_text.clone();
        let reset = reset.clone();
        Callback::from(move |e: KeyboardEvent| {
            let n = suggestions.len();
            match e.key().as_str() {
                "ArrowDown" if n > 0 => {
                    e.prevent_default();
                    open.set(true);
                    active.set(Some(active.map_or(0, |i| (i + 1) % n)));
                }
                "ArrowUp" if n > 0 => {
                    e.prevent_default();
                    open.set(true);
                    active.set(Some(active.map_or(n - 1, |i| (i + n - 1) % n)));
                }
                "Enter" => {
                    e.prevent_default();
                    let highlighted = active.and_then(|i| suggestions.get(i)).filter(|_| *open);
                    match highlighted.or_else(|| sole_prefix(&suggestions)) {
                        Some(s) => {
                            on_add.emit(((*text).trim().to_string(), Some(s.org_id.clone())))
                        }
                        None => add_text(&text),
                    }
                    reset();
                }
                "Escape" => {
                    open.set(false);
                    active.set(None);
                }
                _ => {}
            }
        })
    };

    let onpaste = {
        let engine = engine.clone();
        let on_add_many = props.on_add_many.clone();
        let reset = reset.clone();
        Callback::from(move |e: Event| {
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let pasted = e
                .clipboard_data()
                .and_then(|d| d.get_data("text/plain").ok())
                .unwrap_or_default();
            if split_list(&pasted).len() > 1 || pasted.contains('\n') {
                e.prevent_default();
                on_add_many.emit(read(engine.as_ref(), &pasted));
                reset();
            }
        })
    };

    let onblur = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(false))
    };
    let onfocus = {
        let open = open.clone();
        let text = text.clone();
        Callback::from(move |_: FocusEvent| open.set(!text.trim().is_empty()))
    };
    let onadd = {
        let add_text = add_text.clone();
        let text = text.clone();
        let reset = reset.clone();
        Callback::from(move |_: MouseEvent| {
            add_text(&text);
            reset();
        })
    };

    let expanded = *open && !suggestions.is_empty();
    let active_id = active
        .filter(|_| expanded)
        .map(|i| format!("company-option-{i}"));
    let items = suggestions.iter().enumerate().map(|(i, s)| {
        let on_add = props.on_add.clone();
        let reset = reset.clone();
        let org = s.org_id.clone();
        let typed = (*text).clone();
        // mousedown, not click: it fires before the input loses focus.
        let onmousedown = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            on_add.emit((typed.trim().to_string(), Some(org.clone())));
            reset();
        });
        let why = if s.matched != s.name && s.reason != MatchReason::Domain {
            html! { <span class="why">{ format!(" — {} “{}”", tr(lang, Text::Matched), s.matched) }</span> }
        } else {
            html! {}
        };
        html! {
            <li id={format!("company-option-{i}")}
                role="option"
                class={classes!("option", (Some(i) == *active).then_some("active"))}
                aria-selected={(Some(i) == *active).to_string()}
                data-testid="company-suggestion"
                data-org-id={s.org_id.clone()}
                {onmousedown}>
                <span class="name">{ &s.name }</span>{ why }
            </li>
        }
    });

    let ready = engine.is_some();
    let hint = if ready {
        html! { <p id="company-hint" class="hint">{ tr(lang, Text::InputHint) }</p> }
    } else {
        html! { <p id="company-hint" class="hint" role="status">{
            tr(lang, if props.data_failed { Text::DataUnavailable } else { Text::LoadingData })
        }</p> }
    };
    html! {
        <div class="company-input">
            <label for="company-input" class="label">{ tr(lang, Text::InputLabel) }</label>
            <div class="combo">
                <input
                    id="company-input"
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    maxlength="100000"
                    aria-autocomplete="list"
                    aria-expanded={expanded.to_string()}
                    aria-controls="company-listbox"
                    aria-activedescendant={active_id}
                    aria-describedby="company-hint"
                    aria-busy={(!ready).to_string()}
                    data-testid="company-input"
                    ref={input_ref}
                    placeholder={tr(lang, Text::InputPlaceholder)}
                    value={(*text).clone()}
                    {oninput}
                    {onkeydown}
                    {onpaste}
                    {onblur}
                    {onfocus}
                />
                <button type="button" class="primary" onclick={onadd}>{ tr(lang, Text::Add) }</button>
                <ul id="company-listbox" role="listbox" class="listbox" hidden={!expanded}
                    aria-label={tr(lang, Text::CompaniesHeading)}>
                    { nodes(items) }
                </ul>
            </div>
            { hint }
        </div>
    }
}
