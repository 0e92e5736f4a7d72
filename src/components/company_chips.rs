//! The chosen companies, each with a remove button.

use exposure_core::{CompanyQuery, Period};
use yew::prelude::*;

use crate::components::nodes;
use crate::components::year_box::YearBox;
use crate::i18n::{tr, Lang, Text};
use crate::state::company_key;
use crate::SharedEngine;

#[derive(Properties, PartialEq)]
pub struct CompanyChipsProps {
    pub engine: SharedEngine,
    pub companies: Vec<CompanyQuery>,
    pub lang: Lang,
    /// Called with the company's key.
    pub on_remove: Callback<String>,
    /// Called with the company's key and the years given.
    pub on_period: Callback<(String, Period)>,
}

/// Chips shown before "show all": a pasted list can hold thousands, and
/// every chip is work for the browser.
pub const SHOWN: usize = 200;

#[function_component(CompanyChips)]
pub fn company_chips(props: &CompanyChipsProps) -> Html {
    let lang = props.lang;
    let show_all = use_state(|| false);
    if props.companies.is_empty() {
        return html! {};
    }
    let total = props.companies.len();
    let shown = if *show_all { total } else { total.min(SHOWN) };
    let chips = props.companies.iter().take(shown).map(|c| {
        // Keyed, so removing a chip leaves the others' elements (an open
        // year editor, focus) in place; keys are unique (`AppState::add_all`).
        let key = company_key(c);
        let org = c.org_id.as_deref().and_then(|id| props.engine.data.org(id));
        let (label, detail) = match org {
            Some(o) if o.name != c.input && !c.input.is_empty() => {
                (o.name.clone(), Some(format!("“{}”", c.input)))
            }
            Some(o) => (o.name.clone(), None),
            None => (
                c.input.clone(),
                Some(tr(lang, Text::NotRecognised).to_string()),
            ),
        };
        let onclick = {
            let on_remove = props.on_remove.clone();
            let key = key.clone();
            Callback::from(move |_: MouseEvent| on_remove.emit(key.clone()))
        };
        let period = c.period;
        let on_year = |from_box: bool| {
            let on_period = props.on_period.clone();
            let key = key.clone();
            Callback::from(move |v: Option<i32>| {
                let mut p = period;
                if from_box { p.from = v } else { p.until = v }
                on_period.emit((key.clone(), p));
            })
        };
        let years = match (period.from, period.until) {
            (None, None) => tr(lang, Text::WhenCustomer).to_string(),
            (f, u) => format!(
                "{}–{}",
                f.map(|y| y.to_string()).unwrap_or_default(),
                u.map(|y| y.to_string()).unwrap_or_else(|| tr(lang, Text::Now).to_string())
            ),
        };
        html! {
            <li key={key.clone()} class={classes!("chip", org.is_none().then_some("unknown"))}
                data-testid="company-chip"
                data-org-id={c.org_id.clone().unwrap_or_default()}>
                <span class="chip-name">{ label.clone() }</span>
                if let Some(d) = detail { <span class="chip-detail">{ d }</span> }
                if org.is_some() {
                    <details class="chip-period">
                        <summary data-testid="company-period">{ years }</summary>
                        <div class="period-box">
                            <YearBox label={tr(lang, Text::CustomerFrom)} hint={tr(lang, Text::YearHint)}
                                testid="period-from" year={period.from} on_year={on_year(true)} />
                            <YearBox label={tr(lang, Text::CustomerUntil)} hint={tr(lang, Text::YearHint)}
                                testid="period-until" year={period.until} on_year={on_year(false)} />
                        </div>
                    </details>
                }
                <button type="button" class="chip-remove" {onclick}
                    aria-label={format!("{} {}", tr(lang, Text::Remove), label)}>{ "×" }</button>
            </li>
        }
    });
    // Keyed chips in one list node (`nodes`): removing one leaves the others'
    // elements in place, with an open year editor still open.
    let chips = nodes(chips);
    let more = (shown < total).then(|| {
        let onclick = {
            let show_all = show_all.clone();
            Callback::from(move |_: MouseEvent| show_all.set(true))
        };
        html! {
            <button type="button" class="link-button" data-testid="show-all-companies" {onclick}>
                { format!("{} ({total})", tr(lang, Text::ShowAllCompanies)) }
            </button>
        }
    });
    html! {
        <>
            <ul class="chips" aria-label={tr(lang, Text::CompaniesHeading)} data-count={total.to_string()}>{ chips }</ul>
            { nodes(more) }
        </>
    }
}
