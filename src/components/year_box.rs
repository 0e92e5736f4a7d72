//! One year box of a company's customer period ("Customer from", "until").
//!
//! What is typed is kept until it is a year or empty: a half-typed "201"
//! stays in the box, marked invalid with a hint beside it, and the period
//! keeps its last year. (A box drawn from the period alone would be put
//! back to that year at the next redraw of the page, losing the typing.)

use std::sync::atomic::{AtomicU32, Ordering};

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A year typed into a box, if it is one. Full-width digits (as a Chinese
/// input method may type them) count as digits.
fn year(text: &str) -> Option<i32> {
    let ascii: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            c => c,
        })
        .collect();
    ascii.parse().ok().filter(|y| (1900..=2100).contains(y))
}

/// What a change of the box's text does.
#[derive(Debug, PartialEq, Eq)]
enum Typed {
    /// The period takes this year (`None`: the box was emptied).
    Year(Option<i32>),
    /// Not a year: kept in the box, and the period left as it is.
    Draft(String),
}

/// Reads the box's text.
fn typed(text: &str) -> Typed {
    if text.trim().is_empty() {
        return Typed::Year(None);
    }
    match year(text) {
        Some(y) => Typed::Year(Some(y)),
        None => Typed::Draft(text.to_string()),
    }
}

/// Ids for the hints, one per box ever drawn.
static NEXT_HINT: AtomicU32 = AtomicU32::new(0);

#[derive(Properties, PartialEq)]
pub struct YearBoxProps {
    pub label: &'static str,
    /// Said beside the box while its text is not a year.
    pub hint: &'static str,
    /// The `data-testid` of the input.
    pub testid: &'static str,
    pub year: Option<i32>,
    /// Called with the year given (`None`: none).
    pub on_year: Callback<Option<i32>>,
}

#[function_component(YearBox)]
pub fn year_box(props: &YearBoxProps) -> Html {
    // Text typed that is not a year, shown until mended.
    let draft = use_state_eq(|| None::<String>);
    let hint_id = use_state(|| format!("year-hint-{}", NEXT_HINT.fetch_add(1, Ordering::Relaxed)));
    // A year set from elsewhere (a plan read in, say) replaces the draft.
    {
        let draft = draft.clone();
        use_effect_with(props.year, move |_| draft.set(None));
    }
    let onchange = {
        let draft = draft.clone();
        let on_year = props.on_year.clone();
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            match typed(&text) {
                Typed::Year(y) => {
                    draft.set(None);
                    on_year.emit(y);
                }
                Typed::Draft(t) => draft.set(Some(t)),
            }
        })
    };
    let value = match &*draft {
        Some(t) => t.clone(),
        None => props.year.map(|y| y.to_string()).unwrap_or_default(),
    };
    let invalid = draft.is_some();
    html! {
        <label>{ props.label }
            <input type="text" inputmode="numeric" autocomplete="off" data-testid={props.testid}
                {value} {onchange}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={invalid.then(|| (*hint_id).clone())} />
            if invalid { <span class="year-hint" id={(*hint_id).clone()}>{ props.hint }</span> }
        </label>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_typing_does() {
        let table: &[(&str, Typed)] = &[
            ("", Typed::Year(None)),
            ("   ", Typed::Year(None)),
            ("2021", Typed::Year(Some(2021))),
            (" 1999 ", Typed::Year(Some(1999))),
            ("1900", Typed::Year(Some(1900))),
            ("2100", Typed::Year(Some(2100))),
            ("201", Typed::Draft("201".into())),
            ("1899", Typed::Draft("1899".into())),
            ("2101", Typed::Draft("2101".into())),
            ("1e3", Typed::Draft("1e3".into())),
            ("20 21", Typed::Draft("20 21".into())),
            ("２０２１", Typed::Year(Some(2021))),
            ("２０1", Typed::Draft("２０1".into())),
        ];
        for (text, want) in table {
            assert_eq!(&typed(text), want, "{text:?}");
        }
    }
}
