//! The letter reader's worker: a second WebAssembly module, which Trunk
//! builds beside the page's (`index.html`) and the page starts the first
//! time someone reads a letter (`src/letter_worker.rs`), so the page's own
//! code, and with it the first answer, does not carry the reader. It reads
//! the data set the page reads — the site's own files, from the browser's or
//! the service worker's cache — and answers each letter with what the core's
//! reader found (`Engine::read_letter`). A worker is part of the page:
//! nothing it is given leaves the browser, and it keeps nothing.
//!
//! Messages, as JSON text: the worker says `{"ready":true}` once it runs;
//! the page posts `[id, "letter text"]`; the worker answers
//! `{"id":id,"letter":{…}}` (the core's `Letter`) or `{"id":id,"error":"…"}`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::RefCell;
    use std::rc::Rc;

    use exposure_core::letter::Letter;
    use exposure_core::{DataSet, Engine};
    use serde::Serialize;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Response};

    /// The data files the reader needs: the curated data (the incident
    /// file as the site serves it: its facts, which is what a letter is
    /// matched against) and the register notices.
    const FILES: [&str; 4] = [
        "/data/taxonomy.json",
        "/data/organizations.json",
        "/data/incidents.json",
        "/data/notices.json",
    ];

    const MORE: &str = "/data/organizations-more.json";

    #[derive(Default)]
    struct State {
        engine: Option<Rc<Engine>>,
        loading: bool,
        /// Letters asked for while the data set loads.
        waiting: Vec<(i64, (String, bool))>,
    }

    thread_local! {
        static STATE: RefCell<State> = RefCell::new(State::default());
    }

    #[derive(Serialize)]
    struct Answer<'a> {
        id: i64,
        /// The letter's text, when it came as a file's bytes.
        #[serde(skip_serializing_if = "Option::is_none")]
        text: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        letter: Option<&'a Letter>,
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<&'a str>,
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn post(text: &str) {
        let _ = scope().post_message(&JsValue::from_str(text));
    }

    fn answer(id: i64, text: Option<&str>, letter: Option<&Letter>, error: Option<&str>) {
        let message = serde_json::to_string(&Answer {
            id,
            text,
            letter,
            error,
        })
        .unwrap_or_default();
        post(&message);
    }

    /// Reads one letter: (its text, whether that came from a file's bytes).
    fn read(engine: &Engine, id: i64, (text, decoded): &(String, bool)) {
        let letter = engine.read_letter(text);
        answer(id, decoded.then_some(text.as_str()), Some(&letter), None);
    }

    pub fn start() {
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
            let Some(text) = e.data().as_string() else {
                return;
            };
            let Some((id, letter)) = request(&text) else {
                return;
            };
            let engine = STATE.with_borrow_mut(|s| {
                if s.engine.is_none() {
                    s.waiting.push((id, letter.clone()));
                }
                s.engine.clone()
            });
            match engine {
                Some(engine) => read(&engine, id, &letter),
                None => load(),
            }
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        post("{\"ready\":true}");
    }

    /// `[id, text]`.
    /// `[id, text, bytes]`: with `bytes`, each char of `text` is one byte of
    /// a letter file that is not UTF-8, decoded here (GBK, Windows-1252).
    fn request(text: &str) -> Option<(i64, (String, bool))> {
        use exposure_core::json::Json;
        let v = exposure_core::json::parse(text).ok()?;
        match v.as_array()? {
            [Json::Int(id), t, Json::Bool(true)] => {
                let bytes: Vec<u8> = t.as_str()?.chars().map(|c| c as u32 as u8).collect();
                Some((*id, (exposure_core::letter::text_from_bytes(&bytes), true)))
            }
            [Json::Int(id), t, ..] => Some((*id, (t.as_str()?.to_string(), false))),
            _ => None,
        }
    }

    /// Loads the data set once, then reads the letters that waited for it.
    fn load() {
        let start = STATE.with_borrow_mut(|s| !std::mem::replace(&mut s.loading, true));
        if !start {
            return;
        }
        wasm_bindgen_futures::spawn_local(async {
            let built = engine().await;
            let waiting = STATE.with_borrow_mut(|s| {
                s.loading = false;
                if let Ok(e) = &built {
                    s.engine = Some(e.clone());
                }
                std::mem::take(&mut s.waiting)
            });
            for (id, letter) in waiting {
                match &built {
                    Ok(engine) => read(engine, id, &letter),
                    Err(e) => answer(id, None, None, Some(e)),
                }
            }
        });
    }

    async fn engine() -> Result<Rc<Engine>, String> {
        let mut texts = Vec::with_capacity(FILES.len());
        for f in FILES {
            texts.push(fetch(f).await?);
        }
        // The organizations the site serves after its first answer, when
        // it splits them (`exposure pack`).
        let more = match texts[1].contains(exposure_core::dataset::ORGANIZATIONS_MORE_FILE) {
            true => Some(fetch(MORE).await?),
            false => None,
        };
        let mut orgs: Vec<&str> = vec![&texts[1]];
        orgs.extend(more.as_deref());
        let ds = DataSet::from_json_parts(&texts[0], &orgs, &texts[2], Some(&texts[3]))
            .map_err(|e| e.to_string())?;
        Ok(Rc::new(Engine::new(ds)))
    }

    async fn fetch(url: &str) -> Result<String, String> {
        let fail = |e: JsValue| {
            format!(
                "could not download {url}: {}",
                e.as_string()
                    .unwrap_or_else(|| "the browser refused".into())
            )
        };
        let r = JsFuture::from(scope().fetch_with_str(url))
            .await
            .map_err(fail)?;
        let r: Response = r.dyn_into().map_err(fail)?;
        if !r.ok() {
            return Err(format!(
                "could not download {url}: the server answered {}",
                r.status()
            ));
        }
        let buf = JsFuture::from(r.array_buffer().map_err(fail)?)
            .await
            .map_err(fail)?;
        String::from_utf8(js_sys::Uint8Array::new(&buf).to_vec())
            .map_err(|_| format!("could not read {url}: not UTF-8 text"))
    }
}
