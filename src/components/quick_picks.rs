//! Common companies by sector, one tap to add.

use exposure_core::model::Sector;
use yew::prelude::*;

use crate::components::nodes;
use crate::context::{use_engine, use_lang};
use crate::i18n::{sector_label, tr, Text};

/// Sectors offered, in the order a person thinks of them.
const SECTORS: &[Sector] = &[
    Sector::Carrier,
    Sector::Bank,
    Sector::Insurer,
    Sector::Health,
    Sector::Retail,
    Sector::Education,
];

#[derive(Properties, PartialEq)]
pub struct QuickPicksProps {
    /// (name, org id)
    pub on_add: Callback<(String, Option<String>)>,
    /// Org ids already chosen (shown pressed).
    pub chosen: Vec<String>,
}

#[function_component(QuickPicks)]
pub fn quick_picks(props: &QuickPicksProps) -> Html {
    let lang = use_lang();
    let Some(engine) = use_engine() else {
        return Html::default();
    };
    let groups = SECTORS.iter().map(|&sector| {
        let picks = engine.names.prominent(&engine.data, sector, 6);
        let buttons = picks.into_iter().map(|(id, name)| {
            // Shown in the reader's language; added under its data name.
            let label = exposure_words::org_name(&engine.data, &id, lang).to_string();
            let pressed = props.chosen.contains(&id);
            let onclick = {
                let on_add = props.on_add.clone();
                let (id, name) = (id.clone(), name.clone());
                Callback::from(move |_: MouseEvent| on_add.emit((name.clone(), Some(id.clone()))))
            };
            html! {
                <li><button type="button" class="pick" data-testid="quick-pick" data-org-id={id}
                    aria-pressed={pressed.to_string()} disabled={pressed} {onclick}>{ label }</button></li>
            }
        });
        html! {
            <div class="pick-group">
                <h3>{ sector_label(lang, sector) }</h3>
                <ul class="picks">{ nodes(buttons) }</ul>
            </div>
        }
    });
    html! {
        <details class="quick-picks">
            <summary>{ tr(lang, Text::QuickPicks) }</summary>
            <div class="pick-groups">{ nodes(groups) }</div>
        </details>
    }
}
