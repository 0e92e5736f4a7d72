//! The button that erases everything the page stored.

use yew::prelude::*;

use crate::i18n::{tr, Lang, Text};

#[derive(Properties, PartialEq)]
pub struct ClearAllProps {
    pub lang: Lang,
    pub on_clear: Callback<()>,
}

#[function_component(ClearAll)]
pub fn clear_all(props: &ClearAllProps) -> Html {
    let onclick = props.on_clear.reform(|_: MouseEvent| ());
    html! {
        <section class="panel quiet">
            <button type="button" class="danger" data-testid="clear-all" {onclick}>
                { tr(props.lang, Text::ClearAll) }
            </button>
            <p class="hint">{ tr(props.lang, Text::ClearAllHint) }</p>
        </section>
    }
}
