//! The button that erases everything the page stored.

use yew::prelude::*;

use crate::context::use_lang;
use crate::i18n::{tr, Text};

#[derive(Properties, PartialEq)]
pub struct ClearAllProps {
    pub on_clear: Callback<()>,
}

#[function_component(ClearAll)]
pub fn clear_all(props: &ClearAllProps) -> Html {
    let lang = use_lang();
    let onclick = props.on_clear.reform(|_: MouseEvent| ());
    html! {
        <section class="panel quiet">
            <button type="button" class="danger" data-testid="clear-all" {onclick}>
                { tr(lang, Text::ClearAll) }
            </button>
            <p class="hint">{ tr(lang, Text::ClearAllHint) }</p>
        </section>
    }
}
