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
pub mod error;
pub mod hooks;
pub mod i18n;
pub mod platform;
pub mod route;
pub mod state;
pub mod storage;

use std::rc::Rc;

use exposure_core::Engine;

pub use app::{App, AppProps, ShellInput};

/// The engine shared by every view; compared by identity so props stay
/// cheap, and by whether its Chinese texts had arrived when it was wrapped:
/// they arrive later (`data::load_texts`), and the views must see it.
#[derive(Clone, Debug)]
pub struct SharedEngine(pub Rc<Engine>, bool);

impl SharedEngine {
    pub fn new(engine: Rc<Engine>) -> SharedEngine {
        let texts = engine.data.has_translations();
        SharedEngine(engine, texts)
    }

    /// The engine's identity, whatever texts it has: the key of effects
    /// that must run once per engine, not again when its texts arrive.
    pub fn id(&self) -> usize {
        Rc::as_ptr(&self.0) as usize
    }
}

impl PartialEq for SharedEngine {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && self.1 == other.1
    }
}

impl std::ops::Deref for SharedEngine {
    type Target = Engine;
    fn deref(&self) -> &Engine {
        &self.0
    }
}

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
