//! Finding the organization a person means from what they typed.
//!
//! Layers, strongest first: web domain → exact alias → alias without spaces →
//! same set of words → alias contained in a longer text → small typos. Each
//! hit carries a score (per mille) and the reason, so the page can say why.
//! Below the last layer the name stays unknown rather than becoming a wrong
//! company.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::dataset::DataSet;
use crate::normalize::{bounded_distance, domain_of, normalize, squash, typo_budget};
use crate::table::{Keep, PosTable};

/// Why a name matched an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchReason {
    /// The input was the organization's web domain.
    Domain,
    /// The input is one of its names or aliases.
    Exact,
    /// The same letters without spaces ("AT and T" / "ATandT").
    Squashed,
    /// The same words in another order.
    SameWords,
    /// One of its names appears inside a longer input.
    Contained,
    /// One of its names with a small typo.
    Typo,
    /// Autocomplete: one of its names starts with the input.
    Prefix,
}

impl MatchReason {
    pub fn label(self) -> &'static str {
        match self {
            MatchReason::Domain => "web address",
            MatchReason::Exact => "name",
            MatchReason::Squashed => "name without spaces",
            MatchReason::SameWords => "same words",
            MatchReason::Contained => "name inside the text",
            MatchReason::Typo => "close spelling",
            MatchReason::Prefix => "beginning of a name",
        }
    }
}

/// One organization a name was matched to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrgMatch {
    pub org_id: String,
    /// Display name of the organization.
    pub name: String,
    /// The alias (or domain) that matched.
    pub matched: String,
    pub reason: MatchReason,
    /// 0–1000; higher is surer.
    pub score: u32,
}

/// Shortest name (letters, without spaces) a one-letter slip is read as.
pub const MIN_SLIP_CHARS: usize = 8;

/// Lowest score `resolve` accepts.
pub const ACCEPT_SCORE: u32 = score::ACCEPT;

/// The score levels of a match (0–1000; higher is surer), named once.
pub mod score {
    /// A name or alias as typed.
    pub const EXACT: u32 = 1000;
    /// A name or alias with spaces closed up.
    pub const SQUASHED: u32 = 980;
    /// The organization's web address.
    pub const DOMAIN: u32 = 970;
    /// The same words in another order.
    pub const SAME_WORDS: u32 = 950;
    /// A slip of the keyboard (less 100 per letter off); also a suggestion
    /// whose name begins with what was typed.
    pub const TYPO: u32 = 900;
    pub const NAME_PREFIX: u32 = 900;
    /// A name inside a longer text (less 40 per word around it).
    pub const CONTAINED: u32 = 860;
    /// A suggestion whose name, without spaces, begins with what was typed.
    pub const SQUASHED_PREFIX: u32 = 850;
    /// A suggestion with a later word of its name beginning with what was
    /// typed.
    pub const WORD_PREFIX: u32 = 700;
    /// A suggestion with a slip in what was typed so far (less 100 per
    /// letter off).
    pub const TYPED_SO_FAR_TYPO: u32 = 650;
    /// Lowest score `resolve` accepts.
    pub const ACCEPT: u32 = 600;
}

/// Words too common to identify a company on their own: a text made only of
/// these needs an exact alias, never a typo or partial match.
const GENERIC: &[&str] = &[
    "american",
    "america",
    "bank",
    "banks",
    "bancorp",
    "capital",
    "care",
    "city",
    "community",
    "county",
    "credit",
    "data",
    "department",
    "education",
    "federal",
    "financial",
    "first",
    "general",
    "group",
    "health",
    "healthcare",
    "hospital",
    "insurance",
    "life",
    "medical",
    "mutual",
    "national",
    "services",
    "security",
    "state",
    "systems",
    "trust",
    "union",
    "united",
    "university",
    "wireless",
    "mobile",
    "of",
    "the",
    "and",
    "for",
    "de",
];

/// Words that may surround a company's name without changing which company
/// is meant: what of it a person deals with.
const CONTEXT: &[&str] = &[
    "account",
    "accounts",
    "app",
    "bill",
    "billing",
    "card",
    "cards",
    "checking",
    "credit",
    "customer",
    "customers",
    "debit",
    "email",
    "letter",
    "loan",
    "loans",
    "login",
    "member",
    "members",
    "mortgage",
    "my",
    "notice",
    "online",
    "patient",
    "patients",
    "plan",
    "policy",
    "portal",
    "rewards",
    "savings",
    "service",
    "student",
    "students",
    "subscriber",
    "user",
    "website",
];

/// Phrases in regulator filings that join two names of one party (d/b/a,
/// formerly) or name the party a filer acts for (on behalf of, c/o), as they
/// read after normalization. The flag says the second name is the one meant.
const JOINS: &[(&str, bool)] = &[
    (" d b a ", false),
    (" dba ", false),
    (" doing business as ", false),
    (" f k a ", false),
    (" fka ", false),
    (" formerly known as ", false),
    (" formerly ", false),
    (" a k a ", false),
    (" aka ", false),
    (" on behalf of ", true),
    (" c o ", false),
    (" care of ", false),
];

/// The names inside a filing-style text, the one meant first; empty when the
/// text has no joining phrase.
fn joined_names(key: &str) -> Vec<String> {
    let padded = format!(" {key} ");
    for (phrase, second_first) in JOINS {
        if let Some(pos) = padded.find(phrase) {
            let before = padded[..pos].trim().to_string();
            let after = padded[pos + phrase.len()..].trim().to_string();
            let mut names = vec![before, after];
            if *second_first {
                names.reverse();
            }
            names.retain(|n| !n.is_empty());
            return names;
        }
    }
    Vec::new()
}

/// True when every word of the key is a generic word.
fn is_generic(key: &str) -> bool {
    key.split(' ').all(|w| GENERIC.contains(&w))
}

/// Words that carry no identity when comparing word sets.
const STOPWORDS: &[&str] = &["of", "the", "and", "for", "de"];

#[derive(Debug, Clone)]
struct Entry {
    org: usize,
    /// Length of the key without spaces in characters.
    squash_len: usize,
    /// The key; the key without spaces; the key's words as a set (sorted,
    /// stop words left out) unless they read as the key itself; and the name
    /// as written when it is not the organization's name (kept once, in
    /// `orgs`, for the many entries that are): one allocation.
    text: Box<str>,
    /// Where the key, the key without spaces and the word set end in `text`.
    ends: [usize; 3],
    words_are_key: bool,
    has_alias: bool,
}

impl Entry {
    fn new(org: usize, key: &str, squash: &str, alias: Option<&str>) -> Entry {
        let words_are_key = words_are_key(key);
        let words = if words_are_key {
            String::new()
        } else {
            word_set(key)
        };
        let alias = alias.unwrap_or_default();
        let mut text = String::with_capacity(key.len() + squash.len() + words.len() + alias.len());
        text.push_str(key);
        text.push_str(squash);
        text.push_str(&words);
        let ends = [key.len(), key.len() + squash.len(), text.len()];
        let has_alias = !alias.is_empty();
        text.push_str(alias);
        Entry {
            org,
            squash_len: squash.chars().count(),
            text: text.into_boxed_str(),
            ends,
            words_are_key,
            has_alias,
        }
    }

    #[inline]
    fn key(&self) -> &str {
        &self.text[..self.ends[0]]
    }

    #[inline]
    fn squash(&self) -> &str {
        &self.text[self.ends[0]..self.ends[1]]
    }

    #[inline]
    fn words(&self) -> &str {
        if self.words_are_key {
            self.key()
        } else {
            &self.text[self.ends[1]..self.ends[2]]
        }
    }

    fn alias(&self) -> Option<&str> {
        self.has_alias.then(|| &self.text[self.ends[2]..])
    }

    /// The key from byte `off` on, as bytes (which order as the text does,
    /// without the character boundary checks of slicing a str: for sorting).
    #[inline]
    fn key_bytes_from(&self, off: u16) -> &[u8] {
        &self.text.as_bytes()[usize::from(off).min(self.ends[0])..self.ends[0]]
    }

    /// The key without spaces, as bytes (see `key_bytes_from`).
    #[inline]
    fn squash_bytes(&self) -> &[u8] {
        &self.text.as_bytes()[self.ends[0]..self.ends[1]]
    }
}

/// True when a key's word set is the key itself: its words are in order,
/// none twice and none a stop word.
fn words_are_key(key: &str) -> bool {
    let mut words = key.split(' ');
    let mut last = match words.next() {
        Some(w) if !w.is_empty() && !STOPWORDS.contains(&w) => w,
        _ => return false,
    };
    for w in words {
        if w.is_empty() || STOPWORDS.contains(&w) || w <= last {
            return false;
        }
        last = w;
    }
    true
}

/// An organization's id, display name and (when listed) lower-case web
/// domain, in one allocation.
#[derive(Debug, Clone)]
struct OrgText {
    text: Box<str>,
    /// Where the id and the name end in `text`.
    ends: [usize; 2],
    has_domain: bool,
}

impl OrgText {
    fn new(id: &str, name: &str, domain: Option<&str>) -> OrgText {
        let domain = domain.unwrap_or_default();
        let text = [id, name, domain].concat();
        OrgText {
            text: text.into_boxed_str(),
            ends: [id.len(), id.len() + name.len()],
            has_domain: !domain.is_empty(),
        }
    }

    fn id(&self) -> &str {
        &self.text[..self.ends[0]]
    }

    fn name(&self) -> &str {
        &self.text[self.ends[0]..self.ends[1]]
    }

    fn domain(&self) -> Option<&str> {
        self.has_domain.then(|| &self.text[self.ends[1]..])
    }
}

/// Index over every listed organization's names, built once per data set.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    entries: Vec<Entry>,
    /// Entries sorted by key, by word set: look-ups are binary searches
    /// (no second copy of every text, as a hash map keyed by it would keep).
    by_key: Vec<u32>,
    by_words: Vec<u32>,
    /// Organizations by their web domain (the last listed with it).
    by_domain: PosTable,
    /// By org position: its id, name and domain.
    orgs: Vec<OrgText>,
    /// How prominent each org is (incidents involving it, names known), 0–40;
    /// breaks ties between suggestions that match equally well.
    org_weight: Vec<u32>,
    /// Every word start of every key, as (entry, byte offset), sorted by the
    /// text from there on: prefix look-ups are a binary search.
    word_starts: Vec<(u32, u16)>,
    /// Entries sorted by their key without spaces.
    squash_sorted: Vec<u32>,
    /// Entries sorted by their key without spaces read backwards: a look-up
    /// of the names that end a certain way (typos early in a name).
    squash_rev_sorted: Vec<u32>,
    /// Entries by the first letter of their key without spaces, most
    /// prominent organizations first; where typo look-ups start.
    by_initial: HashMap<char, Vec<u32>>,
    /// Hashes of every key and key without spaces, in indexes small enough
    /// (the curated data set's): most names looked up while a catalogue is
    /// imported are in neither, and this says so without a binary search.
    known: Option<HashSet<u64>>,
}

/// A text's hash for [`NameIndex::known`] (the same in every run).
fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// Most entries one prefix look-up scores; enough to fill a suggestion list
/// with the best, and a bound on the work per keystroke.
const MAX_PREFIX_SCAN: usize = 1_500;
/// Most entries each half-name look-up of a typo search yields.
const MAX_TYPO_CANDIDATES: usize = 600;
/// Indexes of at most this many entries are small enough to compare a
/// resolved name with every entry (exact); larger ones (imported
/// catalogues) look typo candidates up by half-names.
const LINEAR_TYPO_LIMIT: usize = 20_000;

/// Most entries the typo pass of a suggestion compares.
const MAX_TYPO_SCAN: usize = 6_000;

/// The part of a sorted slice whose text is exactly `q`.
fn equal_range<'a, T>(sorted: &'a [T], q: &str, text: impl Fn(&T) -> &'a str) -> &'a [T] {
    let start = sorted.partition_point(|x| text(x) < q);
    let len = sorted[start..].partition_point(|x| text(x) == q);
    &sorted[start..start + len]
}

/// The part of a sorted slice whose text starts with `q`.
fn prefix_range<'a, T>(sorted: &'a [T], q: &str, text: impl Fn(&T) -> &'a str) -> &'a [T] {
    let start = sorted.partition_point(|x| text(x) < q);
    let len = sorted[start..].partition_point(|x| text(x).starts_with(q));
    &sorted[start..start + len]
}

fn word_set(key: &str) -> String {
    let set: BTreeSet<&str> = key
        .split(' ')
        .filter(|w| !w.is_empty() && !STOPWORDS.contains(w))
        .collect();
    set.into_iter().collect::<Vec<_>>().join(" ")
}

/// Builds a [`NameIndex`] a slice at a time, so a page can stay responsive
/// while it indexes a large catalogue: each [`NameIndexBuilder::step`] does a
/// bounded amount of work (indexing the names of some organizations, then
/// part of the sorting); [`NameIndexBuilder::finish`] does what is left.
#[derive(Debug)]
pub struct NameIndexBuilder {
    ix: NameIndex,
    next: usize,
    total: usize,
    /// What the sorts will sort, gathered as entries are added.
    gathered: Gathered,
    sorting: Option<Sorting>,
}

/// The sorts of a build, done one after another, a step at a time.
/// Only the running sort holds its packed keys (see [`Packed`]); the ones
/// done are kept as the index will keep them.
#[derive(Debug)]
struct Sorting {
    /// Which sort runs: 0 word starts, 1 word sets, 2 keys without spaces,
    /// 3 the same read backwards, 4 first letters; 5 when all are done.
    stage: usize,
    running: Packed,
    gathered: Gathered,
    word_starts: Vec<(u32, u16)>,
    by_words: Vec<u32>,
    squash_sorted: Vec<u32>,
    squash_rev_sorted: Vec<u32>,
    /// Entries with a key, by the first letter of their key without spaces,
    /// then most prominent first.
    initials: Vec<u32>,
}

const SORTS: usize = 5;

/// A sort of positions `0..n` of a list by a text each, done a bounded
/// amount at a time. Each position is packed in one `u64` with the first
/// whole bytes of its text above it (as many as fit beside the position),
/// and the numbers are sorted by those bytes without comparisons (see
/// [`StepSort`]). Only positions whose packed bytes tie read their texts,
/// seven bytes a round (see [`chunk_at`]).
#[derive(Debug)]
struct Packed {
    sort: StepSort,
    shift: u32,
}

impl Packed {
    /// Bits for a position among `n` (at least one; at most 32, as
    /// positions are u32).
    fn position_bits(n: usize) -> u32 {
        (usize::BITS - n.saturating_sub(1).leading_zeros()).max(1)
    }

    /// Positions `0..n`, each with the first bytes of its text (see
    /// [`text_start`]).
    fn new(n: usize, start: impl Fn(usize) -> u64) -> Packed {
        // Whole bytes of text above the position.
        let shift = Packed::position_bits(n);
        let bytes = (64 - shift) / 8;
        let data = (0..n)
            .map(|i| start(i) >> (64 - 8 * bytes) << (64 - 8 * bytes) | i as u64)
            .collect();
        Packed {
            sort: StepSort::new(data, shift),
            shift,
        }
    }

    /// A sort whose numbers say it all: `order(i)` (in the top bits,
    /// those a position leaves) then the position.
    fn whole(n: usize, order: impl Fn(usize) -> u64) -> Packed {
        let shift = Packed::position_bits(n);
        let data = (0..n)
            .map(|i| order(i) >> shift << shift | i as u64)
            .collect();
        Packed {
            sort: StepSort::new(data, shift),
            shift,
        }
    }

    /// Sorts about `budget` elements; `chunk(i, depth)` is position `i`'s
    /// text from byte `depth` (see [`chunk_at`]), read for ties only. Equal
    /// texts stay in position order. True when sorted.
    fn step(&mut self, budget: usize, chunk: impl Fn(usize, usize) -> u64) -> bool {
        self.sort.step(budget, chunk)
    }

    /// The positions, sorted.
    fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        let mask = (1u64 << self.shift) - 1;
        self.sort.data.iter().map(move |&p| (p & mask) as usize)
    }

    fn progress(&self) -> f64 {
        self.sort.progress()
    }
}

/// Seven bytes of a text from byte `depth` (big-endian, zeros after its
/// end), then how many of them the text has. These numbers order as the
/// texts do from `depth` on, or tie with 7 (both go on: compare again
/// further on) or with less (equal texts).
fn chunk_at(bytes: impl Iterator<Item = u8>, depth: usize) -> u64 {
    let mut n = 0u64;
    let mut len = 0u32;
    for b in bytes.skip(depth).take(7) {
        n = n << 8 | u64::from(b);
        len += 1;
    }
    (n << (8 * (7 - len))) << 8 | u64::from(len)
}

/// The first eight bytes of a text as a big-endian number (shorter texts
/// padded with zeros): a longer text never comes before a shorter one it
/// starts with, so the numbers order as the texts do, or tie.
fn text_start(bytes: impl Iterator<Item = u8>) -> u64 {
    let mut n = 0u64;
    let mut len = 0;
    for b in bytes.take(8) {
        n = n << 8 | u64::from(b);
        len += 1;
    }
    if len == 0 {
        0
    } else {
        n << (8 * (8 - len))
    }
}

/// Work units of one organization's names; sorting `SORT_PER_UNIT`
/// elements counts as one unit.
const SORT_PER_UNIT: usize = 16;

impl NameIndexBuilder {
    pub fn new(ds: &DataSet) -> NameIndexBuilder {
        NameIndexBuilder {
            ix: NameIndex {
                by_domain: PosTable::with_capacity(ds.organizations.len()),
                ..NameIndex::default()
            },
            next: 0,
            total: ds.organizations.len(),
            gathered: Gathered::default(),
            sorting: None,
        }
    }

    /// How far the build has got, from 0 to 1.
    pub fn progress(&self) -> f64 {
        let indexing = self.next as f64 / self.total.max(1) as f64;
        match &self.sorting {
            None => indexing * 0.7,
            Some(s) => {
                let sorted = s.stage as f64
                    + if s.stage < SORTS {
                        s.running.progress()
                    } else {
                        0.0
                    };
                0.7 + 0.3 * sorted / SORTS as f64
            }
        }
    }

    /// Does about `units` of work on `ds` (the data set given to `new`):
    /// one unit is one organization's names, or a slice of the sorting.
    /// True when the index is complete.
    pub fn step(&mut self, ds: &DataSet, units: usize) -> bool {
        if self.next < ds.organizations.len() {
            self.add_orgs(ds, units);
            return false;
        }
        let entries = &self.ix.entries;
        let weights = &self.ix.org_weight;
        let gathered = &mut self.gathered;
        let sorting = self
            .sorting
            .get_or_insert_with(|| Sorting::new(entries, std::mem::take(gathered)));
        let budget = units.saturating_mul(SORT_PER_UNIT);
        let words = |e: usize| entries[e].words().as_bytes();
        let squash = |e: usize| entries[e].squash_bytes();
        while sorting.stage < SORTS {
            let starts = &sorting.gathered.starts;
            let start = |i: usize| {
                let (e, off) = starts[i];
                entries[e as usize].key_bytes_from(off)
            };
            let running = &mut sorting.running;
            let done = match sorting.stage {
                0 => running.step(budget, |i, d| chunk_at(start(i).iter().copied(), d)),
                1 => running.step(budget, |i, d| chunk_at(words(i).iter().copied(), d)),
                2 => running.step(budget, |i, d| chunk_at(squash(i).iter().copied(), d)),
                3 => running.step(budget, |i, d| chunk_at(squash(i).iter().rev().copied(), d)),
                // The packed beginning is the whole key here.
                _ => running.step(budget, |_, _| 0),
            };
            if !done {
                return false;
            }
            sorting.next_stage(entries, weights);
        }
        true
    }

    fn add_orgs(&mut self, ds: &DataSet, orgs: usize) {
        let ix = &mut self.ix;
        let end = self.next.saturating_add(orgs).min(ds.organizations.len());
        for (oi, org) in ds
            .organizations
            .iter()
            .enumerate()
            .take(end)
            .skip(self.next)
        {
            // How prominent: incidents naming it, names known.
            ix.org_weight
                .push((ds.mentions(oi) * 6 + org.aliases.len() as u32).min(40));
            let own_domain = org.domain.as_deref().map(str::to_ascii_lowercase);
            ix.orgs.push(OrgText::new(
                &org.id,
                &org.name,
                own_domain.as_deref().filter(|_| org.listed),
            ));
            if !org.listed {
                continue;
            }
            ix.by_domain
                .insert(&ix.orgs, oi, Keep::Last, OrgText::domain);
            // Keys and keys without spaces already indexed for this org (its
            // entries so far): a one-word alias that is another name run
            // together ("AcmeBank" beside "Acme Bank") is found through the
            // latter's squashed key.
            let first = ix.entries.len();
            for alias in org.names() {
                // The org's own web address is looked up by domain instead.
                if own_domain.is_some() && maybe_domain(alias) == own_domain {
                    continue;
                }
                let key = normalize(alias);
                let own = &ix.entries[first..];
                if key.is_empty()
                    || own.iter().any(|e| e.squash() == key)
                    || own.iter().any(|e| e.key() == key)
                {
                    continue;
                }
                let squash = squash(&key);
                let alias = (alias != org.name).then_some(alias);
                self.gathered.add(ix.entries.len(), &key, &squash);
                ix.entries.push(Entry::new(oi, &key, &squash, alias));
            }
        }
        self.next = end;
    }

    /// The finished index (whatever `step` has not done yet, in one go).
    pub fn finish(mut self, ds: &DataSet) -> NameIndex {
        while !self.step(ds, usize::MAX / SORT_PER_UNIT) {}
        let sorting = self.sorting.take();
        let ix = &mut self.ix;
        if let Some(s) = sorting {
            ix.word_starts = s.word_starts;
            ix.by_words = s.by_words;
            ix.squash_sorted = s.squash_sorted;
            ix.squash_rev_sorted = s.squash_rev_sorted;
            let sorted = s.initials;
            let mut at = 0;
            ix.by_initial = s
                .gathered
                .initial_counts
                .into_iter()
                .map(|(c, n)| {
                    at += n;
                    (c, sorted[at - n..at].to_vec())
                })
                .collect();
        }
        ix.known = (ix.entries.len() <= LINEAR_TYPO_LIMIT).then(|| {
            ix.entries
                .iter()
                .flat_map(|e| [text_hash(e.key()), text_hash(e.squash())])
                .collect()
        });
        // Word starts at offset 0 are the whole keys, already in key order.
        ix.by_key = ix
            .word_starts
            .iter()
            .filter(|(_, off)| *off == 0)
            .map(|(e, _)| *e)
            .collect();
        self.ix
    }
}

/// The word starts and first letters of the entries added so far.
#[derive(Debug, Default)]
struct Gathered {
    /// Every word start of every key, as (entry, byte offset).
    starts: Vec<(u32, u16)>,
    /// Entries with a key.
    with_initial: Vec<u32>,
    /// How many entries have each first letter.
    initial_counts: std::collections::BTreeMap<char, usize>,
}

impl Gathered {
    fn add(&mut self, e: usize, key: &str, squash: &str) {
        let e = e as u32;
        self.starts.push((e, 0));
        for (i, b) in key.bytes().enumerate() {
            if b == b' ' && i + 1 < key.len() && i < usize::from(u16::MAX) {
                self.starts.push((e, (i + 1) as u16));
            }
        }
        if let Some(c) = squash.chars().next() {
            self.with_initial.push(e);
            *self.initial_counts.entry(c).or_insert(0) += 1;
        }
    }
}

impl Sorting {
    fn new(entries: &[Entry], gathered: Gathered) -> Sorting {
        let starts = &gathered.starts;
        let running = Packed::new(starts.len(), |i| {
            let (e, off) = starts[i];
            text_start(entries[e as usize].key_bytes_from(off).iter().copied())
        });
        Sorting {
            stage: 0,
            running,
            gathered,
            word_starts: Vec::new(),
            by_words: Vec::new(),
            squash_sorted: Vec::new(),
            squash_rev_sorted: Vec::new(),
            initials: Vec::new(),
        }
    }

    /// Keeps what the running sort sorted and starts the next one.
    fn next_stage(&mut self, entries: &[Entry], weights: &[u32]) {
        let squash = |e: usize| entries[e].squash_bytes();
        let n = entries.len();
        let next = match self.stage {
            0 => {
                let starts = &self.gathered.starts;
                self.word_starts = self.running.positions().map(|i| starts[i]).collect();
                self.gathered.starts = Vec::new();
                Packed::new(n, |e| text_start(entries[e].words().bytes()))
            }
            1 => {
                self.by_words = self.running.positions().map(|e| e as u32).collect();
                Packed::new(n, |e| text_start(squash(e).iter().copied()))
            }
            2 => {
                self.squash_sorted = self.running.positions().map(|e| e as u32).collect();
                Packed::new(n, |e| text_start(squash(e).iter().rev().copied()))
            }
            3 => {
                self.squash_rev_sorted = self.running.positions().map(|e| e as u32).collect();
                // The first letter (21 bits), then the most prominent first
                // (weights are at most 40): the whole order in 27 bits.
                let with = &self.gathered.with_initial;
                Packed::whole(with.len(), |i| {
                    let entry = &entries[with[i] as usize];
                    let initial = entry.squash().chars().next().map_or(0, u64::from);
                    let weight = u64::from(weights[entry.org].min(63));
                    (initial << 6 | (63 - weight)) << 37
                })
            }
            _ => {
                let with = &self.gathered.with_initial;
                self.initials = self.running.positions().map(|i| with[i]).collect();
                self.gathered.with_initial = Vec::new();
                Packed::whole(0, |_| 0)
            }
        };
        self.running = next;
        self.stage += 1;
    }
}

/// Packed numbers (see [`Packed`]) sorted a bounded amount at a time: first
/// by their bits above the position, by a least-significant-digit radix
/// sort, which is stable, so numbers whose text bytes tie stay in position
/// order; then each run of such ties by their texts, a round at a time
/// (`tie_round`). A step does about its budget of work, or one round of one
/// run of ties, whichever is more.
#[derive(Debug)]
struct StepSort {
    data: Vec<u64>,
    tmp: Vec<u64>,
    /// Bits of the position, below the sorted digits.
    shift: u32,
    /// The digit being placed (`passes` when all are), and where in `data`.
    pass: u32,
    passes: u32,
    at: usize,
    /// Where the next element with each digit value goes in this pass
    /// (empty until the pass's digits are counted).
    slots: Vec<u32>,
    /// Runs of ties still to order: (start, length, text bytes already
    /// equal); and room for a round's (chunk, number) pairs.
    ties: Vec<(usize, usize, usize)>,
    keyed: Vec<(u64, u64)>,
    /// Elements handled so far, and in all (for progress).
    done: usize,
    total: usize,
}

/// Bits per radix digit.
const DIGIT_BITS: u32 = 11;

impl StepSort {
    fn new(data: Vec<u64>, shift: u32) -> StepSort {
        let n = data.len();
        let passes = (64 - shift.min(64)).div_ceil(DIGIT_BITS);
        StepSort {
            tmp: Vec::new(),
            data,
            shift,
            pass: 0,
            passes,
            at: 0,
            slots: Vec::new(),
            ties: Vec::new(),
            keyed: Vec::new(),
            done: 0,
            total: n * (passes as usize + 1),
        }
    }

    fn progress(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            (self.done as f64 / self.total as f64).min(1.0)
        }
    }

    /// Does about `budget` elements' work (see the type), ordering ties by
    /// `chunk` (see [`Packed::step`]); true when the whole is sorted.
    fn step(&mut self, budget: usize, chunk: impl Fn(usize, usize) -> u64) -> bool {
        let n = self.data.len();
        let mask = (1u64 << DIGIT_BITS) - 1;
        let mut work = 0;
        while work < budget {
            if self.pass < self.passes {
                let low = self.shift + self.pass * DIGIT_BITS;
                let digit = |x: u64| ((x >> low) & mask) as usize;
                if self.slots.is_empty() {
                    // Count each digit value, then where its elements go.
                    let mut counts = vec![0u32; 1 << DIGIT_BITS];
                    for &x in &self.data {
                        counts[digit(x)] += 1;
                    }
                    work += n;
                    if counts.iter().any(|&c| c as usize == n) {
                        // One value for all: this digit orders nothing.
                        self.pass += 1;
                        self.done += n;
                        continue;
                    }
                    let mut next = 0u32;
                    for c in counts.iter_mut() {
                        (*c, next) = (next, next + *c);
                    }
                    self.slots = counts;
                    if self.tmp.len() != n {
                        self.tmp = vec![0; n];
                    }
                    continue;
                }
                let end = self.at + (n - self.at).min(budget - work);
                for &x in &self.data[self.at..end] {
                    let slot = &mut self.slots[digit(x)];
                    if let Some(t) = self.tmp.get_mut(*slot as usize) {
                        *t = x;
                    }
                    *slot += 1;
                }
                work += end - self.at;
                self.done += end - self.at;
                self.at = end;
                if self.at == n {
                    std::mem::swap(&mut self.data, &mut self.tmp);
                    self.pass += 1;
                    self.at = 0;
                    self.slots = Vec::new();
                }
            } else if let Some((start, len, depth)) = self.ties.pop() {
                let pos_mask = (1u64 << self.shift) - 1;
                let run = &mut self.data[start..start + len];
                tie_round(run, pos_mask, depth, &chunk, &mut self.keyed, |at, same| {
                    self.ties.push((start + at, same, depth + 7))
                });
                work += len;
            } else if self.at < n {
                // The next run of numbers whose text bytes tie.
                let high = self.data[self.at] >> self.shift;
                let len = self.data[self.at..]
                    .iter()
                    .position(|&x| x >> self.shift != high)
                    .unwrap_or(n - self.at);
                if len > 1 {
                    self.ties.push((self.at, len, 0));
                }
                self.at += len;
                work += len;
                self.done += len;
            } else {
                self.done = self.total;
                // The buffers are not needed any more.
                self.tmp = Vec::new();
                self.slots = Vec::new();
                self.keyed = Vec::new();
                return true;
            }
        }
        false
    }
}

/// One round of ordering a run of numbers whose texts are equal in their
/// first `depth` bytes: by the next seven (`chunk(position, depth)`, see
/// [`chunk_at`]), sorted as numbers, then by the numbers themselves (equal
/// texts by position). Calls `again(at, len)` for each part still tied
/// whose texts go on. `keyed` is room for the pairs (any contents).
fn tie_round(
    run: &mut [u64],
    pos_mask: u64,
    depth: usize,
    chunk: &impl Fn(usize, usize) -> u64,
    keyed: &mut Vec<(u64, u64)>,
    mut again: impl FnMut(usize, usize),
) {
    keyed.clear();
    keyed.extend(
        run.iter()
            .map(|&x| (chunk((x & pos_mask) as usize, depth), x)),
    );
    keyed.sort_unstable();
    let mut i = 0;
    while i < keyed.len() {
        let c = keyed[i].0;
        let same = keyed[i..].iter().take_while(|k| k.0 == c).count();
        if same > 1 && c & 0xFF == 7 {
            again(i, same);
        }
        i += same;
    }
    for (x, &(_, k)) in run.iter_mut().zip(keyed.iter()) {
        *x = k;
    }
}

impl NameIndex {
    pub fn build(ds: &DataSet) -> NameIndex {
        NameIndexBuilder::new(ds).finish(ds)
    }

    /// The most prominent listed organizations of a sector (most incidents
    /// and names first), for quick picks.
    pub fn prominent(
        &self,
        ds: &DataSet,
        sector: crate::model::Sector,
        n: usize,
    ) -> Vec<(String, String)> {
        let mut orgs: Vec<usize> = (0..self.orgs.len())
            .filter(|&i| {
                ds.organizations[i].listed
                    && ds.organizations[i].sector == sector
                    && ds.organizations[i].parent.is_none()
            })
            .collect();
        crate::sort::sort_by(&mut orgs, |a, b| {
            self.org_weight[*b]
                .cmp(&self.org_weight[*a])
                .then_with(|| self.orgs[*a].name().cmp(self.orgs[*b].name()))
        });
        orgs.into_iter()
            .take(n)
            .map(|i| {
                (
                    self.orgs[i].id().to_string(),
                    self.orgs[i].name().to_string(),
                )
            })
            .collect()
    }

    /// Number of names indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn hit(&self, e: usize, reason: MatchReason, score: u32) -> OrgMatch {
        let entry = &self.entries[e];
        OrgMatch {
            org_id: self.orgs[entry.org].id().to_string(),
            name: self.orgs[entry.org].name().to_string(),
            matched: entry
                .alias()
                .unwrap_or(self.orgs[entry.org].name())
                .to_string(),
            reason,
            score,
        }
    }

    /// Entries whose key is exactly `key`.
    fn with_key(&self, key: &str) -> &[u32] {
        if !self.may_know(key) {
            return &[];
        }
        equal_range(&self.by_key, key, |e| self.entries[*e as usize].key())
    }

    /// Entries whose key without spaces is exactly `sq`.
    fn with_squash(&self, sq: &str) -> &[u32] {
        if !self.may_know(sq) {
            return &[];
        }
        equal_range(&self.squash_sorted, sq, |e| {
            self.entries[*e as usize].squash()
        })
    }

    /// False when no entry has this text as its key or key without spaces.
    fn may_know(&self, text: &str) -> bool {
        self.known
            .as_ref()
            .is_none_or(|known| known.contains(&text_hash(text)))
    }

    /// Entries with exactly this word set.
    fn with_words(&self, words: &str) -> &[u32] {
        equal_range(&self.by_words, words, |e| self.entries[*e as usize].words())
    }

    /// One hit from a bucket, or none when the bucket names several orgs.
    fn unique_hit(&self, bucket: &[u32], reason: MatchReason, score: u32) -> Option<OrgMatch> {
        let first = *bucket.first()? as usize;
        let org = self.entries[first].org;
        if bucket.iter().all(|&e| self.entries[e as usize].org == org) {
            return Some(self.hit(first, reason, score));
        }
        // A curated organization and ones known only from registers share
        // the key: the curated one, when it is the only one.
        let curated = |e: &u32| {
            !self.orgs[self.entries[*e as usize].org]
                .id()
                .starts_with(crate::notices::REGISTER_ORG_PREFIX)
        };
        let mut kept = bucket.iter().filter(|e| curated(e));
        let first = *kept.next()? as usize;
        let org = self.entries[first].org;
        kept.all(|&e| self.entries[e as usize].org == org)
            .then(|| self.hit(first, reason, score))
    }

    /// The organization whose web domain this is.
    fn domain_hit(&self, domain: &str) -> Option<OrgMatch> {
        let oi = self.by_domain.get(&self.orgs, domain, OrgText::domain)?;
        Some(OrgMatch {
            org_id: self.orgs[oi].id().to_string(),
            name: self.orgs[oi].name().to_string(),
            matched: domain.to_string(),
            reason: MatchReason::Domain,
            score: score::DOMAIN,
        })
    }

    /// The organization this text most likely names, or `None` when no
    /// organization is a sure enough match.
    pub fn resolve(&self, input: &str) -> Option<OrgMatch> {
        if let Some(d) = domain_of(input) {
            if let Some(m) = self.domain_hit(&d) {
                return Some(m);
            }
            // An unknown domain: try its main label as a name ("bankofamerica").
            let labels: Vec<&str> = d.split('.').collect();
            if let Some(m) = labels
                .get(labels.len().saturating_sub(2))
                .and_then(|label| self.resolve_name(label))
            {
                return Some(m);
            }
        }
        let key = normalize(input);
        let parts = joined_names(&key);
        if parts.is_empty() {
            return self.resolve_name(&key);
        }
        parts.iter().find_map(|p| self.resolve_name(p))
    }

    /// Only the sure layers: web domain, exact alias, alias without spaces.
    /// Each is a hash lookup.
    /// The organization whose web address this is (a bare domain or a URL).
    pub fn resolve_domain(&self, input: &str) -> Option<OrgMatch> {
        domain_of(input).and_then(|d| self.domain_hit(&d))
    }

    pub fn resolve_exact(&self, input: &str) -> Option<OrgMatch> {
        if let Some(d) = maybe_domain(input) {
            if let Some(m) = self.domain_hit(&d) {
                return Some(m);
            }
        }
        let key = normalize(input);
        if key.is_empty() {
            return None;
        }
        self.unique_hit(self.with_key(&key), MatchReason::Exact, score::EXACT)
            .or_else(|| {
                self.unique_hit(
                    self.with_squash(&squash(&key)),
                    MatchReason::Squashed,
                    score::SQUASHED,
                )
            })
    }

    fn resolve_name(&self, text: &str) -> Option<OrgMatch> {
        let key = normalize(text);
        if key.is_empty() {
            return None;
        }
        if let Some(m) = self.unique_hit(self.with_key(&key), MatchReason::Exact, score::EXACT) {
            return Some(m);
        }
        let sq = squash(&key);
        if let Some(m) = self.unique_hit(
            self.with_squash(&sq),
            MatchReason::Squashed,
            score::SQUASHED,
        ) {
            return Some(m);
        }
        if let Some(m) = self.unique_hit(
            self.with_words(&word_set(&key)),
            MatchReason::SameWords,
            score::SAME_WORDS,
        ) {
            return Some(m);
        }
        if is_generic(&key) {
            return None;
        }
        // A slip is read as the name only when it is one letter swapped,
        // dropped, doubled or replaced in a name long enough to tell apart
        // (and one organization has it: `best_typo` gives none on ties);
        // anything farther is only offered as a suggestion.
        let typo = self.best_typo(&sq).filter(|m| {
            let name = normalize(&m.matched);
            sq.chars().count() >= MIN_SLIP_CHARS
                && bounded_distance(&sq, &squash(&name), 1).is_some()
                // A letter off in a short word is another name, not a slip
                // ("CNG Financial" is not "CNO Financial").
                && key
                    .split(' ')
                    .filter(|w| w.chars().count() <= 3)
                    .all(|w| name.split(' ').any(|n| n == w))
        });
        let contained = self.best_contained(&key);
        match (typo, contained) {
            (Some(a), Some(b)) => Some(if a.score >= b.score { a } else { b }),
            (a, b) => a.or(b),
        }
        .filter(|m| m.score >= ACCEPT_SCORE)
    }

    /// Closest name within the typo budget; ties between organizations give none.
    /// Entries that may be a typo of `sq` (a key without spaces): a single
    /// typo leaves the first or the second half of the name intact, so the
    /// names that begin with the first half (`.0`), or, of about the same
    /// length, end with the second half (`.1`, for a whole name typed), are
    /// the candidates. Bounded.
    fn typo_candidates(&self, sq: &str, budget: usize) -> (Vec<u32>, Vec<u32>) {
        let chars: Vec<(usize, char)> = sq.char_indices().collect();
        let n = chars.len();
        if n < 4 {
            return (Vec::new(), Vec::new());
        }
        // Names sharing longer beginnings first (the intended one shares
        // everything up to the typo): the ranges of ever shorter beginnings
        // are nested, so each step adds the two pieces around the last. The
        // two middle letters belong to neither half, so that a swap of
        // neighbours there still leaves one half intact; and a beginning has
        // at least three letters (shorter ones name too many names).
        let mut starts: Vec<u32> = Vec::new();
        let shortest = (n / 2 - 1).max(3);
        if shortest < n {
            let text = |e: &u32| self.entries[*e as usize].squash();
            let widest = prefix_range(&self.squash_sorted, &sq[..chars[shortest].0], text);
            let base = widest.as_ptr() as usize;
            let offset = |r: &[u32]| (r.as_ptr() as usize - base) / std::mem::size_of::<u32>();
            let (mut lo, mut hi) = (0usize, 0usize);
            for k in (shortest..n).rev() {
                let r = prefix_range(widest, &sq[..chars[k].0], text);
                let (rlo, rhi) = (offset(r), offset(r) + r.len());
                if lo == hi {
                    starts.extend_from_slice(r);
                } else {
                    starts.extend_from_slice(&widest[rlo..lo]);
                    starts.extend_from_slice(&widest[hi..rhi]);
                }
                if rlo < rhi {
                    (lo, hi) = (rlo, rhi);
                }
                if starts.len() >= MAX_TYPO_CANDIDATES {
                    starts.truncate(MAX_TYPO_CANDIDATES);
                    break;
                }
            }
        }
        // Likewise names sharing longer endings first, of about the same
        // length (for a whole name with a typo early on).
        let mut ends: Vec<u32> = Vec::new();
        if n - (n / 2 + 1) >= 3 {
            let ends_with = |tail: &str| {
                let start = self.squash_rev_sorted.partition_point(|e| {
                    self.entries[*e as usize]
                        .squash()
                        .bytes()
                        .rev()
                        .lt(tail.bytes().rev())
                });
                let len = self.squash_rev_sorted[start..]
                    .partition_point(|e| self.entries[*e as usize].squash().ends_with(tail));
                (start, start + len)
            };
            let (mut lo, mut hi) = (0usize, 0usize);
            let mut seen = 0;
            for k in 1..=n / 2 + 1 {
                let (rlo, rhi) = ends_with(&sq[chars[k].0..]);
                let fresh: Vec<u32> = if lo == hi {
                    self.squash_rev_sorted[rlo..rhi].to_vec()
                } else {
                    self.squash_rev_sorted[rlo..lo]
                        .iter()
                        .chain(&self.squash_rev_sorted[hi..rhi])
                        .copied()
                        .collect()
                };
                seen += fresh.len();
                ends.extend(
                    fresh
                        .into_iter()
                        .filter(|e| self.entries[*e as usize].squash_len.abs_diff(n) <= budget),
                );
                if rlo < rhi {
                    (lo, hi) = (rlo, rhi);
                }
                if seen >= 4 * MAX_TYPO_CANDIDATES || ends.len() >= MAX_TYPO_CANDIDATES {
                    ends.truncate(MAX_TYPO_CANDIDATES);
                    break;
                }
            }
        }
        (starts, ends)
    }

    fn best_typo(&self, sq: &str) -> Option<OrgMatch> {
        let qlen = sq.chars().count();
        let budget = typo_budget(qlen);
        if budget == 0 {
            return None;
        }
        let mut best: Option<(usize, usize)> = None; // (distance, entry)
        let mut tie = false;
        let candidates: Vec<u32> = if self.entries.len() <= LINEAR_TYPO_LIMIT {
            (0..self.entries.len() as u32).collect()
        } else {
            let (mut starts, ends) = self.typo_candidates(sq, budget);
            starts.extend(ends);
            starts.sort_unstable();
            starts.dedup();
            starts
        };
        for e in candidates {
            let e = e as usize;
            let entry = &self.entries[e];
            let allowed = budget.min(typo_budget(entry.squash_len));
            // Typos rarely hit the first letter; requiring it keeps "Health"
            // from becoming "UHealth".
            if allowed == 0
                || entry.squash_len.abs_diff(qlen) > allowed
                || entry.squash().chars().next() != sq.chars().next()
            {
                continue;
            }
            if let Some(d) = bounded_distance(sq, entry.squash(), allowed) {
                match best {
                    Some((bd, be)) if d == bd && self.entries[be].org != entry.org => tie = true,
                    Some((bd, _)) if d >= bd => {}
                    _ => {
                        best = Some((d, e));
                        tie = false;
                    }
                }
            }
        }
        let (d, e) = best.filter(|_| !tie)?;
        let score = score::TYPO.saturating_sub(100 * d as u32);
        Some(self.hit(e, MatchReason::Typo, score))
    }

    /// A name that appears as whole words inside a longer input
    /// ("Bank of America credit card"). Short or generic names do not count.
    fn best_contained(&self, key: &str) -> Option<OrgMatch> {
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() < 2 {
            return None;
        }
        // The words around the name must only say what of the company is
        // meant ("credit card", "account"); "Fidelity Bank" is not Fidelity,
        // "Square Enix" is not Square. So the name is a run of words that
        // covers every non-context word: few candidates, each a hash look-up.
        let first = words.iter().position(|w| !CONTEXT.contains(w))?;
        let last = words.iter().rposition(|w| !CONTEXT.contains(w))?;
        let mut best: Option<(u32, usize)> = None;
        let mut tie = false;
        for i in 0..=first {
            for j in (last + 1)..=words.len() {
                let extra = words.len() - (j - i);
                if extra == 0 || extra > 3 {
                    continue;
                }
                let span = words[i..j].join(" ");
                for &e in self.with_key(&span) {
                    let e = e as usize;
                    let entry = &self.entries[e];
                    if entry.squash_len < 5 && j - i < 2 {
                        continue;
                    }
                    let score = score::CONTAINED - 40 * extra as u32;
                    match best {
                        Some((bs, be)) if score == bs && self.entries[be].org != entry.org => {
                            tie = true
                        }
                        Some((bs, _)) if score <= bs => {}
                        _ => {
                            best = Some((score, e));
                            tie = false;
                        }
                    }
                }
            }
        }
        let (score, e) = best.filter(|_| !tie)?;
        Some(self.hit(e, MatchReason::Contained, score))
    }

    /// Ranked autocomplete suggestions, one per organization, best first.
    /// Work per call is bounded: binary searches plus at most
    /// `MAX_PREFIX_SCAN` and `MAX_TYPO_SCAN` entries scored.
    pub fn suggest(&self, input: &str, limit: usize) -> Vec<OrgMatch> {
        let key = normalize(input);
        if key.is_empty() || limit == 0 {
            return Vec::new();
        }
        let sq = squash(&key);
        let qlen = sq.chars().count();
        let mut best: HashMap<usize, (u32, usize, MatchReason)> = HashMap::new();
        let offer = |best: &mut HashMap<usize, (u32, usize, MatchReason)>,
                     e: usize,
                     score: u32,
                     reason: MatchReason| {
            let org = self.entries[e].org;
            let slot = best.entry(org).or_insert((0, e, reason));
            if score > slot.0 {
                *slot = (score, e, reason);
            }
        };
        let scored = |e: usize, tier: u32| {
            tier + bonus(qlen, self.entries[e].squash_len) / 2
                + self.org_weight[self.entries[e].org]
        };
        for &e in self.with_key(&key) {
            offer(&mut best, e as usize, score::EXACT, MatchReason::Exact);
        }
        let words = prefix_range(&self.word_starts, &key, |(e, off)| {
            &self.entries[*e as usize].key()[usize::from(*off)..]
        });
        for &(e, off) in words.iter().take(MAX_PREFIX_SCAN) {
            let e = e as usize;
            if self.entries[e].key() != key {
                offer(
                    &mut best,
                    e,
                    scored(
                        e,
                        if off == 0 {
                            score::NAME_PREFIX
                        } else {
                            score::WORD_PREFIX
                        },
                    ),
                    MatchReason::Prefix,
                );
            }
        }
        let squashed = prefix_range(&self.squash_sorted, &sq, |e| {
            self.entries[*e as usize].squash()
        });
        for &e in squashed.iter().take(MAX_PREFIX_SCAN) {
            let e = e as usize;
            if self.entries[e].key() != key {
                offer(
                    &mut best,
                    e,
                    scored(e, score::SQUASHED_PREFIX),
                    MatchReason::Prefix,
                );
            }
        }
        // A typo in what has been typed so far, only when the cheap matches
        // leave room: compare with each name cut to the same length.
        // (Not when the text is exactly a name: that is what was meant.)
        if best.len() < limit && qlen >= 4 && self.with_key(&key).is_empty() {
            let budget = typo_budget(qlen + 1).min(2);
            let first = sq.chars().next().unwrap_or(' ');
            // Names sharing a half with what was typed first (any size of
            // index), then the most prominent names of the same initial.
            let (starts, ends) = self.typo_candidates(&sq, budget);
            // A whole name typed with a typo early on.
            let mut found = 0;
            for &e in &ends {
                let entry = &self.entries[e as usize];
                if let Some(d) = bounded_distance(&sq, entry.squash(), budget).filter(|&d| d > 0) {
                    let weight = self.org_weight[entry.org];
                    offer(
                        &mut best,
                        e as usize,
                        score::TYPED_SO_FAR_TYPO - 100 * d as u32 + weight / 2,
                        MatchReason::Typo,
                    );
                    found += 1;
                }
            }
            let try_typo = |best: &mut HashMap<usize, (u32, usize, MatchReason)>, e: u32| {
                let entry = &self.entries[e as usize];
                // The name cut to what was typed, give or take a letter (a
                // dropped or doubled letter shifts the rest).
                let cut = |k: usize| {
                    entry
                        .squash()
                        .char_indices()
                        .nth(k)
                        .map_or(entry.squash(), |(i, _)| &entry.squash()[..i])
                };
                let mut hit = None;
                for k in [qlen, qlen + 1, qlen - 1] {
                    if let Some(d) = bounded_distance(&sq, cut(k), budget) {
                        hit = Some(hit.map_or(d, |h: usize| h.min(d)));
                        if d <= 1 {
                            break; // a positive distance cannot get lower
                        }
                    }
                }
                let hit = hit.filter(|&d| d > 0);
                if let Some(d) = hit {
                    let weight = self.org_weight[entry.org];
                    offer(
                        best,
                        e as usize,
                        score::TYPED_SO_FAR_TYPO - 100 * d as u32 + weight / 2,
                        MatchReason::Typo,
                    );
                }
                hit.is_some()
            };
            for &e in &starts {
                found += usize::from(try_typo(&mut best, e));
                if found >= limit {
                    break;
                }
            }
            // Then the most prominent names of the same initial: in a small
            // index, or when the text is too short for the half-names.
            let scan = if self.entries.len() <= LINEAR_TYPO_LIMIT && found < limit {
                MAX_TYPO_SCAN
            } else if starts.is_empty() && ends.is_empty() {
                // Too short to have halves worth looking up ("nimbs").
                MAX_TYPO_SCAN / 4
            } else {
                0
            };
            for &e in self.by_initial.get(&first).into_iter().flatten().take(scan) {
                try_typo(&mut best, e);
            }
        }
        // Rank without copying names; build results for the top only.
        let mut ranked: Vec<(u32, usize, MatchReason)> = best.into_values().collect();
        let order = |a: &(u32, usize, MatchReason), b: &(u32, usize, MatchReason)| {
            b.0.cmp(&a.0).then_with(|| {
                let name = |e: usize| self.orgs[self.entries[e].org].name();
                name(a.1).cmp(name(b.1))
            })
        };
        if ranked.len() > limit {
            ranked.select_nth_unstable_by(limit, order);
            ranked.truncate(limit);
        }
        crate::sort::sort_by(&mut ranked, order);
        let mut out: Vec<OrgMatch> = ranked
            .into_iter()
            .map(|(score, e, reason)| self.hit(e, reason, score))
            .collect();
        // A web address names its organization before anything else.
        if let Some(m) = domain_of(input).and_then(|d| self.domain_hit(&d)) {
            out.retain(|o| o.org_id != m.org_id);
            out.insert(0, m);
            out.truncate(limit);
        }
        out
    }
}

/// `domain_of`, without its copies of the text when the text has no dot
/// (a domain has at least two labels).
fn maybe_domain(input: &str) -> Option<String> {
    if input.contains('.') {
        domain_of(input)
    } else {
        None
    }
}

/// Up to 49 points for how much of the name has been typed.
fn bonus(typed: usize, total: usize) -> u32 {
    if total == 0 {
        return 0;
    }
    ((typed.min(total) * 49) / total) as u32
}

#[cfg(test)]
mod step_sort_tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn step_sort_sorts_like_sort_for_any_budget() {
        let mut x: u64 = 0x5eed;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for n in [0usize, 1, 5, 2047, 2048, 2049, 30_000] {
            for (shift, spread) in [(1, 64), (17, 47), (17, 12), (20, 3), (63, 1)] {
                // Values over `spread` bits (few bits: many ties, sorted by
                // the comparison), told apart by their position below
                // `shift`, so an element lost or doubled cannot hide behind
                // an equal one.
                let data: Vec<u64> = (0..n)
                    .map(|i| {
                        let value = next() >> (64 - spread) << (64 - spread);
                        value >> shift << shift | (i as u64 & ((1 << shift) - 1))
                    })
                    .collect();
                let mut want = data.clone();
                want.sort();
                for budget in [1usize, 100, 4096, usize::MAX] {
                    let mut s = StepSort::new(data.clone(), shift);
                    let mut steps = 0;
                    // (Every number's text is empty: ties by position.)
                    while !s.step(budget, |_, _| 0) {
                        steps += 1;
                        assert!(steps < 20 * n + 20, "ends");
                    }
                    assert_eq!(s.progress(), 1.0);
                    assert_eq!(
                        s.data, want,
                        "n {n} shift {shift} spread {spread} budget {budget}"
                    );
                }
                // Budgets that change from step to step, ending with all
                // that is left in one go (as `NameIndexBuilder::finish` does).
                let mut s = StepSort::new(data.clone(), shift);
                for budget in [1usize, 7, 1, 300, 2, 5000, 3] {
                    s.step(budget, |_, _| 0);
                }
                while !s.step(usize::MAX, |_, _| 0) {}
                assert_eq!(
                    s.data, want,
                    "n {n} shift {shift} spread {spread}, mixed budgets"
                );
            }
        }
    }

    /// Texts from a small alphabet with a space, multi-byte letters and the
    /// zero byte (as the padding after a text's end is), so that many share
    /// long beginnings (ties on the packed bytes), and some are beginnings
    /// of others.
    fn texts() -> impl Strategy<Value = Vec<String>> {
        let letter = prop_oneof![
            Just('a'),
            Just('b'),
            Just(' '),
            Just('é'),
            Just('z'),
            Just('\0')
        ];
        proptest::collection::vec(
            proptest::collection::vec(letter, 0..24).prop_map(|v| v.into_iter().collect()),
            0..3000,
        )
    }

    proptest! {
        #![proptest_config(crate::support::proptest_config(32, 0x50_47ed))]

        /// The packed sort orders as a plain sort by text (then position),
        /// forwards and backwards, whatever the work budget per step.
        #[test]
        fn packed_sort_orders_as_the_texts(texts in texts(), budget in 1usize..5000, backwards: bool) {
            let bytes = |i: usize| -> Vec<u8> {
                let b = texts[i].as_bytes();
                if backwards { b.iter().rev().copied().collect() } else { b.to_vec() }
            };
            let mut want: Vec<usize> = (0..texts.len()).collect();
            want.sort_by(|&i, &j| bytes(i).cmp(&bytes(j)).then(i.cmp(&j)));
            let mut p = Packed::new(texts.len(), |i| text_start(bytes(i).into_iter()));
            while !p.step(budget, |i, d| chunk_at(bytes(i).into_iter(), d)) {}
            prop_assert_eq!(p.positions().collect::<Vec<_>>(), want);
        }
    }
}
