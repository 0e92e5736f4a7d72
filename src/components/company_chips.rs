//! The chosen companies, each with a remove button.

use exposure_core::CompanyQuery;
use yew::prelude::*;

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
}

#[function_component(CompanyChips)]
pub fn company_chips(props: &CompanyChipsProps) -> Html {
    let lang = props.lang;
    if props.companies.is_empty() {
        return html! {};
    }
    let chips = props.companies.iter().map(|c| {
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
        html! {
            <li class={classes!("chip", org.is_none().then_some("unknown"))}
                data-testid="company-chip"
                data-org-id={c.org_id.clone().unwrap_or_default()}>
                <span class="chip-name">{ label.clone() }</span>
                if let Some(d) = detail { <span class="chip-detail">{ d }</span> }
                <button type="button" class="chip-remove" {onclick}
                    aria-label={format!("{} {}", tr(lang, Text::Remove), label)}>{ "×" }</button>
            </li>
        }
    });
    html! {
        <ul class="chips" aria-label={tr(lang, Text::CompaniesHeading)}>{ for chips }</ul>
    }
}
