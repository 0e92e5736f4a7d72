//! The result of a check and its machine-readable forms (the shapes printed
//! by `exposure check --json` and `exposure incidents --json`).

use serde::Serialize;

use crate::dataset::DataSet;
use crate::exposure::{CompanyQuery, ExposedType, Fit, Match};
use crate::model::{Incident, Link, Relation, Source};
use crate::plan::PlannedAction;
use crate::reading::NameMatch;

/// Everything a check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub companies: Vec<CompanyQuery>,
    pub matches: Vec<Match>,
    pub exposed: Vec<ExposedType>,
    pub plan: Vec<PlannedAction>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CompanyOut {
    pub input: String,
    pub org_id: Option<String>,
    pub name: String,
    /// The person's relationship to the company.
    pub relation: Relation,
    /// How the name was matched and how sure that is (none when unknown).
    pub name_match: Option<NameMatch>,
    /// For a name not resolved: the organization it may be ("did you mean").
    pub suggestion: Option<Suggestion>,
}

/// An organization a name not resolved may mean.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    pub org_id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatchOut {
    pub org_id: String,
    pub incident_id: String,
    pub confidence: &'static str,
    pub path: Vec<String>,
    pub explanation: String,
    /// How far the incident's cohort covers the person.
    pub person: Fit,
    /// That, in one line.
    pub reason: String,
    /// For a reported breach (a register notice no curated incident
    /// covers): the notice as the register gives it.
    pub notice: Option<crate::notices::Notice>,
    /// The register notices of this event (the incident's own, its
    /// clients', another register's copy).
    pub also_reported: Vec<crate::notices::Notice>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExposedOut {
    #[serde(rename = "type")]
    pub type_id: String,
    pub incidents: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionOut {
    pub id: String,
    pub title: String,
    pub urgency: &'static str,
    pub because: String,
    pub steps: Vec<String>,
    pub links: Vec<Link>,
}

/// The `exposure check --json` document.
#[derive(Debug, Clone, Serialize)]
pub struct CheckOut {
    pub companies: Vec<CompanyOut>,
    pub matches: Vec<MatchOut>,
    pub exposed_types: Vec<ExposedOut>,
    pub actions: Vec<ActionOut>,
}

/// The words of one match in the `check --json` shape, which the front end
/// supplies (the core says how, not in which words).
pub struct MatchWords {
    /// How the company reaches the incident (and the years note, if any).
    pub explanation: String,
    /// The confidence about the person, in one line.
    pub reason: String,
}

/// An action of the plan in words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionWords {
    pub title: String,
    /// One plain sentence: which data, from where.
    pub because: String,
    pub summary: String,
    pub steps: Vec<String>,
    pub links: Vec<Link>,
    /// General advice for visitors outside the regions the steps are for.
    pub elsewhere: Option<String>,
    /// The conditions under which it applies (`PlannedAction::conditions`).
    pub conditions: Vec<String>,
}

/// What puts a report's facts into words for an output (`exposure-words`,
/// in a language): the core's outputs take one and write no sentence.
pub trait Words {
    /// An incident's title as the reader sees it.
    fn incident_title(&self, inc: &Incident) -> String;
    fn match_words(&self, m: &Match) -> MatchWords;
    fn action_words(&self, a: &PlannedAction) -> ActionWords;
    /// The language of the words (English unless said).
    fn lang(&self) -> crate::Lang {
        crate::Lang::En
    }
    /// What a recurring step's reminder says (the data's words unless said).
    fn reminder(&self, a: &PlannedAction) -> String {
        a.recurrence
            .as_ref()
            .map(|r| r.reminder.clone())
            .unwrap_or_default()
    }
}

/// The plan's actions in the `actions` shape of `check --json`.
pub fn actions_out(plan: &[PlannedAction], words: &dyn Words) -> Vec<ActionOut> {
    plan.iter()
        .map(|a| {
            let w = words.action_words(a);
            ActionOut {
                id: a.id.clone(),
                title: w.title,
                urgency: a.urgency.id(),
                because: w.because,
                steps: w.steps,
                links: w.links,
            }
        })
        .collect()
}

impl Report {
    pub(crate) fn to_output(&self, ds: &DataSet, words: &dyn Words) -> CheckOut {
        CheckOut {
            companies: self
                .companies
                .iter()
                .map(|c| CompanyOut {
                    input: c.input.clone(),
                    org_id: c.org_id.clone(),
                    name: c
                        .org_id
                        .as_deref()
                        .and_then(|id| ds.org(id))
                        .map_or_else(|| c.input.clone(), |o| o.name.clone()),
                    relation: c.relation,
                    name_match: c.name_match.clone(),
                    suggestion: None,
                })
                .collect(),
            matches: self
                .matches
                .iter()
                .map(|m| (m, words.match_words(m)))
                .map(|(m, w)| MatchOut {
                    org_id: m.org_id.clone(),
                    incident_id: m.incident_id.clone(),
                    confidence: m.confidence.id(),
                    path: m.path.clone(),
                    explanation: w.explanation,
                    person: m.fit.clone(),
                    reason: w.reason,
                    notice: ds.notice_of(&m.incident_id).cloned(),
                    also_reported: ds
                        .notices
                        .also_reported(&m.incident_id)
                        .into_iter()
                        .cloned()
                        .collect(),
                })
                .collect(),
            exposed_types: self
                .exposed
                .iter()
                .map(|e| ExposedOut {
                    type_id: e.type_id.clone(),
                    incidents: e.incidents.clone(),
                })
                .collect(),
            actions: actions_out(&self.plan, words),
        }
    }

    /// Matches that count (everything but `unlikely`).
    pub fn live_matches(&self) -> impl Iterator<Item = &Match> {
        self.matches
            .iter()
            .filter(|m| m.confidence > crate::exposure::Confidence::Unlikely)
    }
}

/// One incident in the `exposure incidents --json` shape.
#[derive(Debug, Clone, Serialize)]
pub struct IncidentOut {
    pub id: String,
    pub title: String,
    pub breached_org_id: String,
    pub breached_org_name: String,
    pub domain: Option<String>,
    /// When the attacker had access (first and last day known).
    pub breach_start: Option<String>,
    pub breach_end: Option<String>,
    /// When the organization found it.
    pub discovered: Option<String>,
    /// When it was first made public or filed.
    pub disclosed: Option<String>,
    /// How old the stolen records are, where much older than the theft.
    pub data_as_old_as: Option<String>,
    pub affected: Option<u64>,
    /// The date of the `affected` figure.
    pub affected_as_of: Option<String>,
    pub affected_unconfirmed: bool,
    pub data_types: Vec<String>,
    pub sources: Vec<Source>,
}

pub fn incident_out(ds: &DataSet, inc: &Incident, words: &dyn Words) -> IncidentOut {
    let org = ds.org(&inc.breached_org);
    IncidentOut {
        id: inc.id.clone(),
        title: words.incident_title(inc),
        breached_org_id: inc.breached_org.clone(),
        breached_org_name: ds.org_name(&inc.breached_org).to_string(),
        domain: org.and_then(|o| o.domain.clone()),
        breach_start: inc.breach_start.map(|d| d.to_string()),
        breach_end: inc.breach_end.map(|d| d.to_string()),
        discovered: inc.discovered.map(|d| d.to_string()),
        disclosed: inc.disclosed.map(|d| d.to_string()),
        data_as_old_as: inc.more().data_from.map(|d| d.to_string()),
        affected: inc.affected,
        affected_as_of: inc.affected_as_of.map(|d| d.to_string()),
        affected_unconfirmed: inc.affected_unconfirmed,
        data_types: inc.data_types.iter().map(|t| t.to_string()).collect(),
        sources: inc.sources.clone(),
    }
}
