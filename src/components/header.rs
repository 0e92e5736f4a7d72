//! Page title, privacy promise and the language chooser.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::context::use_lang;
use crate::i18n::{tr, Lang, Text};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub on_lang: Callback<Lang>,
    /// Which view is shown, for the navigation's current mark.
    #[prop_or_default]
    pub route: Route,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let lang = use_lang();
    let onchange = {
        let on_lang = props.on_lang.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_lang.emit(Lang::from_code(&value));
        })
    };
    html! {
        <header class="masthead">
            <div class="masthead-inner">
                <div>
                    <h1>{ tr(lang, Text::AppName) }</h1>
                    <p class="tagline">{ tr(lang, Text::Tagline) }</p>
                    <p class="privacy">{ tr(lang, Text::PrivacyNote) }</p>
                </div>
                <label class="lang">
                    <span class="visually-hidden">{ tr(lang, Text::Language) }</span>
                    <select data-testid="lang-switch" {onchange} aria-label={tr(lang, Text::Language)}>
                        <option value="en" selected={lang == Lang::En}>{ "English" }</option>
                        <option value="zh-Hans" selected={lang == Lang::Zh}>{ "简体中文" }</option>
                    </select>
                </label>
            </div>
            <nav class="tabs" aria-label={tr(lang, Text::AppName)}>
                <a href={Route::Check.href()} data-testid="nav-check"
                    aria-current={matches!(props.route, Route::Check).then_some("page")}>{ tr(lang, Text::NavCheck) }</a>
                <a href={Route::Incidents(Default::default()).href()} data-testid="nav-incidents"
                    aria-current={(!matches!(props.route, Route::Check)).then_some("page")}>{ tr(lang, Text::NavIncidents) }</a>
            </nav>
        </header>
    }
}
