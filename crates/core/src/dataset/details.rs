//! An incident file in two parts, for the page (`exposure pack`): the facts
//! an answer needs (who, when, which data, whom it reached, what to do) and
//! the long texts a person opens on demand (the summary, who was affected in
//! words, the sources, the notes on named clients). The page answers from the first part and adds
//! the second when it arrives (`DataSet::with_details`); the two together
//! are the file they were split from. The organization file too: the
//! organizations an answer can involve first, the rest after
//! (`split_organizations`).

use serde::Serialize;

use super::{parse, DataSet, LoadError, SCHEMA_VERSION};
use crate::json::json_struct;
use crate::model::{IncidentsFile, OrganizationsFile, Source, Text};

/// The file the page downloads the details from, beside the incidents.
pub const DETAILS_FILE: &str = "details.json";

/// The long texts of an incident file's incidents (`details.json`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DetailsFile {
    pub schema_version: u32,
    pub incidents: Vec<IncidentDetails>,
}

/// One incident's long texts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IncidentDetails {
    pub id: String,
    pub summary: String,
    /// Who was affected, in words (`Cohort::text`; its typed fields stay).
    pub cohort: String,
    pub affected_source: Option<Text>,
    pub sources: Vec<Source>,
    /// The incident's named clients' notes and sources, in its order.
    pub clients: Vec<ClientDetails>,
}

/// A named client's note and source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ClientDetails {
    pub org: String,
    pub note: Option<String>,
    pub source: Option<String>,
}

json_struct!(strict DetailsFile { schema_version, incidents });
json_struct!(strict IncidentDetails {
    id,
    summary,
    cohort: default,
    affected_source: default,
    sources: default,
    clients: default,
});
json_struct!(strict ClientDetails { org, note: default, source: default });

/// More quick picks a sector than the page offers (6): they are in the
/// first part.
const QUICK_PICKS: usize = 12;

/// The file of the organizations the page reads after its first answer.
pub const ORGANIZATIONS_MORE_FILE: &str = "organizations-more.json";

/// Splits an organization file into the organizations an answer can
/// involve — named by an incident (breached, platform, client) or a
/// relationship, among a sector's quick picks, and every parent, child and
/// sibling of those, so a brand or a group reaches its incidents, and any
/// that shares a name or domain with them — with all
/// the relationships, and the rest (`ORGANIZATIONS_MORE_FILE`). The first
/// names the second in `more`; each keeps the file's order. A company of
/// the rest has no incident of the curated data: until it arrives, the page
/// says it is still checking such a name, not that it is unknown.
pub fn split_organizations(
    taxonomy: &str,
    organizations: &str,
    incidents: &str,
) -> Result<(String, String), SplitError> {
    use crate::json::JsonEnum;
    use std::collections::{HashMap, HashSet};
    let file: OrganizationsFile = parse("organizations.json", organizations)?;
    if let Some(m) = file.more {
        return Err(SplitError::AlreadySplit(m));
    }
    let inc: IncidentsFile = parse("incidents.json", incidents)?;
    // The quick picks, as the page ranks them over the whole file.
    let whole = crate::Engine::new(DataSet::from_json(taxonomy, organizations, incidents)?);
    let picks: Vec<String> = crate::model::Sector::VARIANTS
        .iter()
        .flat_map(|(sector, _)| whole.names.prominent(&whole.data, *sector, QUICK_PICKS))
        .map(|(id, _)| id)
        .collect();
    let mut wanted: HashSet<&str> = HashSet::new();
    for i in &inc.incidents {
        wanted.insert(&i.breached_org);
        wanted.extend(i.more().platform.as_deref());
        wanted.extend(i.more().affected_clients.iter().map(|c| c.org.as_str()));
    }
    for r in &file.relationships {
        wanted.insert(&r.client);
        wanted.insert(&r.vendor);
    }
    wanted.extend(picks.iter().map(String::as_str));
    let parent: HashMap<&str, &str> = file
        .organizations
        .iter()
        .filter_map(|o| Some((o.id.as_str(), o.parent.as_deref()?)))
        .collect();
    let mut children: HashMap<&str, Vec<&str>> = HashMap::new();
    for (c, p) in &parent {
        children.entry(p).or_default().push(c);
    }
    // Their ancestors, then everything below those and them.
    let mut todo: Vec<&str> = wanted.iter().copied().collect();
    for id in todo.clone() {
        let mut cur = parent.get(id);
        while let Some(&p) = cur {
            if !wanted.insert(p) {
                break;
            }
            todo.push(p);
            cur = parent.get(p);
        }
    }
    while let Some(id) = todo.pop() {
        for &c in children.get(id).into_iter().flatten() {
            if wanted.insert(c) {
                todo.push(c);
            }
        }
    }
    // And any organization that shares a name or a domain with those: the
    // first part must read a name as the whole file does.
    let keys = |o: &crate::model::Organization| -> Vec<String> {
        std::iter::once(o.name.as_str())
            .chain(o.aliases.iter().map(|a| a.name.as_str()))
            .map(crate::normalize::normalize)
            .chain(
                o.domain
                    .iter()
                    .map(|d| format!("@{}", d.to_ascii_lowercase())),
            )
            .collect()
    };
    let taken: HashSet<String> = file
        .organizations
        .iter()
        .filter(|o| wanted.contains(o.id.as_str()))
        .flat_map(keys)
        .collect();
    for o in &file.organizations {
        if !wanted.contains(o.id.as_str()) && keys(o).iter().any(|k| taken.contains(k)) {
            wanted.insert(&o.id);
        }
    }
    let (first, rest): (Vec<_>, Vec<_>) = file
        .organizations
        .iter()
        .cloned()
        .partition(|o| wanted.contains(o.id.as_str()));
    let first = OrganizationsFile {
        schema_version: file.schema_version,
        organizations: first,
        relationships: file.relationships.clone(),
        more: Some(ORGANIZATIONS_MORE_FILE.into()),
    };
    let rest = OrganizationsFile {
        schema_version: file.schema_version,
        organizations: rest,
        relationships: Vec::new(),
        more: None,
    };
    Ok((
        compact("organizations.json", &first),
        compact(ORGANIZATIONS_MORE_FILE, &rest),
    ))
}

/// A file of the data written without the members its reader takes as
/// absent anyway (`null`, an empty list): about 15 % fewer bytes of the
/// organizations and 35 % of the incidents for the page to parse before
/// its first answer. Kept only when it reads back as the very same file,
/// else written whole.
fn compact<T: Serialize + crate::json::FromJson>(file: &'static str, value: &T) -> String {
    // Serializing these types cannot fail (string keys, no non-finite
    // numbers); an empty text would only make the page's load fail loudly.
    let whole = serde_json::to_string(value).unwrap_or_default();
    let Ok(mut tree) = serde_json::to_value(value) else {
        return whole;
    };
    prune(&mut tree);
    let pruned = tree.to_string();
    let same = parse::<T>(file, &pruned)
        .ok()
        .and_then(|read| serde_json::to_string(&read).ok())
        .is_some_and(|again| again == whole);
    if same {
        pruned
    } else {
        whole
    }
}

/// Drops `null` and `[]` members of every object in the tree.
fn prune(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(members) => {
            members.retain(|_, m| !(m.is_null() || m.as_array().is_some_and(Vec::is_empty)));
            members.values_mut().for_each(prune);
        }
        Value::Array(items) => items.iter_mut().for_each(prune),
        _ => {}
    }
}

/// Why an incident file could not be split.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SplitError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("the file was already split: the rest is in {0}")]
    AlreadySplit(String),
}

/// Splits an incident file (`incidents.json` as the data keeps it) into the
/// file the page answers from (the same schema, long texts left empty,
/// `details` naming where they are) and the details file. Both are written
/// compact, the same bytes for the same input.
pub fn split(incidents: &str) -> Result<(String, String), SplitError> {
    let mut file: IncidentsFile = parse("incidents.json", incidents)?;
    if let Some(d) = file.details {
        return Err(SplitError::AlreadySplit(d));
    }
    let mut details = DetailsFile {
        schema_version: SCHEMA_VERSION,
        incidents: Vec::with_capacity(file.incidents.len()),
    };
    for inc in &mut file.incidents {
        details.incidents.push(IncidentDetails {
            id: inc.id.clone(),
            summary: std::mem::take(&mut inc.summary),
            cohort: std::mem::take(&mut inc.cohort.text).into_owned(),
            affected_source: inc.affected_source.take(),
            sources: std::mem::take(&mut inc.sources),
            clients: inc
                .more
                .iter_mut()
                .flat_map(|m| &mut m.affected_clients)
                .map(|c| ClientDetails {
                    org: c.org.clone(),
                    note: c.note.take(),
                    source: c.source.take(),
                })
                .collect(),
        });
    }
    file.details = Some(DETAILS_FILE.into());
    Ok((
        compact("incidents.json", &file),
        // Serializing cannot fail (string keys, no non-finite numbers).
        serde_json::to_string(&details).unwrap_or_default(),
    ))
}

impl DetailsFile {
    /// Reads `details.json`.
    pub fn from_json(text: &str) -> Result<DetailsFile, LoadError> {
        parse(DETAILS_FILE, text)
    }
}

impl DataSet {
    /// The incidents' long texts joined to the incidents they were split
    /// from (by id; a client's by its place among the incident's clients,
    /// when it names the same organization). Details of an incident the
    /// data set does not have are left out; the data set then has every
    /// text it will get (`DataInfo::details` is none).
    pub fn with_details(mut self, details: &DetailsFile) -> DataSet {
        for d in &details.incidents {
            let Some(i) = self
                .ix()
                .incident_by_id
                .get(&self.incidents, &d.id, |i| Some(&i.id))
            else {
                continue;
            };
            let inc = &mut self.incidents[i];
            inc.summary.clone_from(&d.summary);
            inc.cohort.text = d.cohort.clone().into();
            inc.affected_source.clone_from(&d.affected_source);
            inc.sources.clone_from(&d.sources);
            for (c, dc) in inc
                .more
                .iter_mut()
                .flat_map(|m| &mut m.affected_clients)
                .zip(&d.clients)
            {
                if c.org == dc.org {
                    c.note.clone_from(&dc.note);
                    c.source.clone_from(&dc.source);
                }
            }
        }
        self.info.details = None;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    #[test]
    fn the_two_parts_join_into_the_file_they_were_split_from() {
        let (first, details) = split(bundled::INCIDENTS_JSON).expect("the shipped file splits");
        let full = bundled::curated().expect("bundled data loads");
        let part = DataSet::from_json(bundled::TAXONOMY_JSON, bundled::ORGANIZATIONS_JSON, &first)
            .expect("the first part loads as an incident file");
        assert_eq!(part.info().details.as_deref(), Some(DETAILS_FILE));
        assert_eq!(part.incidents().len(), full.incidents().len());
        assert!(part
            .incidents()
            .iter()
            .all(|i| i.summary.is_empty() && i.sources.is_empty()));
        assert!(
            first.len() * 2 < bundled::INCIDENTS_JSON.len(),
            "the first part is under half the file: {} of {} bytes",
            first.len(),
            bundled::INCIDENTS_JSON.len()
        );
        let joined = part.with_details(&DetailsFile::from_json(&details).expect("details load"));
        assert_eq!(
            joined.incidents(),
            full.incidents(),
            "joined, it is the whole file"
        );
        assert_eq!(joined.info(), full.info());
        assert_eq!(
            split(bundled::INCIDENTS_JSON).unwrap(),
            (first.clone(), details),
            "the same bytes each time"
        );
        assert!(matches!(split(&first), Err(SplitError::AlreadySplit(_))));
        assert!(matches!(split("{"), Err(SplitError::Load(_))));
    }

    #[test]
    fn an_answer_from_the_first_part_is_the_answer_from_the_whole_file() {
        let (first, _) = split(bundled::INCIDENTS_JSON).unwrap();
        let part = crate::Engine::new(
            DataSet::from_json(bundled::TAXONOMY_JSON, bundled::ORGANIZATIONS_JSON, &first)
                .unwrap(),
        );
        let full = crate::Engine::new(bundled::curated().unwrap());
        let today = crate::PartialDate::parse("2026-12-01").ok();
        for names in [
            &["AT&T"][..],
            &["Bank of America", "Kaiser Permanente", "Ticketmaster"],
            &[
                "Chase",
                "Verizon",
                "UnitedHealthcare",
                "Comcast",
                "Wells Fargo",
            ],
        ] {
            let a = part.check_names(names, today);
            let b = full.check_names(names, today);
            assert_eq!(a.matches, b.matches, "{names:?}");
            assert_eq!(a.plan, b.plan, "{names:?}");
            assert_eq!(a.exposed, b.exposed, "{names:?}");
            assert!(!a.matches.is_empty(), "{names:?}");
        }
    }

    #[test]
    fn the_organizations_an_answer_involves_come_first_and_the_rest_joins_them() {
        let (first, more) = split_organizations(
            bundled::TAXONOMY_JSON,
            bundled::ORGANIZATIONS_JSON,
            bundled::INCIDENTS_JSON,
        )
        .unwrap();
        let full = crate::Engine::new(bundled::curated().unwrap());
        let part = crate::Engine::new(
            DataSet::from_json(bundled::TAXONOMY_JSON, &first, bundled::INCIDENTS_JSON).unwrap(),
        );
        let joined = crate::Engine::new(
            DataSet::from_json_parts(
                bundled::TAXONOMY_JSON,
                &[&first, &more],
                bundled::INCIDENTS_JSON,
                None,
            )
            .unwrap(),
        );
        assert_eq!(
            part.data.info().more_organizations.as_deref(),
            Some(ORGANIZATIONS_MORE_FILE)
        );
        assert_eq!(joined.data.info().more_organizations, None);
        let (n, m) = (
            part.data.organizations().len(),
            full.data.organizations().len(),
        );
        assert!(
            n * 10 < m * 7,
            "the first part has {n} of {m} organizations"
        );
        assert_eq!(joined.data.organizations().len(), m);
        // Every name of the data reads as the same organization, joined;
        // the first part reads it so, or not yet, but for a name the whole
        // file reads through a part of it that is still to come: the page
        // reads those again when the rest arrives (`AppState::read_again`).
        let mut differ: Vec<String> = Vec::new();
        for o in full.data.organizations() {
            for name in std::iter::once(o.name.as_str()).chain(o.aliases.iter().map(|a| &*a.name)) {
                let want = full.resolve(name).map(|r| r.org_id);
                assert_eq!(joined.resolve(name).map(|r| r.org_id), want, "{name}");
                // The first part reads it as the same, or not yet.
                let got = part.resolve(name).map(|r| r.org_id);
                if !(got.is_none() || got == want) {
                    differ.push(format!("{name}: {got:?}, then {want:?}"));
                }
            }
        }
        assert!(differ.len() <= 2, "{differ:#?}");
        // The first part answers as the whole file for companies with incidents.
        let today = crate::PartialDate::parse("2026-12-01").ok();
        for names in [
            &["AT&T", "Cricket Wireless"][..],
            &[
                "Chase",
                "Verizon",
                "Kaiser Permanente",
                "UnitedHealthcare",
                "Amazon",
            ],
            &[
                "Target",
                "Aflac",
                "Premera Blue Cross",
                "Comcast",
                "Wells Fargo",
            ],
            &["Bank of America", "Ticketmaster", "Live Nation"],
        ] {
            let a = part.check_names(names, today);
            let b = full.check_names(names, today);
            assert_eq!(a.matches, b.matches, "{names:?}");
            assert_eq!(a.plan, b.plan, "{names:?}");
        }
        for (sector, _) in <crate::model::Sector as crate::json::JsonEnum>::VARIANTS {
            assert_eq!(
                part.names.prominent(&part.data, *sector, 6),
                full.names.prominent(&full.data, *sector, 6),
                "the quick picks of {sector:?}"
            );
        }
        assert!(matches!(
            split_organizations(bundled::TAXONOMY_JSON, &first, bundled::INCIDENTS_JSON),
            Err(SplitError::AlreadySplit(_))
        ));
    }

    #[test]
    fn details_of_unknown_incidents_or_clients_are_left_out() {
        let ds = bundled::curated().unwrap();
        let before = ds.incidents().to_vec();
        let d = DetailsFile {
            schema_version: SCHEMA_VERSION,
            incidents: vec![IncidentDetails {
                id: "no-such-incident".into(),
                summary: "x".into(),
                ..Default::default()
            }],
        };
        assert_eq!(ds.with_details(&d).incidents(), &before[..]);
        assert!(DetailsFile::from_json("{\"schema_version\":1}").is_err());
        assert!(DetailsFile::from_json("[]").is_err());
    }
}
