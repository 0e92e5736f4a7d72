//! The action plan: one deduplicated, prioritised list of things to do, from
//! the action rules of the taxonomy plus incident-specific actions (offered
//! monitoring, settlement claims, company-specific steps).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::dataset::DataSet;
use crate::date::PartialDate;
use crate::exposure::{Confidence, ExposedType, Match};
use crate::model::{Link, Recurrence, RemedyKind, Severity, Urgency};

/// Id of the generated action for monitoring an incident offered.
pub const ENROLL_MONITORING: &str = "enroll_offered_monitoring";
/// Id of the generated action for settlement claims.
pub const FILE_CLAIM: &str = "file_settlement_claim";

/// Why an action is in the plan: a data type and the incidents that exposed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub data_type: String,
    pub incidents: Vec<String>,
}

/// One action of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedAction {
    pub id: String,
    pub title: String,
    pub urgency: Urgency,
    /// One plain sentence: which data, which incidents.
    pub because: String,
    pub reasons: Vec<Reason>,
    /// Incidents behind this action (for incident-specific ones, the offers).
    pub incidents: Vec<String>,
    pub summary: String,
    pub steps: Vec<String>,
    pub links: Vec<Link>,
    pub effort_minutes: u32,
    pub recurrence: Option<Recurrence>,
    /// Most harmful data type behind it.
    pub severity: Severity,
    /// Latest deadline among its offers or claims, if any.
    pub deadline: Option<PartialDate>,
    /// Every deadline behind it has passed (relative to the given day).
    pub expired: bool,
    pub checked: Option<PartialDate>,
    /// General advice for visitors outside the regions the steps are for.
    pub elsewhere: Option<String>,
}

/// Builds the plan for the exposed types and the matches behind them.
/// `today` decides which deadlines have passed; `None` treats none as passed.
pub fn build_plan(
    ds: &DataSet,
    matches: &[Match],
    exposed: &[ExposedType],
    today: Option<PartialDate>,
) -> Vec<PlannedAction> {
    let exposed_by_id: BTreeMap<&str, &ExposedType> =
        exposed.iter().map(|e| (e.type_id.as_str(), e)).collect();
    let live: BTreeSet<&str> = matches
        .iter()
        .filter(|m| m.confidence > Confidence::Unlikely)
        .map(|m| m.incident_id.as_str())
        .collect();
    let mut plan: Vec<PlannedAction> = Vec::new();

    for def in &ds.taxonomy.actions {
        let reasons: Vec<Reason> = def
            .triggers
            .iter()
            .filter_map(|t| exposed_by_id.get(t.as_str()))
            .map(|e| Reason {
                data_type: e.type_id.clone(),
                incidents: e.incidents.clone(),
            })
            .collect();
        // Company-specific steps that join this action.
        let mut extra: Vec<(String, String)> = Vec::new();
        for inc_id in &live {
            if let Some(inc) = ds.incident(inc_id) {
                for e in inc.extra_steps.iter().filter(|e| e.action == def.id) {
                    let text = match &e.url {
                        Some(u) => format!("{} ({u})", e.text),
                        None => e.text.clone(),
                    };
                    extra.push((inc.id.clone(), text));
                }
            }
        }
        if reasons.is_empty() && extra.is_empty() {
            continue;
        }
        let severity = reasons
            .iter()
            .filter_map(|r| ds.data_type(&r.data_type).map(|d| d.severity))
            .max()
            .unwrap_or(Severity::Medium);
        let mut incidents: BTreeSet<String> = reasons
            .iter()
            .flat_map(|r| r.incidents.iter().cloned())
            .collect();
        incidents.extend(extra.iter().map(|(i, _)| i.clone()));
        let mut steps = def.steps.clone();
        steps.extend(extra.into_iter().map(|(_, t)| t));
        plan.push(PlannedAction {
            id: def.id.clone(),
            title: def.title.clone(),
            urgency: def.urgency,
            because: because_sentence(ds, &reasons),
            reasons,
            incidents: incidents.into_iter().collect(),
            summary: def.summary.clone(),
            steps,
            links: def.links.clone(),
            effort_minutes: def.effort_minutes,
            recurrence: def.recurrence.clone(),
            severity,
            deadline: None,
            expired: false,
            checked: Some(def.checked),
            elsewhere: def.elsewhere.clone(),
        });
    }

    if let Some(a) = monitoring_action(ds, &live, today) {
        plan.push(a);
    }
    if let Some(a) = claim_action(ds, &live, today) {
        plan.push(a);
    }

    let rank = |id: &str| ds.action(id).map_or(50, |a| a.rank);
    plan.sort_by(|a, b| {
        a.expired
            .cmp(&b.expired)
            .then(a.urgency.cmp(&b.urgency))
            .then(b.severity.cmp(&a.severity))
            .then(rank(&a.id).cmp(&rank(&b.id)))
            .then(a.id.cmp(&b.id))
    });
    plan
}

fn because_sentence(ds: &DataSet, reasons: &[Reason]) -> String {
    if reasons.is_empty() {
        return String::new();
    }
    let types: Vec<&str> = reasons.iter().map(|r| ds.type_name(&r.data_type)).collect();
    let incidents: BTreeSet<&str> = reasons
        .iter()
        .flat_map(|r| r.incidents.iter())
        .map(|i| ds.incident(i).map_or(i.as_str(), |x| x.title.as_str()))
        .collect();
    format!(
        "Exposed: {} — in {}.",
        types.join(", "),
        incidents.into_iter().collect::<Vec<_>>().join("; ")
    )
}

fn deadline_phrase(d: Option<PartialDate>, today: Option<PartialDate>) -> String {
    match (d, today) {
        (Some(d), Some(t)) if d.is_past(&t) => {
            format!(" The deadline was {} and has passed.", d.human())
        }
        (Some(d), _) => format!(" Deadline: {}.", d.human()),
        (None, _) => String::new(),
    }
}

/// Every deadline is known and past.
fn all_past(deadlines: &[Option<PartialDate>], today: Option<PartialDate>) -> bool {
    let Some(t) = today else { return false };
    !deadlines.is_empty() && deadlines.iter().all(|d| d.is_some_and(|d| d.is_past(&t)))
}

/// Offers (monitoring) or claims (settlements) gathered from the matched
/// incidents; they become one action, one step per offer.
#[derive(Default)]
struct Offers {
    steps: Vec<String>,
    links: Vec<Link>,
    incidents: Vec<String>,
    deadlines: Vec<Option<PartialDate>>,
}

/// The fixed parts of an action made of offers.
struct OfferAction {
    id: &'static str,
    title: &'static str,
    because: &'static str,
    summary: &'static str,
    last_step: Option<&'static str>,
    effort_minutes: u32,
    severity: Severity,
}

impl Offers {
    fn add(
        &mut self,
        incident: &str,
        step: String,
        link: Option<Link>,
        deadline: Option<PartialDate>,
    ) {
        self.steps.push(step);
        if let Some(l) = link {
            if !self.links.iter().any(|x| x.url == l.url) {
                self.links.push(l);
            }
        }
        if self.incidents.last().map(String::as_str) != Some(incident) {
            self.incidents.push(incident.to_string());
        }
        self.deadlines.push(deadline);
    }

    fn into_action(
        self,
        ds: &DataSet,
        today: Option<PartialDate>,
        a: OfferAction,
    ) -> Option<PlannedAction> {
        if self.steps.is_empty() {
            return None;
        }
        let mut steps = self.steps;
        steps.extend(a.last_step.map(String::from));
        Some(PlannedAction {
            id: a.id.into(),
            title: a.title.into(),
            urgency: Urgency::ThisWeek,
            because: format!("{}: {}.", a.because, titles(ds, &self.incidents)),
            reasons: Vec::new(),
            summary: a.summary.into(),
            steps,
            links: self.links,
            effort_minutes: a.effort_minutes,
            recurrence: None,
            severity: a.severity,
            deadline: self.deadlines.iter().flatten().max().copied(),
            expired: all_past(&self.deadlines, today),
            checked: None,
            elsewhere: None,
            incidents: self.incidents,
        })
    }
}

fn monitoring_action(
    ds: &DataSet,
    live: &BTreeSet<&str>,
    today: Option<PartialDate>,
) -> Option<PlannedAction> {
    let mut offers = Offers::default();
    for inc in live.iter().filter_map(|i| ds.incident(i)) {
        for r in &inc.remedies {
            let what = match r.kind {
                RemedyKind::CreditMonitoring => "credit monitoring",
                RemedyKind::IdentityMonitoring => "identity monitoring",
            };
            let months = r
                .months
                .map(|m| format!("{m} months of "))
                .unwrap_or_default();
            let provider = r
                .provider
                .as_ref()
                .map(|p| format!(" through {p}"))
                .unwrap_or_default();
            let how = r.how.as_ref().map(|h| format!(" {h}")).unwrap_or_default();
            let step = format!(
                "{}: free {months}{what}{provider} was offered.{how}{}",
                inc.title,
                deadline_phrase(r.enroll_by, today)
            );
            let link = r.url.as_ref().map(|u| Link {
                label: format!("Enrol: {}", inc.title),
                url: u.clone(),
            });
            offers.add(&inc.id, step, link, r.enroll_by);
        }
    }
    offers.into_action(
        ds,
        today,
        OfferAction {
            id: ENROLL_MONITORING,
            title: "Enrol in the free monitoring you were offered",
            because: "Offered after",
            summary: "Companies that lose sensitive data often pay for credit or identity monitoring; it only helps if you enrol before the deadline.",
            last_step: Some("Use the activation code from the notification letter; the offer is free, never pay for it."),
            effort_minutes: 15,
            severity: Severity::High,
        },
    )
}

fn claim_action(
    ds: &DataSet,
    live: &BTreeSet<&str>,
    today: Option<PartialDate>,
) -> Option<PlannedAction> {
    let mut offers = Offers::default();
    for inc in live.iter().filter_map(|i| ds.incident(i)) {
        for s in inc
            .settlements
            .iter()
            .filter(|s| s.claim_deadline.is_some())
        {
            let amount = s
                .amount_usd
                .map(|a| format!(" (USD {})", group_thousands(a)))
                .unwrap_or_default();
            let note = s.note.as_ref().map(|n| format!(" {n}")).unwrap_or_default();
            let step = format!(
                "{}{amount}.{note}{}",
                s.name,
                deadline_phrase(s.claim_deadline, today)
            );
            let link = s.url.as_ref().map(|u| Link {
                label: format!("Claim: {}", s.name),
                url: u.clone(),
            });
            offers.add(&inc.id, step, link, s.claim_deadline);
        }
    }
    offers.into_action(
        ds,
        today,
        OfferAction {
            id: FILE_CLAIM,
            title: "File a settlement claim",
            because: "Settlements for",
            summary: "Class-action settlements pay people whose data was exposed, but only those who file a claim in time.",
            last_step: None,
            effort_minutes: 20,
            severity: Severity::Medium,
        },
    )
}

fn titles(ds: &DataSet, ids: &[String]) -> String {
    ids.iter()
        .map(|i| ds.incident(i).map_or(i.as_str(), |x| x.title.as_str()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// 6078263 → "6,078,263".
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_table() {
        for (n, s) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (6078263, "6,078,263"),
            (110_000_000, "110,000,000"),
        ] {
            assert_eq!(group_thousands(n), s);
        }
    }
}
