//! Helpers shared by the server-render test files.

use exposure_check::{App, AppProps};

/// The page rendered on the server with these props, as HTML.
pub fn render(props: AppProps) -> String {
    futures::executor::block_on(
        yew::ServerRenderer::<App>::with_props(move || props)
            .hydratable(false)
            .render(),
    )
}
