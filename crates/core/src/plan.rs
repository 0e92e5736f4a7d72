//! The action plan: one deduplicated, prioritised list of things to do, from
//! the action rules of the taxonomy plus incident-specific actions (offered
//! monitoring, settlement claims, company-specific steps).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::dataset::DataSet;
use crate::date::PartialDate;
use crate::exposure::{Confidence, ExposedType, Match};
use crate::lang::{Lang, Locale, Texts};
use crate::model::{Link, Recurrence, Severity, Urgency};

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
    /// Every incident behind it is only a possible match: the action
    /// belongs under "if this applies to you", with these conditions (the
    /// narrow cohorts' own words; empty when the match is possible for
    /// another reason, such as a vendor relationship).
    pub conditional: bool,
    pub conditions: Vec<String>,
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
    build_plan_in(ds, matches, exposed, today, Lang::En.into())
}

/// [`build_plan`], with every text in `locale`.
pub fn build_plan_in(
    ds: &DataSet,
    matches: &[Match],
    exposed: &[ExposedType],
    today: Option<PartialDate>,
    locale: Locale,
) -> Vec<PlannedAction> {
    let t = ds.texts(locale);
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
    let mut conditions: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for m in matches
        .iter()
        .filter(|m| m.confidence == Confidence::Possible)
    {
        if let crate::exposure::Fit::OnlyIf { condition } = &m.fit {
            let list = conditions.entry(m.incident_id.as_str()).or_default();
            if !list.contains(condition) {
                list.push(condition.clone());
            }
        }
    }
    let only_possible = |incidents: &[String]| {
        !incidents.is_empty()
            && incidents
                .iter()
                .all(|i| best.get(i.as_str()) == Some(&Confidence::Possible))
    };
    let conditions_of = |incidents: &[String]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
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
        let mut extra: Vec<(String, String)> = Vec::new();
        for inc_id in &live {
            if let Some(inc) = ds.incident(inc_id) {
                for (i, e) in inc.extra_steps.iter().enumerate() {
                    if e.action != def.id {
                        continue;
                    }
                    let text = t.extra_step(inc, i);
                    let text = match &e.url {
                        Some(u) => format!("{text} ({u})"),
                        None => text.to_string(),
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
        let mut steps: Vec<String> = Vec::new();
        if old_exposure {
            steps.push(
                t.lang
                    .pick(
                        "These card numbers were exposed more than three years ago: check your statements, and replace the card only if it is still the same card.",
                        "这些卡号是三年多以前泄露的：请核对账单；只有在仍使用同一张卡时才需要换卡。",
                    )
                    .to_string(),
            );
        }
        steps.extend(t.action_steps(def).into_iter().map(String::from));
        steps.extend(extra.into_iter().map(|(_, text)| text));
        let links = def
            .links
            .iter()
            .enumerate()
            .map(|(i, l)| Link {
                label: t.action_link_label(def, i).unwrap_or(&l.label).to_string(),
                url: l.url.clone(),
            })
            .collect();
        plan.push(PlannedAction {
            id: def.id.clone(),
            title: t.action_title(def).to_string(),
            urgency: if old_exposure && def.urgency == Urgency::Now {
                Urgency::ThisWeek
            } else {
                def.urgency
            },
            because: because_sentence(t, &reasons),
            reasons,
            conditional: only_possible(&incidents),
            conditions: if only_possible(&incidents) {
                conditions_of(&incidents)
            } else {
                Vec::new()
            },
            old_exposure,
            incidents,
            summary: t.action_summary(def).to_string(),
            steps,
            links,
            effort_minutes: def.effort_minutes,
            recurrence: def.recurrence.clone(),
            severity,
            deadline: None,
            expired: false,
            checked: Some(def.checked),
            elsewhere: t.action_elsewhere(def).map(String::from),
        });
    }

    for mut a in [
        monitoring_action(t, &live, today),
        claim_action(t, &live, today),
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

fn because_sentence(t: Texts, reasons: &[Reason]) -> String {
    if reasons.is_empty() {
        return String::new();
    }
    let ds = t.ds;
    let types: Vec<&str> = reasons.iter().map(|r| t.type_name(&r.data_type)).collect();
    let mut incidents: BTreeSet<&str> = BTreeSet::new();
    incidents.extend(
        reasons
            .iter()
            .flat_map(|r| r.incidents.iter())
            .map(|i| ds.incident(i).map_or(i.as_str(), |x| t.incident_title(x))),
    );
    let incidents = incidents.into_iter().collect::<Vec<_>>();
    match t.lang {
        Lang::En => format!(
            "Exposed: {} — in {}.",
            types.join(", "),
            incidents.join("; ")
        ),
        Lang::Zh => format!(
            "泄露的数据：{}——见于{}。",
            t.list(&types),
            incidents.join("；")
        ),
    }
}

fn deadline_phrase(t: Texts, d: Option<PartialDate>, today: Option<PartialDate>) -> String {
    let zh = t.lang == Lang::Zh;
    match (d, today) {
        (Some(d), Some(now)) if d.is_past(&now) => {
            if zh {
                format!("截止日期为{}，已经过期。", t.date(d))
            } else {
                format!(" The deadline was {} and has passed.", d.human())
            }
        }
        (Some(d), _) if zh => format!("截止日期：{}。", t.date(d)),
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
    /// Followed by the incidents' titles.
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
        t: Texts,
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
            because: format!(
                "{}{}{}{}",
                a.because,
                t.lang.pick(": ", "："),
                titles(t, &self.incidents),
                t.lang.pick(".", "。")
            ),
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
            conditional: false,
            conditions: Vec::new(),
            old_exposure: false,
            incidents: self.incidents,
        })
    }
}

fn monitoring_action(
    t: Texts,
    live: &BTreeSet<&str>,
    today: Option<PartialDate>,
) -> Option<PlannedAction> {
    let zh = t.lang == Lang::Zh;
    let mut offers = Offers::default();
    for inc in live.iter().filter_map(|i| t.ds.incident(i)) {
        let title = t.incident_title(inc);
        for (i, r) in inc.remedies.iter().enumerate() {
            let what = t.remedy_kind(r.kind);
            let deadline = deadline_phrase(t, r.enroll_by, today);
            let how = t.remedy_how(inc, i);
            let step = if zh {
                let months = r.months.map(|m| format!("{m}个月的")).unwrap_or_default();
                let provider = r
                    .provider
                    .as_ref()
                    .map(|p| format!("（由 {p} 提供）"))
                    .unwrap_or_default();
                format!(
                    "{title}：提供了免费的{months}{what}{provider}。{}{deadline}",
                    how.unwrap_or_default()
                )
            } else {
                let months = r
                    .months
                    .map(|m| format!("{m} months of "))
                    .unwrap_or_default();
                let provider = r
                    .provider
                    .as_ref()
                    .map(|p| format!(" through {p}"))
                    .unwrap_or_default();
                let how = how.map(|h| format!(" {h}")).unwrap_or_default();
                format!("{title}: free {months}{what}{provider} was offered.{how}{deadline}")
            };
            let link = r.url.as_ref().map(|u| Link {
                label: format!("{}{title}", t.lang.pick("Enrol: ", "登记：")),
                url: u.clone(),
            });
            offers.add(&inc.id, step, link, r.enroll_by);
        }
    }
    let l = t.lang;
    offers.into_action(
        t,
        today,
        OfferAction {
            id: ENROLL_MONITORING,
            title: l.pick(
                "Enrol in the free monitoring you were offered",
                "登记领取对方提供的免费监控服务",
            ),
            because: l.pick("Offered after", "以下事件后提供"),
            summary: l.pick(
                "Companies that lose sensitive data often pay for credit or identity monitoring; it only helps if you enrol before the deadline.",
                "泄露敏感数据的公司常会出钱为受影响者提供信用或身份监控服务；只有在截止日期前登记才有用。",
            ),
            last_step: Some(l.pick(
                "Use the activation code from the notification letter; the offer is free, never pay for it.",
                "使用通知信中的激活码登记；这项服务是免费的，绝不要为此付费。",
            )),
            effort_minutes: 15,
            severity: Severity::High,
        },
    )
}

fn claim_action(
    t: Texts,
    live: &BTreeSet<&str>,
    today: Option<PartialDate>,
) -> Option<PlannedAction> {
    let zh = t.lang == Lang::Zh;
    let mut offers = Offers::default();
    for inc in live.iter().filter_map(|i| t.ds.incident(i)) {
        for (i, s) in inc.settlements.iter().enumerate() {
            if s.claim_deadline.is_none() {
                continue;
            }
            let name = t.settlement_name(inc, i);
            let deadline = deadline_phrase(t, s.claim_deadline, today);
            let note = t.settlement_note(inc, i);
            let step = if zh {
                let amount = s
                    .amount_usd
                    .map(|a| format!("（{}美元）", group_thousands(a)))
                    .unwrap_or_default();
                format!("{name}{amount}。{}{deadline}", note.unwrap_or_default())
            } else {
                let amount = s
                    .amount_usd
                    .map(|a| format!(" (USD {})", group_thousands(a)))
                    .unwrap_or_default();
                let note = note.map(|n| format!(" {n}")).unwrap_or_default();
                format!("{name}{amount}.{note}{deadline}")
            };
            let link = s.url.as_ref().map(|u| Link {
                label: format!("{}{name}", t.lang.pick("Claim: ", "申请：")),
                url: u.clone(),
            });
            offers.add(&inc.id, step, link, s.claim_deadline);
        }
    }
    let l = t.lang;
    offers.into_action(
        t,
        today,
        OfferAction {
            id: FILE_CLAIM,
            title: l.pick("File a settlement claim", "提交和解赔偿申请"),
            because: l.pick("Settlements for", "以下事件的和解"),
            summary: l.pick(
                "Class-action settlements pay people whose data was exposed, but only those who file a claim in time.",
                "集体诉讼和解会向数据遭泄露的人付款，但只付给按时提交申请的人。",
            ),
            last_step: None,
            effort_minutes: 20,
            severity: Severity::Medium,
        },
    )
}

fn titles(t: Texts, ids: &[String]) -> String {
    ids.iter()
        .map(|i| t.ds.incident(i).map_or(i.as_str(), |x| t.incident_title(x)))
        .collect::<Vec<_>>()
        .join(t.lang.pick("; ", "；"))
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
