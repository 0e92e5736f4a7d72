//! The headline answer of a check, as facts: how many of the person's
//! companies were in how many incidents, how sure, the most harmful data
//! exposed and through which companies, and the first steps of the plan.
//! The front ends put it into words (`exposure-words`).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::exposure::Confidence;
use crate::model::{Severity, Urgency};
use crate::report::Report;

/// Steps named in the verdict at the most.
pub const FIRST_STEPS: usize = 2;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// Companies the person named that the data knows, and names it does not.
    pub known: usize,
    pub unknown: usize,
    /// Known companies reached by at least one incident that may concern the
    /// person (not `unlikely`).
    pub companies_hit: usize,
    /// Those incidents, each counted once at the surest way it reaches the
    /// person.
    pub confirmed: usize,
    pub likely: usize,
    pub possible: usize,
    /// The most harmful data type exposed by a confirmed or likely incident
    /// (a possible one when nothing surer exposed anything).
    pub worst: Option<Worst>,
    /// The first "do now" actions of the plan, by id.
    pub first_steps: Vec<String>,
}

/// The most harmful data exposed, and the person's companies it came through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Worst {
    pub type_id: String,
    pub severity: Severity,
    /// Only from incidents that are at most `possible`.
    pub possible_only: bool,
    /// The person's companies (org ids) whose incidents exposed it.
    pub via: Vec<String>,
}

impl Verdict {
    /// Incidents in all.
    pub fn incidents(&self) -> usize {
        self.confirmed + self.likely + self.possible
    }
}

/// The verdict of a report.
pub fn verdict(report: &Report) -> Verdict {
    let known = report
        .companies
        .iter()
        .filter(|c| c.org_id.is_some())
        .count();
    let mut best: BTreeMap<&str, Confidence> = BTreeMap::new();
    let mut hit: BTreeSet<&str> = BTreeSet::new();
    for m in report.live_matches() {
        hit.insert(&m.org_id);
        let c = best.entry(&m.incident_id).or_insert(m.confidence);
        *c = (*c).max(m.confidence);
    }
    let count = |want: Confidence| best.values().filter(|&&c| c == want).count();
    // `exposed` is most harmful first; prefer what surer incidents exposed.
    let worst = [false, true].into_iter().find_map(|possible_only| {
        report.exposed.iter().find_map(|e| {
            let via: BTreeSet<&str> = report
                .live_matches()
                .filter(|m| e.incidents.contains(&m.incident_id))
                .filter(|m| possible_only || m.confidence > Confidence::Possible)
                .map(|m| m.org_id.as_str())
                .collect();
            (!via.is_empty()).then(|| Worst {
                type_id: e.type_id.clone(),
                severity: e.severity,
                possible_only,
                via: via.into_iter().map(String::from).collect(),
            })
        })
    });
    Verdict {
        known,
        unknown: report.companies.len() - known,
        companies_hit: hit.len(),
        confirmed: count(Confidence::Confirmed),
        likely: count(Confidence::Likely),
        possible: count(Confidence::Possible),
        worst,
        first_steps: report
            .plan
            .iter()
            .filter(|a| a.urgency == Urgency::Now && !a.expired)
            .take(FIRST_STEPS)
            .map(|a| a.id.clone())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    #[test]
    fn the_founding_cases_and_nothing_found() {
        let engine = Engine::bundled().unwrap();
        let report = engine.check_names(&["AT&T", "Bank of America", "Hollow Creek Bakery"], None);
        let v = verdict(&report);
        assert_eq!((v.known, v.unknown), (2, 1));
        assert_eq!(v.companies_hit, 2);
        assert!(v.confirmed >= 2, "{v:?}");
        let distinct: BTreeSet<&str> = report
            .live_matches()
            .map(|m| m.incident_id.as_str())
            .collect();
        assert_eq!(v.incidents(), distinct.len());
        let worst = v.worst.as_ref().expect("AT&T's incidents exposed SSNs");
        assert_eq!(worst.type_id, "ssn");
        assert!(!worst.possible_only);
        assert!(worst.via.contains(&"att".to_string()), "{worst:?}");
        assert!(!v.first_steps.is_empty() && v.first_steps.len() <= FIRST_STEPS);
        let none = verdict(&engine.check_names(&["Hollow Creek Bakery"], None));
        assert_eq!((none.known, none.unknown, none.incidents()), (0, 1, 0));
        assert!(none.worst.is_none() && none.first_steps.is_empty());
    }
}
