//! "New since your last visit": incidents and notices the saved companies
//! now have that the last visit's data did not show, summed at the top.

use exposure_core::export::Seen;
use exposure_core::Report;
use yew::prelude::*;

use crate::components::nodes;
use crate::context::{use_engine, use_locale};
use crate::i18n::{tr, Text};
use exposure_words::incident_title;

#[derive(Properties, PartialEq)]
pub struct NewSinceProps {
    pub report: Report,
    /// What the last visit showed (none on a first visit).
    pub seen: Option<Seen>,
}

#[function_component(NewSince)]
pub fn new_since(props: &NewSinceProps) -> Html {
    let locale = use_locale();
    let lang = locale.lang;
    let (Some(engine), Some(seen)) = (use_engine(), props.seen.as_ref()) else {
        return Html::default();
    };
    let ds = &engine.data;
    let now: std::collections::BTreeSet<String> = props
        .report
        .live_matches()
        .map(|m| m.incident_id.clone())
        .collect();
    let fresh = seen.new_since(ds.info().as_of, &now);
    let (Some(then), Some(as_of), false) = (seen.as_of, ds.info().as_of, fresh.is_empty()) else {
        return Html::default();
    };
    let t = ds.texts(locale.locale());
    let items = fresh.iter().map(|id| {
        let title = ds
            .incident(id)
            .map_or_else(|| id.to_string(), |i| incident_title(t, i).into_owned());
        html! { <li><a href={format!("#inc-{id}")}>{ title }</a></li> }
    });
    html! {
        <section class="panel new-since" data-testid="new-since" data-count={fresh.len().to_string()}
            data-since={then.to_string()} aria-labelledby="new-since-heading">
            <h2 id="new-since-heading">{ format!("{} ({}): {}", tr(lang, Text::NewSince), lang.date(then), fresh.len()) }</h2>
            <p class="hint">{ format!("{} {}.", tr(lang, Text::NewSinceData), lang.date(as_of)) }</p>
            <ul>{ nodes(items) }</ul>
        </section>
    }
}
