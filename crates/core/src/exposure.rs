//! From the companies a person named to the incidents that touched them:
//! the path from each company to the breached organization, how sure the
//! match is, and the merged list of exposed data types.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::json::{json_enum, json_struct};

use crate::dataset::DataSet;
use crate::lang::{Lang, Texts};
use crate::model::{Confirmation, Incident, ParentRelation, Relation, Severity};

/// How sure a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Outside the affected cohort given the customer period.
    Unlikely,
    /// The company uses the breached vendor, or the breach hit a subsidiary,
    /// but the company was not named.
    Possible,
    /// Through a brand or parent, or a client named only by the press.
    Likely,
    /// The company itself was breached, or was named by an official notice.
    Confirmed,
}

impl Confidence {
    pub fn id(self) -> &'static str {
        match self {
            Confidence::Unlikely => "unlikely",
            Confidence::Possible => "possible",
            Confidence::Likely => "likely",
            Confidence::Confirmed => "confirmed",
        }
    }
}

/// How the company reaches the incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PathKind {
    /// The company is the breached organization.
    Direct,
    /// The company is a brand or subsidiary of the breached organization or of
    /// a named client, or their parent.
    Family,
    /// The company is named among the breached vendor's affected clients.
    NamedClient,
    /// The company has a known relationship with the breached vendor.
    VendorRelationship,
}

/// When a person was a customer, in years, and whether they still are.
/// Every part optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Period {
    pub from: Option<i32>,
    /// The year the relationship ended. Ignored with `Tenure::Current`.
    pub until: Option<i32>,
    /// Whether the relationship goes on, as the person said (`None`: not
    /// said). An `until` year without it implies `Former` ([`Period::status`]);
    /// that is inferred, never stored, so clearing the year undoes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tenure: Option<Tenure>,
}

/// Whether a person's relationship with a company goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tenure {
    /// Still a customer (employee, patient…): the relationship has not ended.
    Current,
    /// No longer: it ended, in `until` if the person gave the year.
    Former,
}

impl Period {
    /// Whether the relationship goes on, as said or as the years imply: an
    /// `until` year given without a word means it ended.
    pub fn status(self) -> Option<Tenure> {
        match (self.tenure, self.until) {
            (Some(t), _) => Some(t),
            (None, Some(_)) => Some(Tenure::Former),
            (None, None) => None,
        }
    }

    /// The year the relationship ended, when it did and the person gave it:
    /// a current one has not ended, whatever `until` says.
    pub fn ended(self) -> Option<i32> {
        match self.tenure {
            Some(Tenure::Current) => None,
            _ => self.until,
        }
    }

    /// The period once the person says whether it goes on: with `Current`
    /// (not ended) or `None` (not sure it ended) an end year no longer
    /// holds and is dropped; with `Former` it is kept.
    pub fn with_tenure(self, tenure: Option<Tenure>) -> Period {
        Period {
            tenure,
            until: match tenure {
                Some(Tenure::Former) => self.until,
                _ => None,
            },
            ..self
        }
    }
}

/// A company the person named, as resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CompanyQuery {
    /// What the person typed.
    pub input: String,
    /// The organization it was resolved to, if any.
    pub org_id: Option<String>,
    pub period: Period,
    /// The person's relationship to the company (customer unless they said).
    pub relation: Relation,
    /// How the typed name was matched, and how sure that is.
    pub name_match: Option<crate::reading::NameMatch>,
    /// Added from a letter the person received (its sender or client).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub from_letter: bool,
}

/// How far an incident's cohort covers the person, given what they said of
/// their relationship to the company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "fit", rename_all = "snake_case")]
pub enum Fit {
    /// The cohort covers people with the person's relationship broadly.
    Covered,
    /// Only people who meet a condition were affected: the cohort's
    /// condition as the data writes it (English), or the condition of the
    /// client the match goes through (`client`), where the words find it
    /// in another language.
    OnlyIf {
        condition: String,
        #[serde(skip)]
        client: Option<String>,
    },
    /// The cohort is other groups (employees, when the person is a customer).
    OtherGroup { who: Vec<Relation> },
    /// The years the person gave cannot overlap the cohort's.
    OutsideYears,
}

/// One incident reached from one company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Match {
    /// The company the person named.
    pub org_id: String,
    pub incident_id: String,
    pub confidence: Confidence,
    pub kind: PathKind,
    /// Org ids from the company to the breached org (and its platform).
    pub path: Vec<String>,
    /// How the company reaches the incident, as facts (the front ends put
    /// it into words).
    pub route: Route,
    /// The years the person gave, when they cannot overlap the cohort's
    /// (the match is then `unlikely`).
    pub outside: Option<Outside>,
    /// How far the cohort covers the person: what the confidence says of
    /// *them*, not only of the company.
    pub fit: Fit,
}

/// How a company reaches an incident: the facts a front end puts into
/// words. Organizations by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "route", rename_all = "snake_case")]
pub enum Route {
    /// The company itself was breached.
    Breached,
    /// The company filed a breach notice with a public register (all that
    /// is known of a register-only event).
    FiledNotice {
        register: String,
        reported: crate::date::PartialDate,
    },
    /// Named among the breached vendor's affected clients.
    NamedClient { confirmed_by: Confirmation },
    /// The company is a brand (`brand`) or part of `owner`, which was breached.
    UnderBreached { owner: String, brand: bool },
    /// The company is a brand or part of `owner`, a named client of the
    /// breached vendor.
    UnderClient { owner: String, brand: bool },
    /// `unit`, which belongs to the company, was breached or was a named
    /// client.
    OwnedUnit { unit: String },
    /// The company and the breached vendor belong to one `group`; the
    /// vendor handles data for companies in and outside it.
    SameGroup { group: String },
    /// A known vendor relationship (`service`), without being named.
    UsesVendor { service: String },
    /// A letter the person received names the incident: it is theirs.
    Letter,
}

/// Why the years a person gave cannot overlap an incident's cohort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "outside", rename_all = "snake_case")]
pub enum Outside {
    /// A customer until `until`; the cohort starts in `from`.
    EndedBefore { until: i32, from: i32 },
    /// A customer from `from`; the cohort ends in `until`.
    StartedAfter { from: i32, until: i32 },
}

/// A data type exposed by one or more matched incidents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExposedType {
    #[serde(rename = "type")]
    pub type_id: String,
    pub severity: Severity,
    pub incidents: Vec<String>,
}

struct Candidate {
    kind: PathKind,
    confidence: Confidence,
    path: Vec<String>,
    route: Route,
}

/// Every match for every company, strongest first within a company.
pub(crate) fn find_matches(ds: &DataSet, companies: &[CompanyQuery]) -> Vec<Match> {
    let t = ds.texts(Lang::En);
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for company in companies {
        let Some(org_id) = company.org_id.as_deref() else {
            continue;
        };
        if ds.org(org_id).is_none() || !seen.insert(org_id) {
            continue;
        }
        // Only incidents that involve the company, its family or its
        // vendors can reach it: look those up instead of trying them all.
        let mut reach: Vec<u32> = Vec::new();
        let family = std::iter::once(org_id)
            .chain(ds.ancestors(org_id).into_iter().map(|o| o.id.as_str()))
            .chain(ds.descendants(org_id).into_iter().map(|o| o.id.as_str()));
        let vendors = ds
            .relationships
            .iter()
            .filter(|r| r.client == org_id && r.is_sourced())
            .map(|r| r.vendor.as_str());
        for org in family.chain(vendors) {
            reach.extend_from_slice(ds.incidents_of(org));
        }
        // A vendor of the same group (a claims processor owned by the
        // insurer's parent): the incidents of the ancestors' other units.
        for anc in ds.ancestors(org_id) {
            for unit in ds.descendants(&anc.id) {
                reach.extend_from_slice(ds.incidents_of(&unit.id));
            }
        }
        reach.sort_unstable();
        reach.dedup();
        let mut mine: Vec<Match> = reach
            .iter()
            .filter_map(|&n| ds.incidents.get(n as usize))
            .filter_map(|inc| {
                let c = best_path(ds, org_id, inc)?;
                let outside = outside_cohort(company.period, inc);
                let fit = person_fit(t, company, inc, &c, outside.is_some());
                // A company read from a slip of the keyboard is a guess.
                let cap = match company.name_match.as_ref().map(|n| n.certainty) {
                    Some(crate::reading::Certainty::ReadAs) => Confidence::Likely,
                    _ => Confidence::Confirmed,
                };
                let confidence = match fit {
                    Fit::Covered => c.confidence.min(cap),
                    Fit::OnlyIf { .. } => c.confidence.min(Confidence::Possible),
                    Fit::OtherGroup { .. } | Fit::OutsideYears => Confidence::Unlikely,
                };
                Some(Match {
                    org_id: org_id.to_string(),
                    incident_id: inc.id.clone(),
                    confidence,
                    kind: c.kind,
                    path: c.path,
                    route: c.route,
                    outside,
                    fit,
                })
            })
            .collect();
        // One event, one card: a campaign's card gives way to the
        // company's own incident of that campaign.
        let nested: BTreeSet<String> = mine
            .iter()
            .filter_map(|m| {
                ds.incident(&m.incident_id)?
                    .more()
                    .campaign
                    .as_deref()
                    .map(String::from)
            })
            .collect();
        mine.retain(|m| !nested.contains(&m.incident_id));
        crate::sort::sort_by(&mut mine, |a, b| {
            b.confidence.cmp(&a.confidence).then_with(|| {
                let da = ds
                    .incident(&a.incident_id)
                    .and_then(Incident::earliest_date);
                let db = ds
                    .incident(&b.incident_id)
                    .and_then(Incident::earliest_date);
                db.cmp(&da)
            })
        });
        out.extend(mine);
    }
    out
}

/// How far `inc`'s cohort covers a person with `company`'s relationship,
/// reached by the path `c`.
fn person_fit(
    t: Texts,
    company: &CompanyQuery,
    inc: &Incident,
    c: &Candidate,
    outside_years: bool,
) -> Fit {
    if outside_years {
        return Fit::OutsideYears;
    }
    if !company.relation.fits(&inc.cohort.who) {
        return Fit::OtherGroup {
            who: inc.cohort.who.to_vec(),
        };
    }
    // The client link the path goes through, when it goes through one.
    let link = c
        .path
        .first()
        .and_then(|first| {
            inc.more()
                .affected_clients
                .iter()
                .find(|l| l.org == *first || c.path.contains(&l.org))
        })
        .filter(|_| matches!(c.kind, PathKind::NamedClient | PathKind::Family));
    let client = link.map(|l| l.org.as_str());
    match t.only_if(inc, client) {
        Some(condition) => Fit::OnlyIf {
            condition: condition.to_string(),
            client: client.map(String::from),
        },
        None => Fit::Covered,
    }
}

/// The strongest way `org_id` reaches `inc`, if any.
fn best_path(ds: &DataSet, org_id: &str, inc: &Incident) -> Option<Candidate> {
    let breached = inc.breached_org.as_str();
    let tail: Vec<String> = std::iter::once(breached.to_string())
        .chain(inc.more().platform.clone())
        .collect();
    let mut candidates: Vec<Candidate> = Vec::new();

    // 1. The company itself was breached.
    if org_id == breached {
        candidates.push(Candidate {
            kind: PathKind::Direct,
            confidence: Confidence::Confirmed,
            path: tail.clone(),
            route: match ds.notice_of(&inc.id) {
                // A register notice says only what was filed.
                Some(n) => Route::FiledNotice {
                    register: n.register.clone(),
                    reported: n.reported,
                },
                None => Route::Breached,
            },
        });
    }
    // 2. Named among the vendor's affected clients.
    if let Some(c) = inc.more().affected_clients.iter().find(|c| c.org == org_id) {
        let mut path = vec![org_id.to_string()];
        path.extend(tail.iter().cloned());
        candidates.push(Candidate {
            kind: PathKind::NamedClient,
            confidence: if c.confirmed_by.is_official() {
                Confidence::Confirmed
            } else {
                Confidence::Likely
            },
            path,
            route: Route::NamedClient {
                confirmed_by: c.confirmed_by,
            },
        });
    }
    // 3. Through the family: a brand or subsidiary reaches its parents' incidents.
    let ancestors = ds.ancestors(org_id);
    let is_brand = ds.org(org_id).and_then(|o| o.parent_relation) == Some(ParentRelation::Brand);
    for (depth, anc) in ancestors.iter().enumerate() {
        let brand = is_brand && depth == 0;
        let chain: Vec<String> = std::iter::once(org_id.to_string())
            .chain(ancestors.iter().take(depth + 1).map(|o| o.id.clone()))
            .collect();
        if anc.id == breached {
            let mut path = chain.clone();
            path.extend(inc.more().platform.iter().cloned());
            candidates.push(Candidate {
                kind: PathKind::Family,
                confidence: Confidence::Likely,
                path,
                route: Route::UnderBreached {
                    owner: anc.id.clone(),
                    brand,
                },
            });
        } else if let Some(c) = inc.more().affected_clients.iter().find(|c| c.org == anc.id) {
            let mut path = chain.clone();
            path.extend(tail.iter().cloned());
            candidates.push(Candidate {
                kind: PathKind::Family,
                confidence: if c.confirmed_by.is_official() {
                    Confidence::Likely
                } else {
                    Confidence::Possible
                },
                path,
                route: Route::UnderClient {
                    owner: anc.id.clone(),
                    brand,
                },
            });
        }
    }
    // 4. A parent reaches its brands' and subsidiaries' incidents, less surely.
    for holder in
        std::iter::once(breached).chain(inc.more().affected_clients.iter().map(|c| c.org.as_str()))
    {
        let ancestors = ds.ancestors(holder);
        if let Some(pos) = ancestors.iter().position(|a| a.id == org_id) {
            let mut path: Vec<String> = std::iter::once(org_id.to_string())
                .chain(ancestors[..pos].iter().rev().map(|o| o.id.clone()))
                .chain(std::iter::once(holder.to_string()))
                .collect();
            if holder == breached {
                path.extend(inc.more().platform.iter().cloned());
            } else {
                path.extend(tail.iter().cloned());
            }
            let subsidiary =
                ds.org(holder).and_then(|o| o.parent_relation) == Some(ParentRelation::Subsidiary);
            candidates.push(Candidate {
                kind: PathKind::Family,
                confidence: if subsidiary {
                    Confidence::Possible
                } else {
                    Confidence::Likely
                },
                path,
                route: Route::OwnedUnit {
                    unit: holder.to_string(),
                },
            });
        }
    }
    // 4b. A vendor unit of the same group: it handles data for the group's
    // companies (and others), so the company's people may be among those
    // affected. Possible, with that reason.
    if !inc.own_customers && candidates.is_empty() {
        let mine = ds.ancestors(org_id);
        let theirs = ds.ancestors(breached);
        if let Some(group) = theirs.iter().find(|a| mine.iter().any(|m| m.id == a.id)) {
            let mut path = vec![org_id.to_string(), group.id.clone()];
            path.extend(tail.iter().cloned());
            candidates.push(Candidate {
                kind: PathKind::Family,
                confidence: Confidence::Possible,
                path,
                route: Route::SameGroup {
                    group: group.id.clone(),
                },
            });
        }
    }
    // 5. A known vendor relationship, without being named.
    if let Some(r) = ds
        .relationships
        .iter()
        .find(|r| r.client == org_id && r.vendor == breached && r.is_sourced())
    {
        let mut path = vec![org_id.to_string()];
        path.extend(tail.iter().cloned());
        candidates.push(Candidate {
            kind: PathKind::VendorRelationship,
            confidence: Confidence::Possible,
            path,
            route: Route::UsesVendor {
                service: r.service.clone(),
            },
        });
    }
    candidates.into_iter().max_by(|a, b| {
        a.confidence
            .cmp(&b.confidence)
            .then_with(|| b.path.len().cmp(&a.path.len()))
    })
}

/// The years the person gave, when they cannot overlap the affected cohort's.
/// A current customer's relationship has not ended: an end year given
/// with it is not read (`Period::ended`).
fn outside_cohort(period: Period, inc: &Incident) -> Option<Outside> {
    if let (Some(until), Some(from)) = (period.ended(), inc.cohort.from_year) {
        if until < from {
            return Some(Outside::EndedBefore { until, from });
        }
    }
    if let (Some(from), Some(until)) = (period.from, inc.cohort.until_year) {
        if from > until {
            return Some(Outside::StartedAfter { from, until });
        }
    }
    None
}

/// Every data type exposed by a match that is not `unlikely`, most harmful
/// first, each with the incidents behind it.
pub fn exposed_types(ds: &DataSet, matches: &[Match]) -> Vec<ExposedType> {
    let mut by_type: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for m in matches
        .iter()
        .filter(|m| m.confidence > Confidence::Unlikely)
    {
        if let Some(inc) = ds.incident(&m.incident_id) {
            for t in &inc.data_types {
                by_type.entry(t).or_default().insert(&inc.id);
            }
        }
    }
    let mut out: Vec<ExposedType> = by_type
        .into_iter()
        .map(|(t, incs)| ExposedType {
            type_id: t.to_string(),
            severity: ds.data_type(t).map_or(Severity::Low, |d| d.severity),
            incidents: incs.into_iter().map(str::to_string).collect(),
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| {
        b.severity.cmp(&a.severity).then_with(|| {
            ds.type_position(&a.type_id)
                .cmp(&ds.type_position(&b.type_id))
        })
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(from: Option<i32>, until: Option<i32>, tenure: Option<Tenure>) -> Period {
        Period {
            from,
            until,
            tenure,
        }
    }

    /// The years given against a cohort of customers from 2015 to 2020: a
    /// current customer's end year is not read; a former one's is, said or
    /// implied by the year alone.
    #[test]
    fn years_against_the_cohort_by_tenure() {
        use Tenure::{Current, Former};
        let ds = crate::bundled::dataset().unwrap();
        let mut inc = ds.incidents[0].clone();
        inc.cohort.from_year = Some(2015);
        inc.cohort.until_year = Some(2020);
        let ended = |until| Some(Outside::EndedBefore { until, from: 2015 });
        let started = |from| Some(Outside::StartedAfter { from, until: 2020 });
        let table: &[(Period, Option<Outside>)] = &[
            (period(None, None, None), None),
            (period(None, None, Some(Current)), None),
            (period(None, None, Some(Former)), None),
            (period(None, Some(2012), None), ended(2012)),
            (period(None, Some(2012), Some(Former)), ended(2012)),
            (period(None, Some(2012), Some(Current)), None),
            (period(Some(2010), Some(2014), Some(Current)), None),
            (period(Some(2010), Some(2014), Some(Former)), ended(2014)),
            (period(None, Some(2015), Some(Former)), None),
            (period(Some(2021), None, Some(Current)), started(2021)),
            (period(Some(2021), None, Some(Former)), started(2021)),
            (period(Some(2021), Some(2012), Some(Current)), started(2021)),
            (period(Some(2018), None, Some(Current)), None),
        ];
        for (p, want) in table {
            assert_eq!(&outside_cohort(*p, &inc), want, "{p:?}");
        }
    }

    /// What a period says of the relationship, and what choosing a tenure
    /// keeps of the end year.
    #[test]
    fn tenure_said_implied_and_chosen() {
        use Tenure::{Current, Former};
        // (period, status, ended)
        let table: &[(Period, Option<Tenure>, Option<i32>)] = &[
            (period(None, None, None), None, None),
            (period(Some(2010), None, None), None, None),
            (period(None, Some(2016), None), Some(Former), Some(2016)),
            (period(None, None, Some(Former)), Some(Former), None),
            (
                period(None, Some(2016), Some(Former)),
                Some(Former),
                Some(2016),
            ),
            (period(None, None, Some(Current)), Some(Current), None),
            (
                period(Some(2010), Some(2016), Some(Current)),
                Some(Current),
                None,
            ),
        ];
        for (p, status, ended) in table {
            assert_eq!((p.status(), p.ended()), (*status, *ended), "{p:?}");
        }
        let p = period(Some(2010), Some(2016), None);
        // (chosen, period after)
        let table: &[(Option<Tenure>, Period)] = &[
            (Some(Former), period(Some(2010), Some(2016), Some(Former))),
            (Some(Current), period(Some(2010), None, Some(Current))),
            (None, period(Some(2010), None, None)),
        ];
        for (t, want) in table {
            assert_eq!(&p.with_tenure(*t), want, "{t:?}");
        }
    }

    /// Saved before the tenure was asked: read as not said. Written without
    /// it when not said, so an older page reads it as before.
    #[test]
    fn periods_read_with_and_without_tenure() {
        use crate::json::from_str;
        let table: &[(&str, Period)] = &[
            (
                r#"{"from":2015,"until":null}"#,
                period(Some(2015), None, None),
            ),
            (
                r#"{"from":null,"until":2016}"#,
                period(None, Some(2016), None),
            ),
            (
                r#"{"until":2016,"tenure":"former"}"#,
                period(None, Some(2016), Some(Tenure::Former)),
            ),
            (
                r#"{"from":2015,"tenure":"current"}"#,
                period(Some(2015), None, Some(Tenure::Current)),
            ),
            (
                r#"{"from":2015,"tenure":null}"#,
                period(Some(2015), None, None),
            ),
        ];
        for (text, want) in table {
            let p: Period = from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(&p, want, "{text}");
            let again: Period = from_str(&serde_json::to_string(&p).unwrap()).unwrap();
            assert_eq!(&again, want, "{text} written and read again");
        }
        assert_eq!(
            serde_json::to_string(&period(Some(2015), None, None)).unwrap(),
            r#"{"from":2015,"until":null}"#
        );
        assert!(from_str::<Period>(r#"{"tenure":"ended"}"#).is_err());
    }

    /// The look-up by involvement finds exactly what trying every incident
    /// finds, for every organization of the shipped data.
    #[test]
    fn indexed_matches_equal_trying_every_incident() {
        let ds = crate::bundled::dataset().unwrap();
        for org in &ds.organizations {
            let q = CompanyQuery {
                input: org.name.clone(),
                org_id: Some(org.id.clone()),
                period: Period::default(),
                ..Default::default()
            };
            let found: BTreeSet<&str> = find_matches(&ds, std::slice::from_ref(&q))
                .iter()
                .map(|m| ds.incident(&m.incident_id).unwrap().id.as_str())
                .collect();
            let reached: Vec<&Incident> = ds
                .incidents
                .iter()
                .filter(|inc| best_path(&ds, &org.id, inc).is_some())
                .collect();
            // A campaign gives way to the company's own incident of it.
            let every: BTreeSet<&str> = reached
                .iter()
                .map(|inc| inc.id.as_str())
                .filter(|id| {
                    !reached
                        .iter()
                        .any(|i| i.more().campaign.as_deref() == Some(id))
                })
                .collect();
            assert_eq!(found, every, "{}", org.id);
        }
    }
}

// Reading saved progress and plan exports (`crate::json`); fields a newer
// page may add are skipped.
json_struct!(lenient Period { from: default, until: default, tenure: default });
json_enum!(Tenure { Current = "current", Former = "former" });
json_struct!(lenient CompanyQuery {
    input,
    org_id: default,
    period: default,
    relation: default,
    name_match: default,
    from_letter: default,
});
