//! The plan as files a person keeps, in words: a Markdown checklist and
//! iCalendar reminders (RFC 5545) from the core's calendar events.

use std::collections::{BTreeMap, BTreeSet};

use exposure_core::dataset::DataSet;
use exposure_core::export::{calendar, EventKind, REMINDER_HOUR};
use exposure_core::report::{ActionWords, Report, Words};
use exposure_core::PartialDate;

/// The plan as a Markdown checklist.
pub fn to_markdown(
    ds: &DataSet,
    report: &Report,
    done: &BTreeSet<String>,
    words: &dyn Words,
) -> String {
    let mut md = String::from("# Exposure Check — my action plan\n\n");
    let english = ds.texts(exposure_core::Lang::En);
    if let Some(d) = ds.info().as_of {
        md.push_str(&format!("Data as of {}.\n\n", d.human()));
    }
    if !report.companies.is_empty() {
        let v = exposure_core::verdict::verdict(report);
        md.push_str(&format!(
            "{}\n\n",
            crate::verdict_headline(ds, &v, exposure_core::Lang::En)
        ));
    }
    // The companies, with what the person said of each, in the reader's
    // language (the action words are too).
    let lang = words.lang();
    let names: Vec<String> = report
        .companies
        .iter()
        .map(|c| {
            let name = match c.org_id.as_deref().filter(|id| ds.org(id).is_some()) {
                Some(id) => crate::org_name(ds, id, lang).to_string(),
                None => format!(
                    "{}{}",
                    c.input,
                    lang.pick(" (not recognised)", "（未识别）")
                ),
            };
            // The relationship, current or former, and the years.
            let said = crate::relationship_words(lang, c.relation, c.period)
                .map(|w| match lang {
                    exposure_core::Lang::En => format!(" ({w})"),
                    exposure_core::Lang::Zh => format!("（{w}）"),
                })
                .unwrap_or_default();
            let letter = if c.from_letter {
                lang.pick(" — from your letter", "——来自你的来信")
            } else {
                ""
            };
            format!("{name}{said}{letter}")
        })
        .collect();
    if !names.is_empty() {
        md.push_str(&format!(
            "{}{}\n\n",
            lang.pick("Companies: ", "公司："),
            names.join(lang.pick(", ", "、"))
        ));
    }
    // One line an incident: which, through which company, how sure, when.
    let live: Vec<&exposure_core::Match> = report.live_matches().collect();
    if !live.is_empty() {
        md.push_str("## Incidents\n\n");
        for m in live {
            let Some(inc) = ds.incident(&m.incident_id) else {
                continue;
            };
            let when = match (inc.breach_start, inc.breach_end, inc.disclosed) {
                (Some(a), Some(b), _) if a != b => format!("{} – {}", a.human(), b.human()),
                (Some(a), _, _) => a.human(),
                (None, _, Some(d)) => format!("disclosed {}", d.human()),
                _ => "date not known".to_string(),
            };
            md.push_str(&format!(
                "- **{}** — {}, {}; {when}\n",
                crate::incident_title(english, inc),
                ds.org_name(&m.org_id),
                m.confidence.id(),
            ));
        }
        md.push('\n');
    }
    if !report.exposed.is_empty() {
        md.push_str("## What was exposed\n\n");
        for e in &report.exposed {
            let titles: Vec<String> = e
                .incidents
                .iter()
                .map(|i| crate::plan::source_name(english, i))
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
        let w = words.action_words(a);
        let tick = if done.contains(&a.id) { "x" } else { " " };
        let expired = if a.expired { " (deadline passed)" } else { "" };
        md.push_str(&format!(
            "- [{tick}] **{}** — {}{expired}\n",
            w.title,
            crate::urgency_label(exposure_core::Lang::En, a.urgency)
        ));
        if !w.because.is_empty() {
            md.push_str(&format!("  - Why: {}\n", w.because));
        }
        for (i, s) in w.steps.iter().enumerate() {
            md.push_str(&format!("  {}. {}\n", i + 1, s));
        }
        for l in &w.links {
            md.push_str(&format!("  - [{}]({})\n", l.label, l.url));
        }
    }
    md
}

/// Calendar reminders: timed events at the same local hour each time
/// (floating time: the person's own clock), as long as the step takes,
/// each with an alarm (an all-day event without one notifies no one).
pub fn to_ics(
    report: &Report,
    today: PartialDate,
    done_on: &BTreeMap<String, PartialDate>,
    words: &dyn Words,
) -> String {
    let stamp = format!("{}T000000Z", ics_date(today));
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Exposure Check//Action plan//EN".into(),
        "CALSCALE:GREGORIAN".into(),
    ];
    for e in calendar(report, today, done_on) {
        let Some(a) = report.plan.iter().find(|a| a.id == e.action) else {
            continue;
        };
        let w = words.action_words(a);
        let summary = match (e.kind, &a.recurrence) {
            (EventKind::Recurring, Some(r)) => r.reminder.clone(),
            _ => format!("Deadline: {}", w.title),
        };
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}@exposure-check", e.uid));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!(
            "DTSTART:{}T{REMINDER_HOUR:02}0000",
            ics_date(e.start)
        ));
        lines.push(format!("DURATION:PT{}M", e.minutes.max(5)));
        if let Some(r) = &e.rrule {
            lines.push(format!("RRULE:{r}"));
        }
        lines.push(format!("SUMMARY:{}", ics_text(&summary)));
        lines.push(format!("DESCRIPTION:{}", ics_text(&describe(&w))));
        lines.push("BEGIN:VALARM".into());
        lines.push("ACTION:DISPLAY".into());
        lines.push(format!("DESCRIPTION:{}", ics_text(&summary)));
        lines.push(format!("TRIGGER:{}", e.alarm));
        lines.push("END:VALARM".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

fn describe(w: &ActionWords) -> String {
    let mut d = w.summary.clone();
    for (i, s) in w.steps.iter().enumerate() {
        d.push_str(&format!("\n{}. {}", i + 1, s));
    }
    for l in &w.links {
        d.push_str(&format!("\n{}: {}", l.label, l.url));
    }
    d
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
}
