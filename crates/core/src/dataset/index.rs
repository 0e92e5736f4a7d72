//! The data set's look-up indexes (ids, who is involved in which incident,
//! each organization's children), built a bounded step at a time.

use super::*;

/// A list of positions for each of `n` things, in one buffer.
#[derive(Debug, Clone, Default)]
pub(super) struct Lists {
    /// Where each thing's list starts in `items`; one more than things.
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    /// The lists of `n` things from (thing, position) pairs, each list in
    /// the order of the pairs.
    fn new(n: usize, pairs: &[(u32, u32)]) -> Lists {
        let mut starts = vec![0u32; n + 1];
        for &(t, _) in pairs {
            starts[t as usize + 1] += 1;
        }
        for t in 0..n {
            starts[t + 1] += starts[t];
        }
        let mut items = vec![0u32; pairs.len()];
        let mut at: Vec<u32> = starts[..n].to_vec();
        for &(t, p) in pairs {
            items[at[t as usize] as usize] = p;
            at[t as usize] += 1;
        }
        Lists { starts, items }
    }

    pub(super) fn get(&self, t: usize) -> &[u32] {
        match (self.starts.get(t), self.starts.get(t + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// A data set's look-ups by id.
#[derive(Debug, Clone, Default)]
pub(super) struct Indexes {
    pub(super) org_by_id: PosTable,
    pub(super) incident_by_id: PosTable,
    /// By org position: positions of the incidents it is involved in.
    pub(super) incidents_of_org: Lists,
    /// By org position: positions of its direct children.
    pub(super) children_of_org: Lists,
    /// By org position (the first of equal ids): how many times incidents name it.
    pub(super) mentions: Vec<u32>,
}

/// Items handled per unit of `DataSet::index_step`.
pub(super) const ITEMS_PER_UNIT: usize = 16;

/// The indexes being built: organization ids, then incident ids with the
/// organizations each names, then parents, then the lists.
#[derive(Debug, Clone, Default)]
pub(super) struct Indexing {
    ix: Indexes,
    /// 0 organization ids, 1 incidents, 2 parents, 3 done.
    phase: u8,
    /// Where the phase has got to.
    at: usize,
    /// Items handled in all (for progress).
    done: usize,
    /// (organization, incident) and (parent, child) positions so far.
    involved: Vec<(u32, u32)>,
    children: Vec<(u32, u32)>,
}

impl Indexing {
    /// Handles about `budget` items of `ds`; true when the indexes are complete.
    fn step(&mut self, ds: &DataSet, budget: usize) -> bool {
        let (orgs, incidents) = (&ds.organizations, &ds.incidents);
        fn org_id(o: &Organization) -> Option<&str> {
            Some(&o.id)
        }
        let mut work = 0;
        while work < budget.max(1) {
            match self.phase {
                0 => {
                    if self.at == 0 {
                        self.ix.org_by_id = PosTable::with_capacity(orgs.len());
                        self.ix.mentions = vec![0; orgs.len()];
                    }
                    let end = self.at.saturating_add(budget).min(orgs.len());
                    for n in self.at..end {
                        self.ix.org_by_id.insert(orgs, n, Keep::First, org_id);
                    }
                    work += end - self.at;
                    self.at = end;
                }
                1 => {
                    if self.at == 0 {
                        self.ix.incident_by_id = PosTable::with_capacity(incidents.len());
                    }
                    let end = self.at.saturating_add(budget).min(incidents.len());
                    for (n, inc) in incidents.iter().enumerate().take(end).skip(self.at) {
                        self.ix
                            .incident_by_id
                            .insert(incidents, n, Keep::First, |i| Some(&i.id));
                        // Each incident once per organization, though it may
                        // name one twice.
                        for (j, org) in crate::browse::involved_orgs(inc).enumerate() {
                            let Some(oi) = self.ix.org_by_id.get(orgs, org, org_id) else {
                                continue;
                            };
                            self.ix.mentions[oi] += 1;
                            if !crate::browse::involved_orgs(inc).take(j).any(|o| o == org) {
                                self.involved.push((oi as u32, n as u32));
                            }
                        }
                    }
                    work += end - self.at;
                    self.at = end;
                }
                2 => {
                    let end = self.at.saturating_add(budget).min(orgs.len());
                    for (n, org) in orgs.iter().enumerate().take(end).skip(self.at) {
                        let parent = org.parent.as_deref();
                        if let Some(pi) =
                            parent.and_then(|p| self.ix.org_by_id.get(orgs, p, org_id))
                        {
                            self.children.push((pi as u32, n as u32));
                        }
                    }
                    work += end - self.at;
                    self.at = end;
                }
                _ => {
                    self.ix.incidents_of_org = Lists::new(orgs.len(), &self.involved);
                    self.ix.children_of_org = Lists::new(orgs.len(), &self.children);
                    self.involved = Vec::new();
                    self.children = Vec::new();
                    return true;
                }
            }
            let len = [orgs.len(), incidents.len(), orgs.len()][usize::from(self.phase)];
            if self.at >= len {
                self.phase += 1;
                self.at = 0;
            }
        }
        self.done += work;
        false
    }
}

impl DataSet {
    pub(super) fn ix(&self) -> &Indexes {
        self.indexes.get_or_init(|| {
            let mut indexing = Indexing::default();
            while !indexing.step(self, usize::MAX) {}
            indexing.ix
        })
    }

    /// Builds about `units` of the id indexes (a unit: 16 items); true when
    /// they are complete.
    pub(crate) fn index_step(&mut self, units: usize) -> bool {
        if self.indexes.get().is_some() {
            return true;
        }
        let mut indexing = self.indexing.take().unwrap_or_default();
        if indexing.step(self, units.saturating_mul(ITEMS_PER_UNIT)) {
            let _ = self.indexes.set(indexing.ix);
            true
        } else {
            self.indexing = Some(indexing);
            false
        }
    }

    /// How far `index_step` has got, from 0 to 1.
    pub(crate) fn index_progress(&self) -> f64 {
        match (&self.indexing, self.indexes.get()) {
            (_, Some(_)) => 1.0,
            (None, None) => 0.0,
            (Some(i), None) => {
                let total = 2 * self.organizations.len() + self.incidents.len();
                i.done as f64 / total.max(1) as f64
            }
        }
    }

    /// How many times incidents name the organization at this position (as
    /// breached organization, platform or client; an incident naming it
    /// twice counts twice).
    pub(crate) fn mentions(&self, org: usize) -> u32 {
        let ix = self.ix();
        self.organizations
            .get(org)
            .and_then(|o| self.org_position(&o.id))
            .map_or(0, |p| ix.mentions[p])
    }
}
