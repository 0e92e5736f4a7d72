//! Dates as letters write them: "October 29, 2023", "Oct. 29, 2023",
//! "29 October 2023", "10/29/2023", "2023-10-29", "2023年10月29日" (and a
//! following "5月30日" that takes the year before it). Hand-written: a
//! date-parsing crate would bring locale tables the page does not need.

use crate::date::PartialDate;

/// A date found in a text, with where it is (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub date: PartialDate,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names ("Oct", "Oct.", "October", "Sept").
fn month_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == w || (w.len() >= 3 && m.starts_with(&w) && (w.len() == 3 || w == "sept"))
        })
        .map(|i| i as u8 + 1)
}

fn valid(y: i32, m: u8, d: u8) -> Option<PartialDate> {
    let text = format!("{y:04}-{m:02}-{d:02}");
    PartialDate::parse(&text)
        .ok()
        .filter(|_| (1990..=2100).contains(&y))
}

/// A token of the text: a word or number, with its offsets.
#[derive(Debug)]
struct Tok<'a> {
    s: &'a str,
    start: usize,
    end: usize,
}

fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_ascii_alphanumeric() || c == '.' || c == '/' || c == '-';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Tok {
                    s: &text[s..i],
                    start: s,
                    end: i,
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Tok {
            s: &text[s..],
            start: s,
            end: text.len(),
        });
    }
    out
}

fn number(s: &str) -> Option<u32> {
    let s = s.trim_end_matches(['.', ',']);
    let s = s
        .strip_suffix("st")
        .or_else(|| s.strip_suffix("nd"))
        .or_else(|| s.strip_suffix("rd"))
        .or_else(|| s.strip_suffix("th"))
        .unwrap_or(s);
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Every full date in `text`, in order.
pub(crate) fn find(text: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let toks = tokens(text);
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // Month D, YYYY / Month D YYYY, and D Month YYYY.
        let third = toks.get(i + 2).and_then(|x| number(x.s));
        let second = toks.get(i + 1);
        let month_first = month_of(t.s).zip(second.and_then(|x| number(x.s)));
        let day_first = number(t.s)
            .zip(second.and_then(|x| month_of(x.s)))
            .map(|(d, m)| (m, d));
        if let Some(date) = month_first
            .or(day_first)
            .zip(third)
            .and_then(|((m, d), y)| valid(y as i32, m, d.min(255) as u8))
        {
            out.push(Found {
                start: t.start,
                end: toks[i + 2].end,
                date,
            });
            i += 3;
            continue;
        }
        // MM/DD/YYYY or YYYY-MM-DD
        let s = t.s.trim_end_matches('.');
        let parts: Vec<&str> = s.split(['/', '-']).collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
            let date = if n.len() != 3 {
                None
            } else if parts[0].len() == 4 {
                valid(n[0] as i32, n[1].min(255) as u8, n[2].min(255) as u8)
            } else if parts[2].len() == 4 {
                valid(n[2] as i32, n[0].min(255) as u8, n[1].min(255) as u8)
            } else {
                None
            };
            if let Some(date) = date {
                out.push(Found {
                    start: t.start,
                    end: t.end,
                    date,
                });
            }
        }
        i += 1;
    }
    out.extend(find_chinese(text));
    crate::sort::sort_by(&mut out, |a, b| a.start.cmp(&b.start));
    out
}

/// "2023年10月29日", and "5月30日" after a full one (its year).
fn find_chinese(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digits = |from: usize| -> (Option<u32>, usize) {
        let mut j = from;
        let mut v: u32 = 0;
        while j < chars.len() && chars[j].1.is_ascii_digit() && j - from < 4 {
            v = v * 10 + chars[j].1.to_digit(10).unwrap_or(0);
            j += 1;
        }
        ((j > from).then_some(v), j)
    };
    let mut year: Option<i32> = None;
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_ascii_digit() || (i > 0 && chars[i - 1].1.is_ascii_digit()) {
            i += 1;
            continue;
        }
        let (n1, j) = digits(i);
        let start = chars[i].0;
        let at = |k: usize| chars.get(k).map(|c| c.1);
        let end_of = |k: usize| chars.get(k).map_or(text.len(), |c| c.0);
        match (n1, at(j)) {
            (Some(y), Some('年')) if (1990..=2100).contains(&y) => {
                let (m, k) = digits(j + 1);
                if let (Some(m), Some('月')) = (m, at(k)) {
                    let (d, l) = digits(k + 1);
                    if let (Some(d), Some('日' | '号')) = (d, at(l)) {
                        if let Some(date) = valid(y as i32, m.min(255) as u8, d.min(255) as u8) {
                            out.push(Found {
                                start,
                                end: end_of(l + 1),
                                date,
                            });
                            year = Some(y as i32);
                            i = l + 1;
                            continue;
                        }
                    }
                }
                year = Some(y as i32);
            }
            (Some(m), Some('月')) => {
                let (d, l) = digits(j + 1);
                if let (Some(d), Some('日' | '号'), Some(y)) = (d, at(l), year) {
                    if let Some(date) = valid(y, m.min(255) as u8, d.min(255) as u8) {
                        out.push(Found {
                            start,
                            end: end_of(l + 1),
                            date,
                        });
                        i = l + 1;
                        continue;
                    }
                }
            }
            _ => {}
        }
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(s: &str) -> Vec<String> {
        find(s).iter().map(|f| f.date.to_string()).collect()
    }

    #[test]
    fn table_of_written_dates() {
        for (text, want) in [
            (
                "on October 29, 2023 and Nov. 2, 2023",
                vec!["2023-10-29", "2023-11-02"],
            ),
            ("Tue, 20 May 2025 09:15:44 -0500", vec!["2025-05-20"]),
            ("by 03/31/2026.", vec!["2026-03-31"]),
            ("2024-07-01", vec!["2024-07-01"]),
            (
                "于2023年5月29日和5月30日进入",
                vec!["2023-05-29", "2023-05-30"],
            ),
            ("请于2025年3月31日前注册", vec!["2025-03-31"]),
            ("May 2023 and 24 months", vec![]),
            ("February 30, 2024", vec![]),
            ("Sept. 5th, 2024", vec!["2024-09-05"]),
        ] {
            assert_eq!(dates(text), want, "{text}");
        }
    }
}
