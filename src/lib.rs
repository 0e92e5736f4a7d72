//! Exposure Check's web page: Yew views over the pure `exposure-core` engine.
//!
//! - `app`: the root component; owns the reducer and the side effects
//!   (browser storage, clock, downloads) at the edge.
//! - `state`: the single reducer (`Reducible`) and its actions.
//! - `components`: one view per file, taking props and callbacks.
//! - `storage`, `platform`: the only modules that touch browser APIs.

pub mod app;
pub mod catalog;
pub mod components;
pub mod context;
pub mod data;
pub mod engine;
pub mod error;
pub mod hooks;
pub mod i18n;
pub mod letter_worker;
pub mod persist;
pub mod platform;
pub mod route;
pub mod state;
pub mod storage;

pub use app::{App, AppProps};
pub use engine::{SharedEngine, SharedTexts};
pub use platform::ShellInput;

/// Mounts the app on the page's body (browser only), in place of the static
/// company box it was loaded under, taking over what was typed there.
pub fn start() {
    platform::install_panic_hook();
    let shell = platform::take_shell();
    yew::Renderer::<App>::with_props(AppProps {
        shell,
        ..AppProps::default()
    })
    .render();
}
