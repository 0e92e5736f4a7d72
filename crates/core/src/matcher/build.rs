//! Building a [`NameIndex`] a bounded step at a time: the organizations'
//! names gathered into entries, then five sorts of them, one after another.

use super::sort::{chunk_at, text_start, Packed};
use super::{maybe_domain, org_domain, text_hash, Entry, NameIndex, LINEAR_TYPO_LIMIT};
use crate::dataset::DataSet;
use crate::normalize::{normalize, squash};
use crate::table::{Keep, PosTable};

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

/// Work units of one organization's names; sorting `SORT_PER_UNIT`
/// elements counts as one unit.
const SORT_PER_UNIT: usize = 16;

impl NameIndexBuilder {
    pub fn new(ds: &DataSet) -> NameIndexBuilder {
        // At most an entry per name: room for them all at once, since a
        // vector doubled a push at a time holds its old and new buffers
        // together (at 100 000 organizations, megabytes at the peak).
        let names: usize = ds
            .organizations
            .iter()
            .filter(|o| o.listed)
            .map(|o| 1 + o.aliases.len())
            .sum();
        NameIndexBuilder {
            ix: NameIndex {
                by_domain: PosTable::with_capacity(ds.organizations.len()),
                org_weight: Vec::with_capacity(ds.organizations.len()),
                entries: Vec::with_capacity(names),
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
        if self.sorting.is_none() {
            // Every name is in, a push at a time: the vectors may hold up to
            // twice the room they need, and the sorts are where the build's
            // memory peaks.
            self.ix.entries.shrink_to_fit();
            self.gathered.shrink_to_fit();
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
            if !org.listed {
                continue;
            }
            let own_domain = org.domain.as_deref();
            if own_domain.is_some() {
                ix.by_domain
                    .insert(&ds.organizations, oi, Keep::Last, org_domain);
            }
            // Keys and keys without spaces already indexed for this org (its
            // entries so far): a one-word alias that is another name run
            // together ("AcmeBank" beside "Acme Bank") is found through the
            // latter's squashed key.
            let first = ix.entries.len();
            for alias in org.names() {
                // The org's own web address is looked up by domain instead.
                if own_domain.is_some() && maybe_domain(alias).as_deref() == own_domain {
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
                let Some(entry) = Entry::new(oi, &key, &squash, alias) else {
                    continue;
                };
                self.gathered.add(ix.entries.len(), &key, &squash);
                ix.entries.push(entry);
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

    fn shrink_to_fit(&mut self) {
        self.starts.shrink_to_fit();
        self.with_initial.shrink_to_fit();
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
