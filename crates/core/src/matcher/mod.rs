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
use crate::model::Organization;
use crate::normalize::{bounded_distance, domain_of, normalize, squash, typo_budget};
use crate::table::PosTable;

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

mod build;
pub mod score;
mod sort;
mod suggest;

use score::bonus;

pub use build::NameIndexBuilder;

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
    /// Length of the key without spaces in characters (`squash_len()`).
    squash_chars: u16,
    /// The key; the key without spaces; the key's words as a set (sorted,
    /// stop words left out) unless they read as the key itself; and the name
    /// as written when it is not the organization's name (kept once, in
    /// `orgs`, for the many entries that are): one allocation.
    text: Box<str>,
    /// Where the key, the key without spaces and the word set end in `text`
    /// (16 bits: keys are cut to `MAX_INPUT_CHARS`; 100 000 entries take
    /// a megabyte less than with `usize`).
    ends: [u16; 3],
    words_are_key: bool,
    has_alias: bool,
}

impl Entry {
    /// None for a key too long to index (`normalize` cuts keys far shorter).
    fn new(org: usize, key: &str, squash: &str, alias: Option<&str>) -> Option<Entry> {
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
        let end = |n: usize| u16::try_from(n).ok();
        let ends = [
            end(key.len())?,
            end(key.len() + squash.len())?,
            end(text.len())?,
        ];
        let has_alias = !alias.is_empty();
        text.push_str(alias);
        Some(Entry {
            org,
            squash_chars: end(squash.chars().count())?,
            text: text.into_boxed_str(),
            ends,
            words_are_key,
            has_alias,
        })
    }

    /// Where part `i` of `text` ends.
    #[inline]
    fn end(&self, i: usize) -> usize {
        usize::from(self.ends[i])
    }

    /// Length of the key without spaces in characters.
    #[inline]
    fn squash_len(&self) -> usize {
        usize::from(self.squash_chars)
    }

    #[inline]
    fn key(&self) -> &str {
        &self.text[..self.end(0)]
    }

    #[inline]
    fn squash(&self) -> &str {
        &self.text[self.end(0)..self.end(1)]
    }

    #[inline]
    fn words(&self) -> &str {
        if self.words_are_key {
            self.key()
        } else {
            &self.text[self.end(1)..self.end(2)]
        }
    }

    fn alias(&self) -> Option<&str> {
        self.has_alias.then(|| &self.text[self.end(2)..])
    }

    /// The key from byte `off` on, as bytes (which order as the text does,
    /// without the character boundary checks of slicing a str: for sorting).
    #[inline]
    fn key_bytes_from(&self, off: u16) -> &[u8] {
        &self.text.as_bytes()[usize::from(off).min(self.end(0))..self.end(0)]
    }

    /// The key without spaces, as bytes (see `key_bytes_from`).
    #[inline]
    fn squash_bytes(&self) -> &[u8] {
        &self.text.as_bytes()[self.end(0)..self.end(1)]
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

/// Index over every listed organization's names, built once per data set.
#[derive(Debug, Clone, Default)]
pub struct NameIndex {
    entries: Vec<Entry>,
    /// Entries sorted by key, by word set: look-ups are binary searches
    /// (no second copy of every text, as a hash map keyed by it would keep).
    by_key: Vec<u32>,
    by_words: Vec<u32>,
    /// Organizations by their web domain (the last listed with it), read
    /// in the data set's organizations (the index keeps no copy of their
    /// ids, names or domains: see [`Names`]).
    by_domain: PosTable,
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

impl NameIndex {
    pub fn build(ds: &DataSet) -> NameIndex {
        NameIndexBuilder::new(ds).finish(ds)
    }

    /// A sector's quick picks: the companies people most commonly use in it
    /// (the taxonomy's `quick_picks`), then the most prominent listed
    /// organizations of the sector (most incidents and names first).
    pub fn prominent(
        &self,
        ds: &DataSet,
        sector: crate::model::Sector,
        n: usize,
    ) -> Vec<(String, String)> {
        use crate::json::JsonEnum;
        let sector_id = crate::model::Sector::VARIANTS
            .iter()
            .find(|(s, _)| *s == sector)
            .map_or("", |(_, id)| *id);
        let common: Vec<usize> = ds
            .taxonomy
            .quick_picks
            .get(sector_id)
            .into_iter()
            .flatten()
            .filter_map(|id| ds.org_position(id))
            .filter(|&i| ds.organizations[i].listed)
            .collect();
        let mut orgs: Vec<usize> = (0..self.org_weight.len().min(ds.organizations.len()))
            .filter(|&i| {
                ds.organizations[i].listed
                    && ds.organizations[i].sector == sector
                    && ds.organizations[i].parent.is_none()
                    && !common.contains(&i)
            })
            .collect();
        crate::sort::sort_by(&mut orgs, |a, b| {
            self.org_weight[*b]
                .cmp(&self.org_weight[*a])
                .then_with(|| ds.organizations[*a].name.cmp(&ds.organizations[*b].name))
        });
        common
            .into_iter()
            .chain(orgs)
            .take(n)
            .map(|i| {
                (
                    ds.organizations[i].id.clone(),
                    ds.organizations[i].name.clone(),
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

    /// The index read with the organizations it was built over (the data
    /// set's, in the same order): what answers look-ups.
    pub fn with<'a>(&'a self, ds: &'a DataSet) -> Names<'a> {
        Names {
            ix: self,
            orgs: &ds.organizations,
        }
    }
}

/// A [`NameIndex`] with the organizations it was built over: the index
/// holds positions only, and reads ids, names and domains here.
#[derive(Clone, Copy)]
pub struct Names<'a> {
    ix: &'a NameIndex,
    orgs: &'a [Organization],
}

impl std::ops::Deref for Names<'_> {
    type Target = NameIndex;
    fn deref(&self) -> &NameIndex {
        self.ix
    }
}

/// An organization's web domain as the domain index keys it (lower-case:
/// `exposure validate` and the import make every domain so).
fn org_domain(org: &Organization) -> Option<&str> {
    org.domain.as_deref()
}

impl<'a> Names<'a> {
    fn org_id(&self, oi: usize) -> &'a str {
        self.orgs.get(oi).map_or("", |o| o.id.as_str())
    }

    fn org_name(&self, oi: usize) -> &'a str {
        self.orgs.get(oi).map_or("", |o| o.name.as_str())
    }

    fn hit(&self, e: usize, reason: MatchReason, score: u32) -> OrgMatch {
        let entry = &self.entries[e];
        OrgMatch {
            org_id: self.org_id(entry.org).to_string(),
            name: self.org_name(entry.org).to_string(),
            matched: entry
                .alias()
                .unwrap_or(self.org_name(entry.org))
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
            !self
                .org_id(self.entries[*e as usize].org)
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
        let oi = self.by_domain.get(self.orgs, domain, org_domain)?;
        Some(OrgMatch {
            org_id: self.org_id(oi).to_string(),
            name: self.org_name(oi).to_string(),
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
    pub(crate) fn resolve_domain(&self, input: &str) -> Option<OrgMatch> {
        domain_of(input).and_then(|d| self.domain_hit(&d))
    }

    pub(crate) fn resolve_exact(&self, input: &str) -> Option<OrgMatch> {
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
                        .filter(|e| self.entries[*e as usize].squash_len().abs_diff(n) <= budget),
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
            let allowed = budget.min(typo_budget(entry.squash_len()));
            // Typos rarely hit the first letter; requiring it keeps "Health"
            // from becoming "UHealth".
            if allowed == 0
                || entry.squash_len().abs_diff(qlen) > allowed
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
                    if entry.squash_len() < 5 && j - i < 2 {
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
