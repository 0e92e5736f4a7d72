//! Native benchmarks of the engine through its public API:
//! `cargo bench -p exposure-core --bench core`.
//!
//! The 100 000-organization figures use a synthetic Have I Been Pwned
//! catalogue generated here, deterministically (same shape as
//! `tools/synth-catalog.mjs`, not the same names).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, SamplingMode};
use exposure_core::normalize::{bounded_distance, normalize, squash};
use exposure_core::Engine;
use serde_json::json;

/// Entries in the large synthetic catalogue.
const ENTRIES: usize = 100_000;
/// Suggestions the page asks for.
const LIMIT: usize = 8;
/// Companies in one check.
const COMPANIES: usize = 50;
/// A call slower than this is timed once instead of sampled (criterion
/// needs at least 10 samples: 10 calls of 15 s would make the run too long).
/// `EXPOSURE_BENCH_SAMPLE_ALL=1` samples anyway.
const SAMPLE_LIMIT: Duration = Duration::from_secs(2);

/// splitmix64: small, seeded, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

const HEADS: &[&str] = &[
    "North", "South", "East", "West", "Blue", "Silver", "Red", "Oak", "Pine", "Stone", "Bright",
    "Clear", "Iron", "Gold", "Green", "High", "Lake", "River", "Sun", "Star", "Cedar", "Maple",
    "Fox", "Eagle", "Copper", "Granite", "Willow", "Birch", "Summer", "Winter", "Crystal",
    "Harbor",
];
const TAILS: &[&str] = &[
    "wind", "fin", "field", "brook", "gate", "ridge", "stone", "wood", "view", "crest", "haven",
    "port", "light", "water", "peak", "vale", "ford", "well", "bridge", "point", "side", "land",
];
const WORDS: &[&str] = &[
    "Atlas",
    "Summit",
    "Pinnacle",
    "Horizon",
    "Meridian",
    "Keystone",
    "Liberty",
    "Heritage",
    "Pioneer",
    "Frontier",
    "Beacon",
    "Anchor",
    "Compass",
    "Vanguard",
    "Sterling",
    "Paramount",
    "Premier",
    "Crescent",
    "Evergreen",
    "Redwood",
    "Sequoia",
    "Aspen",
    "Juniper",
    "Magnolia",
    "Sycamore",
    "Hawthorn",
    "Laurel",
    "Cypress",
    "Orchard",
    "Meadow",
    "Prairie",
    "Canyon",
    "Sierra",
    "Cascade",
    "Kestrel",
    "Falcon",
    "Osprey",
    "Heron",
    "Raven",
    "Sparrow",
    "Cardinal",
    "Mustang",
    "Bison",
    "Lynx",
    "Otter",
    "Badger",
    "Orion",
    "Vega",
    "Polaris",
    "Apex",
    "Zenith",
    "Quantum",
    "Cobalt",
    "Indigo",
    "Onyx",
    "Jade",
    "Topaz",
    "Harvest",
    "Lantern",
    "Citadel",
    "Sentinel",
    "Guardian",
    "Union",
    "Pacific",
    "Atlantic",
    "Coastal",
    "Midland",
    "Heartland",
    "Riverside",
    "Hillcrest",
    "Fairview",
    "Westbrook",
    "Ashford",
    "Kingsley",
    "Whitmore",
    "Pemberton",
    "Hollister",
    "Prescott",
    "Thornton",
    "Harrington",
    "Wexford",
    "Hudson",
];
const TRADES: &[&str] = &[
    "Dental",
    "Logistics",
    "Foods",
    "Insurance",
    "Software",
    "Analytics",
    "Health",
    "Medical",
    "Pharmacy",
    "Veterinary",
    "Realty",
    "Mortgage",
    "Lending",
    "Credit Union",
    "Bank",
    "Capital",
    "Wealth",
    "Advisors",
    "Payroll",
    "Staffing",
    "Consulting",
    "Legal",
    "Security",
    "Telecom",
    "Wireless",
    "Energy",
    "Solar",
    "Auto",
    "Motors",
    "Freight",
    "Airlines",
    "Travel",
    "Hotels",
    "Fitness",
    "Sports",
    "Apparel",
    "Jewelers",
    "Furniture",
    "Hardware",
    "Garden",
    "Pet",
    "Books",
    "Media",
    "Marketing",
    "Electronics",
    "Cloud",
    "Data",
    "Networks",
    "Biotech",
    "Labs",
    "Clinic",
    "Academy",
    "College",
    "Bakery",
    "Brewing",
    "Coffee",
    "Grocers",
    "Market",
    "Dairy",
    "Farms",
    "Cosmetics",
    "Plumbing",
    "Roofing",
    "Builders",
    "Engineering",
    "Plastics",
    "Steel",
    "Marine",
    "Transit",
    "Storage",
    "Rentals",
    "Ticketing",
    "Events",
    "Cinemas",
];
const ENDINGS: &[&str] = &[
    "Group",
    "Partners",
    "Associates",
    "Services",
    "Solutions",
    "Systems",
    "Works",
    "Supply",
    "Center",
    "Collective",
    "Network",
    "Alliance",
    "Holdings",
    "Cooperative",
    "Exchange",
    "Direct",
];
const CLASSES: &[&str] = &[
    "Passwords",
    "Names",
    "Phone numbers",
    "Dates of birth",
    "Physical addresses",
    "Social security numbers",
    "IP addresses",
    "Usernames",
];

fn title(rng: &mut Rng) -> String {
    let brand = if rng.below(3) == 0 {
        format!("{}{}", rng.pick(HEADS), rng.pick(TAILS))
    } else {
        rng.pick(WORDS).to_string()
    };
    match rng.below(10) {
        0..=2 => format!("{brand} {}", rng.pick(TRADES)),
        3..=6 => format!("{brand} {} {}", rng.pick(TRADES), rng.pick(ENDINGS)),
        7 => format!("{} {brand} {}", rng.pick(WORDS), rng.pick(TRADES)),
        _ => format!("{brand} & {} {}", rng.pick(WORDS), rng.pick(TRADES)),
    }
}

/// `n` distinct titles (distinct once normalized) and their catalogue JSON.
fn catalog(n: usize) -> (Vec<String>, String) {
    let mut rng = Rng(20_240_607);
    let mut seen = std::collections::HashSet::new();
    let mut titles = Vec::with_capacity(n);
    let mut entries = Vec::with_capacity(n);
    while titles.len() < n {
        let t = title(&mut rng);
        let name: String = t.chars().filter(char::is_ascii_alphanumeric).collect();
        // Distinct once normalized, and distinct Names (the importer's ids).
        let key = squash(&normalize(&t));
        let id = name.to_ascii_lowercase();
        if seen.contains(&key) || seen.contains(&id) {
            continue;
        }
        seen.insert(key);
        seen.insert(id);
        let domain = format!("{}.com", name.to_ascii_lowercase());
        let year = 2008 + rng.below(17);
        let month = 1 + rng.below(12);
        let mut classes = vec!["Email addresses"];
        for _ in 0..1 + rng.below(4) {
            let c = rng.pick(CLASSES);
            if !classes.contains(&c) {
                classes.push(c);
            }
        }
        entries.push(json!({
            "Name": name,
            "Title": t,
            "Domain": domain,
            "BreachDate": format!("{year}-{month:02}-15"),
            "AddedDate": format!("{year}-{month:02}-28T00:00:00Z"),
            "ModifiedDate": format!("{year}-{month:02}-28T00:00:00Z"),
            "PwnCount": 1000 + rng.below(50_000_000),
            "Description": format!(
                "In {year}, {} suffered a <a href=\"https://{domain}/notice\">data breach</a> exposing {}.",
                t.replace('&', "&amp;"),
                classes.join(", ").to_lowercase()
            ),
            "LogoPath": format!("https://logos.haveibeenpwned.com/{name}.png"),
            "DataClasses": classes,
            "IsVerified": true, "IsFabricated": false, "IsSensitive": false, "IsRetired": false,
            "IsSpamList": false, "IsMalware": false, "IsStealerLog": false,
            "IsSubscriptionFree": false,
        }));
        titles.push(t);
    }
    (titles, serde_json::Value::Array(entries).to_string())
}

/// What people type: a typo inside a whole name, a short prefix, a whole
/// name in lower case, drawn evenly from the titles.
fn queries(titles: &[String], count: usize) -> Vec<String> {
    let mut rng = Rng(7);
    (0..count)
        .map(|q| {
            let t = &titles[q * titles.len() / count];
            match q % 3 {
                0 => {
                    let mut chars: Vec<char> = t.chars().collect();
                    let i = 1 + rng.below(chars.len() - 2);
                    chars.swap(i, i + 1);
                    chars.into_iter().collect()
                }
                1 => t.chars().take(3 + rng.below(6)).collect(),
                _ => t.to_lowercase(),
            }
        })
        .collect()
}

/// Calls `f` with each item in turn, one per iteration.
fn cycle<'a, T, R: 'a, F: FnMut(&'a T) -> R + 'a>(
    items: &'a [T],
    mut f: F,
) -> impl FnMut() -> R + 'a {
    let mut i = 0;
    move || {
        i = (i + 1) % items.len();
        f(black_box(&items[i]))
    }
}

/// Where a single timing is written for `tools/bench.mjs`:
/// `<criterion dir>/one-call/<id>.json`.
fn one_call_file(id: &str) -> PathBuf {
    let criterion = std::env::var_os("CRITERION_HOME")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("CARGO_TARGET_DIR").map(|t| PathBuf::from(t).join("criterion"))
        })
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/criterion")
        });
    criterion
        .join("one-call")
        .join(format!("{}.json", id.replace(['/', ' '], "_")))
}

/// Samples `f` with criterion, or, when one call (`once`, already measured)
/// is slower than `SAMPLE_LIMIT`, reports that call alone.
fn bench_or_once<R>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    once: Duration,
    mut f: impl FnMut() -> R,
) {
    let id = format!("100k/{name}");
    let file = one_call_file(&id);
    if once > SAMPLE_LIMIT && std::env::var_os("EXPOSURE_BENCH_SAMPLE_ALL").is_none() {
        println!(
            "{id:<24}one call: {:.3} s (too slow to sample 10 times; EXPOSURE_BENCH_SAMPLE_ALL=1 samples anyway)",
            once.as_secs_f64()
        );
        let json = serde_json::json!({ "id": id, "once_ns": once.as_nanos() as f64 });
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::write(&file, json.to_string());
    } else {
        let _ = std::fs::remove_file(&file);
        group.bench_function(name, |b| b.iter(&mut f));
    }
}

fn benches(c: &mut Criterion) {
    let bundled = Engine::bundled().expect("the bundled data set loads");
    let (titles, json) = catalog(ENTRIES);
    let started = Instant::now();
    let (big, import) = bundled.with_catalog(&json).expect("the catalogue imports");
    let import_once = started.elapsed();
    assert_eq!(
        import.imported,
        ENTRIES,
        "every synthetic entry imports; skipped: {:?}",
        import.skipped.first()
    );

    let names = [
        "The Bank of America, N.A.",
        "AT&T Mobility LLC",
        "Crédit Agricole",
        "ticketmaster.com",
        "Northwind Dental Group",
    ];
    c.bench_function("normalize/name", |b| {
        b.iter(cycle(&names, |n| normalize(n)))
    });
    c.bench_function("normalize/bounded_distance", |b| {
        b.iter(|| {
            bounded_distance(
                black_box("northwinddental"),
                black_box("nrothwinddental"),
                2,
            )
        })
    });

    let typed = [
        "ba",
        "bank of am",
        "at&t",
        "att",
        "tickemaster",
        "snowflake",
        "lendingtre",
        "infosys",
        "quote wizard",
        "verizon",
    ];
    c.bench_function("suggest/bundled", |b| {
        b.iter(cycle(&typed, |q| bundled.suggest(q, LIMIT)))
    });

    // At 100 000 organizations one call takes milliseconds to seconds:
    // few samples of equal size keep the whole run near a minute.
    let mut big_group = c.benchmark_group("100k");
    big_group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    let qs = queries(&titles, 300);
    big_group.bench_function("suggest", |b| b.iter(cycle(&qs, |q| big.suggest(q, LIMIT))));
    let companies: Vec<&str> = (0..COMPANIES)
        .map(|i| titles[i * ENTRIES / COMPANIES].as_str())
        .collect();
    let check = || big.check_names(black_box(&companies), None);
    let started = Instant::now();
    black_box(check());
    let check_once = started.elapsed();
    bench_or_once(&mut big_group, "check 50 companies", check_once, check);
    bench_or_once(&mut big_group, "import", import_once, || {
        bundled
            .with_catalog(black_box(&json))
            .map(|(e, _)| e.names.len())
    });
    big_group.finish();
}

criterion_group!(core, benches);
criterion_main!(core);
