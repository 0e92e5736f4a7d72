//! The browser at the edge: storage, clock, language, downloads, printing,
//! workers and the panic view. Outside the browser (native tests, SSR) these do nothing.

/// The static company box of index.html, as the person left it when the app
/// started: the app takes over its text, caret and the companies added there.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShellInput {
    /// Text left in the box.
    pub text: String,
    /// Companies added there (Enter, the Add button, a pasted list).
    pub pending: Vec<String>,
    /// Where the caret was (UTF-16 offset), when the box had the focus.
    pub caret: Option<u32>,
}

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
        scroll_to_y(0.0);
    }

    pub fn scroll_y() -> f64 {
        web_sys::window()
            .and_then(|w| w.scroll_y().ok())
            .unwrap_or(0.0)
    }

    pub fn scroll_to_y(y: f64) {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, y);
        }
    }

    /// The keys of the open sections of the results (`details[data-keep]`:
    /// a card's details, a fold of held incidents, a step's "how").
    pub fn open_sections() -> Vec<String> {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return Vec::new();
        };
        let Ok(list) = doc.query_selector_all("details[data-keep][open]") else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
            .filter_map(|e| e.get_attribute("data-keep"))
            .collect()
    }

    /// Opens a section of the results again (`open_sections`).
    pub fn open_section(key: &str) {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(list) = doc.query_selector_all("details[data-keep]") else {
            return;
        };
        for e in (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            if e.get_attribute("data-keep").as_deref() == Some(key) {
                let _ = e.set_attribute("open", "");
            }
        }
    }

    /// The text of one of this site's own files (the data set).
    pub async fn fetch_text(url: &str) -> Result<String, AppError> {
        let fail = |e: wasm_bindgen::JsValue| AppError::DataFetch {
            file: url.into(),
            reason: describe(e),
        };
        let window = web_sys::window().ok_or_else(|| AppError::DataFetch {
            file: url.into(),
            reason: "not in a browser window".into(),
        })?;
        let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
            .await
            .map_err(fail)?;
        let response: web_sys::Response = response.dyn_into().map_err(fail)?;
        if !response.ok() {
            return Err(AppError::DataFetch {
                file: url.into(),
                reason: format!("the server answered {}", response.status()),
            });
        }
        // The bytes, copied once into the wasm memory: cheaper than a JS
        // string, which would be decoded to UTF-16 and encoded back.
        let buf = wasm_bindgen_futures::JsFuture::from(response.array_buffer().map_err(fail)?)
            .await
            .map_err(fail)?;
        String::from_utf8(js_sys::Uint8Array::new(&buf).to_vec()).map_err(|_| AppError::DataFetch {
            file: url.into(),
            reason: "the answer was not UTF-8 text".into(),
        })
    }

    /// Bytes `start..end` of a file the person chose. The browser starts
    /// reading at the call, not when the answer is awaited: a caller can
    /// ask for the next slice before it works on this one.
    pub fn read_slice(
        file: &web_sys::File,
        start: f64,
        end: f64,
    ) -> impl std::future::Future<Output = Result<Vec<u8>, AppError>> {
        let fail = |e: wasm_bindgen::JsValue| AppError::FileRead {
            reason: describe(e),
        };
        let reading = file
            .slice_with_f64_and_f64(start, end)
            .map(|blob| wasm_bindgen_futures::JsFuture::from(blob.array_buffer()));
        async move {
            let buf = reading.map_err(fail)?.await.map_err(fail)?;
            Ok(js_sys::Uint8Array::new(&buf).to_vec())
        }
    }

    fn performance() -> Option<wasm_bindgen::JsValue> {
        js_sys::Reflect::get(&js_sys::global(), &"performance".into())
            .ok()
            .filter(|p| p.is_object())
    }

    /// Milliseconds on the page's clock (`performance.now()`).
    pub fn now() -> f64 {
        performance()
            .and_then(|p| {
                let f = js_sys::Reflect::get(&p, &"now".into()).ok()?;
                let f: js_sys::Function = f.dyn_into().ok()?;
                f.call0(&p).ok()?.as_f64()
            })
            .unwrap_or(0.0)
    }

    /// Records a User Timing measure from `start` (a `now()`) to now, with
    /// figures in its detail, for benchmarks and the browser's profiler.
    pub fn measure(name: &str, start: f64, detail: &[(&str, f64)]) {
        let Some(p) = performance() else { return };
        let opts = js_sys::Object::new();
        let d = js_sys::Object::new();
        for (k, v) in detail {
            let _ = js_sys::Reflect::set(&d, &(*k).into(), &(*v).into());
        }
        let _ = js_sys::Reflect::set(&opts, &"start".into(), &start.into());
        let _ = js_sys::Reflect::set(&opts, &"end".into(), &now().into());
        let _ = js_sys::Reflect::set(&opts, &"detail".into(), &d);
        if let Ok(f) = js_sys::Reflect::get(&p, &"measure".into()) {
            if let Ok(f) = f.dyn_into::<js_sys::Function>() {
                let _ = f.call2(&p, &name.into(), &opts);
            }
        }
    }

    /// Lets the browser handle input and paint, then resumes: a message to
    /// itself, which (unlike a zero timer) is not held back 4 ms when
    /// repeated.
    pub async fn yield_now() {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            return gloo_timers::future::TimeoutFuture::new(0).await;
        };
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            channel.port1().set_onmessage(Some(&resolve));
        });
        if channel
            .port2()
            .post_message(&wasm_bindgen::JsValue::NULL)
            .is_err()
        {
            return gloo_timers::future::TimeoutFuture::new(0).await;
        }
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        channel.port1().set_onmessage(None);
    }

    /// Size of the page's wasm memory, in bytes.
    pub fn wasm_memory_bytes() -> f64 {
        js_sys::Reflect::get(&wasm_bindgen::memory(), &"buffer".into())
            .ok()
            .and_then(|b| js_sys::Reflect::get(&b, &"byteLength".into()).ok())
            .and_then(|n| n.as_f64())
            .unwrap_or(0.0)
    }

    /// Reads and removes the page's static company box (index.html's
    /// shell): the text left in it, the companies added there and, when it
    /// had the focus, the caret. Nothing when the page has no shell.
    pub fn take_shell() -> super::ShellInput {
        let mut out = super::ShellInput::default();
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return out;
        };
        let Some(shell) = doc.get_element_by_id("shell") else {
            return out;
        };
        let input = shell
            .query_selector("#company-input")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            out.text = input.value();
            // One name per line (boot.js split pasted lists as the app does).
            out.pending = input
                .get_attribute("data-pending")
                .unwrap_or_default()
                .split('\n')
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map(String::from)
                .collect();
            let focused = doc
                .active_element()
                .is_some_and(|a| a == *input.unchecked_ref::<web_sys::Element>());
            if focused {
                let end = out.text.encode_utf16().count() as u32;
                out.caret = Some(input.selection_start().ok().flatten().unwrap_or(end));
            }
        }
        shell.remove();
        out
    }

    /// A worker started from one of this site's scripts, with the closures
    /// its messages and failures call; stopped when dropped.
    pub struct Worker {
        worker: web_sys::Worker,
        _on_message: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)>,
        _on_error: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
    }

    impl Worker {
        /// Starts the worker: each text it posts goes to `on_message`; a
        /// script that cannot load or run, to `on_error`.
        pub fn start(
            url: &str,
            mut on_message: impl FnMut(String) + 'static,
            mut on_error: impl FnMut(String) + 'static,
        ) -> Result<Worker, String> {
            use wasm_bindgen::closure::Closure;
            let worker = web_sys::Worker::new(url).map_err(describe)?;
            let m = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |e: web_sys::MessageEvent| {
                    if let Some(t) = e.data().as_string() {
                        on_message(t);
                    }
                },
            );
            let er = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                let reason = e
                    .dyn_ref::<web_sys::ErrorEvent>()
                    .map(|e| e.message())
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| "its code could not be loaded".into());
                on_error(reason);
            });
            worker.set_onmessage(Some(m.as_ref().unchecked_ref()));
            worker.set_onerror(Some(er.as_ref().unchecked_ref()));
            Ok(Worker {
                worker,
                _on_message: m,
                _on_error: er,
            })
        }

        pub fn post(&self, text: &str) {
            let _ = self.worker.post_message(&text.into());
        }
    }

    impl Drop for Worker {
        fn drop(&mut self) {
            self.worker.terminate();
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
    pub fn take_shell() -> super::ShellInput {
        super::ShellInput::default()
    }
    pub fn current_hash() -> String {
        String::new()
    }
    pub fn set_hash(_hash: &str) {}
    /// Stands for the browser's event listener; there are no events here.
    pub struct NoListener;
    pub fn on_hash_change(_f: impl Fn(String) + 'static) -> Option<NoListener> {
        None
    }
    pub async fn fetch_text(url: &str) -> Result<String, AppError> {
        Err(AppError::DataFetch {
            file: url.into(),
            reason: "not in a browser".into(),
        })
    }
    pub fn read_slice(
        _file: &web_sys::File,
        _start: f64,
        _end: f64,
    ) -> impl std::future::Future<Output = Result<Vec<u8>, AppError>> {
        std::future::ready(Err(AppError::FileRead {
            reason: "not in a browser".into(),
        }))
    }
    pub fn now() -> f64 {
        0.0
    }
    pub fn measure(_name: &str, _start: f64, _detail: &[(&str, f64)]) {}
    pub async fn yield_now() {}

    /// No workers outside the browser.
    pub struct Worker;

    impl Worker {
        pub fn start(
            _url: &str,
            _on_message: impl FnMut(String) + 'static,
            _on_error: impl FnMut(String) + 'static,
        ) -> Result<Worker, String> {
            Err("workers run only in the browser".into())
        }

        pub fn post(&self, _text: &str) {}
    }

    pub fn wasm_memory_bytes() -> f64 {
        0.0
    }
    pub fn scroll_to_top() {}
    pub fn scroll_y() -> f64 {
        0.0
    }
    pub fn scroll_to_y(_y: f64) {}
    pub fn open_sections() -> Vec<String> {
        Vec::new()
    }
    pub fn open_section(_key: &str) {}
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::*;
