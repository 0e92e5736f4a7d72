//! wasm-bindgen tests in headless Chromium: real localStorage, the real clock,
//! and the app mounted in a page and driven by DOM events.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use exposure_check::{persist, platform, storage, App, AppProps, SharedEngine};
use exposure_core::export::Progress;
use exposure_core::CompanyQuery;
use exposure_core::Engine;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

async fn tick(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
fn storage_round_trip_in_local_storage() {
    persist::clear().unwrap();
    let p = Progress {
        companies: vec![CompanyQuery {
            input: "AT&T".into(),
            org_id: Some("att".into()),
            period: Default::default(),
            ..Default::default()
        }],
        done: ["credit_freeze".to_string()].into(),
        ..Default::default()
    };
    persist::save(&p).unwrap();
    let (back, _, err) = persist::load();
    assert!(err.is_none());
    assert_eq!(back, p);
    persist::clear().unwrap();
    assert_eq!(platform::storage_get(storage::KEY).unwrap(), None);
}

#[wasm_bindgen_test]
fn corrupt_storage_is_backed_up_and_reported() {
    persist::clear().unwrap();
    platform::storage_set(storage::KEY, "{\"version\":1,\"progress\":{\"companies\":[{\"input\":\"AT&T\",\"org_id\":\"att\"},7],\"done\":[]}}").unwrap();
    let (p, _, err) = persist::load();
    assert_eq!(p.companies.len(), 1, "the valid company is recovered");
    assert!(err.is_some(), "the damage is reported");
    assert!(
        platform::storage_get(storage::BACKUP_KEY)
            .unwrap()
            .is_some(),
        "the old value is kept"
    );
    persist::clear().unwrap();
}

#[wasm_bindgen_test]
fn the_clock_gives_a_plausible_day() {
    let today = platform::today().expect("a date");
    assert!(today.year >= 2024, "{today}");
}

fn q(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

async fn type_and_enter(root: &Element, text: &str) {
    let input: HtmlInputElement = root
        .query_selector("[data-testid=company-input]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev =
        web_sys::InputEvent::new_with_event_init_dict("input", &init.unchecked_into()).unwrap();
    input.dispatch_event(&ev).unwrap();
    tick(30).await;
    let kinit = KeyboardEventInit::new();
    kinit.set_key("Enter");
    kinit.set_bubbles(true);
    kinit.set_cancelable(true);
    let key = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &kinit).unwrap();
    input.dispatch_event(&key).unwrap();
    tick(50).await;
}

#[wasm_bindgen_test]
async fn app_mounts_and_matches_a_typed_company() {
    persist::clear().unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    // The test runner serves no data/ folder: the engine is given, as in SSR.
    let engine = SharedEngine::new(Rc::new(Engine::bundled().expect("bundled data loads")));
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            engine: Some(engine),
            ..AppProps::default()
        },
    )
    .render();
    tick(50).await;
    assert_eq!(q(&root, "[data-testid=company-input]").len(), 1);
    type_and_enter(&root, "Bank of America").await;
    let chips = q(&root, "[data-testid=company-chip]");
    assert_eq!(chips.len(), 1);
    assert_eq!(
        chips[0].get_attribute("data-org-id").as_deref(),
        Some("bank-of-america")
    );
    let cards = q(&root, "[data-testid=incident-card]");
    assert!(cards
        .iter()
        .any(|c| c.get_attribute("data-incident-id").as_deref() == Some("infosys-mccamish-2023")));
    // Ticking an action saves it.
    let checkbox: HtmlElement = root
        .query_selector("[data-action-id=credit_freeze] input[type=checkbox]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    checkbox.click();
    tick(50).await;
    let saved = platform::storage_get(storage::KEY)
        .unwrap()
        .unwrap_or_default();
    assert!(saved.contains("credit_freeze"), "{saved}");
    assert!(saved.contains("bank-of-america"), "{saved}");
    // Clear all erases it.
    let clear: HtmlElement = root
        .query_selector("[data-testid=clear-all]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    clear.click();
    tick(50).await;
    assert_eq!(q(&root, "[data-testid=company-chip]").len(), 0);
    assert_eq!(platform::storage_get(storage::KEY).unwrap(), None);
    root.remove();
}
