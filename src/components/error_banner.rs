//! The one place user-facing errors appear.

use yew::prelude::*;

use crate::context::use_lang;
use crate::error::AppError;
use crate::i18n::{tr, Text};

#[derive(Properties, PartialEq)]
pub struct ErrorBannerProps {
    pub error: Option<AppError>,
    pub on_dismiss: Callback<()>,
}

#[function_component(ErrorBanner)]
pub fn error_banner(props: &ErrorBannerProps) -> Html {
    let lang = use_lang();
    let Some(error) = &props.error else {
        return html! {};
    };
    let onclick = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="error" role="alert">
            <p data-testid="error-message">{ error.sentence() }</p>
            <button type="button" class="link-button" {onclick}>{ tr(lang, Text::Dismiss) }</button>
        </div>
    }
}
