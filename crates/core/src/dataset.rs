//! Loading the data set from its JSON files, looking things up by stable id,
//! and validating that every reference resolves.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::sync::OnceLock;

use serde::Serialize;

use crate::date::PartialDate;
use crate::json::{self, FromJson, Json, JsonError};
use crate::model::{
    ActionDef, Coverage, DataTypeDef, Incident, IncidentsFile, Organization, OrganizationsFile,
    Relationship, Taxonomy,
};
use crate::normalize::normalize;
use crate::table::{Keep, PosTable};

/// The schema version this build reads. Files carry it as `schema_version`.
pub const SCHEMA_VERSION: u32 = 1;

/// Why a data set could not be loaded at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("{file} is not valid: {message}")]
    Json { file: &'static str, message: String },
    #[error("{file} has schema version {found}, but this build reads version {expected}")]
    Version {
        file: &'static str,
        found: u32,
        expected: u32,
    },
}

/// One thing wrong with a data set that did load.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Problem {
    /// What the problem is about, e.g. "incident att-vendor-2023".
    pub subject: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.subject, self.message)
    }
}

/// What the curated data says of itself: how current it is, which lists
/// it was checked against, and which ids it no longer uses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DataInfo {
    /// The date the research behind the data covered to.
    pub as_of: Option<PartialDate>,
    pub coverage: Vec<Coverage>,
    /// A retired incident id → the incident that replaced it.
    pub retired: std::collections::BTreeMap<String, String>,
}

/// Counts reported by `exposure stats`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub as_of: Option<String>,
    /// The lists the data was checked against, each with its date.
    pub coverage: Vec<Coverage>,
    pub incidents: usize,
    /// Incidents first disclosed in the year of `as_of` or the one before.
    pub incidents_disclosed_recently: usize,
    pub third_party_incidents: usize,
    pub client_links: usize,
    pub organizations: usize,
    pub aliases: usize,
    pub sources: usize,
    pub incidents_without_source: usize,
    pub relationships: usize,
    pub relationships_without_source: usize,
    pub client_links_without_source: usize,
    pub figures_without_date: usize,
    pub data_types: usize,
    pub actions: usize,
    pub notices: NoticeStats,
}

/// Counts of the register notices.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct NoticeStats {
    pub total: usize,
    /// Per register: its notices and the newest one's date.
    pub registers: Vec<RegisterStats>,
    /// Notices of an event the curated data has (shown on its card).
    pub linked: usize,
    /// Copies of another register's notice of the same event.
    pub copies: usize,
    /// Notices shown as "reported breach" cards of their own.
    pub standing_alone: usize,
    /// Notices whose name resolved to a curated organization.
    pub resolved_to_curated: usize,
    /// Organizations known only from registers.
    pub register_only_organizations: usize,
    pub disputed_or_withdrawn: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegisterStats {
    pub id: String,
    pub notices: usize,
    pub covered_to: String,
}

/// The whole knowledge base, with indexes by stable id.
#[derive(Debug, Clone)]
pub struct DataSet {
    pub taxonomy: Taxonomy,
    pub organizations: Vec<Organization>,
    pub relationships: Vec<Relationship>,
    pub incidents: Vec<Incident>,
    pub info: DataInfo,
    /// Register notices (`notices.json`): those standing alone are also
    /// incidents (and their register-only organizations organizations),
    /// after the curated ones.
    pub notices: crate::notices::Notices,
    /// How many of `organizations` and of `incidents`, from the front, are
    /// curated (the rest come from registers or an imported catalogue).
    pub curated: (usize, usize),
    /// The Chinese texts of the data, once loaded. Set through a shared
    /// reference (`add_translations_json`): the page downloads them only when
    /// someone reads in Chinese, after the engine is built.
    pub translations: OnceLock<crate::lang::Translations>,
    /// Built by `new`, or a bounded step at a time by `index_step` for a
    /// merged catalogue (and in one go by the first look-up otherwise).
    indexes: OnceLock<Indexes>,
    /// An `index_step` build under way.
    indexing: Option<Box<Indexing>>,
    type_by_id: HashMap<String, usize>,
    action_by_id: HashMap<String, usize>,
}

fn parse<T: FromJson>(file: &'static str, text: &str) -> Result<T, LoadError> {
    let invalid = |e: JsonError| LoadError::Json {
        file,
        message: e.to_string(),
    };
    let doc = json::parse(text).map_err(invalid)?;
    // Check the version first so an old or future file gets the clear message.
    match doc.get("schema_version").map(Json::as_u64) {
        Some(Some(found)) if found == u64::from(SCHEMA_VERSION) => {}
        Some(Some(found)) => {
            return Err(LoadError::Version {
                file,
                found: u32::try_from(found).unwrap_or(u32::MAX),
                expected: SCHEMA_VERSION,
            })
        }
        Some(None) => {
            return Err(invalid(
                JsonError::new("expected a whole number").in_field("schema_version"),
            ))
        }
        None => {
            return Err(LoadError::Json {
                file,
                message: "missing field `schema_version`".into(),
            })
        }
    }
    T::from_json(doc).map_err(invalid)
}

/// A list of positions for each of `n` things, in one buffer.
#[derive(Debug, Clone, Default)]
struct Lists {
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

    fn get(&self, t: usize) -> &[u32] {
        match (self.starts.get(t), self.starts.get(t + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// A data set's look-ups by id.
#[derive(Debug, Clone, Default)]
struct Indexes {
    org_by_id: PosTable,
    incident_by_id: PosTable,
    /// By org position: positions of the incidents it is involved in.
    incidents_of_org: Lists,
    /// By org position: positions of its direct children.
    children_of_org: Lists,
    /// By org position (the first of equal ids): how many times incidents name it.
    mentions: Vec<u32>,
}

/// Items handled per unit of `DataSet::index_step`.
const ITEMS_PER_UNIT: usize = 16;

/// The indexes being built: organization ids, then incident ids with the
/// organizations each names, then parents, then the lists.
#[derive(Debug, Clone, Default)]
struct Indexing {
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

fn index_of<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    let mut map = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        // First one wins; duplicates are reported by `validate`.
        map.entry(id(item).to_string()).or_insert(i);
    }
    map
}

impl DataSet {
    /// Parses the three data files. Fails only when a file is not readable as
    /// its schema; everything else is for [`DataSet::validate`] to report.
    pub fn from_json(
        taxonomy: &str,
        organizations: &str,
        incidents: &str,
    ) -> Result<DataSet, LoadError> {
        DataSet::load(taxonomy, organizations, incidents, None)
    }

    /// [`DataSet::from_json`] with the register notices (`notices.json`):
    /// the register-only organizations and the notices standing alone join
    /// the curated ones, after them.
    pub fn from_json_with_notices(
        taxonomy: &str,
        organizations: &str,
        incidents: &str,
        notices: &str,
    ) -> Result<DataSet, LoadError> {
        DataSet::load(taxonomy, organizations, incidents, Some(notices))
    }

    /// The files parsed into one data set; with notices, the register-only
    /// organizations and the notices standing alone after the curated ones.
    fn load(
        taxonomy: &str,
        organizations: &str,
        incidents: &str,
        notices: Option<&str>,
    ) -> Result<DataSet, LoadError> {
        let taxonomy: Taxonomy = parse("taxonomy.json", taxonomy)?;
        let orgs: OrganizationsFile = parse("organizations.json", organizations)?;
        let file: IncidentsFile = parse("incidents.json", incidents)?;
        let notices: Option<crate::notices::NoticesFile> =
            notices.map(|n| parse("notices.json", n)).transpose()?;
        let mut organizations = orgs.organizations;
        let mut all_incidents = file.incidents;
        let curated = (organizations.len(), all_incidents.len());
        if let Some(notices) = &notices {
            let known: std::collections::HashSet<&str> =
                organizations.iter().map(|o| o.id.as_str()).collect();
            let more = crate::notices::expand(notices, |id| known.contains(id));
            organizations.extend(more.organizations);
            all_incidents.extend(more.incidents);
        }
        let mut ds = DataSet::new(taxonomy, organizations, orgs.relationships, all_incidents);
        ds.curated = curated;
        ds.notices = notices
            .map(crate::notices::Notices::new)
            .unwrap_or_default();
        ds.info = DataInfo {
            as_of: file.as_of,
            coverage: file.coverage,
            retired: file.retired,
        };
        Ok(ds)
    }

    /// The curated incidents (not register notices, not an import).
    pub fn curated_incidents(&self) -> &[Incident] {
        &self.incidents[..self.curated.1.min(self.incidents.len())]
    }

    /// The register notice an incident was made from, if it was.
    pub fn notice_of(&self, incident_id: &str) -> Option<&crate::notices::Notice> {
        self.notices.get(incident_id)
    }

    /// Reads the Chinese texts (`zh.json`) into this data set, in place of
    /// any it had.
    pub fn set_translations_json(&mut self, zh: &str) -> Result<(), LoadError> {
        self.translations = OnceLock::from(parse::<crate::lang::Translations>("zh.json", zh)?);
        Ok(())
    }

    /// Reads the Chinese texts into a data set that has none yet (shared,
    /// e.g. in an engine in use). A set that already has texts keeps them,
    /// and `zh` is not read.
    pub fn add_translations_json(&self, zh: &str) -> Result<(), LoadError> {
        if !self.has_translations() {
            // Lost only to a set filled meanwhile, which keeps its own.
            let _ = self.translations.set(parse("zh.json", zh)?);
        }
        Ok(())
    }

    /// The Chinese texts are loaded.
    pub fn has_translations(&self) -> bool {
        self.translations.get().is_some()
    }

    pub fn new(
        taxonomy: Taxonomy,
        organizations: Vec<Organization>,
        relationships: Vec<Relationship>,
        incidents: Vec<Incident>,
    ) -> DataSet {
        let ds = DataSet::unindexed(taxonomy, organizations, relationships, incidents);
        ds.ix();
        ds
    }

    /// A data set whose id indexes are still to be built, by `index_step`
    /// (or by the first look-up).
    pub(crate) fn unindexed(
        taxonomy: Taxonomy,
        organizations: Vec<Organization>,
        relationships: Vec<Relationship>,
        incidents: Vec<Incident>,
    ) -> DataSet {
        DataSet {
            info: DataInfo::default(),
            notices: crate::notices::Notices::default(),
            curated: (organizations.len(), incidents.len()),
            translations: OnceLock::new(),
            indexes: OnceLock::new(),
            indexing: None,
            type_by_id: index_of(&taxonomy.data_types, |t| &t.id),
            action_by_id: index_of(&taxonomy.actions, |a| &a.id),
            taxonomy,
            organizations,
            relationships,
            incidents,
        }
    }

    fn ix(&self) -> &Indexes {
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

    pub fn org(&self, id: &str) -> Option<&Organization> {
        self.org_position(id).map(|i| &self.organizations[i])
    }

    fn org_position(&self, id: &str) -> Option<usize> {
        self.ix()
            .org_by_id
            .get(&self.organizations, id, |o| Some(&o.id))
    }

    pub fn incident(&self, id: &str) -> Option<&Incident> {
        let id = self.info.retired.get(id).map_or(id, String::as_str);
        self.ix()
            .incident_by_id
            .get(&self.incidents, id, |i| Some(&i.id))
            .map(|i| &self.incidents[i])
    }

    pub fn data_type(&self, id: &str) -> Option<&DataTypeDef> {
        self.type_by_id
            .get(id)
            .map(|&i| &self.taxonomy.data_types[i])
    }

    pub fn action(&self, id: &str) -> Option<&ActionDef> {
        self.action_by_id
            .get(id)
            .map(|&i| &self.taxonomy.actions[i])
    }

    /// Position of a data type in the taxonomy (its display order).
    pub fn type_position(&self, id: &str) -> usize {
        self.type_by_id.get(id).copied().unwrap_or(usize::MAX)
    }

    /// The display name of an org, or its id when unknown.
    pub fn org_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.org(id).map_or(id, |o| o.name.as_str())
    }

    /// The display name of a data type, or its id when unknown.
    pub fn type_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.data_type(id).map_or(id, |t| t.name.as_str())
    }

    /// Positions (in `incidents`) of the incidents an organization is
    /// involved in (breached, platform or named client), in order.
    pub fn incidents_of(&self, id: &str) -> &[u32] {
        self.org_position(id)
            .map_or(&[], |i| self.ix().incidents_of_org.get(i))
    }

    /// Every organization below this one (subsidiaries, brands, and theirs).
    pub fn descendants(&self, id: &str) -> Vec<&Organization> {
        let mut out: Vec<&Organization> = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        let mut todo: Vec<usize> = self.org_position(id).into_iter().collect();
        seen.extend(todo.iter().copied());
        while let Some(i) = todo.pop() {
            for &c in self.ix().children_of_org.get(i) {
                let c = c as usize;
                if seen.insert(c) {
                    out.push(&self.organizations[c]);
                    todo.push(c);
                }
            }
        }
        out
    }

    /// The chain of parents of an org, nearest first, stopping at cycles.
    pub fn ancestors(&self, id: &str) -> Vec<&Organization> {
        let mut out: Vec<&Organization> = Vec::new();
        let mut cur = self.org(id).and_then(|o| o.parent.as_deref());
        while let Some(pid) = cur {
            match self.org(pid) {
                Some(p) if p.id != id && !out.iter().any(|o| o.id == p.id) => {
                    out.push(p);
                    cur = p.parent.as_deref();
                }
                _ => break,
            }
        }
        out
    }

    fn notice_stats(&self) -> NoticeStats {
        use crate::notices::{NoticeStatus, REGISTER_ORG_PREFIX};
        let all = &self.notices.notices;
        NoticeStats {
            total: all.len(),
            registers: self
                .notices
                .registers
                .iter()
                .map(|r| RegisterStats {
                    id: r.id.clone(),
                    notices: all.iter().filter(|n| n.register == r.id).count(),
                    covered_to: r.covered_to.to_string(),
                })
                .collect(),
            linked: all.iter().filter(|n| n.incident.is_some()).count(),
            copies: all
                .iter()
                .filter(|n| n.incident.is_none() && n.same_as.is_some())
                .count(),
            standing_alone: all.iter().filter(|n| n.stands_alone()).count(),
            resolved_to_curated: all
                .iter()
                .filter(|n| !n.org.starts_with(REGISTER_ORG_PREFIX))
                .count(),
            register_only_organizations: self
                .organizations
                .iter()
                .filter(|o| o.id.starts_with(REGISTER_ORG_PREFIX))
                .count(),
            disputed_or_withdrawn: all
                .iter()
                .filter(|n| n.status != NoticeStatus::Filed)
                .count(),
        }
    }

    /// Counts of the curated data (the notices counted apart).
    pub fn stats(&self) -> Stats {
        let recent_from = self.info.as_of.map_or(i32::MAX, |d| d.year - 1);
        let curated_orgs = &self.organizations[..self.curated.0.min(self.organizations.len())];
        Stats {
            notices: self.notice_stats(),
            as_of: self.info.as_of.map(|d| d.to_string()),
            coverage: self.info.coverage.clone(),
            incidents: self.curated_incidents().len(),
            incidents_disclosed_recently: self
                .curated_incidents()
                .iter()
                .filter(|i| i.disclosed.is_some_and(|d| d.year >= recent_from))
                .count(),
            third_party_incidents: self
                .curated_incidents()
                .iter()
                .filter(|i| i.is_third_party())
                .count(),
            client_links: self
                .curated_incidents()
                .iter()
                .map(|i| i.affected_clients.len())
                .sum(),
            organizations: curated_orgs.len(),
            aliases: curated_orgs.iter().map(|o| o.aliases.len()).sum(),
            sources: self
                .curated_incidents()
                .iter()
                .map(|i| i.sources.len())
                .sum(),
            incidents_without_source: self
                .curated_incidents()
                .iter()
                .filter(|i| i.sources.is_empty())
                .count(),
            relationships: self.relationships.len(),
            relationships_without_source: self
                .relationships
                .iter()
                .filter(|r| !r.is_sourced())
                .count(),
            client_links_without_source: self
                .curated_incidents()
                .iter()
                .flat_map(|i| &i.affected_clients)
                .filter(|c| c.source.is_none())
                .count(),
            figures_without_date: self
                .curated_incidents()
                .iter()
                .filter(|i| i.affected.is_some() && i.affected_as_of.is_none())
                .count(),
            data_types: self.taxonomy.data_types.len(),
            actions: self.taxonomy.actions.len(),
        }
    }

    /// Every problem found, sorted; empty when the data set is sound.
    pub fn validate(&self) -> Vec<Problem> {
        let mut v = Validator {
            ds: self,
            problems: BTreeSet::new(),
        };
        v.ids();
        v.info();
        v.taxonomy();
        v.organizations();
        v.relationships();
        v.incidents();
        v.duplicates();
        v.notices();
        v.problems.extend(crate::lang::check_translations(self));
        v.problems.into_iter().collect()
    }
}

struct Validator<'a> {
    ds: &'a DataSet,
    problems: BTreeSet<Problem>,
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !id.starts_with(['-', '_'])
        && !id.ends_with(['-', '_'])
}

fn is_https_url(url: &str) -> bool {
    url.strip_prefix("https://").is_some_and(|rest| {
        let host = rest.split('/').next().unwrap_or_default();
        host.contains('.') && !host.contains(char::is_whitespace) && !url.contains(' ')
    })
}

impl Validator<'_> {
    fn report(&mut self, subject: impl Into<String>, message: impl Into<String>) {
        self.problems.insert(Problem {
            subject: subject.into(),
            message: message.into(),
        });
    }

    fn unique<'s>(&mut self, kind: &str, ids: impl Iterator<Item = &'s str>) {
        let mut seen = HashSet::new();
        for id in ids {
            if !is_slug(id) {
                self.report(
                    format!("{kind} {id}"),
                    "id must be a lower-case slug (a-z, 0-9, '-', '_')",
                );
            }
            if !seen.insert(id) {
                self.report(format!("{kind} {id}"), "id is used more than once");
            }
        }
    }

    fn ids(&mut self) {
        let ds = self.ds;
        self.unique(
            "organization",
            ds.organizations.iter().map(|o| o.id.as_str()),
        );
        self.unique("incident", ds.incidents.iter().map(|i| i.id.as_str()));
        self.unique(
            "data type",
            ds.taxonomy.data_types.iter().map(|t| t.id.as_str()),
        );
        self.unique("action", ds.taxonomy.actions.iter().map(|a| a.id.as_str()));
    }

    fn known_type(&mut self, subject: &str, id: &str) {
        if self.ds.data_type(id).is_none() {
            self.report(subject, format!("unknown data type '{id}'"));
        }
    }

    fn known_org(&mut self, subject: &str, role: &str, id: &str) {
        if self.ds.org(id).is_none() {
            self.report(
                subject,
                format!("{role} '{id}' is not a known organization"),
            );
        }
    }

    fn taxonomy(&mut self) {
        let ds = self.ds;
        if ds.data_type("other").is_none() {
            self.report("taxonomy", "the data type 'other' must exist");
        }
        for t in &ds.taxonomy.data_types {
            if t.name.trim().is_empty() || t.harm.trim().is_empty() {
                self.report(
                    format!("data type {}", t.id),
                    "needs a name and a harm sentence",
                );
            }
        }
        for a in &ds.taxonomy.actions {
            let subject = format!("action {}", a.id);
            if a.steps.is_empty() {
                self.report(&subject, "has no steps");
            }
            if a.links.is_empty() {
                self.report(&subject, "has no official link");
            }
            if a.regions.iter().any(|r| r != "*") && a.elsewhere.is_none() {
                self.report(
                    &subject,
                    "needs an 'elsewhere' note for visitors outside its regions",
                );
            }
            for l in &a.links {
                if !is_https_url(&l.url) {
                    self.report(&subject, format!("link '{}' is not an https URL", l.url));
                }
            }
            for t in &a.triggers {
                self.known_type(&subject, t);
            }
        }
        for t in &ds.taxonomy.data_types {
            let covered = ds
                .taxonomy
                .actions
                .iter()
                .any(|a| a.triggers.iter().any(|x| x == &t.id));
            if !covered {
                self.report(
                    format!("data type {}", t.id),
                    "no action is triggered by it",
                );
            }
        }
        for (class, target) in &ds.taxonomy.hibp_classes {
            self.known_type(&format!("HIBP class '{class}'"), target);
        }
    }

    fn organizations(&mut self) {
        let ds = self.ds;
        // Alias keys and domains must not collide between organizations.
        let mut owner: HashMap<String, &str> = HashMap::new();
        let mut domains: HashMap<&str, &str> = HashMap::new();
        for o in ds.organizations.iter().filter(|o| o.listed) {
            if let Some(d) = &o.domain {
                if crate::normalize::domain_of(d).as_deref() != Some(d.as_str()) {
                    self.report(
                        format!("organization {}", o.id),
                        format!(
                            "domain '{d}' must be a lower-case host name without www or a path"
                        ),
                    );
                } else if let Some(other) = domains.insert(d, &o.id) {
                    self.report(
                        format!("organization {}", o.id),
                        format!("domain '{d}' is also the domain of {other}"),
                    );
                }
            }
        }
        for o in &ds.organizations {
            let subject = format!("organization {}", o.id);
            if o.name.trim().is_empty() {
                self.report(&subject, "has no name");
            }
            let mut keys: BTreeSet<String> = BTreeSet::new();
            for name in o.names() {
                let key = normalize(name);
                if key.is_empty() {
                    self.report(&subject, format!("alias '{name}' normalizes to nothing"));
                }
                keys.insert(key);
            }
            // An organization known only from registers may share a key with
            // a curated one ("MSK Group" and MSK): the matcher reads the key
            // as the curated one (the registers come after it).
            if !o.listed || o.id.starts_with(crate::notices::REGISTER_ORG_PREFIX) {
                continue;
            }
            for key in keys {
                if let Some(other) = owner.insert(key.clone(), &o.id) {
                    if other != o.id {
                        self.report(
                            &subject,
                            format!("alias '{key}' is also an alias of {other}"),
                        );
                    }
                }
            }
            match (&o.parent, o.parent_relation) {
                (Some(p), Some(_)) => {
                    self.known_org(&subject, "parent", p);
                    if self.has_cycle(&o.id) {
                        self.report(&subject, "parent chain loops back to itself");
                    }
                }
                (Some(_), None) => self.report(&subject, "parent without parent_relation"),
                (None, Some(_)) => self.report(&subject, "parent_relation without parent"),
                (None, None) => {}
            }
        }
    }

    fn has_cycle(&self, id: &str) -> bool {
        let mut seen = HashSet::new();
        let mut cur = Some(id);
        while let Some(c) = cur {
            if !seen.insert(c) {
                return true;
            }
            cur = self.ds.org(c).and_then(|o| o.parent.as_deref());
        }
        false
    }

    fn relationships(&mut self) {
        let ds = self.ds;
        for r in &ds.relationships {
            let subject = format!("relationship {} → {}", r.client, r.vendor);
            self.known_org(&subject, "client", &r.client);
            self.known_org(&subject, "vendor", &r.vendor);
            for t in &r.data_shared {
                self.known_type(&subject, t);
            }
            if let (Some(a), Some(b)) = (r.from, r.until) {
                if a > b {
                    self.report(&subject, "from is after until");
                }
            }
            if r.sources.is_empty() {
                self.report(&subject, "has no source (it would produce no match)");
            }
            if r.confirmed_by.is_none() {
                self.report(&subject, "does not say how it is confirmed (confirmed_by)");
            }
            for s in &r.sources {
                if !is_https_url(&s.url) {
                    self.report(&subject, format!("source '{}' is not an https URL", s.url));
                }
            }
        }
    }

    fn info(&mut self) {
        let info = &self.ds.info;
        if info.as_of.is_none() {
            self.report("incidents.json", "has no 'as_of' date");
        }
        for c in &info.coverage {
            if info
                .as_of
                .is_some_and(|a| c.covered_to.earliest() > a.latest())
            {
                self.report(
                    format!("coverage '{}'", c.list),
                    "is covered to a date after the data's 'as_of'",
                );
            }
        }
        for (old, new) in &info.retired {
            let subject = format!("retired id {old}");
            if self.ds.incidents.iter().any(|i| &i.id == old) {
                self.report(&subject, "is still the id of an incident");
            }
            if !self.ds.incidents.iter().any(|i| &i.id == new) {
                self.report(&subject, format!("points to '{new}', which is no incident"));
            }
        }
    }

    /// One event, one card: an incident whose breached organization is a
    /// named client of another incident, and whose breach began within
    /// the other's window (give or take about six weeks), must say it is
    /// part of that campaign or, reviewed, that it is a distinct event
    /// (`distinct_from`); two incidents of one organization with the same
    /// The register notices: known registers, organizations and incidents,
    /// data types, dates within the register's coverage, and a reason for
    /// every decision that marks one disputed or withdrawn.
    fn notices(&mut self) {
        use crate::notices::NoticeStatus;
        let ds = self.ds;
        let curated: HashSet<&str> = ds
            .curated_incidents()
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        let mut seen = HashSet::new();
        for r in &ds.notices.registers {
            if !seen.insert(r.id.as_str()) {
                self.report(format!("register {}", r.id), "is listed twice");
            }
            if !is_https_url(&r.url) {
                self.report(format!("register {}", r.id), "needs an https URL");
            }
            if r.snapshot.trim().is_empty() || r.terms.trim().is_empty() {
                self.report(format!("register {}", r.id), "needs its snapshot and terms");
            }
        }
        let mut ids = HashSet::new();
        for n in &ds.notices.notices {
            let subject = format!("notice {}", n.id);
            if !is_slug(&n.id) || !ids.insert(n.id.as_str()) {
                self.report(&subject, "needs a unique slug id");
            }
            match ds.notices.register(&n.register) {
                None => self.report(&subject, format!("names unknown register '{}'", n.register)),
                Some(r) if n.reported > r.covered_to => {
                    self.report(&subject, "is dated after its register's coverage date")
                }
                Some(_) => {}
            }
            if n.name.trim().is_empty() {
                self.report(&subject, "has no name as filed");
            }
            self.known_org(&subject, "org", &n.org);
            for t in &n.data_types {
                self.known_type(&subject, t);
            }
            if let Some(i) = &n.incident {
                if !curated.contains(i.as_str()) {
                    self.report(&subject, format!("reports unknown curated incident '{i}'"));
                }
            }
            if let Some(first) = &n.same_as {
                if !ds.notices.get(first).is_some_and(|f| f.stands_alone()) {
                    self.report(
                        &subject,
                        format!("copies '{first}', which is not a notice standing alone"),
                    );
                }
            }
            if n.status != NoticeStatus::Filed && n.note.is_none() {
                self.report(
                    &subject,
                    "is disputed or withdrawn without a note and source",
                );
            }
        }
    }

    /// dates are one.
    fn duplicates(&mut self) {
        let ds = self.ds;
        let day = |(y, m, d): (i32, u8, u8)| i64::from(y) * 372 + i64::from(m) * 31 + i64::from(d);
        // The campaign's window: from its first to its last date known of
        // the breach itself (found or made public when the end is unknown).
        let window = |i: &Incident| {
            let start = i.breach_start.or(i.discovered).or(i.disclosed)?;
            let end = i
                .breach_end
                .or(i.discovered)
                .or(i.disclosed)
                .unwrap_or(start);
            Some((day(start.earliest()) - 45, day(end.latest()) + 45))
        };
        let began = |i: &Incident| {
            i.breach_start
                .or(i.discovered)
                .or(i.disclosed)
                .map(|d| day(d.earliest()))
        };
        let overlap =
            |victim: &Incident, campaign: &Incident| match (began(victim), window(campaign)) {
                (Some(v), Some((c0, c1))) => c0 <= v && v <= c1,
                _ => false,
            };
        let mut by_dates: HashMap<(&str, Option<PartialDate>, Option<PartialDate>), &str> =
            HashMap::new();
        for i in ds.curated_incidents() {
            if i.breach_start.is_some() || i.disclosed.is_some() {
                let key = (i.breached_org.as_str(), i.breach_start, i.disclosed);
                if let Some(other) = by_dates.insert(key, &i.id) {
                    self.report(
                        format!("incident {}", i.id),
                        format!(
                            "has the organization and dates of {other}: one event, one incident"
                        ),
                    );
                }
            }
            for &p in ds.incidents_of(&i.breached_org) {
                let Some(other) = ds.curated_incidents().get(p as usize) else {
                    continue;
                };
                let names_it = other.id != i.id
                    && other
                        .affected_clients
                        .iter()
                        .any(|c| c.org == i.breached_org);
                let reviewed = i.campaign.as_deref() == Some(other.id.as_str())
                    || i.distinct_from.contains(&other.id);
                if names_it && overlap(i, other) && !reviewed {
                    self.report(
                        format!("incident {}", i.id),
                        format!(
                            "its organization is a named client of {} of the same time: merge them, set 'campaign', or (reviewed) 'distinct_from'",
                            other.id
                        ),
                    );
                }
            }
            if let Some(c) = &i.campaign {
                if ds.incident(c).is_none() {
                    self.report(
                        format!("incident {}", i.id),
                        format!("campaign '{c}' is no incident"),
                    );
                }
            }
        }
    }

    fn incidents(&mut self) {
        let ds = self.ds;
        for i in ds.curated_incidents() {
            let subject = format!("incident {}", i.id);
            self.known_org(&subject, "breached_org", &i.breached_org);
            if let Some(p) = &i.platform {
                self.known_org(&subject, "platform", p);
            }
            if i.title.trim().is_empty() || i.summary.trim().is_empty() {
                self.report(&subject, "needs a title and a summary");
            }
            if i.data_types.is_empty() {
                self.report(&subject, "lists no exposed data type");
            }
            for t in &i.data_types {
                self.known_type(&subject, t);
            }
            if i.sources.is_empty() {
                self.report(&subject, "has no source");
            }
            for s in &i.sources {
                if !is_https_url(&s.url) {
                    self.report(&subject, format!("source '{}' is not an https URL", s.url));
                }
                if s.publisher.trim().is_empty() {
                    self.report(&subject, format!("source '{}' has no publisher", s.url));
                }
            }
            let urls: HashSet<&str> = i.sources.iter().map(|s| &*s.url).collect();
            match (&i.affected, &i.affected_as_of, &i.affected_source) {
                (Some(_), None, _) => {
                    self.report(&subject, "gives a count without its date (affected_as_of)")
                }
                (Some(_), _, None) => self.report(
                    &subject,
                    "gives a count without its source (affected_source)",
                ),
                (_, _, Some(u)) if !urls.contains(&**u) => self.report(
                    &subject,
                    format!("affected_source '{u}' is not one of its sources"),
                ),
                _ => {}
            }
            for f in &i.affected_history {
                if !urls.contains(f.source.as_str()) {
                    self.report(
                        &subject,
                        format!(
                            "an earlier figure's source '{}' is not one of its sources",
                            f.source
                        ),
                    );
                }
                if i.affected_as_of.is_some_and(|d| f.date > d) {
                    self.report(&subject, "an earlier figure is dated after the current one");
                }
            }
            let mut clients = HashSet::new();
            for c in &i.affected_clients {
                match &c.source {
                    None => self.report(&subject, format!("client '{}' has no source", c.org)),
                    Some(u) if !urls.contains(u.as_str()) => self.report(
                        &subject,
                        format!(
                            "client '{}' cites '{u}', which is not one of its sources",
                            c.org
                        ),
                    ),
                    Some(_) => {}
                }
                self.known_org(&subject, "affected client", &c.org);
                if !clients.insert(c.org.as_str()) {
                    self.report(&subject, format!("client '{}' is listed twice", c.org));
                }
                if let (Some(n), Some(total)) = (c.affected, i.affected) {
                    if n > total {
                        self.report(
                            &subject,
                            format!("client '{}' has more people than the incident", c.org),
                        );
                    }
                }
            }
            for e in &i.extra_steps {
                if ds.action(&e.action).is_none() {
                    self.report(
                        &subject,
                        format!("extra step for unknown action '{}'", e.action),
                    );
                }
            }
            let ordered = [
                ("breach_start", i.breach_start, "breach_end", i.breach_end),
                ("breach_start", i.breach_start, "discovered", i.discovered),
                ("breach_start", i.breach_start, "disclosed", i.disclosed),
                ("discovered", i.discovered, "disclosed", i.disclosed),
            ];
            for (an, a, bn, b) in ordered {
                if let (Some(a), Some(b)) = (a, b) {
                    if a.earliest() > b.latest() {
                        self.report(&subject, format!("{an} {a} is after {bn} {b}"));
                    }
                }
            }
            if let (Some(f), Some(u)) = (i.cohort.from_year, i.cohort.until_year) {
                if f > u {
                    self.report(&subject, "cohort from_year is after until_year");
                }
            }
            for r in &i.remedies {
                if let Some(url) = &r.url {
                    if !is_https_url(url) {
                        self.report(&subject, format!("remedy link '{url}' is not an https URL"));
                    }
                }
            }
            for s in &i.settlements {
                if let Some(url) = &s.url {
                    if !is_https_url(url) {
                        self.report(
                            &subject,
                            format!("settlement link '{url}' is not an https URL"),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_table() {
        for (id, ok) in [
            ("att", true),
            ("att-snowflake-2024", true),
            ("call_records", true),
            ("AT&T", false),
            ("", false),
            ("-x", false),
            ("x-", false),
            ("a b", false),
        ] {
            assert_eq!(is_slug(id), ok, "{id}");
        }
    }

    #[test]
    fn https_table() {
        for (url, ok) in [
            ("https://www.fcc.gov/document/x", true),
            ("http://www.fcc.gov", false),
            ("https://localhost", false),
            ("javascript:alert(1)", false),
            ("https://a b.com", false),
        ] {
            assert_eq!(is_https_url(url), ok, "{url}");
        }
    }
}
