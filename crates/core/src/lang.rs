//! The data in the person's language. English is the data itself; Chinese
//! comes from `static/data/zh.json`, looked up by id, with English wherever
//! a text has no translation (only the founding incidents' long texts are
//! translated; every data type, action and incident title is).

use std::collections::HashMap;

use serde::Serialize;

use crate::json::json_struct;

use crate::dataset::DataSet;
use crate::date::PartialDate;
use crate::model::{ActionDef, Incident};

/// The languages the page speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

// As serde writes it (a letter's language, `Letter::lang`).
crate::json::json_enum!(Lang { En = "En", Zh = "Zh" });

impl Lang {
    /// The value of `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// `zh`, `zh-CN`, `zh-Hans`… are Chinese; anything else is English.
    pub fn from_code(code: &str) -> Lang {
        if code.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// A date as people write it: "Oct 29, 2023" or "2023年10月29日".
    pub fn date(self, d: PartialDate) -> String {
        match self {
            Lang::En => d.human(),
            Lang::Zh => match (d.month, d.day) {
                (Some(m), Some(day)) => format!("{}年{}月{}日", d.year, m, day),
                (Some(m), None) => format!("{}年{}月", d.year, m),
                _ => format!("{}年", d.year),
            },
        }
    }

    /// The English or the Chinese of a fixed text.
    pub fn pick(self, en: &'static str, zh: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// The Chinese texts of the data (`zh.json`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Translations {
    pub schema_version: u32,
    pub data_types: HashMap<String, TypeText>,
    pub actions: HashMap<String, ActionText>,
    pub incidents: HashMap<String, IncidentText>,
    /// What a vendor does for its client (a relationship's `service`), by
    /// the English text.
    pub services: HashMap<String, String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TypeText {
    pub name: String,
    pub harm: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ActionText {
    pub title: String,
    pub summary: String,
    pub steps: Vec<String>,
    /// Labels of the action's links, in order.
    pub links: Vec<String>,
    pub elsewhere: Option<String>,
    /// A recurring step's reminder (`recurrence.reminder`).
    pub reminder: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IncidentText {
    pub title: String,
    pub summary: Option<String>,
    pub cohort: Option<String>,
    /// Notes of the affected clients, by org id.
    pub clients: HashMap<String, String>,
    /// `how` of each remedy, in order ("" when it has none).
    pub remedies: Vec<String>,
    pub settlements: Vec<SettlementText>,
    /// Text of each extra step, in order.
    pub extra_steps: Vec<String>,
    /// The narrow cohort's condition (`cohort.only_if`).
    pub only_if: Option<String>,
    /// Each client's condition (`affected_clients[].only_if`), by org id.
    pub clients_only_if: HashMap<String, String>,
    /// Who did it, in words (`actor`; group names stay as they are).
    pub actor: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SettlementText {
    pub name: Option<String>,
    pub note: Option<String>,
}

impl Translations {
    /// Reads `zh.json`.
    pub fn from_json(zh: &str) -> Result<Translations, crate::dataset::LoadError> {
        crate::dataset::parse("zh.json", zh)
    }
}

/// A language and, for Chinese, the data's Chinese texts when they are
/// loaded: the value rendering is given (the texts are never part of the
/// data set). A `Lang` alone is a locale without data texts, which shows
/// the data's English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Locale<'a> {
    pub lang: Lang,
    pub zh: Option<&'a Translations>,
}

impl<'a> Locale<'a> {
    pub fn new(lang: Lang, zh: Option<&'a Translations>) -> Locale<'a> {
        Locale { lang, zh }
    }
}

impl<'a> From<Lang> for Locale<'a> {
    fn from(lang: Lang) -> Locale<'a> {
        Locale { lang, zh: None }
    }
}

/// The data's texts in one language.
#[derive(Debug, Clone, Copy)]
pub struct Texts<'a> {
    pub ds: &'a DataSet,
    pub lang: Lang,
    zh: Option<&'a Translations>,
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.trim().is_empty()).then_some(s)
}

impl<'a> Texts<'a> {
    fn zh_type(&self, id: &str) -> Option<&'a TypeText> {
        (self.lang == Lang::Zh)
            .then(|| self.zh?.data_types.get(id))
            .flatten()
    }

    fn zh_action(&self, id: &str) -> Option<&'a ActionText> {
        (self.lang == Lang::Zh)
            .then(|| self.zh?.actions.get(id))
            .flatten()
    }

    fn zh_incident(&self, id: &str) -> Option<&'a IncidentText> {
        (self.lang == Lang::Zh)
            .then(|| self.zh?.incidents.get(id))
            .flatten()
    }

    pub fn type_name(&self, id: &'a str) -> &'a str {
        self.zh_type(id)
            .and_then(|t| non_empty(&t.name))
            .unwrap_or_else(|| self.ds.type_name(id))
    }

    pub fn type_harm(&self, id: &str) -> Option<&'a str> {
        self.zh_type(id)
            .and_then(|t| non_empty(&t.harm))
            .or_else(|| self.ds.data_type(id).map(|t| t.harm.as_str()))
    }

    pub fn action_title(&self, a: &'a ActionDef) -> &'a str {
        self.zh_action(&a.id)
            .and_then(|t| non_empty(&t.title))
            .unwrap_or(&a.title)
    }

    /// A recurring step's reminder, in the reader's language.
    pub fn reminder(&self, a: &'a ActionDef) -> Option<&'a str> {
        let english = a.recurrence.as_ref()?.reminder.as_str();
        Some(
            self.zh_action(&a.id)
                .and_then(|t| t.reminder.as_deref())
                .and_then(non_empty)
                .unwrap_or(english),
        )
    }

    pub fn action_summary(&self, a: &'a ActionDef) -> &'a str {
        self.zh_action(&a.id)
            .and_then(|t| non_empty(&t.summary))
            .unwrap_or(&a.summary)
    }

    /// The steps, translated only when every one of them is.
    pub fn action_steps(&self, a: &'a ActionDef) -> Vec<&'a str> {
        match self.zh_action(&a.id) {
            Some(t) if t.steps.len() == a.steps.len() => {
                t.steps.iter().map(String::as_str).collect()
            }
            _ => a.steps.iter().map(String::as_str).collect(),
        }
    }

    pub fn action_link_label(&self, a: &'a ActionDef, i: usize) -> Option<&'a str> {
        let t = self
            .zh_action(&a.id)
            .filter(|t| t.links.len() == a.links.len());
        t.and_then(|t| t.links.get(i).map(String::as_str).and_then(non_empty))
            .or_else(|| a.links.get(i).map(|l| l.label.as_str()))
    }

    pub fn action_elsewhere(&self, a: &'a ActionDef) -> Option<&'a str> {
        self.zh_action(&a.id)
            .and_then(|t| t.elsewhere.as_deref())
            .and_then(non_empty)
            .or(a.elsewhere.as_deref())
    }

    /// A relationship's service, as the vendor does it for the client.
    pub fn service(&self, service: &'a str) -> &'a str {
        (self.lang == Lang::Zh)
            .then(|| self.zh?.services.get(service))
            .flatten()
            .map(String::as_str)
            .and_then(non_empty)
            .unwrap_or(service)
    }

    pub fn incident_title(&self, inc: &'a Incident) -> &'a str {
        self.zh_incident(&inc.id)
            .and_then(|t| non_empty(&t.title))
            .unwrap_or(&inc.title)
    }

    pub fn incident_summary(&self, inc: &'a Incident) -> &'a str {
        self.zh_incident(&inc.id)
            .and_then(|t| t.summary.as_deref())
            .and_then(non_empty)
            .unwrap_or(&inc.summary)
    }

    /// Who did it, in the reader's language.
    pub fn actor(&self, inc: &'a Incident) -> Option<&'a str> {
        let english = inc.more().actor.as_deref()?;
        Some(
            self.zh_incident(&inc.id)
                .and_then(|t| t.actor.as_deref())
                .and_then(non_empty)
                .unwrap_or(english),
        )
    }

    pub fn cohort(&self, inc: &'a Incident) -> &'a str {
        self.zh_incident(&inc.id)
            .and_then(|t| t.cohort.as_deref())
            .and_then(non_empty)
            .unwrap_or(&inc.cohort.text)
    }

    /// The condition of a narrow cohort: the client's when the person
    /// comes through a client that has one, else the incident's.
    pub fn only_if(&self, inc: &'a Incident, client: Option<&str>) -> Option<&'a str> {
        let t = self.zh_incident(&inc.id);
        let link = client.and_then(|org| inc.more().affected_clients.iter().find(|c| c.org == org));
        match link.and_then(|c| c.only_if.as_deref()) {
            Some(english) => Some(
                t.zip(client)
                    .and_then(|(t, org)| t.clients_only_if.get(org))
                    .map(String::as_str)
                    .and_then(non_empty)
                    .unwrap_or(english),
            ),
            None => inc.cohort.only_if.as_deref().map(|english| {
                t.and_then(|t| t.only_if.as_deref())
                    .and_then(non_empty)
                    .unwrap_or(english)
            }),
        }
    }

    pub fn client_note(&self, inc: &'a Incident, org: &str) -> Option<&'a str> {
        let english = inc
            .more()
            .affected_clients
            .iter()
            .find(|c| c.org == org)
            .and_then(|c| c.note.as_deref());
        self.zh_incident(&inc.id)
            .and_then(|t| t.clients.get(org))
            .map(String::as_str)
            .and_then(non_empty)
            .filter(|_| english.is_some())
            .or(english)
    }

    pub fn remedy_how(&self, inc: &'a Incident, i: usize) -> Option<&'a str> {
        let english = inc.more().remedies.get(i).and_then(|r| r.how.as_deref());
        self.zh_incident(&inc.id)
            .filter(|t| t.remedies.len() == inc.more().remedies.len())
            .and_then(|t| t.remedies.get(i))
            .map(String::as_str)
            .and_then(non_empty)
            .filter(|_| english.is_some())
            .or(english)
    }

    fn zh_settlement(&self, inc: &Incident, i: usize) -> Option<&'a SettlementText> {
        self.zh_incident(&inc.id)
            .filter(|t| t.settlements.len() == inc.more().settlements.len())
            .and_then(|t| t.settlements.get(i))
    }

    pub fn settlement_name(&self, inc: &'a Incident, i: usize) -> &'a str {
        let english = inc
            .more()
            .settlements
            .get(i)
            .map_or("", |s| s.name.as_str());
        self.zh_settlement(inc, i)
            .and_then(|s| s.name.as_deref())
            .and_then(non_empty)
            .unwrap_or(english)
    }

    pub fn settlement_note(&self, inc: &'a Incident, i: usize) -> Option<&'a str> {
        let english = inc
            .more()
            .settlements
            .get(i)
            .and_then(|s| s.note.as_deref());
        self.zh_settlement(inc, i)
            .and_then(|s| s.note.as_deref())
            .and_then(non_empty)
            .filter(|_| english.is_some())
            .or(english)
    }

    pub fn extra_step(&self, inc: &'a Incident, i: usize) -> &'a str {
        let english = inc
            .more()
            .extra_steps
            .get(i)
            .map_or("", |e| e.text.as_str());
        self.zh_incident(&inc.id)
            .filter(|t| t.extra_steps.len() == inc.more().extra_steps.len())
            .and_then(|t| t.extra_steps.get(i))
            .map(String::as_str)
            .and_then(non_empty)
            .unwrap_or(english)
    }

    /// A date as people write it: "Oct 29, 2023" or "2023年10月29日".
    pub fn date(&self, d: PartialDate) -> String {
        self.lang.date(d)
    }

    /// Items joined as a list: "a, b" or "a、b".
    pub fn list(&self, items: &[&str]) -> String {
        items.join(self.lang.pick(", ", "、"))
    }
}

/// What is wrong with the translations: unknown ids, lists whose length
/// differs from the English, and data types, actions or incidents left
/// without a translation. None for an empty file.
pub fn check_translations(ds: &DataSet, t: &Translations) -> Vec<crate::dataset::Problem> {
    let mut out = Vec::new();
    if t == &Translations::default() {
        return out;
    }
    let mut problem = |subject: String, message: &str| {
        out.push(crate::dataset::Problem {
            subject,
            message: message.to_string(),
        })
    };
    for def in &ds.taxonomy.data_types {
        match t.data_types.get(&def.id) {
            Some(x) if non_empty(&x.name).is_some() && non_empty(&x.harm).is_some() => {}
            _ => problem(
                format!("zh.json data type {}", def.id),
                "no Chinese name and harm",
            ),
        }
    }
    for id in t.data_types.keys().filter(|id| ds.data_type(id).is_none()) {
        problem(format!("zh.json data type {id}"), "not in the taxonomy");
    }
    for def in &ds.taxonomy.actions {
        match t.actions.get(&def.id) {
            None => problem(format!("zh.json action {}", def.id), "no Chinese texts"),
            Some(x) => {
                if x.steps.len() != def.steps.len() || x.links.len() != def.links.len() {
                    problem(
                        format!("zh.json action {}", def.id),
                        "steps or links differ in number from the English",
                    );
                }
                if x.elsewhere.is_some() != def.elsewhere.is_some() {
                    problem(
                        format!("zh.json action {}", def.id),
                        "elsewhere differs from the English",
                    );
                }
            }
        }
    }
    for id in t.actions.keys().filter(|id| ds.action(id).is_none()) {
        problem(format!("zh.json action {id}"), "not in the taxonomy");
    }
    for (id, x) in &t.incidents {
        let Some(inc) = ds.incident(id) else {
            problem(format!("zh.json incident {id}"), "no such incident");
            continue;
        };
        let counts_differ = (!x.remedies.is_empty()
            && x.remedies.len() != inc.more().remedies.len())
            || (!x.settlements.is_empty() && x.settlements.len() != inc.more().settlements.len())
            || (!x.extra_steps.is_empty() && x.extra_steps.len() != inc.more().extra_steps.len());
        if counts_differ {
            problem(
                format!("zh.json incident {id}"),
                "remedies, settlements or extra steps differ in number from the English",
            );
        }
        for org in x.clients.keys() {
            if !inc.more().affected_clients.iter().any(|c| &c.org == org) {
                problem(
                    format!("zh.json incident {id}"),
                    "a client note for an org not among the clients",
                );
            }
        }
    }
    let services: std::collections::HashSet<&str> = ds
        .relationships
        .iter()
        .map(|r| r.service.as_str())
        .collect();
    for s in t.services.keys().filter(|s| !services.contains(s.as_str())) {
        problem(
            format!("zh.json service {s:?}"),
            "no relationship has this service",
        );
    }
    for s in services
        .iter()
        .filter(|s| !s.is_empty() && !t.services.contains_key(**s))
    {
        problem(format!("zh.json service {s:?}"), "no Chinese text");
    }
    for inc in ds.curated_incidents() {
        if !inc.id.starts_with("hibp-") && !t.incidents.contains_key(&inc.id) {
            problem(format!("zh.json incident {}", inc.id), "no Chinese title");
        }
    }
    out
}

impl DataSet {
    /// The data's texts in a locale (a `Lang` alone: the data's English
    /// for every text the locale has no translation of).
    pub fn texts<'a>(&'a self, locale: impl Into<Locale<'a>>) -> Texts<'a> {
        let Locale { lang, zh } = locale.into();
        Texts { ds: self, lang, zh }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_codes() {
        let ds = crate::bundled::dataset().unwrap();
        let tr = crate::bundled::translations().unwrap();
        let zh = ds.texts(Locale::new(Lang::Zh, Some(&tr)));
        assert_eq!(zh.date(PartialDate::ymd(2023, 10, 29)), "2023年10月29日");
        assert_eq!(
            ds.texts(Lang::En).date(PartialDate::ymd(2023, 10, 29)),
            "Oct 29, 2023"
        );
        assert_eq!(Lang::from_code("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_code("en-GB"), Lang::En);
        assert_eq!(zh.type_name("ssn"), "社会安全号码（SSN）");
        assert_eq!(
            ds.texts(Lang::En).type_name("ssn"),
            "Social Security number"
        );
    }
}

// Reading zh.json (`crate::json`).
json_struct!(strict Translations { schema_version, data_types: default, actions: default, incidents: default, services: default });
json_struct!(strict TypeText { name, harm });
json_struct!(strict ActionText { title, summary, steps, links: default, elsewhere: default, reminder: default });
json_struct!(strict IncidentText {
    title,
    summary: default,
    cohort: default,
    clients: default,
    remedies: default,
    settlements: default,
    extra_steps: default,
    only_if: default,
    clients_only_if: default,
    actor: default,
});
json_struct!(strict SettlementText { name: default, note: default });
