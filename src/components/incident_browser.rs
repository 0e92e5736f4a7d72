//! Every incident, with search and filters; each row links to its page.

use exposure_core::browse::{self, IncidentFilter};
use exposure_core::plan::group_thousands;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::nodes;
use crate::context::{use_engine, use_locale};
use crate::i18n::{register_name, sector_label, tr, Text};

/// Rows drawn at most (the list is in memory; the page is not).
const MAX_ROWS: usize = 1000;
use crate::route::{sector_from_id, sector_id, Route};
use exposure_words::incident_title;

#[derive(Properties, PartialEq)]
pub struct IncidentBrowserProps {
    pub filter: IncidentFilter,
    /// Called with the new filter (as a route) when a control changes.
    pub on_navigate: Callback<Route>,
}

#[function_component(IncidentBrowser)]
pub fn incident_browser(props: &IncidentBrowserProps) -> Html {
    let locale = use_locale();
    let lang = locale.lang;
    let Some(engine) = use_engine() else {
        return Html::default();
    };
    let ds = &engine.data;
    let f = &props.filter;
    let list = browse::filter_incidents(ds, f);

    // Each control rebuilds the filter from the current one.
    let update = |change: fn(&mut IncidentFilter, String)| {
        let on_navigate = props.on_navigate.clone();
        let base = f.clone();
        move |value: String| {
            let mut next = base.clone();
            change(&mut next, value);
            on_navigate.emit(Route::Incidents(next));
        }
    };
    let on_text = {
        let set = update(|f, v| f.text = v);
        Callback::from(move |e: InputEvent| {
            set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let select = |change: fn(&mut IncidentFilter, String)| {
        let set = update(change);
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_year = select(|f, v| f.year = v.parse().ok());
    let on_sector = select(|f, v| f.sector = sector_from_id(&v));
    let on_type = select(|f, v| f.data_type = (!v.is_empty()).then_some(v));
    let on_source = select(|f, v| f.source = (!v.is_empty()).then_some(v));
    let sources = ds.notices().registers.iter().map(|r| {
        html! {
            <option value={r.id.clone()} selected={f.source.as_deref() == Some(r.id.as_str())}>
                { format!("{} {}", tr(lang, Text::NoticesOf), register_name(lang, &r.id, &r.name)) }
            </option>
        }
    });
    let on_third = {
        let set = update(|f, v| f.third_party_only = v == "1");
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            set(if checked { "1".into() } else { String::new() })
        })
    };
    let on_clear = props
        .on_navigate
        .reform(|_: MouseEvent| Route::Incidents(IncidentFilter::default()));

    let years = browse::years(ds).into_iter().map(|y| {
        html! { <option value={y.to_string()} selected={f.year == Some(y)}>{ y }</option> }
    });
    let sectors = browse::sectors(ds).into_iter().map(|s| {
        html! { <option value={sector_id(s)} selected={f.sector == Some(s)}>{ sector_label(lang, s) }</option> }
    });
    let texts = ds.texts(locale.locale());
    let types = ds.taxonomy().data_types.iter().map(|t| {
        html! { <option value={t.id.clone()} selected={f.data_type.as_deref() == Some(t.id.as_str())}>{ texts.type_name(&t.id) }</option> }
    });
    let involving = f.org.as_deref().map(|o| {
        html! { <p class="involving">{ format!("{}: {}", tr(lang, Text::Involving), exposure_words::org_name(ds, o, lang)) }</p> }
    });

    // How current the data is, and each list it was checked against.
    let coverage = match ds.info().as_of {
        Some(as_of) => {
            let lists = ds.info().coverage.iter().map(|c| {
                html! {
                    <li>
                        <span lang="en">{ c.list.clone() }</span>
                        { format!(" — {} {}", tr(lang, Text::CoveredTo), lang.date(c.covered_to)) }
                    </li>
                }
            });
            html! {
                <details class="coverage">
                    <summary data-testid="data-as-of" data-date={as_of.to_string()}>
                        { format!("{} {}", tr(lang, Text::DataAsOf), lang.date(as_of)) }
                    </summary>
                    <p>{ tr(lang, Text::CoverageHeading) }</p>
                    <ul>{ nodes(lists) }</ul>
                </details>
            }
        }
        None => html! {},
    };
    // A register lists thousands: the first rows, and a word to narrow.
    let shown = list.len().min(MAX_ROWS);
    let rows = list.iter().take(MAX_ROWS).map(|inc| {
        // A named date: disclosed if known, else when the breach began.
        let date = match (inc.disclosed, inc.breach_start) {
            (Some(d), _) => format!("{} {}", tr(lang, Text::Disclosed), lang.date(d)),
            (None, Some(d)) => format!("{} {}", tr(lang, Text::Breach), lang.date(d)),
            (None, None) => String::new(),
        };
        let affected = inc.affected.map(|n| {
            let mark = if inc.affected_unconfirmed { format!(" ({})", tr(lang, Text::Unconfirmed)) } else { String::new() };
            format!("{}{mark}", group_thousands(n))
        });
        let tags = inc.data_types.iter().take(6).map(|t| html! { <li class="tag">{ texts.type_name(t) }</li> });
        html! {
            <li class="row" data-testid="incident-row" data-incident-id={inc.id.clone()}>
                <div class="row-head">
                    <a href={Route::Incident(inc.id.clone()).href()} class="row-title">{ incident_title(texts, inc) }</a>
                    if inc.is_third_party() { <span class="badge badge-possible">{ tr(lang, Text::ThirdParty) }</span> }
                </div>
                <p class="row-meta">
                    { exposure_words::org_name(ds, &inc.breached_org, lang) }
                    if !date.is_empty() { { format!(" · {date}") } }
                    if let Some(a) = affected { { format!(" · {a} {}", tr(lang, Text::PeopleAffected).to_ascii_lowercase()) } }
                </p>
                <ul class="tags">{ nodes(tags) }</ul>
            </li>
        }
    });

    html! {
        <section class="panel" data-testid="incident-browser" aria-labelledby="browser-heading">
            <h2 id="browser-heading">{ tr(lang, Text::BrowserHeading) }</h2>
            <p class="intro">{ tr(lang, Text::BrowserIntro) }</p>
            { coverage }
            <div class="filters">
                <label class="filter wide">
                    <span>{ tr(lang, Text::Search) }</span>
                    <input type="search" data-testid="incident-search" value={f.text.clone()}
                        placeholder={tr(lang, Text::SearchPlaceholder)} oninput={on_text} />
                </label>
                if !ds.notices().is_empty() {
                    <label class="filter">
                        <span>{ tr(lang, Text::Source) }</span>
                        <select data-testid="incident-filter-register" onchange={on_source}>
                            <option value="" selected={f.source.is_none()}>{ tr(lang, Text::CuratedIncidents) }</option>
                            <option value={browse::ALL_SOURCES} selected={f.source.as_deref() == Some(browse::ALL_SOURCES)}>{ tr(lang, Text::AllSources) }</option>
                            { nodes(sources) }
                        </select>
                    </label>
                }
                <label class="filter">
                    <span>{ tr(lang, Text::Year) }</span>
                    <select data-testid="incident-filter-year" onchange={on_year}>
                        <option value="" selected={f.year.is_none()}>{ tr(lang, Text::Any) }</option>
                        { nodes(years) }
                    </select>
                </label>
                <label class="filter">
                    <span>{ tr(lang, Text::Sector) }</span>
                    <select data-testid="incident-filter-sector" onchange={on_sector}>
                        <option value="" selected={f.sector.is_none()}>{ tr(lang, Text::Any) }</option>
                        { nodes(sectors) }
                    </select>
                </label>
                <label class="filter">
                    <span>{ tr(lang, Text::DataType) }</span>
                    <select data-testid="incident-filter-type" onchange={on_type}>
                        <option value="" selected={f.data_type.is_none()}>{ tr(lang, Text::Any) }</option>
                        { nodes(types) }
                    </select>
                </label>
                <label class="filter check">
                    <input type="checkbox" data-testid="incident-filter-third" checked={f.third_party_only} onchange={on_third} />
                    <span>{ tr(lang, Text::ThirdPartyOnly) }</span>
                </label>
            </div>
            { nodes(involving) }
            <p class="count" role="status">
                { format!("{} {}", list.len(), tr(lang, Text::Shown)) }
                if shown < list.len() {
                    { format!("{}{}", lang.pick(" · ", "·"), tr(lang, Text::FirstRowsOnly).replace("{n}", &shown.to_string())) }
                }
                if !f.is_empty() {
                    { " · " }<button type="button" class="link-button" onclick={on_clear}>{ tr(lang, Text::ClearFilters) }</button>
                }
            </p>
            <ul class="rows">{ nodes(rows) }</ul>
        </section>
    }
}
