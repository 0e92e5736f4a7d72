//! The root component: owns the state (one reducer), runs the effects
//! through the custom hooks of `hooks.rs`, gives every view the language and
//! the engine in use as context, and composes the views of each route.

use exposure_core::export::{self, Progress};
use exposure_core::{CompanyQuery, PartialDate};
use yew::prelude::*;

use crate::components::action_plan::ActionPlan;
use crate::components::clear_all::ClearAll;
use crate::components::company_chips::CompanyChips;
use crate::components::company_input::CompanyInput;
use crate::components::error_banner::ErrorBanner;
use crate::components::exposure_summary::ExposureSummary;
use crate::components::header::Header;
use crate::components::import_panel::ImportPanel;
use crate::components::incident_browser::IncidentBrowser;
use crate::components::incident_list::IncidentList;
use crate::components::incident_page::IncidentPage;
use crate::components::letter_reader::LetterReader;
use crate::components::new_since::NewSince;
use crate::components::plan_toolbar::ExportKind;
use crate::components::quick_picks::QuickPicks;
use crate::components::verdict::Verdict;
use crate::context::{EngineContext, LocaleContext};
use crate::engine::{SharedEngine, SharedTexts};
use crate::error::AppError;
use crate::hooks::{
    use_data_download, use_data_texts, use_hash_route, use_html_lang, use_kept_catalog, use_report,
    use_saved_progress, use_seen, use_shell_taken,
};
use crate::i18n::{tr, Lang, Text};
use crate::platform::ShellInput;
use crate::route::Route;
use crate::state::{Action, AppState};
use crate::{catalog, persist, platform, storage};

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Progress to start from. The browser starts empty and restores what it
    /// saved; tests and server rendering pass it directly.
    #[prop_or_default]
    pub initial: Option<Progress>,
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// The day deadlines are judged against; the browser's clock when absent.
    #[prop_or_default]
    pub today: Option<PartialDate>,
    /// The view to start on (the browser reads it from the URL).
    #[prop_or_default]
    pub route: Option<Route>,
    /// The engine over the shipped data set. The browser downloads the data
    /// (`data::load`) when this is absent; tests and server rendering pass it.
    #[prop_or_default]
    pub engine: Option<SharedEngine>,
    /// The data's Chinese texts; the browser downloads them when someone
    /// reads in Chinese, tests and server rendering may pass them.
    #[prop_or_default]
    pub texts: Option<SharedTexts>,
    /// What was typed into the page's static company box before the app
    /// started (index.html's shell); the browser reads it at start.
    #[prop_or_default]
    pub shell: ShellInput,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = {
        let initial = props.initial.clone();
        let lang = props.lang;
        let route = props.route.clone();
        let engine = props.engine.clone();
        let shell = props.shell.clone();
        let texts = props.texts.clone();
        use_reducer(move || {
            // Companies added in the shell come after any given progress
            // (and after the saved list, which `Restore` puts first).
            let mut progress = initial.unwrap_or_default();
            progress
                .companies
                .extend(shell.pending.into_iter().map(|input| CompanyQuery {
                    input,
                    org_id: None,
                    ..Default::default()
                }));
            let mut s = AppState::with_progress(progress);
            s.lang = lang.unwrap_or_default();
            s.route = route.unwrap_or_default();
            // An engine given (tests, server rendering) is complete.
            s.data_settled = engine.is_some();
            s.base = engine;
            s.texts = texts;
            s.resolve_unmatched();
            s.shell_text = shell.text;
            s.shell_caret = shell.caret;
            s
        })
    };

    use_data_download(&state);
    use_shell_taken(&state);
    use_saved_progress(&state);
    use_kept_catalog(&state);
    use_hash_route(&state);
    use_html_lang(state.lang);

    let today = props.today.or_else(platform::today);
    // The engine every view uses: the catalogue's when one is loaded.
    let active_engine = state.catalog.clone().or_else(|| state.base.clone());
    use_data_texts(&state);
    let report = use_report(&state, today, active_engine.clone());
    use_seen(&state, report.clone(), active_engine.clone());

    let lang = state.lang;
    // A language the person chooses is remembered; the browser's default is not stored.
    let on_lang = {
        let d = state.dispatcher();
        Callback::from(move |lang: Lang| {
            d.dispatch(Action::SetLang { lang });
            if let Err(error) = persist::save_lang(lang) {
                d.dispatch(Action::ShowError { error });
            }
        })
    };
    let on_dismiss = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::DismissError))
    };

    let engine = active_engine;
    let data_failed = matches!(
        state.error,
        Some(AppError::Data(_) | AppError::DataFetch { .. })
    );
    let on_add = {
        let d = state.dispatcher();
        Callback::from(move |(input, org_id): (String, Option<String>)| {
            d.dispatch(Action::AddCompany { input, org_id })
        })
    };
    let on_add_many = {
        let d = state.dispatcher();
        Callback::from(move |items: Vec<(String, Option<String>)>| {
            d.dispatch(Action::AddCompanies { items })
        })
    };
    let on_remove = {
        let d = state.dispatcher();
        Callback::from(move |key: String| d.dispatch(Action::RemoveCompany { key }))
    };
    let on_period = {
        let d = state.dispatcher();
        Callback::from(move |(key, period): (String, exposure_core::Period)| {
            d.dispatch(Action::SetPeriod { key, period })
        })
    };
    let on_relation = {
        let d = state.dispatcher();
        Callback::from(
            move |(key, relation): (String, exposure_core::model::Relation)| {
                d.dispatch(Action::SetRelation { key, relation })
            },
        )
    };
    let on_pick = {
        let d = state.dispatcher();
        Callback::from(move |(key, org_id): (String, String)| {
            d.dispatch(Action::PickOrg { key, org_id })
        })
    };
    let on_toggle = {
        let d = state.dispatcher();
        Callback::from(move |action_id: String| {
            d.dispatch(Action::ToggleDone {
                action_id,
                on: today,
            })
        })
    };
    let on_clear = {
        let d = state.dispatcher();
        Callback::from(move |_| {
            d.dispatch(Action::ClearAll);
            if let Err(error) = persist::clear() {
                d.dispatch(Action::ShowError { error });
            }
        })
    };
    let on_export = {
        let d = state.dispatcher();
        let report = report.clone();
        let engine = engine.clone();
        let progress = state.progress();
        let (done, done_on) = (progress.done.clone(), progress.done_on.clone());
        let lang = state.lang;
        let texts = state.texts.clone();
        Callback::from(move |kind: ExportKind| {
            let (Some(report), Some(engine)) = (report.as_ref(), engine.as_ref()) else {
                return;
            };
            let ds = &engine.data;
            let locale = LocaleContext {
                lang,
                texts: texts.clone(),
            };
            let words = exposure_words::Speaker {
                ds,
                locale: locale.locale(),
                today,
            };
            let result = match kind {
                ExportKind::Print => {
                    platform::print();
                    Ok(())
                }
                ExportKind::Markdown => platform::download(
                    "exposure-check-plan.md",
                    "text/markdown;charset=utf-8",
                    &exposure_words::export::to_markdown(ds, report, &done, &words),
                ),
                ExportKind::Json => platform::download(
                    "exposure-check-plan.json",
                    "application/json",
                    &export::to_json(ds, report, &progress, today, &words),
                ),
                ExportKind::Ics { start } => match start.or(today) {
                    Some(day) => platform::download(
                        "exposure-check-reminders.ics",
                        "text/calendar;charset=utf-8",
                        &exposure_words::export::to_ics(report, day, &done_on, &words),
                    ),
                    None => Err(AppError::Download {
                        reason: "the browser did not give today's date".into(),
                    }),
                },
            };
            if let Err(error) = result {
                d.dispatch(Action::ShowError { error });
            }
        })
    };
    let on_error = {
        let d = state.dispatcher();
        Callback::from(move |error: AppError| d.dispatch(Action::ShowError { error }))
    };
    let on_file = {
        let d = state.dispatcher();
        let base = state.base.clone();
        Callback::from(move |file: web_sys::File| {
            if let Some(base) = &base {
                catalog::open_file(d.clone(), base.clone(), file)
            }
        })
    };
    let on_remove_catalog = {
        let d = state.dispatcher();
        Callback::from(move |_| {
            d.dispatch(Action::RemoveCatalog);
            if let Err(error) = platform::storage_remove(storage::CATALOG_KEY) {
                d.dispatch(Action::ShowError { error });
            }
        })
    };

    // While the data set downloads (or if it cannot), views that need it say so.
    let waiting = html! {
        <p class="empty" role="status">{
            tr(lang, if data_failed { Text::DataUnavailable } else { Text::LoadingData })
        }</p>
    };
    let results = match (report.as_ref(), &engine) {
        _ if state.companies.is_empty() => {
            html! { <p class="empty">{ tr(lang, Text::NoCompanies) }</p> }
        }
        (Some(report), Some(_)) => html! {
            <>
                <NewSince report={report.clone()} seen={state.seen_before.clone()} />
                <Verdict report={report.clone()} />
                <ActionPlan
                    report={report.clone()}
                    done={state.done.clone()}
                    today={today}
                    on_toggle={on_toggle}
                    on_export={on_export}
                />
                <IncidentList report={report.clone()} seen={state.seen_before.clone()} />
                <ExposureSummary report={report.clone()} />
            </>
        },
        _ => waiting.clone(),
    };

    let on_keep_letter = {
        let d = state.dispatcher();
        Callback::from(move |letter: exposure_core::letter::Kept| {
            d.dispatch(Action::KeepLetter { letter })
        })
    };
    let on_remove_letter = {
        let d = state.dispatcher();
        Callback::from(move |index: usize| d.dispatch(Action::RemoveLetter { index }))
    };

    let on_navigate = {
        let d = state.dispatcher();
        Callback::from(move |route: Route| {
            platform::set_hash(&route.href());
            d.dispatch(Action::Navigate { route });
        })
    };

    let view = match (&state.route, &engine) {
        (Route::Check, _) => {
            // Each part is one node whether shown or not (an absent `Option` would
            // shift its siblings, and Yew would then build the company box anew
            // when the data arrives, losing what was typed meanwhile).
            let letters: Html = engine.as_ref().map(|_| {
                html! {
                    <LetterReader companies={state.companies.clone()} kept={state.letters.clone()}
                        on_keep={on_keep_letter.clone()} on_remove={on_remove_letter.clone()} on_error={on_error.clone()} />
                }
            }).unwrap_or_default();
            let chosen: Html = engine.as_ref().map(|_| {
                html! {
                    <>
                        <QuickPicks on_add={on_add.clone()}
                            chosen={state.companies.iter().filter_map(|c| c.org_id.clone()).collect::<Vec<_>>()} />
                        <CompanyChips companies={state.companies.clone()} on_remove={on_remove} on_period={on_period} {on_relation} {on_pick} />
                    </>
                }
            }).unwrap_or_default();
            let import: Html = if state.base.is_some() {
                html! {
                    <ImportPanel busy={state.importing} progress={state.import_progress} notice={state.notice.clone()}
                        has_catalog={state.catalog.is_some()} on_file={on_file} on_error={on_error}
                        on_remove={on_remove_catalog} />
                }
            } else {
                html! {}
            };
            html! {
                <>
                    <section class="panel" aria-labelledby="companies-heading">
                        <h2 id="companies-heading">{ tr(lang, Text::CompaniesHeading) }</h2>
                        <CompanyInput {data_failed} on_add={on_add} {on_add_many}
                            initial_text={state.shell_text.clone()} caret={state.shell_caret} />
                        { chosen }
                    </section>
                    // The answer first; reading a letter after it.
                    { results }
                    { letters }
                    { import }
                </>
            }
        }
        (Route::Incidents(filter), Some(_)) => html! {
            <IncidentBrowser filter={filter.clone()} on_navigate={on_navigate} />
        },
        (Route::Incident(id), Some(_)) => html! {
            <IncidentPage id={id.clone()} {today} />
        },
        (_, None) => waiting,
    };

    html! {
        <ContextProvider<LocaleContext> context={LocaleContext { lang, texts: state.texts.clone() }}>
        <ContextProvider<EngineContext> context={EngineContext(engine.clone())}>
            <a class="skip-link" href="#main">{ tr(lang, Text::SkipToContent) }</a>
            <Header on_lang={on_lang} route={state.route.clone()} />
            <main id="main" class="page" tabindex="-1">
                <ErrorBanner error={state.error.clone()} on_dismiss={on_dismiss} />
                { view }
                <ClearAll on_clear={on_clear} />
            </main>
            <footer class="footer"><p>{ tr(lang, Text::Footer) }</p></footer>
        </ContextProvider<EngineContext>>
        </ContextProvider<LocaleContext>>
    }
}
