//! Helpers shared by the server-render test files.

use std::rc::Rc;

use exposure_check::{App, AppProps, SharedEngine, SharedTexts};
use exposure_core::Engine;

/// The engine over the shipped data set (the browser downloads the same files).
pub fn bundled() -> SharedEngine {
    SharedEngine::new(Rc::new(
        Engine::bundled().expect("the bundled data set loads"),
    ))
}

/// The data's Chinese texts as shipped (the browser downloads the same file
/// when someone reads in Chinese).
pub fn bundled_texts() -> SharedTexts {
    SharedTexts::new(exposure_core::bundled::translations().expect("zh.json loads"))
}

/// The page rendered on the server with these props, as HTML. Without an
/// engine in the props, the shipped data set's is used, with its Chinese
/// texts. (Props are made on the renderer's side: an engine cannot cross
/// threads.)
pub fn render(props: impl FnOnce() -> AppProps + Send + 'static) -> String {
    render_as_given(move || {
        let mut props = props();
        if props.engine.is_none() {
            props.engine = Some(bundled());
            props.texts = props.texts.or_else(|| Some(bundled_texts()));
        }
        props
    })
}

/// The page rendered exactly with these props (no engine: still downloading).
pub fn render_as_given(props: impl FnOnce() -> AppProps + Send + 'static) -> String {
    futures::executor::block_on(
        yew::ServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render(),
    )
}
