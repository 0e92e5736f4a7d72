//! Views: one component per file, each taking props and callbacks.

use yew::Html;

/// A list of nodes as one node, however many there are. Views use it, not
/// `{ for … }`: that spreads the items among their siblings (so a part that
/// grows or shrinks shifts the parts after it), and a lone item becomes its
/// parent's only child instead of a list. Either way Yew then builds
/// elements anew and loses what was in them: an open `<details>`, focus,
/// typed text. (`tests/views.rs` keeps `{ for` out of the views.)
pub fn nodes<I: IntoIterator<Item = Html>>(items: I) -> Html {
    items.into_iter().collect()
}

pub mod action_item;
pub mod action_plan;
pub mod clear_all;
pub mod company_chips;
pub mod company_input;
pub mod error_banner;
pub mod exposure_summary;
pub mod header;
pub mod import_panel;
pub mod incident_browser;
pub mod incident_card;
pub mod incident_list;
pub mod incident_page;
pub mod letter_reader;
pub mod new_since;
pub mod notice_card;
pub mod plan_toolbar;
pub mod quick_picks;
pub mod verdict;
pub mod year_box;
