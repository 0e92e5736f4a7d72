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
    // Everything in the reader's language, as the page says it.
    let lang = words.lang();
    let locale = exposure_core::Locale::from(lang);
    let t = ds.texts(locale);
    let mut md = format!(
        "# {}\n\n",
        lang.pick(
            "Exposure Check — my action plan",
            "数据泄露自查——我的行动计划"
        )
    );
    if let Some(d) = ds.info().as_of {
        md.push_str(&match lang {
            exposure_core::Lang::En => format!("Data as of {}.\n\n", d.human()),
            exposure_core::Lang::Zh => format!("数据截至{}。\n\n", t.date(d)),
        });
    }
    if !report.companies.is_empty() {
        // The verdict: how many, how sure, the worst data and the first steps.
        let v = exposure_core::verdict::verdict(report);
        md.push_str(&format!("{}\n\n", crate::verdict_headline(ds, &v, lang)));
        if let Some(w) = &v.worst {
            md.push_str(&format!("{}\n\n", crate::verdict_worst(ds, w, locale)));
        }
        let first: Vec<String> = v
            .first_steps
            .iter()
            .filter_map(|id| report.plan.iter().find(|a| &a.id == id))
            .map(|a| crate::plan::action_title(ds, locale, a))
            .collect();
        if !first.is_empty() {
            md.push_str(&format!(
                "{}{}\n\n",
                lang.pick("First steps: ", "第一步："),
                first.join(lang.pick("; ", "；"))
            ));
        }
    }
    // The companies, with what the person said of each.
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
        md.push_str(lang.pick("## Incidents\n\n", "## 数据泄露事件\n\n"));
        for m in live {
            let Some(inc) = ds.incident(&m.incident_id) else {
                continue;
            };
            let when = match (inc.breach_start, inc.breach_end, inc.disclosed, lang) {
                (Some(a), Some(b), _, _) if a != b => {
                    format!("{}{}{}", t.date(a), lang.pick(" – ", "至"), t.date(b))
                }
                (Some(a), _, _, _) => t.date(a),
                (None, _, Some(d), exposure_core::Lang::En) => format!("disclosed {}", t.date(d)),
                (None, _, Some(d), exposure_core::Lang::Zh) => format!("{}披露", t.date(d)),
                (None, _, None, _) => lang.pick("date not known", "日期不详").to_string(),
            };
            md.push_str(&format!(
                "- **{}** — {}{}{}{}{when}\n",
                crate::incident_title(t, inc),
                crate::org_name(ds, &m.org_id, lang),
                lang.pick(", ", "，"),
                crate::confidence_word(lang, m.confidence),
                lang.pick("; ", "；"),
            ));
        }
        md.push('\n');
    }
    if !report.exposed.is_empty() {
        md.push_str(lang.pick("## What was exposed\n\n", "## 泄露了什么\n\n"));
        for e in &report.exposed {
            let titles: Vec<String> = e
                .incidents
                .iter()
                .map(|i| crate::plan::source_name(t, i))
                .collect();
            md.push_str(&format!(
                "- **{}** — {}\n",
                t.type_name(&e.type_id),
                titles.join(lang.pick("; ", "；"))
            ));
        }
        md.push('\n');
    }
    md.push_str(lang.pick("## What to do\n\n", "## 应当怎么做\n\n"));
    if report.plan.is_empty() {
        md.push_str(lang.pick(
            "Nothing to do: no known incident matched.\n",
            "无需行动：没有匹配到已知事件。\n",
        ));
    }
    for a in &report.plan {
        let w = words.action_words(a);
        let tick = if done.contains(&a.id) { "x" } else { " " };
        let expired = if a.expired {
            lang.pick(" (deadline passed)", "（已过期限）")
        } else {
            ""
        };
        md.push_str(&format!(
            "- [{tick}] **{}** — {}{expired}\n",
            w.title,
            crate::urgency_label(lang, a.urgency)
        ));
        if !w.because.is_empty() {
            md.push_str(&format!(
                "  - {}{}\n",
                lang.pick("Why: ", "原因："),
                w.because
            ));
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
            (EventKind::Recurring, Some(_)) => words.reminder(a),
            _ => format!("{}{}", words.lang().pick("Deadline: ", "截止："), w.title),
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
