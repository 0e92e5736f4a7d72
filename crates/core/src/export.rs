//! The plan as files a person can keep: Markdown, JSON (with progress, so it
//! can move to another device) and iCalendar reminders (RFC 5545).

use std::collections::BTreeSet;

use serde::Serialize;

use crate::json::json_struct;

use crate::dataset::DataSet;
use crate::date::PartialDate;
use crate::exposure::CompanyQuery;
use crate::model::Frequency;
use crate::plan::PlannedAction;
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
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportDoc {
    pub format: &'static str,
    pub version: u32,
    pub exported: Option<String>,
    pub progress: Progress,
    pub report: CheckOut,
}

/// The JSON export: progress plus the report, pretty-printed; `words`
/// puts each match into words.
pub fn to_json(
    ds: &DataSet,
    report: &Report,
    done: &BTreeSet<String>,
    today: Option<PartialDate>,
    words: &dyn Fn(&crate::exposure::Match) -> crate::report::MatchWords,
) -> String {
    let doc = ExportDoc {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exported: today.map(|d| d.to_string()),
        progress: Progress {
            companies: report.companies.clone(),
            done: done.clone(),
            ..Default::default()
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

/// The plan as a Markdown checklist.
pub fn to_markdown(ds: &DataSet, report: &Report, done: &BTreeSet<String>) -> String {
    let mut md = String::from("# Exposure Check — my action plan\n\n");
    let names: Vec<String> = report
        .companies
        .iter()
        .map(|c| {
            c.org_id.as_deref().and_then(|id| ds.org(id)).map_or_else(
                || format!("{} (not recognised)", c.input),
                |o| o.name.clone(),
            )
        })
        .collect();
    if !names.is_empty() {
        md.push_str(&format!("Companies: {}\n\n", names.join(", ")));
    }
    if !report.exposed.is_empty() {
        md.push_str("## What was exposed\n\n");
        for e in &report.exposed {
            let titles: Vec<&str> = e
                .incidents
                .iter()
                .map(|i| ds.incident(i).map_or(i.as_str(), |x| x.title.as_str()))
                .collect();
            md.push_str(&format!(
                "- **{}** — {}\n",
                ds.type_name(&e.type_id),
                titles.join("; ")
            ));
        }
        md.push('\n');
    }
    md.push_str("## What to do\n\n");
    if report.plan.is_empty() {
        md.push_str("Nothing to do: no known incident matched.\n");
    }
    for a in &report.plan {
        let tick = if done.contains(&a.id) { "x" } else { " " };
        let expired = if a.expired { " (deadline passed)" } else { "" };
        md.push_str(&format!(
            "- [{tick}] **{}** — {}{expired}\n",
            a.title,
            a.urgency.label()
        ));
        if !a.because.is_empty() {
            md.push_str(&format!("  - Why: {}\n", a.because));
        }
        for (i, s) in a.steps.iter().enumerate() {
            md.push_str(&format!("  {}. {}\n", i + 1, s));
        }
        for l in &a.links {
            md.push_str(&format!("  - [{}]({})\n", l.label, l.url));
        }
    }
    md
}

/// Escapes a text value (RFC 5545 §3.3.11).
fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545 §3.1), never inside a character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let w = c.len_utf8();
        if width + w > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += w;
    }
    out.push_str("\r\n");
    out
}

fn ics_date(d: PartialDate) -> String {
    let (y, m, day) = d.earliest();
    format!("{y:04}{m:02}{day:02}")
}

/// Calendar reminders: recurring actions with an RRULE, and open deadlines.
/// A recurring step comes back one period after it was done (`done_on`), or
/// after today when it is not done yet: never due before it was first done.
pub fn to_ics(
    report: &Report,
    today: PartialDate,
    done_on: &std::collections::BTreeMap<String, PartialDate>,
) -> String {
    let stamp = format!("{}T000000Z", ics_date(today));
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Exposure Check//Action plan//EN".into(),
        "CALSCALE:GREGORIAN".into(),
    ];
    // Timed events at the same local hour each time (floating time: the
    // person's own clock), as long as the step takes, each with an alarm: an
    // all-day event without one notifies no one.
    let event = |lines: &mut Vec<String>, e: Event| {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}@exposure-check", e.uid));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!(
            "DTSTART:{}T{REMINDER_HOUR:02}0000",
            ics_date(e.start)
        ));
        lines.push(format!("DURATION:PT{}M", e.minutes.max(5)));
        if let Some(r) = e.rrule {
            lines.push(format!("RRULE:{r}"));
        }
        lines.push(format!("SUMMARY:{}", ics_text(e.summary)));
        lines.push(format!("DESCRIPTION:{}", ics_text(e.desc)));
        lines.push("BEGIN:VALARM".into());
        lines.push("ACTION:DISPLAY".into());
        lines.push(format!("DESCRIPTION:{}", ics_text(e.summary)));
        lines.push(format!("TRIGGER:{}", e.alarm));
        lines.push("END:VALARM".into());
        lines.push("END:VEVENT".into());
    };
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
            event(
                &mut lines,
                Event {
                    uid: &a.id,
                    start,
                    minutes: a.effort_minutes,
                    summary: &r.reminder,
                    desc: &describe(a),
                    rrule: Some(&rule),
                    alarm: "PT0M",
                },
            );
        }
        if let (Some(d), false) = (a.deadline, a.expired) {
            if !d.is_past(&today) {
                let end = PartialDate::ymd(d.latest().0, d.latest().1, d.latest().2);
                // A day ahead, so there is time to act.
                event(
                    &mut lines,
                    Event {
                        uid: &format!("{}-deadline", a.id),
                        start: end,
                        minutes: a.effort_minutes,
                        summary: &format!("Deadline: {}", a.title),
                        desc: &describe(a),
                        rrule: None,
                        alarm: "-P1D",
                    },
                );
            }
        }
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

/// The local hour reminders are set at.
const REMINDER_HOUR: u32 = 9;

/// One calendar event of the plan.
struct Event<'a> {
    uid: &'a str,
    start: PartialDate,
    minutes: u32,
    summary: &'a str,
    desc: &'a str,
    rrule: Option<&'a str>,
    /// When the alarm goes off, relative to the start (an RFC 5545 duration).
    alarm: &'a str,
}

fn describe(a: &PlannedAction) -> String {
    let mut d = a.summary.clone();
    for (i, s) in a.steps.iter().enumerate() {
        d.push_str(&format!("\n{}. {}", i + 1, s));
    }
    for l in &a.links {
        d.push_str(&format!("\n{}: {}", l.label, l.url));
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ics_text_escapes() {
        assert_eq!(ics_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn fold_keeps_lines_short_and_utf8_whole() {
        let long = "DESCRIPTION:".to_string() + &"信用冻结".repeat(30);
        let folded = fold(&long);
        for line in folded.split("\r\n") {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), long);
    }

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

json_struct!(lenient Progress { companies, done, done_on: default });
