//! Browsing every incident: search and filters (source: curated or a
//! register's notices, year, sector, data type, third-party only,
//! organization), newest first, and an incident's timeline.

use serde::Serialize;

use crate::dataset::DataSet;
use crate::date::PartialDate;
use crate::model::{Incident, Sector};
use crate::normalize::normalize;

/// What the incident list is narrowed to. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IncidentFilter {
    /// Words to find in the title, the organizations' names and aliases.
    pub text: String,
    pub year: Option<i32>,
    pub sector: Option<Sector>,
    pub data_type: Option<String>,
    pub third_party_only: bool,
    /// Incidents that involve this organization (breached, platform or client).
    pub org: Option<String>,
    /// Where the incidents come from: none, the curated ones; `all`, the
    /// curated ones and the register notices that stand alone; a register's
    /// id, that register's notices.
    pub source: Option<String>,
}

/// `IncidentFilter::source` for the curated incidents and every notice.
pub const ALL_SOURCES: &str = "all";

impl IncidentFilter {
    pub fn is_empty(&self) -> bool {
        *self == IncidentFilter::default()
    }
}

/// The organizations an incident involves: breached, platform, clients.
pub(crate) fn involved_orgs(inc: &Incident) -> impl Iterator<Item = &str> {
    std::iter::once(inc.breached_org.as_str())
        .chain(inc.more().platform.as_deref())
        .chain(inc.more().affected_clients.iter().map(|c| c.org.as_str()))
}

/// The year an incident belongs to: of its first known date.
pub(crate) fn incident_year(inc: &Incident) -> Option<i32> {
    inc.earliest_date().map(|d| d.year)
}

fn matches_text(ds: &DataSet, inc: &Incident, words: &[String]) -> bool {
    if words.is_empty() {
        return true;
    }
    let mut hay = normalize(&inc.title);
    for id in involved_orgs(inc) {
        if let Some(o) = ds.org(id) {
            hay.push(' ');
            hay.push_str(&normalize(&o.name));
            for a in &o.aliases {
                hay.push(' ');
                hay.push_str(&normalize(&a.name));
            }
        }
    }
    words.iter().all(|w| hay.contains(w.as_str()))
}

/// Incidents that pass the filter, newest first.
pub fn filter_incidents<'a>(ds: &'a DataSet, f: &IncidentFilter) -> Vec<&'a Incident> {
    let words: Vec<String> = normalize(&f.text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    let mut out: Vec<&Incident> = ds
        .incidents
        .iter()
        .filter(|i| match (f.source.as_deref(), ds.notice_of(&i.id)) {
            (None, notice) => notice.is_none(),
            (Some(ALL_SOURCES), _) => true,
            (Some(register), Some(n)) => n.register == register,
            (Some(_), None) => false,
        })
        .filter(|i| f.year.is_none() || incident_year(i) == f.year)
        .filter(|i| !f.third_party_only || i.is_third_party())
        .filter(|i| {
            f.data_type
                .as_ref()
                .is_none_or(|t| i.data_types.iter().any(|d| d == t))
        })
        .filter(|i| {
            f.sector
                .is_none_or(|s| involved_orgs(i).any(|o| ds.org(o).is_some_and(|o| o.sector == s)))
        })
        .filter(|i| {
            f.org
                .as_ref()
                .is_none_or(|org| involved_orgs(i).any(|o| o == org))
        })
        .filter(|i| matches_text(ds, i, &words))
        .collect();
    crate::sort::sort_by(&mut out, |a, b| {
        b.earliest_date()
            .cmp(&a.earliest_date())
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

/// Years that have incidents, newest first.
pub fn years(ds: &DataSet) -> Vec<i32> {
    let mut years: Vec<i32> = ds.incidents.iter().filter_map(incident_year).collect();
    crate::sort::sort_by(&mut years, |a, b| b.cmp(a));
    years.dedup();
    years
}

/// Sectors of the organizations involved in incidents, in a stable order.
pub fn sectors(ds: &DataSet) -> Vec<Sector> {
    let mut out: Vec<Sector> = Vec::new();
    for inc in &ds.incidents {
        for o in involved_orgs(inc).filter_map(|o| ds.org(o)) {
            if !out.contains(&o.sector) {
                out.push(o.sector);
            }
        }
    }
    crate::sort::sort_by(&mut out, |a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    out
}

/// One dated event of an incident's story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEvent {
    pub date: PartialDate,
    pub what: String,
}

/// The incident's dated events in order: breach, discovery, disclosure,
/// enrolment deadlines, settlements and claim deadlines.
pub fn timeline(inc: &Incident) -> Vec<TimelineEvent> {
    timeline_with(inc, crate::lang::Lang::En, |i| {
        inc.more()
            .settlements
            .get(i)
            .map_or("", |s| s.name.as_str())
    })
}

/// [`timeline`], in the language of `t` (settlement names included).
pub fn timeline_in(t: crate::lang::Texts, inc: &Incident) -> Vec<TimelineEvent> {
    timeline_with(inc, t.lang, |i| t.settlement_name(inc, i))
}

fn timeline_with<'a>(
    inc: &'a Incident,
    l: crate::lang::Lang,
    settlement_name: impl Fn(usize) -> &'a str,
) -> Vec<TimelineEvent> {
    let mut ev: Vec<TimelineEvent> = Vec::new();
    let mut push = |d: Option<PartialDate>, what: String| {
        if let Some(date) = d {
            ev.push(TimelineEvent { date, what });
        }
    };
    push(
        inc.more().data_from,
        l.pick(
            "The oldest stolen records date from",
            "被盗记录最早可追溯至",
        )
        .into(),
    );
    for f in &inc.more().affected_history {
        push(
            Some(f.date),
            format!(
                "{}{}",
                l.pick(
                    "Earlier count of people affected: ",
                    "早先公布的受影响人数："
                ),
                crate::plan::group_thousands(f.count)
            ),
        );
    }
    push(inc.breach_start, l.pick("Breach begins", "入侵开始").into());
    push(inc.breach_end, l.pick("Breach ends", "入侵结束").into());
    push(inc.discovered, l.pick("Discovered", "被发现").into());
    push(inc.disclosed, l.pick("Disclosed", "公开披露").into());
    for r in &inc.more().remedies {
        push(
            r.enroll_by,
            l.pick(
                "Deadline to enrol in the offered monitoring",
                "登记免费监控服务的截止日期",
            )
            .into(),
        );
    }
    for (i, s) in inc.more().settlements.iter().enumerate() {
        let name = settlement_name(i);
        push(s.date, name.to_string());
        push(
            s.claim_deadline,
            format!("{}{name}", l.pick("Claim deadline: ", "申请截止：")),
        );
    }
    crate::sort::sort_by(&mut ev, |a, b| a.date.cmp(&b.date));
    ev
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    #[test]
    fn filter_table() {
        let ds = bundled::dataset().unwrap();
        let ids = |f: IncidentFilter| -> Vec<String> {
            filter_incidents(&ds, &f)
                .into_iter()
                .map(|i| i.id.clone())
                .collect()
        };
        // The curated incidents by default; with the notices on request.
        let all = ids(IncidentFilter::default());
        assert_eq!(all.len(), ds.curated_incidents().len());
        let everything = ids(IncidentFilter {
            source: Some(ALL_SOURCES.into()),
            ..Default::default()
        });
        assert_eq!(everything.len(), ds.incidents.len());
        let hhs = ids(IncidentFilter {
            source: Some("hhs-ocr".into()),
            ..Default::default()
        });
        assert!(!hhs.is_empty() && hhs.iter().all(|id| id.starts_with("hhs-ocr-")));
        let cases: Vec<(IncidentFilter, &str, bool)> = vec![
            (
                IncidentFilter {
                    text: "snowflake".into(),
                    ..Default::default()
                },
                "att-snowflake-2024",
                true,
            ),
            (
                IncidentFilter {
                    text: "McCamish".into(),
                    ..Default::default()
                },
                "infosys-mccamish-2023",
                true,
            ),
            (
                IncidentFilter {
                    text: "bank of america".into(),
                    ..Default::default()
                },
                "infosys-mccamish-2023",
                true,
            ),
            (
                IncidentFilter {
                    year: Some(2023),
                    ..Default::default()
                },
                "att-vendor-2023",
                true,
            ),
            (
                IncidentFilter {
                    year: Some(2023),
                    ..Default::default()
                },
                "att-snowflake-2024",
                false,
            ),
            (
                IncidentFilter {
                    data_type: Some("call_records".into()),
                    ..Default::default()
                },
                "att-snowflake-2024",
                true,
            ),
            (
                IncidentFilter {
                    data_type: Some("call_records".into()),
                    ..Default::default()
                },
                "att-data-leak-2024",
                false,
            ),
            (
                IncidentFilter {
                    third_party_only: true,
                    ..Default::default()
                },
                "att-data-leak-2024",
                false,
            ),
            (
                IncidentFilter {
                    third_party_only: true,
                    ..Default::default()
                },
                "infosys-mccamish-2023",
                true,
            ),
            (
                IncidentFilter {
                    sector: Some(Sector::Bank),
                    ..Default::default()
                },
                "infosys-mccamish-2023",
                true,
            ),
            (
                IncidentFilter {
                    org: Some("snowflake".into()),
                    ..Default::default()
                },
                "ticketmaster-snowflake-2024",
                true,
            ),
            (
                IncidentFilter {
                    org: Some("snowflake".into()),
                    ..Default::default()
                },
                "infosys-mccamish-2023",
                false,
            ),
        ];
        for (f, id, present) in cases {
            assert_eq!(
                ids(f.clone()).contains(&id.to_string()),
                present,
                "{f:?} / {id}"
            );
        }
    }

    #[test]
    fn newest_first_and_timeline_in_order() {
        let ds = bundled::dataset().unwrap();
        let list = filter_incidents(&ds, &IncidentFilter::default());
        assert!(list
            .windows(2)
            .all(|w| w[0].earliest_date() >= w[1].earliest_date()));
        let t = timeline(ds.incident("att-data-leak-2024").unwrap());
        assert!(t.windows(2).all(|w| w[0].date <= w[1].date));
        assert!(t.iter().any(|e| e.what.starts_with("Claim deadline")));
        assert!(years(&ds).contains(&2024));
    }
}
