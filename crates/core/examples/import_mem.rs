//! Time and heap of a catalogue import done the way the page does it
//! (`src/catalog.rs`): the file pushed in 512 KB slices, the import merged,
//! the engine built 500 units a step. Natively, so figures are only a guide
//! to wasm32 (pointers there are 4 bytes, and the code 1.5–2× slower).
//!
//! ```text
//! node tools/synth-catalog.mjs 100000 /tmp/cat100k.json
//! cargo run --release -p exposure-core --example import_mem -- /tmp/cat100k.json
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

use exposure_core::hibp::{self, CatalogReader};
use exposure_core::{Engine, EngineBuilder};

/// The system allocator, counting bytes in use and the most ever in use.
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static CALLS: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = NOW.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        CALLS.fetch_add(1, Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            grew(new_size - layout.size());
        } else {
            NOW.fetch_sub(layout.size() - new_size, Relaxed);
        }
        CALLS.fetch_add(1, Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const SLICE: usize = 512 * 1024;
const ORGS_PER_STEP: usize = 500;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Time this thread has run (Linux; zero elsewhere): unlike the wall
/// clock, not lengthened when a busy machine runs something else.
fn cpu_time() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split(' ').next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

/// Time of each call, for the total and the longest (wall clock and CPU).
#[derive(Default)]
struct Steps {
    total: Duration,
    longest: Duration,
    cpu_total: Duration,
    cpu_longest: Duration,
    /// Which call was the longest (CPU), from 0.
    longest_at: usize,
    count: usize,
}

impl Steps {
    fn time<R>(&mut self, f: impl FnOnce() -> R) -> R {
        let (t, c) = (Instant::now(), cpu_time());
        let r = f();
        let (d, cd) = (t.elapsed(), cpu_time().saturating_sub(c));
        self.total += d;
        self.longest = self.longest.max(d);
        self.cpu_total += cd;
        if cd > self.cpu_longest {
            self.cpu_longest = cd;
            self.longest_at = self.count;
        }
        self.count += 1;
        r
    }
    fn line(&self, name: &str, peak: usize, base: usize) {
        println!(
            "{name:<6} {:>7.1} ms (cpu {:>7.1})  longest step {:>6.1} ms (cpu {:>6.1}, #{}/{})  peak so far {:>6.1} MB above the base",
            ms(self.total),
            ms(self.cpu_total),
            ms(self.longest),
            ms(self.cpu_longest),
            self.longest_at + 1,
            self.count,
            mb(peak.saturating_sub(base))
        );
        println!(
            "       in use now {:>6.1} MB above the base",
            mb(NOW.load(Relaxed).saturating_sub(base))
        );
    }
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/cat100k.json".into());
    // The file is read whole first (the page reads slices of a `File`, which
    // is not in wasm memory); its bytes are not counted.
    let file = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let file_bytes = NOW.load(Relaxed);

    let base = Engine::bundled().expect("the bundled data set loads");
    let base_bytes = NOW.load(Relaxed);
    PEAK.store(base_bytes, Relaxed);
    CALLS.store(0, Relaxed);
    println!(
        "{path}: {:.1} MB; bundled engine {:.1} MB",
        mb(file.len()),
        mb(base_bytes - file_bytes)
    );

    let (started, cpu_started) = (Instant::now(), cpu_time());
    let mut read = Steps::default();
    let mut reader = CatalogReader::new(&base.data, &base.names);
    for piece in file.chunks(SLICE) {
        read.time(|| reader.push(piece))
            .expect("the catalogue reads");
    }
    let mut import = read.time(|| reader.finish()).expect("the catalogue reads");
    read.line("read", PEAK.load(Relaxed), base_bytes);

    let mut merge = Steps::default();
    let merged = merge.time(|| hibp::merge(&base.data, &mut import));
    merge.line("merge", PEAK.load(Relaxed), base_bytes);

    let mut index = Steps::default();
    let mut builder = index.time(|| EngineBuilder::new(merged));
    let mut noted = false;
    while !index.time(|| builder.step(ORGS_PER_STEP)) {
        if !noted && builder.progress() >= 0.1 {
            noted = true;
            println!(
                "       data indexes built: in use {:>6.1} MB above the base",
                mb(NOW.load(Relaxed).saturating_sub(base_bytes))
            );
        }
    }
    let engine = index.time(|| builder.finish());
    index.line("index", PEAK.load(Relaxed), base_bytes);
    let elapsed = started.elapsed();
    let cpu_elapsed = cpu_time().saturating_sub(cpu_started);

    let peak = PEAK.load(Relaxed);
    let retained = NOW.load(Relaxed);
    println!(
        "total  {:>7.1} ms (cpu {:>7.1})  entries {} imported {} skipped {}  names indexed {}",
        ms(elapsed),
        ms(cpu_elapsed),
        import.breaches,
        import.imported,
        import.skipped.len(),
        engine.names.len()
    );
    println!(
        "heap: peak {:.1} MB above the base ({:.1} MB in all), retained {:.1} MB above the base; {} allocations",
        mb(peak - base_bytes),
        mb(peak - file_bytes),
        mb(retained - base_bytes),
        CALLS.load(Relaxed)
    );
    breakdown(&engine);
    // Sanity: the engine answers.
    let probe = engine.data.incidents().last().map(|i| i.title.clone());
    if let Some(t) = probe {
        let name = t.trim_end_matches(" breach (Have I Been Pwned)");
        println!(
            "resolve({name:?}) = {:?}",
            engine.resolve(name).map(|m| m.org_id)
        );
    }
}

/// Where the retained bytes of the data set are (capacities, natively).
fn breakdown(engine: &Engine) {
    use exposure_core::model::{Incident, Organization, Source};
    use std::mem::size_of;
    let ds = &engine.data;
    let s = |x: &String| x.capacity();
    let o = |x: &Option<String>| x.as_ref().map_or(0, String::capacity);
    // A shared text (borrowed) takes no heap of its own.
    let t = |x: &exposure_core::model::Text| match x {
        std::borrow::Cow::Owned(x) => x.capacity(),
        std::borrow::Cow::Borrowed(_) => 0,
    };
    let inc_structs = std::mem::size_of_val(ds.incidents());
    let mut inc_text = 0;
    let mut inc_vecs = 0;
    for i in ds.incidents() {
        inc_text += s(&i.id) + s(&i.title) + s(&i.summary) + s(&i.breached_org) + t(&i.cohort.text);
        inc_text += i.data_types.iter().map(t).sum::<usize>();
        inc_vecs += i.data_types.capacity() * size_of::<String>();
        inc_vecs += i.sources.capacity() * size_of::<Source>();
        for src in &i.sources {
            inc_text += t(&src.url) + t(&src.publisher) + o(&src.title);
        }
    }
    let org_structs = std::mem::size_of_val(ds.organizations());
    let mut org_text = 0;
    for org in ds.organizations() {
        org_text += s(&org.id) + s(&org.name) + o(&org.domain);
        org_text += org.note.as_ref().map_or(0, t);
        org_text +=
            org.aliases.iter().map(|a| s(&a.name)).sum::<usize>() + org.aliases.capacity() * 24;
    }
    println!(
        "incidents: structs {:.1} MB ({} B each, capacity {}), texts {:.1} MB, vectors {:.1} MB; organizations: structs {:.1} MB ({} B each), texts {:.1} MB",
        mb(inc_structs),
        size_of::<Incident>(),
        ds.incidents().len(),
        mb(inc_text),
        mb(inc_vecs),
        mb(org_structs),
        size_of::<Organization>(),
        mb(org_text)
    );
}
