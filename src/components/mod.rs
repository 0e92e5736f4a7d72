//! Views: one component per file, each taking props and callbacks.

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
pub mod plan_toolbar;
pub mod quick_picks;
