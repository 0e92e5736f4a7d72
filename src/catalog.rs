//! Reading a file the person chose (or a kept catalogue) in the page: a
//! slice at a time, yielding to the browser between slices so the page keeps
//! answering and shows how far it got. The engine's own reader
//! (`exposure_core::hibp::CatalogReader`) and index builder
//! (`exposure_core::EngineBuilder`) do the work; this module only feeds them
//! and reports, at the edge, like the other effects.

use std::rc::Rc;

use futures::future::LocalBoxFuture;

use exposure_core::export;
use exposure_core::hibp::{self, CatalogImport, CatalogReader};
use exposure_core::EngineBuilder;
use yew::UseReducerDispatcher;

use crate::engine::SharedEngine;
use crate::error::AppError;
use crate::state::{Action, AppState, ImportStep, Notice};
use crate::{persist, platform};

/// Bytes read from the file at a time.
const SLICE: u64 = 512 * 1024;
/// Slices asked of the browser before they are needed: reading a slice takes
/// it about as long as parsing one, so a few in flight keep the parser fed.
const READ_AHEAD: usize = 3;
/// Work units (organizations indexed, or a slice of sorting) between two
/// looks at the clock.
const ORGS_PER_STEP: usize = 500;
/// Largest catalogue kept in localStorage: a browser allows about 5 MB of
/// text per site, and the person's list must still fit beside it.
pub const KEEP_MAX: u64 = 3 * 1024 * 1024;
/// Largest exported plan read (plans are a few kilobytes).
const PLAN_MAX: u64 = 5 * 1024 * 1024;

/// Where the bytes come from.
pub enum Source {
    File(web_sys::File),
    /// A catalogue kept in the browser from an earlier visit.
    Text(String),
}

impl Source {
    fn len(&self) -> u64 {
        match self {
            Source::File(f) => f.size().max(0.0) as u64,
            Source::Text(t) => t.len() as u64,
        }
    }

    /// Bytes `start..end`; a file starts reading at the call (see
    /// [`platform::read_slice`]).
    fn slice(&self, start: u64, end: u64) -> LocalBoxFuture<'static, Result<Vec<u8>, AppError>> {
        match self {
            Source::File(f) => Box::pin(platform::read_slice(f, start as f64, end as f64)),
            Source::Text(t) => Box::pin(std::future::ready(Ok(t
                .as_bytes()
                .get(start as usize..end as usize)
                .unwrap_or_default()
                .to_vec()))),
        }
    }
}

/// Longest the page works without letting the browser paint and answer.
const SLICE_MS: f64 = 40.0;

/// Least time between two progress reports: each redraws the page, and a
/// bar moving ten times a second looks as smooth as one moving at every breath.
const REPORT_MS: f64 = 100.0;

/// Breathes when the work since the last breath has taken `SLICE_MS`.
struct Pacer {
    since: f64,
    reported: f64,
}

impl Pacer {
    fn new() -> Pacer {
        Pacer {
            since: platform::now(),
            reported: f64::NEG_INFINITY,
        }
    }

    /// True when it is time to breathe.
    fn due(&self) -> bool {
        platform::now() - self.since >= SLICE_MS
    }

    /// True when it is time to show progress again (and notes it shown).
    fn report(&mut self) -> bool {
        let now = platform::now();
        let due = now - self.reported >= REPORT_MS;
        if due {
            self.reported = now;
        }
        due
    }

    async fn breathe(&mut self) {
        platform::yield_now().await;
        self.since = platform::now();
    }
}

/// A file from the import input or a drop: an exported plan (a JSON object)
/// moves progress between devices; anything else is read as a breach
/// catalogue (a JSON array).
pub fn open_file(d: UseReducerDispatcher<AppState>, base: SharedEngine, file: web_sys::File) {
    wasm_bindgen_futures::spawn_local(async move {
        let source = Source::File(file);
        let head = match source.slice(0, source.len().min(1024)).await {
            Ok(head) => head,
            Err(error) => return d.dispatch(Action::ShowError { error }),
        };
        let first = head
            .iter()
            .find(|b| !(b.is_ascii_whitespace() || matches!(b, 0xEF | 0xBB | 0xBF)));
        if first == Some(&b'{') {
            d.dispatch(read_plan(&source).await);
        } else {
            import(d, base, source, true);
        }
    });
}

async fn read_plan(source: &Source) -> Action {
    if source.len() > PLAN_MAX {
        return Action::ShowError {
            error: AppError::Import(
                "the file is neither a breach list nor an Exposure Check plan (it is too large for a plan)".into(),
            ),
        };
    }
    let bytes = match source.slice(0, source.len()).await {
        Ok(b) => b,
        Err(error) => return Action::ShowError { error },
    };
    let text = String::from_utf8_lossy(&bytes);
    match export::progress_from_json(&text) {
        Ok(progress) => {
            let notice = Notice::PlanRestored {
                companies: progress.companies.len(),
                done: progress.done.len(),
            };
            Action::ImportProgress { progress, notice }
        }
        Err(e) => Action::ShowError {
            error: AppError::Import(format!(
                "the file is neither a breach list nor an Exposure Check plan ({e})"
            )),
        },
    }
}

/// Reads a breach catalogue in the background; the busy mark and progress
/// show meanwhile. `keep` stores it in the browser for later visits when it
/// fits.
pub fn import(d: UseReducerDispatcher<AppState>, base: SharedEngine, source: Source, keep: bool) {
    d.dispatch(Action::ImportStarted);
    wasm_bindgen_futures::spawn_local(async move {
        // Let the busy mark paint before the work starts.
        gloo_timers::future::TimeoutFuture::new(0).await;
        match run(&d, &base, &source, keep).await {
            Ok((engine, notice)) => d.dispatch(Action::CatalogLoaded { engine, notice }),
            Err(error) => d.dispatch(Action::ImportFailed { error }),
        }
    });
}

async fn run(
    d: &UseReducerDispatcher<AppState>,
    base: &SharedEngine,
    source: &Source,
    keep: bool,
) -> Result<(SharedEngine, Notice), AppError> {
    let started = platform::now();
    let total = source.len();
    let mut kept = (keep && total <= KEEP_MAX).then(Vec::new);
    let fail = |e: hibp::CatalogError| AppError::Import(e.to_string());

    let mut pacer = Pacer::new();
    let mut reader = CatalogReader::new(&base.data, &base.names);
    let mut at = 0;
    // Where the reading time goes: waiting for the file, and parsing.
    let (mut waiting, mut parsing) = (0.0, 0.0);
    // The next slices are being read while this one is parsed.
    let mut reading = std::collections::VecDeque::new();
    let mut asked_to = 0;
    let mut ask = |reading: &mut std::collections::VecDeque<_>| {
        while reading.len() < READ_AHEAD && asked_to < total {
            let end = (asked_to + SLICE).min(total);
            reading.push_back(source.slice(asked_to, end));
            asked_to = end;
        }
    };
    ask(&mut reading);
    while let Some(slice) = reading.pop_front() {
        let asked = platform::now();
        let bytes = slice.await?;
        let got = platform::now();
        waiting += got - asked;
        if bytes.is_empty() {
            break;
        }
        at += bytes.len() as u64;
        ask(&mut reading);
        reader.push(&bytes).map_err(fail)?;
        parsing += platform::now() - got;
        if let Some(k) = kept.as_mut() {
            k.extend_from_slice(&bytes);
        }
        if pacer.due() {
            if pacer.report() {
                d.dispatch(Action::CatalogProgress {
                    step: ImportStep::Reading,
                    done: at,
                    total,
                });
            }
            pacer.breathe().await;
        }
    }
    let mut import = reader.finish().map_err(fail)?;
    platform::measure(
        "exposure:import-read",
        started,
        &[("waiting_ms", waiting), ("parsing_ms", parsing)],
    );

    let indexing = platform::now();
    let merged = hibp::merge(&base.data, &mut import);
    let mut builder = EngineBuilder::new(merged);
    loop {
        let finished = builder.step(ORGS_PER_STEP);
        if finished {
            break;
        }
        if pacer.due() {
            if pacer.report() {
                d.dispatch(Action::CatalogProgress {
                    step: ImportStep::Indexing,
                    done: (builder.progress() * 1000.0) as u64,
                    total: 1000,
                });
            }
            pacer.breathe().await;
        }
    }
    let engine = builder.finish();
    platform::measure("exposure:import-index", indexing, &[]);
    platform::measure(
        "exposure:import",
        started,
        &[
            ("entries", import.breaches as f64),
            ("imported", import.imported as f64),
            ("wasm_memory_bytes", platform::wasm_memory_bytes()),
        ],
    );

    let kept = match source {
        // Read again from where it is kept (a later stage of the data set,
        // a new visit): still kept.
        Source::Text(_) => Some(true),
        Source::File(_) => keep.then(|| {
            kept.and_then(|k| String::from_utf8(k).ok())
                .is_some_and(|text| persist::save_catalog(&text).is_ok())
        }),
    };
    Ok((
        SharedEngine::new(Rc::new(engine)),
        import_notice(&import, kept),
    ))
}

/// What an import did, for the import panel.
pub fn import_notice(import: &CatalogImport, kept: Option<bool>) -> Notice {
    Notice::Catalog {
        breaches: import.breaches,
        imported: import.imported,
        skipped: import.skipped.iter().take(5).cloned().collect(),
        skipped_total: import.skipped.len(),
        malformed: import
            .skipped
            .iter()
            .filter(|k| k.reason.is_malformed())
            .count(),
        unmapped: import.unmapped_classes.clone(),
        kept,
    }
}
