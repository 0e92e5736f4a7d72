//! Ingest: a register snapshot (a table: header and rows, already split by
//! the caller) into the notices of `notices.json`. Deterministic: the same
//! snapshot, curated data and decisions give the same file. Re-running on a
//! newer snapshot adds and updates notices, never duplicates them; a notice
//! a newer snapshot no longer lists is kept (registers archive old rows).
//!
//! Names are resolved only when sure (a name, alias or web address of a
//! curated organization); anything else becomes an organization known only
//! from registers. Linking a notice to a curated incident follows a rule
//! (same organization, reported near the incident's disclosure); the
//! decisions file corrects both, once.

use std::collections::{BTreeMap, HashMap};

use crate::date::PartialDate;
use crate::hibp::slug;
use crate::json::json_struct;
use crate::model::IncidentKind;
use crate::normalize::normalize;
use crate::notices::{Notice, NoticeStatus, NoticesFile, Register, REGISTER_ORG_PREFIX};
use crate::reading::Certainty;
use crate::Engine;

/// Why a snapshot could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    #[error("unknown register `{0}` (known: {known})", known = REGISTERS.join(", "))]
    UnknownRegister(String),
    #[error("the {register} snapshot has no column `{column}`")]
    MissingColumn {
        register: &'static str,
        column: &'static str,
    },
    #[error("the {0} snapshot has no rows")]
    Empty(&'static str),
    #[error("decisions file: {0}")]
    Decisions(String),
}

/// The registers this ingest reads.
pub const REGISTERS: [&str; 2] = ["hhs-ocr", "wa-ag"];

/// A row left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowSkip {
    NoName,
    NoDate,
}

/// One row as filed, before resolution.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Filed {
    name: String,
    reported: Option<PartialDate>,
    breach_start: Option<PartialDate>,
    breach_end: Option<PartialDate>,
    discovered: Option<PartialDate>,
    affected: Option<u64>,
    data_types: Vec<String>,
    cause: Option<String>,
    kind: Option<IncidentKind>,
    state: Option<String>,
    entity: Option<String>,
    vendor_involved: bool,
}

/// A reviewed correction of the ingest's rules.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameDecision {
    /// The name exactly as filed.
    pub name: String,
    /// The curated organization it is; none: it is none of them (an
    /// organization known only from registers).
    pub org: Option<String>,
    pub why: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoticeDecision {
    pub id: String,
    /// The curated incident it reports.
    pub incident: Option<String>,
    /// It reports no curated incident, whatever the rule says.
    pub unlink: bool,
    pub status: Option<NoticeStatus>,
    pub note: Option<String>,
    /// Where the decision's facts come from (required for a status).
    pub source: Option<String>,
}

/// `decisions.json` of the registers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decisions {
    pub schema_version: u32,
    pub names: Vec<NameDecision>,
    pub notices: Vec<NoticeDecision>,
}

json_struct!(strict NameDecision { name, org: default, why });
json_struct!(strict NoticeDecision {
    id,
    incident: default,
    unlink: default,
    status: default,
    note: default,
    source: default,
});
json_struct!(strict Decisions { schema_version, names: default, notices: default });

impl Decisions {
    pub fn from_json(text: &str) -> Result<Decisions, IngestError> {
        crate::json::from_str(text).map_err(|e| IngestError::Decisions(e.to_string()))
    }
}

/// What an ingest did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub rows: usize,
    pub skipped: Vec<(usize, RowSkip)>,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Notices of the register kept from before though the snapshot no
    /// longer lists them.
    pub kept: usize,
}

/// The register's fixed facts (its coverage comes from the snapshot).
fn register_of(id: &str, snapshot: &str) -> Option<Register> {
    let (name, url, terms, residents_only) = match id {
        "hhs-ocr" => (
            "US Department of Health and Human Services, Office for Civil Rights: breaches of health information affecting 500 or more people",
            "https://ocrportal.hhs.gov/ocr/breach/breach_report.jsf",
            "US federal government data, public domain",
            false,
        ),
        "wa-ag" => (
            "Washington State Attorney General: data breach notifications affecting Washington residents",
            "https://www.atg.wa.gov/data-breach-notifications",
            "Washington open-data portal (data.wa.gov), public records",
            true,
        ),
        _ => return None,
    };
    Some(Register {
        id: id.into(),
        name: name.into(),
        url: url.into(),
        covered_to: PartialDate::ymd(1970, 1, 1),
        snapshot: snapshot.into(),
        terms: terms.into(),
        residents_only,
    })
}

/// A date as registers write it: `2026-07-01`, `07/01/2026`,
/// `07/01/2026 12:00:00 AM`.
pub(crate) fn register_date(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    let day = s.split(' ').next()?;
    if let Ok(d) = PartialDate::parse(day) {
        return Some(d);
    }
    let mut parts = day.split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    PartialDate::parse(&format!("{y}-{m:0>2}-{d:0>2}")).ok()
}

/// A count as registers write it: `4237`, `4237.0`, `1,200`.
fn count(s: &str) -> Option<u64> {
    let s: String = s.trim().chars().filter(|c| *c != ',').collect();
    let whole = s.strip_suffix(".0").unwrap_or(&s);
    whole.parse().ok()
}

fn text(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

struct Columns<'a> {
    register: &'static str,
    header: &'a [String],
}

impl Columns<'_> {
    fn at(&self, names: &[&'static str]) -> Result<usize, IngestError> {
        names
            .iter()
            .find_map(|n| self.header.iter().position(|h| h.trim() == *n))
            .ok_or(IngestError::MissingColumn {
                register: self.register,
                column: names[0],
            })
    }

    fn maybe(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h.trim() == name)
    }
}

fn cell(row: &[String], at: Option<usize>) -> &str {
    at.and_then(|i| row.get(i)).map_or("", String::as_str)
}

fn read_rows(
    register: &'static str,
    header: &[String],
    rows: &[Vec<String>],
) -> Result<Vec<Result<Filed, RowSkip>>, IngestError> {
    let c = Columns { register, header };
    let parsed = match register {
        "hhs-ocr" => {
            // The portal's own export names the first column oddly; a
            // cleaned copy names it.
            let name = c.at(&["Name of Covered Entity"]).unwrap_or(0);
            let reported = Some(c.at(&["Breach Submission Date"])?);
            let people = Some(c.at(&["Individuals Affected"])?);
            let entity = c.maybe("Covered Entity Type");
            let cause = c.maybe("Type of Breach");
            let ba = c.maybe("Business Associate Present");
            let state = c.maybe("State");
            rows.iter()
                .map(|r| {
                    let entity = text(cell(r, entity));
                    let mut data_types = vec!["medical".to_string()];
                    if matches!(
                        entity.as_deref(),
                        Some("Health Plan" | "Business Associate" | "Healthcare Clearing House")
                    ) {
                        data_types.push("health_insurance".into());
                    }
                    row_of(Filed {
                        name: text(cell(r, Some(name))).unwrap_or_default(),
                        reported: register_date(cell(r, reported)),
                        affected: count(cell(r, people)),
                        data_types,
                        cause: text(cell(r, cause)),
                        state: text(cell(r, state)),
                        entity,
                        vendor_involved: cell(r, ba).trim() == "Yes",
                        ..Filed::default()
                    })
                })
                .collect()
        }
        "wa-ag" => {
            let name = Some(c.at(&["Name"])?);
            let reported = Some(c.at(&["DateSubmitted"])?);
            let people = Some(c.at(&["WashingtoniansAffected"])?);
            let (start, end, aware) = (
                c.maybe("DateStart"),
                c.maybe("DateEnd"),
                c.maybe("DateAware"),
            );
            let (cause, attack) = (c.maybe("DataBreachCause"), c.maybe("CyberattackType"));
            let (industry, business) = (c.maybe("IndustryType"), c.maybe("BusinessType"));
            let state = c.maybe("EntityState");
            rows.iter()
                .map(|r| {
                    let attack = text(cell(r, attack));
                    let cause = match (text(cell(r, cause)), &attack) {
                        (Some(c), Some(a)) => Some(format!("{c}: {a}")),
                        (c, _) => c,
                    };
                    let kind = match attack.as_deref() {
                        Some("Ransomware") => Some(IncidentKind::Ransomware),
                        Some("Phishing") => Some(IncidentKind::CredentialTheft),
                        _ => None,
                    };
                    row_of(Filed {
                        name: text(cell(r, name)).unwrap_or_default(),
                        reported: register_date(cell(r, reported)),
                        breach_start: register_date(cell(r, start)),
                        breach_end: register_date(cell(r, end)),
                        discovered: register_date(cell(r, aware)),
                        affected: count(cell(r, people)),
                        cause,
                        kind,
                        state: text(cell(r, state)),
                        entity: text(cell(r, business)).or_else(|| text(cell(r, industry))),
                        ..Filed::default()
                    })
                })
                .collect()
        }
        other => return Err(IngestError::UnknownRegister(other.to_string())),
    };
    Ok(parsed)
}

fn row_of(f: Filed) -> Result<Filed, RowSkip> {
    if !f.name.chars().any(char::is_alphanumeric) {
        Err(RowSkip::NoName)
    } else if f.reported.is_none() {
        Err(RowSkip::NoDate)
    } else {
        Ok(f)
    }
}

/// A notice's identity without its sequence number: register, date, name
/// as filed and people affected.
pub(crate) fn notice_id(
    register: &str,
    reported: PartialDate,
    name: &str,
    affected: Option<u64>,
) -> String {
    let people = affected.map_or("na".to_string(), |n| n.to_string());
    let mut name = slug(name);
    name.truncate(48);
    let name = name.trim_end_matches('-');
    format!("{register}-{reported}-{name}-{people}")
}

/// The organizations a name as filed is: a decision, else the curated
/// organizations it names (read as sure or likely) (the client first in "A on behalf of B",
/// each of "A / B"), else one known only from registers.
fn resolve(engine: &Engine, decisions: &HashMap<&str, Option<&str>>, name: &str) -> Vec<String> {
    let register_org = || {
        let key = slug(&normalize(name));
        let key = if key.is_empty() { slug(name) } else { key };
        vec![format!(
            "{REGISTER_ORG_PREFIX}{}",
            key.trim_end_matches('-')
        )]
    };
    match decisions.get(name) {
        Some(Some(org)) => return vec![(*org).to_string()],
        Some(None) => return register_org(),
        None => {}
    }
    if let Some(m) = engine.names.with(&engine.data).resolve_exact(name) {
        return vec![m.org_id];
    }
    // As the page reads a name typed or pasted: a name, alias or address,
    // or one read through what surrounds it ("Humana Inc [case #15381]",
    // "Kaiser Foundation Hospitals, Northern California"); never a slip.
    let mut sure: Vec<String> = Vec::new();
    for q in engine.read_line(name) {
        let is_sure = q
            .name_match
            .as_ref()
            .is_some_and(|m| m.certainty >= Certainty::Likely);
        if let (true, Some(org)) = (is_sure, q.org_id) {
            if !sure.contains(&org) {
                sure.push(org);
            }
        }
    }
    if sure.is_empty() {
        register_org()
    } else {
        sure
    }
}

/// The curated incident a notice of a curated organization reports: one
/// that names the organization (breached, platform or client) and was
/// was disclosed from 90 days after to a year (300 days for a client)
/// before the notice reached the register; the nearest.
fn incident_for(engine: &Engine, org: &str, reported: PartialDate) -> Option<String> {
    let day = reported.days_since_epoch();
    engine
        .data
        .incidents
        .iter()
        .filter(|i| {
            i.breached_org == org
                || i.more().platform.as_deref() == Some(org)
                || i.more().affected_clients.iter().any(|c| c.org == org)
        })
        .filter_map(|i| {
            let d = i.disclosed.or(i.discovered).or(i.breach_end)?;
            let gap = day - d.days_since_epoch();
            // A client files within months of its vendor's news; a large
            // client files many notices, of other events, later.
            let until = if i.breached_org == org { 365 } else { 300 };
            (-90..=until).contains(&gap).then_some((gap.abs(), &i.id))
        })
        .min()
        .map(|(_, id)| id.clone())
}

/// Reads a register snapshot into `previous` (the notices so far). `engine`
/// holds the curated data only (not the register organizations), and is
/// what names are resolved and notices linked against.
pub fn ingest(
    engine: &Engine,
    register: &str,
    snapshot: &str,
    header: &[String],
    rows: &[Vec<String>],
    previous: NoticesFile,
    decisions: &Decisions,
) -> Result<(NoticesFile, Summary), IngestError> {
    let reg_id = REGISTERS
        .into_iter()
        .find(|r| *r == register)
        .ok_or_else(|| IngestError::UnknownRegister(register.to_string()))?;
    if rows.is_empty() {
        return Err(IngestError::Empty(reg_id));
    }
    let mut summary = Summary {
        rows: rows.len(),
        ..Summary::default()
    };
    let names: HashMap<&str, Option<&str>> = decisions
        .names
        .iter()
        .map(|d| (d.name.as_str(), d.org.as_deref()))
        .collect();

    // The snapshot's notices, numbered where rows are alike.
    let mut fresh: BTreeMap<String, Notice> = BTreeMap::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, row) in read_rows(reg_id, header, rows)?.into_iter().enumerate() {
        let f = match row {
            Ok(f) => f,
            Err(skip) => {
                summary.skipped.push((i, skip));
                continue;
            }
        };
        let Some(reported) = f.reported else { continue };
        let base = notice_id(reg_id, reported, &f.name, f.affected);
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        fresh.insert(
            id.clone(),
            Notice {
                id,
                register: reg_id.into(),
                org: String::new(),
                reported,
                breach_start: f.breach_start,
                breach_end: f.breach_end,
                discovered: f.discovered,
                affected: f.affected,
                data_types: f.data_types,
                cause: f.cause,
                kind: f.kind,
                state: f.state,
                entity: f.entity,
                vendor_involved: f.vendor_involved,
                incident: None,
                same_as: None,
                status: NoticeStatus::Filed,
                note: None,
                name: f.name,
            },
        );
    }

    // Merged with what was there: this register's rows updated or added,
    // kept where the snapshot no longer lists them.
    // A row whose count the register revised has a new identity: the old
    // notice of that name and date is replaced, not kept beside it.
    let mut all: BTreeMap<String, Notice> = BTreeMap::new();
    let registers = previous.registers;
    let previous_ids: std::collections::HashSet<String> = previous
        .notices
        .iter()
        .filter(|n| n.register == reg_id)
        .map(|n| n.id.clone())
        .collect();
    let mut revisable: HashMap<(String, PartialDate), usize> = HashMap::new();
    for n in fresh.values().filter(|n| !previous_ids.contains(&n.id)) {
        *revisable.entry((n.name.clone(), n.reported)).or_insert(0) += 1;
    }
    for n in previous.notices {
        if n.register != reg_id {
            all.insert(n.id.clone(), n);
            continue;
        }
        match fresh.get(&n.id) {
            None => match revisable.get_mut(&(n.name.clone(), n.reported)) {
                Some(left) if *left > 0 => {
                    *left -= 1;
                    summary.updated += 1;
                }
                _ => {
                    summary.kept += 1;
                    all.insert(n.id.clone(), n);
                }
            },
            Some(f) if same_row(f, &n) => summary.unchanged += 1,
            Some(_) => summary.updated += 1,
        }
    }
    summary.added = fresh.len() - summary.unchanged - summary.updated;
    all.extend(fresh);

    // Resolution, links and decisions, for every notice (the curated data
    // or the decisions may have changed since the last ingest).
    let notice_decisions: HashMap<&str, &NoticeDecision> = decisions
        .notices
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    for n in all.values_mut() {
        let orgs = resolve(engine, &names, &n.name);
        n.incident = orgs
            .iter()
            .filter(|o| !o.starts_with(REGISTER_ORG_PREFIX))
            .find_map(|o| incident_for(engine, o, n.reported));
        n.org = orgs.into_iter().next().unwrap_or_default();
        n.same_as = None;
        n.status = NoticeStatus::Filed;
        n.note = None;
        if let Some(d) = notice_decisions.get(n.id.as_str()) {
            if d.unlink {
                n.incident = None;
            }
            if d.incident.is_some() {
                n.incident = d.incident.clone();
            }
            n.status = d.status.unwrap_or_default();
            n.note = match (&d.note, &d.source) {
                (Some(note), Some(src)) => Some(format!("{note} ({src})")),
                (note, src) => note.clone().or_else(|| src.clone()),
            };
        }
    }

    // A notice standing alone that another register also received (the
    // same organization, within 60 days) is a copy of the first one.
    let mut by_org: BTreeMap<&str, Vec<(PartialDate, &str, &str)>> = BTreeMap::new();
    for n in all.values().filter(|n| n.incident.is_none()) {
        by_org.entry(n.org.as_str()).or_default().push((
            n.reported,
            n.id.as_str(),
            n.register.as_str(),
        ));
    }
    let mut copies: Vec<(String, String)> = Vec::new();
    for list in by_org.values_mut() {
        list.sort();
        let mut copy = vec![false; list.len()];
        for (i, (date, id, reg)) in list.iter().enumerate() {
            let first = (0..i).find(|&j| {
                let (d, _, r) = list[j];
                !copy[j] && r != *reg && (date.days_since_epoch() - d.days_since_epoch()) <= 60
            });
            if let Some(j) = first {
                copy[i] = true;
                copies.push((id.to_string(), list[j].1.to_string()));
            }
        }
    }
    for (id, first) in copies {
        if let Some(n) = all.get_mut(&id) {
            n.same_as = Some(first);
        }
    }

    let notices: Vec<Notice> = all.into_values().collect();
    let covered_to = notices
        .iter()
        .filter(|n| n.register == reg_id)
        .map(|n| n.reported)
        .max();
    let mut registers = registers;
    let mut reg =
        register_of(reg_id, snapshot).ok_or(IngestError::UnknownRegister(reg_id.into()))?;
    if let Some(d) = covered_to {
        reg.covered_to = d;
    }
    match registers.iter_mut().find(|r| r.id == reg_id) {
        Some(r) => *r = reg,
        None => registers.push(reg),
    }
    registers.sort_by(|a, b| a.id.cmp(&b.id));
    Ok((
        NoticesFile {
            schema_version: 1,
            registers,
            notices,
        },
        summary,
    ))
}

/// The same row as filed (what the ingest derives aside).
fn same_row(a: &Notice, b: &Notice) -> bool {
    a.name == b.name
        && a.reported == b.reported
        && a.breach_start == b.breach_start
        && a.breach_end == b.breach_end
        && a.discovered == b.discovered
        && a.affected == b.affected
        && a.data_types == b.data_types
        && a.cause == b.cause
        && a.kind == b.kind
        && a.state == b.state
        && a.entity == b.entity
        && a.vendor_involved == b.vendor_involved
}
