//! Partial calendar dates ("2023", "2023-10", "2023-10-29") as they appear in
//! breach disclosures, where the day or month is often unknown.

use std::cmp::Ordering;
use std::fmt;

use serde::{Serialize, Serializer};

/// A date whose month and day may be unknown. Ordered by its earliest possible
/// day, so `2023-10` sorts before `2023-10-29`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// Why a string is not a partial date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")]
pub struct DateError {
    pub text: String,
}

impl PartialDate {
    pub const fn ymd(year: i32, month: u8, day: u8) -> Self {
        PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let err = || DateError {
            text: text.chars().take(40).collect(),
        };
        let mut parts = text.split('-');
        let year_s = parts.next().ok_or_else(err)?;
        if year_s.len() != 4 || !year_s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let year: i32 = year_s.parse().map_err(|_| err())?;
        let month = match parts.next() {
            None => None,
            Some(m) => Some(
                two_digits(m)
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(err)?,
            ),
        };
        let day = match parts.next() {
            None => None,
            Some(d) => {
                let d = two_digits(d).ok_or_else(err)?;
                let max = days_in_month(year, month.unwrap_or(1));
                if d == 0 || d > max {
                    return Err(err());
                }
                Some(d)
            }
        };
        if parts.next().is_some() {
            return Err(err());
        }
        Ok(PartialDate { year, month, day })
    }

    /// The civil date `days` days after 1970-01-01 (proleptic Gregorian).
    pub fn from_days_since_epoch(days: i64) -> Self {
        // Howard Hinnant's days_from_civil inverse.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        PartialDate::ymd(year, month, day)
    }

    /// The day `months` months after this one's earliest day (the 31st of a
    /// shorter month becomes its last day).
    pub fn plus_months(&self, months: u32) -> Self {
        let (y, m, d) = self.earliest();
        let index = i64::from(y) * 12 + i64::from(m - 1) + i64::from(months);
        let year = index.div_euclid(12) as i32;
        let month = (index.rem_euclid(12) + 1) as u8;
        PartialDate::ymd(year, month, d.min(days_in_month(year, month)))
    }

    /// The day `days` days after this one's earliest day.
    pub fn plus_days(&self, days: i64) -> Self {
        PartialDate::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// Days from 1970-01-01 to this date's earliest day.
    pub(crate) fn days_since_epoch(&self) -> i64 {
        let (y, m, d) = self.earliest();
        // Howard Hinnant's days_from_civil.
        let y = i64::from(y) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (i64::from(m) + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The earliest day this date can mean, as (year, month, day).
    pub fn earliest(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The latest day this date can mean, as (year, month, day).
    pub(crate) fn latest(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        (
            self.year,
            month,
            self.day.unwrap_or(days_in_month(self.year, month)),
        )
    }

    /// True when every day this date can mean lies before `today`.
    pub fn is_past(&self, today: &PartialDate) -> bool {
        self.latest() < today.earliest()
    }

    /// A short readable form: "Oct 29, 2023", "Oct 2023" or "2023".
    pub fn human(&self) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{} {}, {}", MONTHS[usize::from(m - 1)], d, self.year),
            (Some(m), None) => format!("{} {}", MONTHS[usize::from(m - 1)], self.year),
            _ => self.year.to_string(),
        }
    }
}

fn two_digits(s: &str) -> Option<u8> {
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.earliest()
            .cmp(&other.earliest())
            .then_with(|| self.latest().cmp(&other.latest()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl std::str::FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PartialDate::parse(s)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl crate::json::FromJson for PartialDate {
    fn from_json(v: crate::json::Json) -> Result<Self, crate::json::JsonError> {
        let text = String::from_json(v)?;
        PartialDate::parse(&text).map_err(|e| crate::json::JsonError::new(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_table() {
        let cases = [
            ("2023", Some("2023")),
            ("2023-10", Some("2023-10")),
            ("2023-10-29", Some("2023-10-29")),
            ("2024-02-29", Some("2024-02-29")),
            ("2023-02-29", None),
            ("2023-13", None),
            ("2023-00", None),
            ("23-10-01", None),
            ("2023-1-01", None),
            ("2023-10-29-1", None),
            ("", None),
            ("abcd", None),
            ("2023-04-31", None),
        ];
        for (input, want) in cases {
            let got = PartialDate::parse(input).ok().map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "input {input:?}");
        }
    }

    #[test]
    fn orders_by_earliest_day_then_latest() {
        let a = PartialDate::parse("2023-10").unwrap();
        let b = PartialDate::parse("2023-10-29").unwrap();
        let c = PartialDate::parse("2023-11-02").unwrap();
        assert!(a < b && b < c);
        assert!(PartialDate::parse("2023").unwrap() < a);
    }

    #[test]
    fn past_means_every_possible_day_is_past() {
        let today = PartialDate::ymd(2024, 6, 15);
        assert!(PartialDate::parse("2024-05").unwrap().is_past(&today));
        assert!(!PartialDate::parse("2024-06").unwrap().is_past(&today));
        assert!(!PartialDate::parse("2024").unwrap().is_past(&today));
        assert!(PartialDate::parse("2024-06-14").unwrap().is_past(&today));
    }

    #[test]
    fn days_since_epoch_table() {
        for (days, want) in [
            (0, "1970-01-01"),
            (19_723, "2024-01-01"),
            (20_414, "2025-11-22"),
            (-1, "1969-12-31"),
            (11_016, "2000-02-29"),
        ] {
            assert_eq!(
                PartialDate::from_days_since_epoch(days).to_string(),
                want,
                "{days}"
            );
        }
    }

    #[test]
    fn human_form() {
        assert_eq!(PartialDate::ymd(2023, 10, 29).human(), "Oct 29, 2023");
        assert_eq!(PartialDate::parse("2023-10").unwrap().human(), "Oct 2023");
        assert_eq!(PartialDate::parse("2023").unwrap().human(), "2023");
    }
}
