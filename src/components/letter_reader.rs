//! "I got a letter": a breach notice pasted, dropped or described in a
//! short form, read in the browser by the core's letter reader; what it
//! finds is shown, and kept (the finding, never the text) when the person
//! adds it to their results.

use std::collections::BTreeSet;

use exposure_core::letter::{Kept, Letter, PaperLetter};
use exposure_core::{CompanyQuery, PartialDate};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::nodes;
use crate::context::{use_engine, use_locale};
use crate::error::AppError;
use crate::i18n::{tr, Text};
use crate::letter_worker::use_letter_worker;
use crate::platform;

/// Largest letter file read: a notice is a page or two.
const MAX_FILE_BYTES: f64 = 1024.0 * 1024.0;

#[derive(Properties, PartialEq)]
pub struct LetterReaderProps {
    /// The person's companies (to say which of them the sender works for).
    pub companies: Vec<CompanyQuery>,
    /// The letters already kept.
    pub kept: Vec<Kept>,
    pub on_keep: Callback<Kept>,
    pub on_remove: Callback<usize>,
    pub on_error: Callback<AppError>,
}

#[function_component(LetterReader)]
pub fn letter_reader(props: &LetterReaderProps) -> Html {
    let locale = use_locale();
    let lang = locale.lang;
    let engine = use_engine();
    let worker = use_letter_worker();
    let text = use_state(String::new);
    let found = use_state(|| None::<Letter>);
    let reading = use_state(|| false);
    let keep_code = use_state(|| false);
    let paper_types = use_state(BTreeSet::<String>::new);
    let sender_ref = use_node_ref();
    let date_ref = use_node_ref();
    let deadline_ref = use_node_ref();
    let Some(engine) = engine else {
        return Html::default();
    };
    let ds = &engine.data;

    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    // Read in the letter worker (loaded the first time), not in the page.
    let read = {
        let (worker, found, reading, on_error) = (
            worker.clone(),
            found.clone(),
            reading.clone(),
            props.on_error.clone(),
        );
        move |t: &str| {
            if t.trim().is_empty() {
                on_error.emit(AppError::Letter {
                    reason: "the letter is empty".into(),
                });
                return;
            }
            reading.set(true);
            let (found, reading, on_error) = (found.clone(), reading.clone(), on_error.clone());
            worker.read(
                t,
                Callback::from(move |r: Result<(Letter, Option<String>), AppError>| {
                    reading.set(false);
                    match r {
                        Ok((letter, _)) => found.set(Some(letter)),
                        Err(error) => on_error.emit(error),
                    }
                }),
            );
        }
    };
    let onread = {
        let (text, read) = (text.clone(), read.clone());
        Callback::from(move |_: MouseEvent| read(&text))
    };
    // A letter file, picked or dropped: UTF-8 read as it is; other bytes
    // (GBK, Windows-1252) decoded in the letter worker.
    let take_file = {
        let (text, on_error) = (text.clone(), props.on_error.clone());
        let (worker, found, reading) = (worker.clone(), found.clone(), reading.clone());
        move |file: web_sys::File| {
            if file.size() > MAX_FILE_BYTES {
                on_error.emit(AppError::Letter {
                    reason: "the file is larger than 1 MB; paste the letter's text instead".into(),
                });
                return;
            }
            let (text, on_error) = (text.clone(), on_error.clone());
            let (worker, found, reading) = (worker.clone(), found.clone(), reading.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match platform::read_slice(&file, 0.0, file.size()).await {
                    Ok(bytes) => {
                        reading.set(true);
                        // Shown in the box as read: as it is, or as decoded.
                        if let Ok(t) = std::str::from_utf8(&bytes) {
                            text.set(t.to_string());
                        }
                        worker.read_file(
                            &bytes,
                            Callback::from(move |r: Result<(Letter, Option<String>), AppError>| {
                                reading.set(false);
                                match r {
                                    Ok((letter, decoded)) => {
                                        if let Some(t) = decoded {
                                            text.set(t);
                                        }
                                        found.set(Some(letter));
                                    }
                                    Err(error) => on_error.emit(error),
                                }
                            }),
                        );
                    }
                    Err(error) => on_error.emit(error),
                }
            });
        }
    };
    let onfile = {
        let take_file = take_file.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let file = input.files().and_then(|f| f.get(0));
            input.set_value("");
            if let Some(file) = file {
                take_file(file);
            }
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        if let Some(file) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            take_file(file);
        }
    });
    let onkeep = {
        let (found, text, keep_code, on_keep) = (
            found.clone(),
            text.clone(),
            keep_code.clone(),
            props.on_keep.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(l) = found.as_ref() {
                on_keep.emit(l.kept(*keep_code));
            }
            // The letter's text is not kept once its finding is.
            found.set(None);
            text.set(String::new());
            keep_code.set(false);
        })
    };
    let onkeepcode = {
        let keep_code = keep_code.clone();
        Callback::from(move |e: Event| {
            keep_code.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };

    // The short form for a paper letter.
    let onpaper = {
        let (engine, found, types) = (engine.clone(), found.clone(), paper_types.clone());
        let refs = (sender_ref.clone(), date_ref.clone(), deadline_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let field = |r: &NodeRef| {
                r.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            let date = |s: String| PartialDate::parse(s.trim()).ok();
            let letter = engine.read_paper_letter(&PaperLetter {
                sender: field(&refs.0),
                letter_date: date(field(&refs.1)),
                data_types: types.iter().cloned().collect(),
                enroll_by: date(field(&refs.2)),
            });
            found.set(Some(letter));
        })
    };
    let type_boxes = ds.taxonomy().data_types.iter().map(|d| {
        let id = d.id.clone();
        let checked = paper_types.contains(&id);
        let onchange = {
            let (types, id) = (paper_types.clone(), id.clone());
            Callback::from(move |_: Event| {
                let mut next = (*types).clone();
                if !next.remove(&id) {
                    next.insert(id.clone());
                }
                types.set(next);
            })
        };
        html! {
            <label class="check"><input type="checkbox" {checked} {onchange} data-paper-type={id.clone()} />{ ds.texts(locale.locale()).type_name(&d.id) }</label>
        }
    });

    let result = found.as_ref().map(|l| {
        let t = ds.texts(locale.locale());
        let kept = l.kept(false);
        let party = |p: &exposure_core::letter::Party| match &p.org_id {
            Some(id) => exposure_words::org_name(ds, id, lang).to_string(),
            None => p.name.clone(),
        };
        let lure = l.is_phishing().then(|| {
            let why = l
                .phishing
                .iter()
                .map(|s| html! { <li data-sign={s.id()}>{ exposure_words::phish_reason(lang, *s) }</li> });
            html! {
                <div class="lure" role="alert">
                    <p><strong>{ tr(lang, Text::LetterLure) }</strong></p>
                    <ul>{ nodes(why) }</ul>
                    <p>{ tr(lang, Text::LetterLureAdvice) }</p>
                </div>
            }
        });
        let summary = (!l.is_phishing()).then(|| {
            exposure_words::letter::summary(ds, locale.locale(), &kept, &props.companies)
                .into_iter()
                .map(|s| html! { <p>{ s }</p> })
                .collect::<Html>()
        });
        let types = l.data_types.iter().map(|id| {
            html! { <li data-testid="letter-type" data-type={id.clone()}>{ t.type_name(id) }</li> }
        });
        let date = |d: Option<PartialDate>| d.map(|d| lang.date(d));
        let window = match (l.window_start, l.window_end) {
            (Some(a), Some(b)) if a != b => Some(format!("{} – {}", lang.date(a), lang.date(b))),
            (Some(a), _) => Some(lang.date(a)),
            _ => None,
        };
        let offer = l.offer.as_ref().map(|o| {
            let what = format!(
                "{}{}",
                o.provider.clone().unwrap_or_else(|| tr(lang, Text::LetterMonitoring).into()),
                o.months
                    .map(|m| format!(" · {m} {}", tr(lang, Text::LetterMonths)))
                    .unwrap_or_default()
            );
            let by = o
                .enroll_by
                .map(|d| format!(" · {} {}", tr(lang, Text::LetterDeadline), lang.date(d)))
                .unwrap_or_default();
            html! {
                <>
                    <dt>{ tr(lang, Text::LetterOffer) }</dt>
                    <dd data-deadline={o.enroll_by.map(|d| d.to_string())}>{ format!("{what}{by}") }</dd>
                    if let Some(code) = &o.code {
                        <dt>{ tr(lang, Text::LetterCode) }</dt>
                        <dd><code class="code">{ code }</code></dd>
                    }
                </>
            }
        });
        let has_code = l.offer.as_ref().is_some_and(|o| o.code.is_some());
        html! {
            <div class="letter-result" data-testid="letter-result" aria-live="polite"
                data-phishing={l.is_phishing().to_string()}
                data-sender={kept.sender.as_ref().and_then(|p| p.org_id.clone())}
                data-incident={l.incident.clone()}>
                { nodes(lure) }
                { summary.unwrap_or_default() }
                <dl class="facts">
                    if let Some(p) = &l.sender { <dt>{ tr(lang, Text::LetterFrom) }</dt><dd>{ party(p) }</dd> }
                    if let Some(p) = &l.on_behalf_of { <dt>{ tr(lang, Text::LetterOnBehalf) }</dt><dd>{ party(p) }</dd> }
                    if let Some(d) = date(l.letter_date) { <dt>{ tr(lang, Text::LetterDated) }</dt><dd>{ d }</dd> }
                    if let Some(w) = window { <dt>{ tr(lang, Text::LetterWindow) }</dt><dd>{ w }</dd> }
                    { nodes(offer) }
                </dl>
                <h3>{ tr(lang, Text::LetterTypes) }</h3>
                if l.data_types.is_empty() {
                    <p class="hint">{ tr(lang, Text::LetterNoTypes) }</p>
                } else {
                    <ul class="letter-types">{ nodes(types) }</ul>
                }
                if !l.is_phishing() {
                    if has_code {
                        <label class="check"><input type="checkbox" checked={*keep_code} onchange={onkeepcode.clone()} />{ tr(lang, Text::LetterKeepCode) }</label>
                    }
                    <button type="button" class="primary" data-testid="letter-keep" onclick={onkeep.clone()}>{ tr(lang, Text::LetterKeep) }</button>
                }
            </div>
        }
    });

    let kept_list = props.kept.iter().enumerate().map(|(i, k)| {
        let name = match k.sender.as_ref().and_then(|p| p.org_id.as_deref()) {
            Some(id) => exposure_words::org_name(ds, id, lang).to_string(),
            None => k.sender_name().to_string(),
        };
        let when = k
            .letter_date
            .map(|d| format!(" · {}", lang.date(d)))
            .unwrap_or_default();
        let onclick = props.on_remove.reform(move |_: MouseEvent| i);
        html! {
            <li data-testid="letter-kept" data-incident={k.incident.clone()}>
                { format!("{name}{when}") }{ " " }
                <button type="button" class="link" {onclick}>{ tr(lang, Text::Remove) }</button>
            </li>
        }
    });

    html! {
        <section class="panel letter" aria-labelledby="letter-heading" {ondragover} {ondrop}>
            <details open={found.is_some()}>
                <summary><h2 id="letter-heading">{ tr(lang, Text::LetterHeading) }</h2></summary>
                <p class="hint">{ tr(lang, Text::LetterIntro) }</p>
                <label for="letter-text">{ tr(lang, Text::LetterInputLabel) }</label>
                <textarea id="letter-text" data-testid="letter-input" rows="6" value={(*text).clone()} {oninput}
                    autocomplete="off" spellcheck="false"></textarea>
                <div class="letter-actions">
                    <button type="button" class="primary" onclick={onread} disabled={*reading}>{ tr(lang, Text::LetterRead) }</button>
                    <label class="file">{ tr(lang, Text::LetterFile) }
                        <input type="file" accept=".txt,.eml,text/plain,message/rfc822" onchange={onfile} />
                    </label>
                </div>
                if *reading {
                    <p class="hint" role="status" data-testid="letter-reading">{ tr(lang, Text::LetterReading) }</p>
                }
                { nodes(result) }
                <details class="paper">
                    <summary>{ tr(lang, Text::LetterPaper) }</summary>
                    <form onsubmit={onpaper}>
                        <label>{ tr(lang, Text::LetterSender) }<input name="letter-sender" type="text" autocomplete="off" ref={sender_ref} /></label>
                        <label>{ tr(lang, Text::LetterDated) }<input name="letter-date" type="date" ref={date_ref} /></label>
                        <fieldset><legend>{ tr(lang, Text::LetterTypes) }</legend>{ nodes(type_boxes) }</fieldset>
                        <label>{ tr(lang, Text::LetterDeadline) }<input name="letter-deadline" type="date" ref={deadline_ref} /></label>
                        <button type="submit">{ tr(lang, Text::LetterUse) }</button>
                    </form>
                </details>
            </details>
            if !props.kept.is_empty() {
                <h3>{ tr(lang, Text::LetterKept) }</h3>
                <ul class="letters-kept">{ nodes(kept_list) }</ul>
            }
        </section>
    }
}
