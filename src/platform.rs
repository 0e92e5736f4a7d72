//! The browser at the edge: storage, clock, language, downloads, printing and
//! the panic view. Outside the browser (native tests, SSR) these do nothing.

#[cfg(target_arch = "wasm32")]
mod web {
    use exposure_core::PartialDate;
    use wasm_bindgen::JsCast;

    use crate::error::AppError;

    fn describe(v: wasm_bindgen::JsValue) -> String {
        v.as_string()
            .or_else(|| {
                v.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| "the browser refused".into())
    }

    fn storage() -> Result<web_sys::Storage, AppError> {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or(AppError::StorageUnavailable)
    }

    pub fn storage_get(key: &str) -> Result<Option<String>, AppError> {
        storage()?
            .get_item(key)
            .map_err(|_| AppError::StorageUnavailable)
    }

    pub fn storage_set(key: &str, value: &str) -> Result<(), AppError> {
        storage()?
            .set_item(key, value)
            .map_err(|e| AppError::StorageWrite {
                reason: describe(e),
            })
    }

    pub fn storage_remove(key: &str) -> Result<(), AppError> {
        storage()?
            .remove_item(key)
            .map_err(|e| AppError::StorageWrite {
                reason: describe(e),
            })
    }

    pub fn today() -> Option<PartialDate> {
        let ms = js_sys::Date::now();
        ms.is_finite()
            .then(|| PartialDate::from_days_since_epoch((ms / 86_400_000.0).floor() as i64))
    }

    pub fn browser_lang() -> Option<String> {
        web_sys::window()?.navigator().language()
    }

    pub fn set_html_lang(code: &str) {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("lang", code);
        }
    }

    pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), AppError> {
        let fail = |e: wasm_bindgen::JsValue| AppError::Download {
            reason: describe(e),
        };
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(fail)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| AppError::Download {
                reason: "no document".into(),
            })?;
        let a: web_sys::HtmlAnchorElement = document
            .create_element("a")
            .map_err(fail)?
            .dyn_into()
            .map_err(|_| AppError::Download {
                reason: "no link element".into(),
            })?;
        a.set_href(&url);
        a.set_download(filename);
        a.click();
        let _ = web_sys::Url::revoke_object_url(&url);
        Ok(())
    }

    pub fn print() {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    }

    pub fn current_hash() -> String {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    }

    pub fn set_hash(hash: &str) {
        if let Some(w) = web_sys::window() {
            if w.location().hash().ok().as_deref() != Some(hash) {
                let _ = w.location().set_hash(hash);
            }
        }
    }

    /// Calls `f` with the new hash whenever it changes; the listener lives
    /// as long as the returned guard.
    pub fn on_hash_change(f: impl Fn(String) + 'static) -> Option<gloo_events::EventListener> {
        let window = web_sys::window()?;
        Some(gloo_events::EventListener::new(
            &window,
            "hashchange",
            move |_| f(current_hash()),
        ))
    }

    pub fn scroll_to_top() {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    /// A panic replaces the page with a plain error view instead of freezing
    /// it; saved progress is untouched.
    pub fn install_panic_hook() {
        std::panic::set_hook(Box::new(|info| {
            let msg = info.to_string();
            web_sys::console::error_1(&msg.clone().into());
            let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let Some(body) = document.body() else { return };
            body.set_text_content(None);
            if let Ok(p) = document.create_element("p") {
                let _ = p.set_attribute("data-testid", "error-message");
                let _ = p.set_attribute("role", "alert");
                let _ = p.set_attribute("class", "panic");
                p.set_text_content(Some(&crate::error::AppError::Internal(msg).sentence()));
                let _ = body.append_child(&p);
            }
        }));
    }
}

#[cfg(target_arch = "wasm32")]
pub use web::*;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use exposure_core::PartialDate;

    use crate::error::AppError;

    pub fn storage_get(_key: &str) -> Result<Option<String>, AppError> {
        Ok(None)
    }
    pub fn storage_set(_key: &str, _value: &str) -> Result<(), AppError> {
        Ok(())
    }
    pub fn storage_remove(_key: &str) -> Result<(), AppError> {
        Ok(())
    }
    pub fn today() -> Option<PartialDate> {
        None
    }
    pub fn browser_lang() -> Option<String> {
        None
    }
    pub fn set_html_lang(_code: &str) {}
    pub fn download(_filename: &str, _mime: &str, _content: &str) -> Result<(), AppError> {
        Err(AppError::Download {
            reason: "not in a browser".into(),
        })
    }
    pub fn print() {}
    pub fn install_panic_hook() {}
    pub fn current_hash() -> String {
        String::new()
    }
    pub fn set_hash(_hash: &str) {}
    /// Stands for the browser's event listener; there are no events here.
    pub struct NoListener;
    pub fn on_hash_change(_f: impl Fn(String) + 'static) -> Option<NoListener> {
        None
    }
    pub fn scroll_to_top() {}
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::*;
