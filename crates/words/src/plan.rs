//! The plan in words: an action's title, why it is there, its steps, links
//! and conditions, from the typed facts of `exposure_core::plan`.

use exposure_core::dataset::DataSet;
use exposure_core::lang::{Lang, Locale, Texts};
use exposure_core::model::Link;
use exposure_core::plan::{Condition, LinkTo, PlannedAction, Step, ENROLL_MONITORING, FILE_CLAIM};
use exposure_core::report::ActionWords;
use exposure_core::PartialDate;

/// An action of the plan in words, with deadlines judged against `today`.
pub fn action_words(
    ds: &DataSet,
    locale: Locale,
    today: Option<PartialDate>,
    a: &PlannedAction,
) -> ActionWords {
    let t = ds.texts(locale);
    let def = ds.action(&a.id);
    ActionWords {
        title: title(t, a),
        because: match a.id.as_str() {
            _ if def.is_some() => because_sentence(t, a),
            ENROLL_MONITORING => offered_after(t, t.lang.pick("Offered after", "以下事件后提供"), a),
            FILE_CLAIM => offered_after(t, t.lang.pick("Settlements for", "以下事件的和解"), a),
            _ => String::new(),
        },
        summary: match (a.id.as_str(), def) {
            (_, Some(def)) => t.action_summary(def).to_string(),
            (ENROLL_MONITORING, None) => t
                .lang
                .pick(
                    "Companies that lose sensitive data often pay for credit or identity monitoring; it only helps if you enrol before the deadline.",
                    "泄露敏感数据的公司常会出钱为受影响者提供信用或身份监控服务；只有在截止日期前登记才有用。",
                )
                .to_string(),
            (FILE_CLAIM, None) => t
                .lang
                .pick(
                    "Class-action settlements pay people whose data was exposed, but only those who file a claim in time.",
                    "集体诉讼和解会向数据遭泄露的人付款，但只付给按时提交申请的人。",
                )
                .to_string(),
            _ => String::new(),
        },
        steps: a
            .steps
            .iter()
            .map(|s| step_words(t, today, a, s))
            .collect(),
        links: a.links.iter().map(|l| link_words(t, a, l)).collect(),
        elsewhere: def.and_then(|d| t.action_elsewhere(d)).map(String::from),
        conditions: a
            .conditions
            .iter()
            .filter_map(|c| condition(t, c))
            .map(String::from)
            .collect(),
    }
}

/// An action's title.
pub fn action_title(ds: &DataSet, locale: Locale, a: &PlannedAction) -> String {
    title(ds.texts(locale), a)
}

fn title(t: Texts, a: &PlannedAction) -> String {
    match (a.id.as_str(), t.ds.action(&a.id)) {
        (_, Some(def)) => t.action_title(def).to_string(),
        (ENROLL_MONITORING, None) => t
            .lang
            .pick(
                "Enrol in the free monitoring you were offered",
                "登记领取对方提供的免费监控服务",
            )
            .to_string(),
        (FILE_CLAIM, None) => t
            .lang
            .pick("File a settlement claim", "提交和解赔偿申请")
            .to_string(),
        (id, None) => id.to_string(),
    }
}

/// A narrow cohort's condition in the reader's language where the data
/// has it.
pub fn condition<'a>(t: Texts<'a>, c: &Condition) -> Option<&'a str> {
    let inc = t.ds.incident(&c.incident)?;
    t.only_if(inc, c.client.as_deref())
}

/// "Exposed: Social Security number, … — through AT&T and Bank of
/// America." The companies the person named, not incident titles (a
/// letter's data: "your letter from X").
fn because_sentence(t: Texts, a: &PlannedAction) -> String {
    if a.reasons.is_empty() {
        return String::new();
    }
    let types: Vec<&str> = a
        .reasons
        .iter()
        .map(|r| t.type_name(&r.data_type))
        .collect();
    let via = through(t, a);
    match t.lang {
        Lang::En => format!("Exposed: {} — through {via}.", types.join(", ")),
        Lang::Zh => format!("泄露的数据：{}——经由{via}。", t.list(&types)),
    }
}

/// The "why" in one short line for the page, the full one behind it:
/// "Social Security number, Passport number and 3 more — through JPMorgan
/// Chase, Aflac and 2 more."
pub fn because_brief(ds: &DataSet, locale: Locale, a: &PlannedAction) -> String {
    let t = ds.texts(locale);
    let offer = match a.id.as_str() {
        ENROLL_MONITORING => Some(t.lang.pick("Offered by", "提供方")),
        FILE_CLAIM => Some(t.lang.pick("Settlements for breaches at", "和解涉及")),
        _ => None,
    };
    if offer.is_none() && (ds.action(&a.id).is_none() || a.reasons.is_empty()) {
        return action_words(ds, locale, None, a).because;
    }
    let types: Vec<&str> = a
        .reasons
        .iter()
        .map(|r| t.type_name(&r.data_type))
        .collect();
    let names = through_names(t, a);
    let brief = |items: Vec<&str>, unit: &str| -> String {
        const SHOWN: usize = 2;
        let n = items.len();
        if n <= SHOWN + 1 {
            return match t.lang {
                Lang::En if n > 1 => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
                Lang::En => items.join(""),
                Lang::Zh => t.list(&items),
            };
        }
        let more = n - SHOWN;
        match t.lang {
            Lang::En => format!("{} and {more} more", items[..SHOWN].join(", ")),
            Lang::Zh => format!("{}等 {n} {unit}", items[..SHOWN].join("、")),
        }
    };
    let via = brief(names.iter().map(String::as_str).collect(), "家");
    if let Some(label) = offer {
        // The companies whose breaches led to the offers or settlements.
        return match t.lang {
            Lang::En => format!("{label} {via}."),
            Lang::Zh => format!("{label}：{via}。"),
        };
    }
    let what = brief(types, "项");
    match t.lang {
        Lang::En => format!("{what} — through {via}."),
        Lang::Zh => format!("{what}——经由{via}。"),
    }
}

/// The companies behind an action, and the letters whose data it answers.
fn through(t: Texts, a: &PlannedAction) -> String {
    let mut names = through_names(t, a);
    match t.lang {
        Lang::En => match names.len() {
            0 => String::new(),
            1 => names.remove(0),
            n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
        },
        Lang::Zh => names.join("、"),
    }
}

/// The names `through` lists.
fn through_names(t: Texts, a: &PlannedAction) -> Vec<String> {
    let mut names: Vec<String> = a
        .companies
        .iter()
        .map(|id| crate::org_name(t.ds, id, t.lang).to_string())
        .collect();
    for i in &a.incidents {
        if i.starts_with(exposure_core::plan::LETTER_PREFIX) {
            names.push(source_name(t, i));
        }
    }
    if names.is_empty() {
        names.extend(a.incidents.iter().map(|i| source_name(t, i)));
    }
    names
}

/// An incident's title, or "your letter from X" for a letter's data.
pub fn source_name(t: Texts, id: &str) -> String {
    if let Some(sender) = id.strip_prefix(exposure_core::plan::LETTER_PREFIX) {
        return match t.lang {
            Lang::En => format!("your letter from {sender}"),
            Lang::Zh => format!("你收到的{sender}来信"),
        };
    }
    t.ds.incident(id).map_or_else(
        || id.to_string(),
        |x| crate::incident_title(t, x).into_owned(),
    )
}

/// "Offered after: <titles>." for an action made of offers.
fn offered_after(t: Texts, lead: &str, a: &PlannedAction) -> String {
    let titles = a
        .incidents
        .iter()
        .map(|i| source_name(t, i))
        .collect::<Vec<_>>()
        .join(t.lang.pick("; ", "；"));
    format!(
        "{lead}{}{titles}{}",
        t.lang.pick(": ", "："),
        t.lang.pick(".", "。")
    )
}

fn step_words(t: Texts, today: Option<PartialDate>, a: &PlannedAction, s: &Step) -> String {
    let ds = t.ds;
    let zh = t.lang == Lang::Zh;
    match s {
        Step::CheckOldCards => t
            .lang
            .pick(
                "These card numbers were exposed more than three years ago: check your statements, and replace the card only if it is still the same card.",
                "这些卡号是三年多以前泄露的：请核对账单；只有在仍使用同一张卡时才需要换卡。",
            )
            .to_string(),
        Step::Rule { index } => ds
            .action(&a.id)
            .and_then(|def| t.action_steps(def).get(*index).copied())
            .unwrap_or_default()
            .to_string(),
        Step::Extra { incident, index } => {
            let Some(inc) = ds.incident(incident) else {
                return String::new();
            };
            let text = t.extra_step(inc, *index);
            match inc.more().extra_steps.get(*index).and_then(|e| e.url.as_ref()) {
                Some(u) => format!("{text} ({u})"),
                None => text.to_string(),
            }
        }
        Step::Offer { incident, index } => {
            let Some((inc, r)) = ds
                .incident(incident)
                .and_then(|inc| Some((inc, inc.more().remedies.get(*index)?)))
            else {
                return String::new();
            };
            let title = crate::incident_title(t, inc);
            let what = crate::remedy_label(t.lang, r.kind);
            let deadline = deadline_phrase(t, r.enroll_by, today);
            let how = t.remedy_how(inc, *index);
            if zh {
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
            }
        }
        Step::Claim { incident, index } => {
            let Some((inc, s)) = ds
                .incident(incident)
                .and_then(|inc| Some((inc, inc.more().settlements.get(*index)?)))
            else {
                return String::new();
            };
            let name = t.settlement_name(inc, *index);
            let deadline = deadline_phrase(t, s.claim_deadline, today);
            let note = t.settlement_note(inc, *index);
            if zh {
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
            }
        }
        Step::LetterOffer {
            sender,
            provider,
            months,
            enroll_by,
        } => {
            let deadline = deadline_phrase(t, *enroll_by, today);
            if zh {
                let months = months.map(|m| format!("{m}个月的")).unwrap_or_default();
                let provider = provider
                    .as_ref()
                    .map(|p| format!("（由 {p} 提供）"))
                    .unwrap_or_default();
                format!("你收到的{sender}来信：提供了免费的{months}监控服务{provider}。{deadline}")
            } else {
                let months = months.map(|m| format!("{m} months of ")).unwrap_or_default();
                let provider = provider
                    .as_ref()
                    .map(|p| format!(" through {p}"))
                    .unwrap_or_default();
                format!("Your letter from {sender}: free {months}monitoring{provider} was offered.{deadline}")
            }
        }
        Step::UseActivationCode => t
            .lang
            .pick(
                "Use the activation code from the notification letter; the offer is free, never pay for it.",
                "使用通知信中的激活码登记；这项服务是免费的，绝不要为此付费。",
            )
            .to_string(),
    }
}

fn link_words(t: Texts, a: &PlannedAction, l: &exposure_core::plan::PlanLink) -> Link {
    let ds = t.ds;
    let label = match &l.to {
        LinkTo::Rule { index } => ds
            .action(&a.id)
            .and_then(|def| t.action_link_label(def, *index))
            .unwrap_or_default()
            .to_string(),
        LinkTo::Enrol { incident } => format!(
            "{}{}",
            t.lang.pick("Enrol: ", "登记："),
            ds.incident(incident)
                .map_or(incident.into(), |x| crate::incident_title(t, x))
        ),
        LinkTo::Claim { incident, index } => format!(
            "{}{}",
            t.lang.pick("Claim: ", "申请："),
            ds.incident(incident)
                .map_or("", |inc| t.settlement_name(inc, *index))
        ),
    };
    Link {
        label,
        url: l.url.clone(),
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

use exposure_core::plan::group_thousands;
