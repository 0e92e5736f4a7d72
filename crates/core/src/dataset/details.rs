//! An incident file in two parts, for the page (`exposure pack`): the facts
//! an answer needs (who, when, which data, whom it reached, what to do) and
//! the long texts a person opens on demand (the summary, the sources, the
//! notes on named clients). The page answers from the first part and adds
//! the second when it arrives (`DataSet::with_details`); the two together
//! are the file they were split from.

use serde::Serialize;

use super::{parse, DataSet, LoadError, SCHEMA_VERSION};
use crate::json::json_struct;
use crate::model::{IncidentsFile, Source, Text};

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
    affected_source: default,
    sources: default,
    clients: default,
});
json_struct!(strict ClientDetails { org, note: default, source: default });

/// Why an incident file could not be split.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SplitError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("incidents.json was already split: its details are in {0}")]
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
            affected_source: inc.affected_source.take(),
            sources: std::mem::take(&mut inc.sources),
            clients: inc
                .affected_clients
                .iter_mut()
                .map(|c| ClientDetails {
                    org: c.org.clone(),
                    note: c.note.take(),
                    source: c.source.take(),
                })
                .collect(),
        });
    }
    file.details = Some(DETAILS_FILE.into());
    // Serializing these types cannot fail (string keys, no non-finite
    // numbers); an empty text would only make the page's load fail loudly.
    Ok((
        serde_json::to_string(&file).unwrap_or_default(),
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
            inc.affected_source.clone_from(&d.affected_source);
            inc.sources.clone_from(&d.sources);
            for (c, dc) in inc.affected_clients.iter_mut().zip(&d.clients) {
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
