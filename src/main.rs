//! Entry point of the page: mount the app. Everything else lives in the library.

fn main() {
    exposure_check::start();
}
