//! The plan as files a person can keep: the JSON export (with progress, so
//! it can move to another device) and reading it back, and the calendar's
//! events as facts (when, how often, with which alarm). The Markdown and
//! iCalendar files themselves are words: `exposure_words::export`.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::json::json_struct;

use crate::dataset::DataSet;
use crate::date::PartialDate;
use crate::exposure::CompanyQuery;
use crate::model::Frequency;
use crate::report::{CheckOut, Report};

/// Identifies our JSON export.
pub const EXPORT_FORMAT: &str = "exposure-check-plan";
pub const EXPORT_VERSION: u32 = 1;

/// What a person's session holds: their companies and ticked actions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub companies: Vec<CompanyQuery>,
    pub done: BTreeSet<String>,
    /// When each ticked action was ticked (when known): a recurring step
    /// comes back counted from then.
    pub done_on: std::collections::BTreeMap<String, PartialDate>,
    /// The letters the person kept (their findings, not their text).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub letters: Vec<crate::letter::Kept>,
    /// What the last visit showed: the data's date and the incidents and
    /// notices found for the saved companies ("new since" compares with it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seen: Option<Seen>,
}

/// The data's "as of" date and the ids of the incidents shown, at a visit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Seen {
    pub as_of: Option<PartialDate>,
    pub ids: BTreeSet<String>,
}

impl Seen {
    /// The ids of `now` not seen then, when the data is newer than it was
    /// (the same data adds nothing new; new companies are not "new").
    pub fn new_since<'a>(
        &self,
        as_of: Option<PartialDate>,
        now: &'a BTreeSet<String>,
    ) -> Vec<&'a str> {
        match (self.as_of, as_of) {
            (Some(then), Some(now_date)) if now_date > then => now
                .iter()
                .filter(|id| !self.ids.contains(*id))
                .map(String::as_str)
                .collect(),
            _ => Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportDoc {
    pub format: &'static str,
    pub version: u32,
    pub exported: Option<String>,
    pub progress: Progress,
    pub report: CheckOut,
}

/// The JSON export: progress (the report's companies, the ticks and when,
/// the kept letters' findings and what this visit showed) plus the report,
/// pretty-printed; `words` says the facts.
pub fn to_json(
    ds: &DataSet,
    report: &Report,
    progress: &Progress,
    today: Option<PartialDate>,
    words: &dyn crate::report::Words,
) -> String {
    let doc = ExportDoc {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exported: today.map(|d| d.to_string()),
        progress: Progress {
            companies: report.companies.clone(),
            ..progress.clone()
        },
        report: report.to_output(ds, words),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into())
}

/// Why an exported file could not be read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is not JSON: {0}")]
    NotJson(String),
    #[error("the file is not an Exposure Check plan export")]
    WrongFormat,
    #[error("the file is version {0} of the export; this page reads version {EXPORT_VERSION}")]
    Version(u32),
}

/// Reads the progress back from a JSON export.
pub fn progress_from_json(text: &str) -> Result<Progress, ImportError> {
    struct Doc {
        format: Option<String>,
        version: Option<u32>,
        progress: Option<Progress>,
    }
    json_struct!(lenient Doc { format: default, version: default, progress: default });
    let doc: Doc = crate::json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    if doc.format.as_deref() != Some(EXPORT_FORMAT) {
        return Err(ImportError::WrongFormat);
    }
    match doc.version {
        Some(EXPORT_VERSION) => doc.progress.ok_or(ImportError::WrongFormat),
        Some(v) => Err(ImportError::Version(v)),
        None => Err(ImportError::WrongFormat),
    }
}

/// One calendar event of the plan: a recurring step, or a deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Unique within the calendar and stable across exports.
    pub uid: String,
    /// The action it reminds of.
    pub action: String,
    pub kind: EventKind,
    /// The day it starts (at [`REMINDER_HOUR`], the person's own clock).
    pub start: PartialDate,
    pub minutes: u32,
    /// The RFC 5545 recurrence rule of a recurring step.
    pub rrule: Option<String>,
    /// When the alarm goes off, relative to the start (an RFC 5545
    /// duration): at the time for a recurring step, a day ahead for a
    /// deadline, so there is time to act.
    pub alarm: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// The action's `recurrence`, with its reminder.
    Recurring,
    /// The action's open deadline.
    Deadline,
}

/// The local hour reminders are set at.
pub const REMINDER_HOUR: u32 = 9;

/// The plan's calendar: recurring actions, and open deadlines. A recurring
/// step comes back one period after it was done (`done_on`), or after
/// today when it is not done yet: never due before it was first done.
pub fn calendar(
    report: &Report,
    today: PartialDate,
    done_on: &std::collections::BTreeMap<String, PartialDate>,
) -> Vec<CalendarEvent> {
    let mut out = Vec::new();
    for a in &report.plan {
        if let Some(r) = &a.recurrence {
            let (rule, start) = match (r.every, r.month) {
                (Frequency::Yearly, Some(m)) if (1..=12).contains(&m) => {
                    // The next 15th of that month from today.
                    let year = if (today.month.unwrap_or(1), today.day.unwrap_or(1)) <= (m, 15) {
                        today.year
                    } else {
                        today.year + 1
                    };
                    (
                        format!("FREQ=YEARLY;BYMONTH={m}"),
                        PartialDate::ymd(year, m, 15),
                    )
                }
                (every, _) => {
                    let from = done_on.get(&a.id).copied().unwrap_or(today);
                    match every {
                        Frequency::Yearly => ("FREQ=YEARLY".to_string(), from.plus_months(12)),
                        Frequency::Monthly => ("FREQ=MONTHLY".to_string(), from.plus_months(1)),
                        Frequency::Weekly => ("FREQ=WEEKLY".to_string(), from.plus_days(7)),
                    }
                }
            };
            let rule = match r.times {
                Some(n) => format!("{rule};COUNT={n}"),
                None => rule,
            };
            out.push(CalendarEvent {
                uid: a.id.clone(),
                action: a.id.clone(),
                kind: EventKind::Recurring,
                start,
                minutes: a.effort_minutes,
                rrule: Some(rule),
                alarm: "PT0M",
            });
        }
        if let (Some(d), false) = (a.deadline, a.expired) {
            if !d.is_past(&today) {
                let (y, m, day) = d.latest();
                out.push(CalendarEvent {
                    uid: format!("{}-deadline", a.id),
                    action: a.id.clone(),
                    kind: EventKind::Deadline,
                    start: PartialDate::ymd(y, m, day),
                    minutes: a.effort_minutes,
                    rrule: None,
                    alarm: "-P1D",
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    /// "New since": only with newer data, only ids not shown then.
    #[test]
    fn new_since_needs_newer_data_and_unseen_ids() {
        let seen = Seen {
            as_of: Some(PartialDate::ymd(2026, 1, 1)),
            ids: ["a".to_string()].into(),
        };
        let now: BTreeSet<String> = ["a".to_string(), "b".to_string()].into();
        let cases = [
            (Some(PartialDate::ymd(2026, 7, 1)), vec!["b"]),
            (Some(PartialDate::ymd(2026, 1, 1)), vec![]),
            (Some(PartialDate::ymd(2025, 12, 1)), vec![]),
            (None, vec![]),
        ];
        for (as_of, want) in cases {
            assert_eq!(seen.new_since(as_of, &now), want, "{as_of:?}");
        }
        let first_visit = Seen::default();
        assert!(first_visit
            .new_since(Some(PartialDate::ymd(2026, 7, 1)), &now)
            .is_empty());
    }

    use super::*;

    #[test]
    fn progress_import_rejects_foreign_files() {
        assert!(matches!(
            progress_from_json("nope"),
            Err(ImportError::NotJson(_))
        ));
        assert_eq!(progress_from_json("{}"), Err(ImportError::WrongFormat));
        assert_eq!(
            progress_from_json(r#"{"format":"exposure-check-plan","version":9}"#),
            Err(ImportError::Version(9))
        );
        let ok = progress_from_json(
            r#"{"format":"exposure-check-plan","version":1,"progress":{"companies":[{"input":"AT&T","org_id":"att"}],"done":["credit_freeze"]}}"#,
        )
        .unwrap();
        assert_eq!(ok.done.len(), 1);
        assert_eq!(ok.companies[0].org_id.as_deref(), Some("att"));
    }
}

json_struct!(lenient Progress { companies, done, done_on: default, letters: default, seen: default });
json_struct!(lenient Seen { as_of: default, ids: default });
