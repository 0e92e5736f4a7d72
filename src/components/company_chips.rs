//! The chosen companies, each with a remove button.

use exposure_core::model::Relation;
use exposure_core::reading::Certainty;
use exposure_core::{CompanyQuery, Period, Tenure};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::nodes;
use crate::components::year_box::YearBox;
use crate::context::{use_engine, use_lang};
use crate::i18n::{period_summary, relation_label, tenure_label, tr, Text};
use crate::state::company_key;

#[derive(Properties, PartialEq)]
pub struct CompanyChipsProps {
    pub companies: Vec<CompanyQuery>,
    /// Called with the company's key.
    pub on_remove: Callback<String>,
    /// Called with the company's key and the years given.
    pub on_period: Callback<(String, Period)>,
    /// Called with the company's key and what the person is to it.
    pub on_relation: Callback<(String, Relation)>,
    /// Called with the key of a name not recognised and the organization
    /// the person took from "Did you mean …?".
    pub on_pick: Callback<(String, String)>,
}

/// The relationships offered, in the order a person thinks of them.
const RELATIONS: [Relation; 7] = [
    Relation::Customer,
    Relation::Patient,
    Relation::Member,
    Relation::Student,
    Relation::PlanParticipant,
    Relation::Employee,
    Relation::Applicant,
];

/// Whether the relationship goes on, as the editor offers it: still, no
/// longer, not sure (`None`), each with the value of its option.
const TENURES: [(Option<Tenure>, &str); 3] = [
    (Some(Tenure::Current), "current"),
    (Some(Tenure::Former), "former"),
    (None, ""),
];

/// Chips shown before "show all": a pasted list can hold thousands, and
/// every chip is work for the browser.
pub const SHOWN: usize = 200;

#[function_component(CompanyChips)]
pub fn company_chips(props: &CompanyChipsProps) -> Html {
    let lang = use_lang();
    let Some(engine) = use_engine() else {
        return Html::default();
    };
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
        let engine = &engine;
        let org = c.org_id.as_deref().and_then(|id| engine.data.org(id));
        // A name read from a slip says so: the person sees what was taken.
        let read_as = org.is_some()
            && engine
                .name_match_of(c)
                .is_some_and(|n| n.certainty == Certainty::ReadAs);
        // The name in the reader's language (a Chinese name where one exists).
        let shown = |o: &exposure_core::model::Organization| {
            exposure_words::org_name(&engine.data, &o.id, lang).to_string()
        };
        let (label, detail) = match org {
            Some(o) if read_as => (
                shown(o),
                Some(format!("“{}” — {} {}", c.input, tr(lang, Text::ReadAs), shown(o))),
            ),
            Some(o) if o.name != c.input && shown(o) != c.input && !c.input.is_empty() => {
                (shown(o), Some(format!("“{}”", c.input)))
            }
            Some(o) => (shown(o), None),
            // Part of the names is still to come: not "not recognised" yet.
            None if engine.names_pending() => (
                c.input.clone(),
                Some(tr(lang, Text::StillChecking).to_string()),
            ),
            None => (
                c.input.clone(),
                Some(tr(lang, Text::NotRecognised).to_string()),
            ),
        };
        let did_you_mean = org
            .is_none()
            .then(|| engine.did_you_mean(&c.input))
            .flatten()
            .map(|m| {
                let on_pick = props.on_pick.clone();
                let (key, id) = (key.clone(), m.org_id.clone());
                let onclick = Callback::from(move |_: MouseEvent| on_pick.emit((key.clone(), id.clone())));
                html! {
                    <button type="button" class="link-button did-you-mean" data-testid="did-you-mean"
                        data-org-id={m.org_id.clone()} {onclick}>
                        { format!("{} {}?", tr(lang, Text::DidYouMean), m.name) }
                    </button>
                }
            });
        let relation = {
            let on_relation = props.on_relation.clone();
            let key = key.clone();
            let onchange = Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                if let Some(r) = RELATIONS.iter().copied().find(|r| r.id() == v) {
                    on_relation.emit((key.clone(), r));
                }
            });
            let options = RELATIONS.iter().map(|&r| {
                html! { <option value={r.id()} selected={c.relation == r}>{ relation_label(lang, r, false) }</option> }
            });
            html! {
                <label class="relation">
                    <span>{ tr(lang, Text::IAmA) }</span>
                    <select data-testid="company-relation" {onchange}>{ nodes(options) }</select>
                </label>
            }
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
        // Still, no longer, or not sure; an end year alone says "no longer".
        let tenure = {
            let on_period = props.on_period.clone();
            let key = key.clone();
            let onchange = Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                if let Some((t, _)) = TENURES.iter().find(|(_, id)| *id == v) {
                    on_period.emit((key.clone(), period.with_tenure(*t)));
                }
            });
            let options = TENURES.iter().map(|&(t, id)| {
                let text = match t {
                    Some(t) => tenure_label(lang, t, c.relation),
                    None => tr(lang, Text::TenureNotSure).to_string(),
                };
                html! { <option value={id} selected={period.status() == t}>{ text }</option> }
            });
            html! {
                <label class="relation">
                    <span>{ tr(lang, Text::TenureLabel) }</span>
                    <select data-testid="company-tenure" {onchange}>{ nodes(options) }</select>
                </label>
            }
        };
        let years = period_summary(lang, c.relation, period);
        // A current relationship has not ended: no end year to ask.
        let still = period.status() == Some(Tenure::Current);
        html! {
            <li key={key.clone()} class={classes!("chip", org.is_none().then_some("unknown"))}
                data-testid="company-chip"
                data-org-id={c.org_id.clone().unwrap_or_default()}
                data-from-letter={c.from_letter.then_some("true")}>
                <span class="chip-name">{ label.clone() }</span>
                if let Some(d) = detail { <span class="chip-detail">{ d }</span> }
                if c.from_letter { <span class="chip-detail from-letter">{ tr(lang, Text::FromLetter) }</span> }
                { nodes(did_you_mean) }
                if org.is_some() {
                    <details class="chip-period">
                        <summary data-testid="company-period">{ years }</summary>
                        <div class="period-box">
                            { relation }
                            { tenure }
                            <YearBox label={tr(lang, Text::CustomerFrom)} hint={tr(lang, Text::YearHint)}
                                testid="period-from" year={period.from} on_year={on_year(true)} />
                            if !still {
                                <YearBox label={tr(lang, Text::CustomerUntil)} hint={tr(lang, Text::YearHint)}
                                    testid="period-until" year={period.until} on_year={on_year(false)} />
                            }
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
    let list = html! {
        <>
            <ul class="chips" aria-label={tr(lang, Text::CompaniesHeading)} data-count={total.to_string()}>{ chips }</ul>
            { nodes(more) }
        </>
    };
    // A long list folds into one line once the results are below it (the
    // editor opens on demand).
    if total > FOLD_AFTER {
        let names: Vec<String> = props
            .companies
            .iter()
            .take(3)
            .map(
                |c| match c.org_id.as_deref().and_then(|id| engine.data.org(id)) {
                    Some(o) => exposure_words::org_name(&engine.data, &o.id, lang).to_string(),
                    None => c.input.clone(),
                },
            )
            .collect();
        let summary = format!(
            "{} ({total}){}{}…",
            tr(lang, Text::YourCompanies),
            lang.pick(": ", "："),
            names.join(lang.pick(", ", "、"))
        );
        return html! {
            <details class="chips-fold" data-testid="chips-fold">
                <summary>{ summary }</summary>
                { list }
            </details>
        };
    }
    list
}

/// A list longer than this folds into one line.
const FOLD_AFTER: usize = 6;
