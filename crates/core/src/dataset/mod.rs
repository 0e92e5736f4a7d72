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
mod details;
mod index;
mod stats;
mod validate;

pub use details::{
    split, split_organizations, ClientDetails, DetailsFile, IncidentDetails, SplitError,
    DETAILS_FILE, ORGANIZATIONS_MORE_FILE,
};
use index::{Indexes, Indexing};
pub use stats::{NoticeStats, RegisterStats, Stats};

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
    /// The file the incidents' long texts (summaries, sources, client
    /// notes) are still to come from: none once they are here
    /// (`DataSet::with_details`), or when they always were.
    pub details: Option<String>,
    /// The file the organizations no incident or relationship involves are
    /// still to come from: until then a name the data set does not know
    /// may be one of them.
    pub more_organizations: Option<String>,
}

/// A data set's lists without its indexes (see `DataSet::into_parts`).
#[derive(Debug, Clone)]
pub struct Parts {
    pub taxonomy: Taxonomy,
    pub organizations: Vec<Organization>,
    pub relationships: Vec<Relationship>,
    pub incidents: Vec<Incident>,
    pub info: DataInfo,
}

/// The whole knowledge base, with indexes by stable id. Its lists are read
/// through methods: the indexes are derived from them, so they change only
/// inside the core (or through `into_parts` and `from_parts`, which index
/// again).
#[derive(Debug, Clone)]
pub struct DataSet {
    pub(crate) taxonomy: Taxonomy,
    pub(crate) organizations: Vec<Organization>,
    pub(crate) relationships: Vec<Relationship>,
    pub(crate) incidents: Vec<Incident>,
    pub(crate) info: DataInfo,
    /// Register notices (`notices.json`): those standing alone are also
    /// incidents (and their register-only organizations organizations),
    /// after the curated ones.
    pub(crate) notices: crate::notices::Notices,
    /// How many of `organizations` and of `incidents`, from the front, are
    /// curated (the rest come from registers or an imported catalogue).
    pub(crate) curated: (usize, usize),
    /// Built by `new`, or a bounded step at a time by `index_step` for a
    /// merged catalogue (and in one go by the first look-up otherwise).
    indexes: OnceLock<Indexes>,
    /// An `index_step` build under way.
    indexing: Option<Box<Indexing>>,
    type_by_id: HashMap<String, usize>,
    action_by_id: HashMap<String, usize>,
}

pub(crate) fn parse<T: FromJson>(file: &'static str, text: &str) -> Result<T, LoadError> {
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
        DataSet::from_json_parts(taxonomy, &[organizations], incidents, notices)
    }

    /// [`DataSet::from_json_with_notices`] over the organization file in
    /// parts, as the page downloads it (`exposure pack`): the organizations
    /// an answer involves, then the rest (`DataInfo::more_organizations`
    /// names that file while it is still to come).
    pub fn from_json_parts(
        taxonomy: &str,
        organizations: &[&str],
        incidents: &str,
        notices: Option<&str>,
    ) -> Result<DataSet, LoadError> {
        let taxonomy: Taxonomy = parse("taxonomy.json", taxonomy)?;
        let mut orgs = OrganizationsFile {
            schema_version: SCHEMA_VERSION,
            organizations: Vec::new(),
            relationships: Vec::new(),
            more: None,
        };
        for (i, part) in organizations.iter().enumerate() {
            let file = if i == 0 {
                "organizations.json"
            } else {
                ORGANIZATIONS_MORE_FILE
            };
            let p: OrganizationsFile = parse(file, part)?;
            orgs.organizations.extend(p.organizations);
            orgs.relationships.extend(p.relationships);
            if i == 0 {
                orgs.more = p.more;
            } else {
                orgs.more = None;
            }
        }
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
            details: file.details,
            more_organizations: orgs.more,
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

    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    pub fn organizations(&self) -> &[Organization] {
        &self.organizations
    }

    pub fn relationships(&self) -> &[Relationship] {
        &self.relationships
    }

    pub fn incidents(&self) -> &[Incident] {
        &self.incidents
    }

    pub fn info(&self) -> &DataInfo {
        &self.info
    }

    pub fn notices(&self) -> &crate::notices::Notices {
        &self.notices
    }

    /// How many organizations and incidents, from the front, are curated.
    pub fn curated(&self) -> (usize, usize) {
        self.curated
    }

    /// The curated lists, to change and index again (`from_parts`): how
    /// tests break a data set on purpose.
    pub fn into_parts(self) -> Parts {
        Parts {
            taxonomy: self.taxonomy,
            organizations: self.organizations,
            relationships: self.relationships,
            incidents: self.incidents,
            info: self.info,
        }
    }

    /// A data set over these lists, indexed.
    pub fn from_parts(p: Parts) -> DataSet {
        let mut ds = DataSet::new(p.taxonomy, p.organizations, p.relationships, p.incidents);
        ds.info = p.info;
        ds
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

    pub fn org(&self, id: &str) -> Option<&Organization> {
        self.org_position(id).map(|i| &self.organizations[i])
    }

    /// Where the organization of this id sits in `organizations`.
    pub fn org_position(&self, id: &str) -> Option<usize> {
        self.ix()
            .org_by_id
            .get(&self.organizations, id, |o| Some(&o.id))
    }

    /// An incident of this exact id is here (retired ids are not followed).
    pub(crate) fn has_incident_id(&self, id: &str) -> bool {
        self.ix()
            .incident_by_id
            .get(&self.incidents, id, |i| Some(&i.id))
            .is_some()
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
    pub(crate) fn type_position(&self, id: &str) -> usize {
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
}
