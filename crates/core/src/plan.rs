//! The action plan: one deduplicated, prioritised list of things to do, from
//! the action rules of the taxonomy plus incident-specific actions (offered
//! monitoring, settlement claims, company-specific steps).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::dataset::DataSet;
use crate::date::PartialDate;
use crate::exposure::{Confidence, ExposedType, Match};
use crate::model::{Recurrence, Severity, Urgency};

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

/// One step of an action, as a fact the words put into a language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Step {
    /// The cards were exposed long ago: check statements before replacing.
    CheckOldCards,
    /// The action's own step, by its place in the taxonomy.
    Rule { index: usize },
    /// A company-specific step of an incident (`extra_steps[index]`).
    Extra { incident: String, index: usize },
    /// Monitoring an incident offered (`remedies[index]`).
    Offer { incident: String, index: usize },
    /// A settlement's claim (`settlements[index]`).
    Claim { incident: String, index: usize },
    /// Monitoring a letter the person received offers.
    LetterOffer {
        sender: String,
        provider: Option<String>,
        months: Option<u32>,
        enroll_by: Option<PartialDate>,
    },
    /// Enrol with the letter's activation code; the offer is free.
    UseActivationCode,
}

/// A link of an action: its address and what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanLink {
    pub url: String,
    pub to: LinkTo,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LinkTo {
    /// The action's own link, by its place in the taxonomy.
    Rule { index: usize },
    /// Where to enrol in an incident's offer.
    Enrol { incident: String },
    /// Where to claim from a settlement (`settlements[index]`).
    Claim { incident: String, index: usize },
}

/// The condition of a narrow cohort (`Fit::OnlyIf`): an incident's, or
/// that of the client the match goes through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Condition {
    pub incident: String,
    pub client: Option<String>,
}

/// One action of the plan, as typed facts; `exposure-words` says it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedAction {
    /// A taxonomy action's id, or [`ENROLL_MONITORING`] / [`FILE_CLAIM`].
    pub id: String,
    pub urgency: Urgency,
    pub reasons: Vec<Reason>,
    /// Incidents behind this action (for incident-specific ones, the offers).
    pub incidents: Vec<String>,
    /// The person's companies those incidents reached them through (org
    /// ids, in the order of the check): the "why" names these.
    pub companies: Vec<String>,
    pub steps: Vec<Step>,
    pub links: Vec<PlanLink>,
    pub effort_minutes: u32,
    pub recurrence: Option<Recurrence>,
    /// Most harmful data type behind it.
    pub severity: Severity,
    /// Latest deadline among its offers or claims, if any.
    pub deadline: Option<PartialDate>,
    /// Every deadline behind it has passed (relative to the given day).
    pub expired: bool,
    pub checked: Option<PartialDate>,
    /// Every incident behind it is only a possible match: the action
    /// belongs under "if this applies to you", with these conditions (the
    /// narrow cohorts'; empty when the match is possible for another
    /// reason, such as a vendor relationship).
    pub conditional: bool,
    pub conditions: Vec<Condition>,
    /// The exposure behind it is more than three years old (a payment card
    /// long since replaced): checking beats replacing.
    pub old_exposure: bool,
}

/// How many years after an exposure a card is likely replaced already.
pub const OLD_EXPOSURE_YEARS: i32 = 3;

/// Builds the plan for the exposed types and the matches behind them.
/// `today` decides which deadlines have passed; `None` treats none as passed.
pub fn build_plan(
    ds: &DataSet,
    matches: &[Match],
    exposed: &[ExposedType],
    today: Option<PartialDate>,
) -> Vec<PlannedAction> {
    build_plan_with_letters(ds, matches, exposed, today, &[])
}

/// [`build_plan`], with the offers of the letters the person received.
pub fn build_plan_with_letters(
    ds: &DataSet,
    matches: &[Match],
    exposed: &[ExposedType],
    today: Option<PartialDate>,
    letters: &[crate::letter::Kept],
) -> Vec<PlannedAction> {
    // Filled by `extend`, not `collect`: collecting into a B-tree sorts
    // first, a sort compiled for each element type (see `crate::sort`).
    let mut exposed_by_id: BTreeMap<&str, &ExposedType> = BTreeMap::new();
    exposed_by_id.extend(exposed.iter().map(|e| (e.type_id.as_str(), e)));
    let mut live: BTreeSet<&str> = BTreeSet::new();
    live.extend(
        matches
            .iter()
            .filter(|m| m.confidence > Confidence::Unlikely)
            .map(|m| m.incident_id.as_str()),
    );
    // Incidents only possibly the person's: the best live match is possible.
    let mut best: BTreeMap<&str, Confidence> = BTreeMap::new();
    for m in matches
        .iter()
        .filter(|m| m.confidence > Confidence::Unlikely)
    {
        let slot = best.entry(m.incident_id.as_str()).or_insert(m.confidence);
        *slot = (*slot).max(m.confidence);
    }
    let mut conditions: BTreeMap<&str, Vec<Condition>> = BTreeMap::new();
    for m in matches
        .iter()
        .filter(|m| m.confidence == Confidence::Possible)
    {
        if let crate::exposure::Fit::OnlyIf { condition, client } = &m.fit {
            let list = conditions.entry(m.incident_id.as_str()).or_default();
            // One condition once, by its words (two clients may share them).
            let en = ds.texts(crate::lang::Lang::En);
            let same = |c: &Condition| {
                ds.incident(&c.incident)
                    .and_then(|inc| en.only_if(inc, c.client.as_deref()))
                    == Some(condition.as_str())
            };
            if !list.iter().any(same) {
                list.push(Condition {
                    incident: m.incident_id.clone(),
                    client: client.clone(),
                });
            }
        }
    }
    let only_possible = |incidents: &[String]| {
        !incidents.is_empty()
            && incidents
                .iter()
                .all(|i| best.get(i.as_str()) == Some(&Confidence::Possible))
    };
    let conditions_of = |incidents: &[String]| -> Vec<Condition> {
        let mut out: Vec<Condition> = Vec::new();
        for c in incidents
            .iter()
            .filter_map(|i| conditions.get(i.as_str()))
            .flatten()
        {
            if !out.contains(c) {
                out.push(c.clone());
            }
        }
        out
    };
    // Exposed more than three years before `today`: by its last breach date.
    let old = |incidents: &[String]| {
        let Some(now) = today else { return false };
        !incidents.is_empty()
            && incidents.iter().all(|i| {
                ds.incident(i)
                    .and_then(|x| x.breach_end.or(x.breach_start).or(x.disclosed))
                    .is_some_and(|d| now.year - d.year > OLD_EXPOSURE_YEARS)
            })
    };
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
        let mut extra: Vec<(String, usize)> = Vec::new();
        for inc_id in &live {
            if let Some(inc) = ds.incident(inc_id) {
                for (i, e) in inc.more().extra_steps.iter().enumerate() {
                    if e.action == def.id {
                        extra.push((inc.id.clone(), i));
                    }
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
        let mut incidents: BTreeSet<String> = BTreeSet::new();
        incidents.extend(reasons.iter().flat_map(|r| r.incidents.iter().cloned()));
        incidents.extend(extra.iter().map(|(i, _)| i.clone()));
        let incidents: Vec<String> = incidents.into_iter().collect();
        // A card exposed long ago is most likely replaced already.
        let card_reasons: Vec<String> = reasons
            .iter()
            .filter(|r| r.data_type == "payment_card")
            .flat_map(|r| r.incidents.iter().cloned())
            .collect();
        let old_exposure = def.id == "replace_payment_card" && old(&card_reasons);
        let mut steps: Vec<Step> = Vec::new();
        if old_exposure {
            steps.push(Step::CheckOldCards);
        }
        steps.extend((0..def.steps.len()).map(|index| Step::Rule { index }));
        steps.extend(
            extra
                .into_iter()
                .map(|(incident, index)| Step::Extra { incident, index }),
        );
        let links = def
            .links
            .iter()
            .enumerate()
            .map(|(index, l)| PlanLink {
                url: l.url.clone(),
                to: LinkTo::Rule { index },
            })
            .collect();
        plan.push(PlannedAction {
            id: def.id.clone(),
            urgency: if old_exposure && def.urgency == Urgency::Now {
                Urgency::ThisWeek
            } else {
                def.urgency
            },
            reasons,
            conditional: only_possible(&incidents),
            conditions: if only_possible(&incidents) {
                conditions_of(&incidents)
            } else {
                Vec::new()
            },
            old_exposure,
            incidents,
            companies: Vec::new(),
            steps,
            links,
            effort_minutes: def.effort_minutes,
            recurrence: def.recurrence.clone(),
            severity,
            deadline: None,
            expired: false,
            checked: Some(def.checked),
        });
    }

    for mut a in [
        monitoring_action(ds, &live, today, letters),
        claim_action(ds, &live, today),
    ]
    .into_iter()
    .flatten()
    {
        a.conditional = only_possible(&a.incidents);
        if a.conditional {
            a.conditions = conditions_of(&a.incidents);
        }
        plan.push(a);
    }

    // The companies behind each action, from the live matches.
    for a in &mut plan {
        let mut orgs: Vec<String> = Vec::new();
        for m in matches
            .iter()
            .filter(|m| m.confidence > Confidence::Unlikely && a.incidents.contains(&m.incident_id))
        {
            if !orgs.contains(&m.org_id) {
                orgs.push(m.org_id.clone());
            }
        }
        a.companies = orgs;
    }
    let rank = |id: &str| ds.action(id).map_or(50, |a| a.rank);
    crate::sort::sort_by(&mut plan, |a, b| {
        a.expired
            .cmp(&b.expired)
            .then(a.conditional.cmp(&b.conditional))
            .then(a.urgency.cmp(&b.urgency))
            .then(b.severity.cmp(&a.severity))
            .then(rank(&a.id).cmp(&rank(&b.id)))
            .then(a.id.cmp(&b.id))
    });
    plan
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
    steps: Vec<Step>,
    links: Vec<PlanLink>,
    incidents: Vec<String>,
    deadlines: Vec<Option<PartialDate>>,
}

impl Offers {
    fn add(
        &mut self,
        incident: &str,
        step: Step,
        link: Option<PlanLink>,
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
        id: &str,
        last_step: Option<Step>,
        effort_minutes: u32,
        severity: Severity,
        today: Option<PartialDate>,
    ) -> Option<PlannedAction> {
        if self.steps.is_empty() {
            return None;
        }
        let mut steps = self.steps;
        steps.extend(last_step);
        Some(PlannedAction {
            id: id.into(),
            urgency: Urgency::ThisWeek,
            reasons: Vec::new(),
            steps,
            links: self.links,
            effort_minutes,
            recurrence: None,
            severity,
            deadline: self.deadlines.iter().flatten().max().copied(),
            expired: all_past(&self.deadlines, today),
            checked: None,
            conditional: false,
            conditions: Vec::new(),
            old_exposure: false,
            incidents: self.incidents,
            companies: Vec::new(),
        })
    }
}

/// The monitoring the matched incidents offered, one step an offer.
fn monitoring_action(
    ds: &DataSet,
    live: &BTreeSet<&str>,
    today: Option<PartialDate>,
    letters: &[crate::letter::Kept],
) -> Option<PlannedAction> {
    let mut offers = Offers::default();
    // A letter's own offer: its deadline is the person's, whatever the
    // data says of the incident's.
    for k in letters {
        if k.enroll_by.is_none() && k.provider.is_none() && k.months.is_none() {
            continue;
        }
        let incident = k.incident.clone().unwrap_or_else(|| letter_source(k));
        let step = Step::LetterOffer {
            sender: k.sender_name().to_string(),
            provider: k.provider.clone(),
            months: k.months,
            enroll_by: k.enroll_by,
        };
        offers.add(&incident, step, None, k.enroll_by);
    }
    for inc in live.iter().filter_map(|i| ds.incident(i)) {
        for (index, r) in inc.more().remedies.iter().enumerate() {
            let link = r.url.as_ref().map(|u| PlanLink {
                url: u.clone(),
                to: LinkTo::Enrol {
                    incident: inc.id.clone(),
                },
            });
            let step = Step::Offer {
                incident: inc.id.clone(),
                index,
            };
            offers.add(&inc.id, step, link, r.enroll_by);
        }
    }
    offers.into_action(
        ENROLL_MONITORING,
        Some(Step::UseActivationCode),
        15,
        Severity::High,
        today,
    )
}

/// The id a letter without a known incident stands under in the exposure
/// summary and the plan: `letter:` and its sender's name.
pub fn letter_source(k: &crate::letter::Kept) -> String {
    format!("{LETTER_PREFIX}{}", k.sender_name())
}

/// See [`letter_source`].
pub const LETTER_PREFIX: &str = "letter:";

/// The settlements of the matched incidents that take claims.
fn claim_action(
    ds: &DataSet,
    live: &BTreeSet<&str>,
    today: Option<PartialDate>,
) -> Option<PlannedAction> {
    let mut offers = Offers::default();
    for inc in live.iter().filter_map(|i| ds.incident(i)) {
        for (index, s) in inc.more().settlements.iter().enumerate() {
            if s.claim_deadline.is_none() {
                continue;
            }
            let link = s.url.as_ref().map(|u| PlanLink {
                url: u.clone(),
                to: LinkTo::Claim {
                    incident: inc.id.clone(),
                    index,
                },
            });
            let step = Step::Claim {
                incident: inc.id.clone(),
                index,
            };
            offers.add(&inc.id, step, link, s.claim_deadline);
        }
    }
    offers.into_action(FILE_CLAIM, None, 20, Severity::Medium, today)
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
