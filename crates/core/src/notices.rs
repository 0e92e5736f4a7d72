//! Register notices: breach notices organizations filed with public
//! registers (the HHS breach portal, state attorneys general), one row each,
//! as the register gives them.
//!
//! A notice is the notifier's claim. It either reports an event the curated
//! data already has (`incident`: shown as "also reported to …" on that
//! incident), or copies a notice of another register (`same_as`), or stands
//! alone: then it becomes a "reported breach" — an incident built from the
//! row — of its organization, a curated one or one known only from the
//! register (id `r-…`, made here from the name as filed).
//!
//! `notices.json` is written by `exposure ingest` ([`crate::ingest`]), never
//! by hand; reviewed corrections go into the ingest's decisions file.

use std::collections::HashMap;

use serde::Serialize;

use crate::date::PartialDate;
use crate::json::{json_enum, json_struct};
use crate::model::{
    data_type_text, Alias, AliasKind, Cohort, Incident, IncidentKind, Organization, Sector, Source,
    Text,
};

/// A public register and the snapshot of it the notices come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Register {
    /// Stable id, e.g. `hhs-ocr`, `wa-ag`.
    pub id: String,
    pub name: String,
    /// The register's public page (each notice's source).
    pub url: String,
    /// The newest notice of the snapshot: "no known incident" says nothing
    /// of later filings.
    pub covered_to: PartialDate,
    /// Where the snapshot was read (repository, file, commit) and when.
    pub snapshot: String,
    /// The terms the register's data is published under.
    pub terms: String,
    /// The people a notice counts are the register's residents only (a
    /// state's register), not everyone affected.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub residents_only: bool,
}

/// What is known of a notice beyond the row: a reviewed decision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeStatus {
    /// As filed; nothing contradicts it.
    #[default]
    Filed,
    /// The named organization contradicts it (a fake or mistaken filing).
    Disputed,
    /// The register or the notifier took it back.
    Withdrawn,
}

/// One row of a register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// Stable: register, date, name as filed, people and a sequence number
    /// for rows alike in all of these ([`crate::ingest::notice_id`]).
    pub id: String,
    pub register: String,
    /// The notifier's name exactly as filed.
    pub name: String,
    /// The organization it resolved to: a curated one, or `r-…` (known only
    /// from registers).
    pub org: String,
    /// The date the notice reached the register.
    pub reported: PartialDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breach_start: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breach_end: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discovered: Option<PartialDate>,
    /// People affected as the register counts them (see
    /// [`Register::residents_only`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affected: Option<u64>,
    /// Data type ids: what the register says was exposed (an HHS notice is
    /// always health information); empty where it does not say.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub data_types: Vec<String>,
    /// The cause as the register words it ("Hacking/IT Incident").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<IncidentKind>,
    /// The notifier's state as filed (two letters), where given: tells
    /// apart organizations of one name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The kind of notifier as filed ("Health Plan", "Finance").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// A business associate (a vendor) was involved, as filed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub vendor_involved: bool,
    /// The curated incident this notice reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incident: Option<String>,
    /// Another register's notice of the same event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
    #[serde(skip_serializing_if = "is_filed")]
    pub status: NoticeStatus,
    /// Why a decision changed it, with its source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn is_filed(s: &NoticeStatus) -> bool {
    *s == NoticeStatus::Filed
}

impl Notice {
    /// Shown as a card of its own: it reports no curated incident and
    /// copies no other notice.
    pub(crate) fn stands_alone(&self) -> bool {
        self.incident.is_none() && self.same_as.is_none()
    }
}

/// `notices.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct NoticesFile {
    pub schema_version: u32,
    pub registers: Vec<Register>,
    pub notices: Vec<Notice>,
}

json_struct!(strict Register {
    id,
    name,
    url,
    covered_to,
    snapshot,
    terms,
    residents_only: default,
});
json_enum!(NoticeStatus {
    Filed = "filed",
    Disputed = "disputed",
    Withdrawn = "withdrawn",
});
json_struct!(strict Notice {
    id,
    register,
    name,
    org,
    reported,
    breach_start: default,
    breach_end: default,
    discovered: default,
    affected: default,
    data_types: default,
    cause: default,
    kind: default,
    state: default,
    entity: default,
    vendor_involved: default,
    incident: default,
    same_as: default,
    status: default,
    note: default,
});
json_struct!(strict NoticesFile { schema_version, registers, notices });

impl NoticesFile {
    /// The file as `exposure ingest` writes it: one notice a line, so a new
    /// snapshot shows as added and changed lines.
    pub fn to_json(&self) -> String {
        // Serializing these plain structs cannot fail.
        fn line<T: Serialize>(v: &T) -> String {
            serde_json::to_string(v).unwrap_or_default()
        }
        let regs: Vec<String> = self.registers.iter().map(line).collect();
        let rows: Vec<String> = self.notices.iter().map(line).collect();
        format!(
            "{{\"schema_version\":{},\n\"registers\":[\n{}\n],\n\"notices\":[\n{}\n]}}\n",
            self.schema_version,
            regs.join(",\n"),
            rows.join(",\n")
        )
    }
}

/// The prefix of an organization known only from registers.
pub const REGISTER_ORG_PREFIX: &str = "r-";

/// The sector of an organization known only from registers, from the kind
/// of notifier as filed; `Other` where the register's word is too broad.
pub(crate) fn sector_of(entity: Option<&str>) -> Sector {
    match entity.unwrap_or("") {
        "Healthcare Provider" | "Healthcare Clearing House" | "Health" => Sector::Health,
        "Health Plan" => Sector::Insurer,
        "Business Associate" => Sector::BusinessServices,
        "Education" => Sector::Education,
        "Government" => Sector::Government,
        "Retail" => Sector::Retail,
        "Hospitality" => Sector::Travel,
        "Software" => Sector::Software,
        _ => Sector::Other,
    }
}

/// What the notices add to a data set: the organizations known only from
/// registers, and a "reported breach" incident for each notice that stands
/// alone.
pub struct Expansion {
    pub organizations: Vec<Organization>,
    pub incidents: Vec<Incident>,
}

/// Builds the organizations and incidents the notices stand for. `known`
/// tells whether an organization id is already in the data set. Never
/// fails: a notice that names an unknown register or organization still
/// becomes a card (validation reports it).
pub(crate) fn expand(file: &NoticesFile, known: impl Fn(&str) -> bool) -> Expansion {
    let registers: HashMap<&str, &Register> =
        file.registers.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut orgs: Vec<Organization> = Vec::new();
    let mut org_at: HashMap<&str, usize> = HashMap::new();
    let mut incidents = Vec::new();
    // The newest filing names the organization; older spellings are aliases.
    let mut order: Vec<&Notice> = file.notices.iter().collect();
    order.sort_by(|a, b| b.reported.cmp(&a.reported).then(a.id.cmp(&b.id)));
    for n in &order {
        if !n.org.starts_with(REGISTER_ORG_PREFIX) || known(&n.org) {
            continue;
        }
        match org_at.get(n.org.as_str()) {
            Some(&at) => {
                let o = &mut orgs[at];
                if o.name != n.name && !o.aliases.iter().any(|a| a.name == n.name) {
                    o.aliases.push(Alias {
                        name: n.name.clone(),
                        kind: AliasKind::Legal,
                    });
                }
            }
            None => {
                org_at.insert(&n.org, orgs.len());
                orgs.push(Organization {
                    id: n.org.clone(),
                    name: n.name.clone(),
                    aliases: Vec::new(),
                    parent: None,
                    parent_relation: None,
                    sector: sector_of(n.entity.as_deref()),
                    domain: None,
                    listed: true,
                    note: None,
                });
            }
        }
    }
    orgs.sort_by(|a, b| a.id.cmp(&b.id));
    for n in file.notices.iter().filter(|n| n.stands_alone()) {
        let register = registers.get(n.register.as_str());
        let url: Text = register.map_or(Text::Borrowed(""), |r| Text::Owned(r.url.clone()));
        let residents = register.is_some_and(|r| r.residents_only);
        let mut data_types: Vec<Text> = n.data_types.iter().map(|t| data_type_text(t)).collect();
        if data_types.is_empty() {
            // The register does not say: the steps that fit any breach.
            data_types.push(data_type_text("other"));
        }
        incidents.push(Incident {
            id: n.id.clone(),
            title: n.name.clone(),
            summary: String::new(),
            breached_org: n.org.clone(),
            kind: n.kind.unwrap_or(IncidentKind::Unknown),
            breach_start: n.breach_start,
            breach_end: n.breach_end,
            discovered: n.discovered,
            disclosed: Some(n.reported),
            // A state's count is its residents only, not the total.
            affected: n.affected.filter(|_| !residents),
            affected_as_of: n.affected.filter(|_| !residents).map(|_| n.reported),
            affected_source: n.affected.filter(|_| !residents).map(|_| url.clone()),
            affected_unconfirmed: n.status != NoticeStatus::Filed,
            data_types,
            // The register does not say who: the card says so.
            cohort: Cohort::plain(Text::Borrowed("")),
            own_customers: true,
            from_catalogue: false,
            more: None,
            sources: vec![Source {
                url,
                publisher: register.map_or(Text::Borrowed(""), |r| Text::Owned(r.name.clone())),
                date: n.reported,
                title: None,
            }],
        });
    }
    Expansion {
        organizations: orgs,
        incidents,
    }
}

/// The notices of a data set, with look-ups by id and by incident.
#[derive(Debug, Clone, Default)]
pub struct Notices {
    pub registers: Vec<Register>,
    pub notices: Vec<Notice>,
    by_id: HashMap<String, u32>,
    /// Curated incident id, or a standing-alone notice's id → the notices
    /// that report the same event.
    also: HashMap<String, Vec<u32>>,
}

impl Notices {
    pub fn new(file: NoticesFile) -> Notices {
        let mut by_id = HashMap::with_capacity(file.notices.len());
        let mut also: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, n) in file.notices.iter().enumerate() {
            let i = i as u32;
            by_id.entry(n.id.clone()).or_insert(i);
            if let Some(target) = n.incident.as_ref().or(n.same_as.as_ref()) {
                also.entry(target.clone()).or_default().push(i);
            }
        }
        Notices {
            registers: file.registers,
            notices: file.notices,
            by_id,
            also,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.notices.is_empty()
    }

    /// The notice with this id (a "reported breach" incident has its
    /// notice's id).
    pub fn get(&self, id: &str) -> Option<&Notice> {
        self.by_id
            .get(id)
            .and_then(|&i| self.notices.get(i as usize))
    }

    pub fn register(&self, id: &str) -> Option<&Register> {
        self.registers.iter().find(|r| r.id == id)
    }

    /// The notices that report the incident `id` (a curated one, or a
    /// notice standing alone), oldest first.
    pub fn also_reported(&self, id: &str) -> Vec<&Notice> {
        let mut v: Vec<&Notice> = self
            .also
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.notices.get(i as usize))
            .collect();
        v.sort_by(|a, b| a.reported.cmp(&b.reported).then(a.id.cmp(&b.id)));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(id: &str, org: &str, name: &str, reported: &str) -> Notice {
        Notice {
            id: id.into(),
            register: "hhs-ocr".into(),
            name: name.into(),
            org: org.into(),
            reported: PartialDate::parse(reported).unwrap(),
            breach_start: None,
            breach_end: None,
            discovered: None,
            affected: Some(1200),
            data_types: vec!["medical".into()],
            cause: Some("Hacking/IT Incident".into()),
            kind: None,
            state: Some("TN".into()),
            entity: Some("Health Plan".into()),
            vendor_involved: false,
            incident: None,
            same_as: None,
            status: NoticeStatus::Filed,
            note: None,
        }
    }

    fn file(notices: Vec<Notice>) -> NoticesFile {
        NoticesFile {
            schema_version: 1,
            registers: vec![Register {
                id: "hhs-ocr".into(),
                name: "HHS breach portal".into(),
                url: "https://ocrportal.hhs.gov/ocr/breach/breach_report.jsf".into(),
                covered_to: PartialDate::parse("2026-07-01").unwrap(),
                snapshot: "fixture".into(),
                terms: "public domain".into(),
                residents_only: false,
            }],
            notices,
        }
    }

    #[test]
    fn a_notice_standing_alone_becomes_a_card_of_a_register_organization() {
        let f = file(vec![
            notice("a", "r-acme-health", "ACME Health, Inc.", "2024-01-02"),
            notice("b", "r-acme-health", "Acme Health", "2025-03-04"),
        ]);
        let e = expand(&f, |_| false);
        assert_eq!(e.organizations.len(), 1, "one organization for both");
        let o = &e.organizations[0];
        assert_eq!(o.name, "Acme Health", "the newest filing names it");
        assert_eq!(o.aliases[0].name, "ACME Health, Inc.");
        assert_eq!(o.sector, Sector::Insurer);
        assert_eq!(e.incidents.len(), 2);
        assert_eq!(e.incidents[0].breached_org, "r-acme-health");
        assert_eq!(e.incidents[0].affected, Some(1200));
        assert!(
            !e.incidents[0].sources.is_empty(),
            "the register is its source"
        );
    }

    #[test]
    fn a_linked_notice_is_no_card_and_is_found_by_its_incident() {
        let mut linked = notice("a", "big-bank", "Big Bank", "2024-01-02");
        linked.incident = Some("vendor-2023".into());
        let mut copy = notice("c", "r-x", "X", "2024-01-09");
        copy.same_as = Some("b".into());
        let f = file(vec![linked, notice("b", "r-x", "X", "2024-01-05"), copy]);
        let e = expand(&f, |id| id == "big-bank");
        assert_eq!(e.incidents.len(), 1, "only b stands alone");
        let n = Notices::new(f);
        assert_eq!(n.also_reported("vendor-2023")[0].id, "a");
        assert_eq!(n.also_reported("b")[0].id, "c");
        assert!(n.get("b").is_some_and(Notice::stands_alone));
    }

    #[test]
    fn a_state_count_is_not_taken_for_the_total() {
        let mut f = file(vec![notice("a", "r-x", "X", "2024-01-02")]);
        f.registers[0].residents_only = true;
        f.notices[0].data_types.clear();
        let e = expand(&f, |_| false);
        assert_eq!(e.incidents[0].affected, None);
        assert_eq!(e.incidents[0].data_types, vec![Text::Borrowed("other")]);
    }

    #[test]
    fn the_file_reads_back_what_it_wrote() {
        let mut n = notice("a", "r-x", "X \"quoted\"", "2024-01-02");
        n.status = NoticeStatus::Disputed;
        n.note = Some("the company says it filed no notice".into());
        let f = file(vec![n, notice("b", "r-y", "Y", "2024-02")]);
        let text = f.to_json();
        let back: NoticesFile = crate::json::from_str(&text).expect("reads back");
        assert_eq!(back, f);
        assert_eq!(
            text.lines().filter(|l| l.contains("\"register\":")).count(),
            2
        );
    }
}
