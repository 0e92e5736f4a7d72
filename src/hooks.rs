//! The root component's effects as custom hooks, each one job: the data
//! set's download, the saved progress, the kept catalogue, the route, the
//! page's language, the data's Chinese texts, and the report derived from
//! the state. Each takes the reducer's handle and dispatches actions.

use std::rc::Rc;

use exposure_core::export::Seen;
use exposure_core::{PartialDate, Report};
use yew::prelude::*;

use crate::engine::SharedEngine;
use crate::i18n::Lang;
use crate::route::Route;
use crate::state::{Action, AppState};
use crate::{catalog, data, persist, platform, storage};

/// Downloads the data set, once, unless it was given, in stages: each
/// stage's engine takes the place of the last as it arrives (the curated
/// files first (the answer's part), then the rest of them (the incidents'
/// long texts, the other organizations), then the register notices); a
/// later stage that fails
/// leaves the answer of the earlier ones.
#[hook]
pub fn use_data_download(state: &UseReducerHandle<AppState>) {
    let d = state.dispatcher();
    let given = state.base.is_some();
    use_effect_with((), move |_| {
        if !given {
            wasm_bindgen_futures::spawn_local(async move {
                let (engine, mut curated) = match data::load().await {
                    Ok(first) => first,
                    Err(error) => return d.dispatch(Action::ShowError { error }),
                };
                d.dispatch(Action::DataLoaded {
                    engine: engine.clone(),
                    complete: false,
                });
                match data::load_rest(&mut curated, &engine).await {
                    Ok(Some(engine)) => d.dispatch(Action::DataLoaded {
                        engine,
                        complete: false,
                    }),
                    Ok(None) => {}
                    Err(error) => d.dispatch(Action::DataStageFailed { error }),
                }
                match data::load_notices(curated).await {
                    Ok(engine) => d.dispatch(Action::DataLoaded {
                        engine,
                        complete: true,
                    }),
                    Err(error) => d.dispatch(Action::DataStageFailed { error }),
                }
            });
        }
    });
}

/// The company box has taken what the static box held (it was created with
/// it in the first render): a later visit to the check view starts with an
/// empty box.
#[hook]
pub fn use_shell_taken(state: &UseReducerHandle<AppState>) {
    let d = state.dispatcher();
    let held = !state.shell_text.is_empty() || state.shell_caret.is_some();
    use_effect_with((), move |_| {
        if held {
            d.dispatch(Action::ShellTaken);
        }
    });
}

/// Reads what the browser saved, once (names saved without a match are
/// looked up again when the data set is here: the reducer does that), and
/// saves companies and ticks whenever they change after that first read.
#[hook]
pub fn use_saved_progress(state: &UseReducerHandle<AppState>) {
    {
        let d = state.dispatcher();
        use_effect_with((), move |_| {
            let (progress, lang, error) = persist::load();
            let lang = lang.or_else(|| platform::browser_lang().map(|c| Lang::from_code(&c)));
            d.dispatch(Action::Restore { progress, lang });
            if let Some(error) = error {
                d.dispatch(Action::ShowError { error });
            }
        });
    }
    let dispatcher = state.dispatcher();
    let progress = state.progress();
    use_effect_with((progress, state.restored), move |(progress, restored)| {
        if *restored {
            if let Err(error) = persist::save(progress) {
                dispatcher.dispatch(Action::ShowError { error });
            }
        }
    });
}

/// A kept catalogue is read again once the data set it widens is complete
/// (once: not for the stages before it).
#[hook]
pub fn use_kept_catalog(state: &UseReducerHandle<AppState>) {
    let d = state.dispatcher();
    let base = state.base.clone().filter(|_| state.data_settled);
    use_effect_with(base, move |base| {
        if let (Some(base), Ok(Some(text))) = (base, platform::storage_get(storage::CATALOG_KEY)) {
            catalog::import(d, base.clone(), catalog::Source::Text(text), false);
        }
    });
}

/// The view follows the URL fragment, now and on every change.
#[hook]
pub fn use_hash_route(state: &UseReducerHandle<AppState>) {
    // Where the reader was in the results (scroll and open sections), kept
    // when a link leaves them and given back when they return (Back, or
    // "my results" on an incident page).
    let place = use_mut_ref(|| None::<(f64, Vec<String>)>);
    let current = use_mut_ref(Route::default);
    *current.borrow_mut() = state.route.clone();
    let d = state.dispatcher();
    {
        let place = place.clone();
        use_effect_with((), move |_| {
            d.dispatch(Action::Navigate {
                route: Route::parse(&platform::current_hash()),
            });
            let d2 = d.clone();
            let listener = platform::on_hash_change(move |hash| {
                // A link within the page (the skip link, the verdict's steps)
                // keeps the view and the browser's scroll to its target.
                if Route::is_anchor(&hash) {
                    return;
                }
                let route = Route::parse(&hash);
                let from_results = *current.borrow() == Route::Check;
                if from_results && route != Route::Check {
                    *place.borrow_mut() = Some((platform::scroll_y(), platform::open_sections()));
                }
                let back = route == Route::Check && place.borrow().is_some();
                d2.dispatch(Action::Navigate { route });
                if !back {
                    platform::scroll_to_top();
                }
            });
            // Dropping the guard removes the listener.
            move || {
                let _listener = listener;
            }
        });
    }
    // Back in the results, once drawn: the sections opened again (folds,
    // cards, steps), the scroll.
    use_effect_with(state.route.clone(), move |route| {
        if *route == Route::Check {
            if let Some((y, open)) = place.borrow_mut().take() {
                for key in &open {
                    platform::open_section(key);
                }
                platform::scroll_to_y(y);
            }
        }
    });
}

/// `<html lang>` follows the page's language.
#[hook]
pub fn use_html_lang(lang: Lang) {
    use_effect_with(lang, |lang| platform::set_html_lang(lang.code()));
}

/// The Chinese texts of the data, downloaded once, when someone first
/// reads in Chinese (most visits never need them).
#[hook]
pub fn use_data_texts(state: &UseReducerHandle<AppState>) {
    let d = state.dispatcher();
    let wanted = state.lang == Lang::Zh && state.texts.is_none();
    use_effect_with(wanted, move |wanted| {
        if *wanted {
            wasm_bindgen_futures::spawn_local(async move {
                match data::load_texts().await {
                    Ok(texts) => d.dispatch(Action::TextsLoaded { texts }),
                    Err(error) => d.dispatch(Action::ShowError { error }),
                }
            });
        }
    });
}

/// The report of the person's companies and kept letters (typed facts: the
/// views put them into words), checked again when they, the day or the
/// engine change
/// (measured as `exposure:check`).
#[hook]
pub fn use_report(
    state: &UseReducerHandle<AppState>,
    today: Option<PartialDate>,
    engine: Option<SharedEngine>,
) -> Rc<Option<Report>> {
    use_memo(
        (
            state.companies.clone(),
            state.letters.clone(),
            today,
            engine,
        ),
        |(companies, letters, today, engine)| {
            engine.as_ref().map(|e| {
                let started = platform::now();
                let report = e.check_with_letters(companies, letters, *today);
                platform::measure(
                    "exposure:check",
                    started,
                    &[
                        ("companies", companies.len() as f64),
                        ("incidents", e.data.incidents().len() as f64),
                    ],
                );
                report
            })
        },
    )
}

/// What this visit shows (the data's date and the incidents found), kept
/// for the next visit's "new since", once the data set is complete.
#[hook]
pub fn use_seen(
    state: &UseReducerHandle<AppState>,
    report: Rc<Option<Report>>,
    engine: Option<SharedEngine>,
) {
    let d = state.dispatcher();
    // Only a list worth remembering: with no companies nothing is saved
    // (a save then would overwrite what another tab just stored).
    let settled = state.data_settled && state.restored && !state.companies.is_empty();
    let seen = engine.zip(report.as_ref().as_ref()).map(|(e, r)| Seen {
        as_of: e.data.info().as_of,
        ids: r.live_matches().map(|m| m.incident_id.clone()).collect(),
    });
    use_effect_with((seen, settled), move |(seen, settled)| {
        if let (Some(seen), true) = (seen, settled) {
            d.dispatch(Action::SeenNow { seen: seen.clone() });
        }
    });
}
