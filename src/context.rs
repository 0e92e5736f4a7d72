//! Values every view shares, given once by the root component through
//! Yew's `ContextProvider` instead of threaded through every component's
//! props: the page's language and the engine in use (none until the data
//! set is here).

use yew::prelude::*;

use crate::engine::SharedEngine;
use crate::i18n::Lang;

/// The engine in use, or none while the data set downloads.
#[derive(Clone, PartialEq)]
pub struct EngineContext(pub Option<SharedEngine>);

/// The page's language.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The engine in use, when the data set is here.
#[hook]
pub fn use_engine() -> Option<SharedEngine> {
    use_context::<EngineContext>().and_then(|c| c.0)
}
