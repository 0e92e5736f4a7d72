//! "New since your last visit": incidents and notices the saved companies
//! now have that the last visit's data did not show, summed at the top.

use std::collections::BTreeSet;

use exposure_core::export::Seen;
use exposure_core::{PartialDate, Report};
use yew::prelude::*;

use crate::components::nodes;
use crate::context::{use_engine, use_locale};
use crate::i18n::{new_since_mark, tr, Text};
use exposure_words::incident_title;

#[derive(Properties, PartialEq)]
pub struct NewSinceProps {
    pub report: Report,
    /// What the last visit showed (none on a first visit).
    pub seen: Option<Seen>,
}

/// The date of the last visit and the ids found now that it did not show
/// (none on a first visit, or with the same data).
pub fn fresh_ids(
    ds: &exposure_core::DataSet,
    report: &Report,
    seen: Option<&Seen>,
) -> Option<(PartialDate, BTreeSet<String>)> {
    let seen = seen?;
    let now: BTreeSet<String> = report
        .live_matches()
        .map(|m| m.incident_id.clone())
        .collect();
    let fresh: BTreeSet<String> = seen
        .new_since(ds.info().as_of, &now)
        .into_iter()
        .map(str::to_string)
        .collect();
    Some((seen.as_of?, fresh)).filter(|(_, f)| !f.is_empty())
}

/// The mark on a card found since the last visit.
pub fn new_mark(lang: exposure_core::Lang, since: Option<PartialDate>) -> Html {
    let Some(since) = since else {
        return Html::default();
    };
    html! {
        <span class="badge badge-new" data-testid="new-mark" data-since={since.to_string()}>
            { new_since_mark(lang, &lang.date(since)) }
        </span>
    }
}

#[function_component(NewSince)]
pub fn new_since(props: &NewSinceProps) -> Html {
    let locale = use_locale();
    let lang = locale.lang;
    let Some(engine) = use_engine() else {
        return Html::default();
    };
    let ds = &engine.data;
    let (Some((then, fresh)), Some(as_of)) = (
        fresh_ids(ds, &props.report, props.seen.as_ref()),
        ds.info().as_of,
    ) else {
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
