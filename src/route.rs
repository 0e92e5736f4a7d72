//! The page's views as URL fragments, so every view has its own address and
//! works on any static host: `#/` (check), `#/incidents?…` (browser) and
//! `#/incident/<id>` (one incident). Pure: parsed and printed without the DOM.

use exposure_core::browse::IncidentFilter;
use exposure_core::model::Sector;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    #[default]
    Check,
    Incidents(IncidentFilter),
    Incident(String),
}

const SECTORS: &[(Sector, &str)] = &[
    (Sector::Carrier, "carrier"),
    (Sector::Bank, "bank"),
    (Sector::Fintech, "fintech"),
    (Sector::Lending, "lending"),
    (Sector::Insurer, "insurer"),
    (Sector::Retirement, "retirement"),
    (Sector::Health, "health"),
    (Sector::Retail, "retail"),
    (Sector::Entertainment, "entertainment"),
    (Sector::CloudPlatform, "cloud_platform"),
    (Sector::Software, "software"),
    (Sector::BusinessServices, "business_services"),
    (Sector::Government, "government"),
    (Sector::Education, "education"),
    (Sector::Travel, "travel"),
    (Sector::Other, "other"),
];

pub fn sector_id(s: Sector) -> &'static str {
    SECTORS
        .iter()
        .find(|(x, _)| *x == s)
        .map_or("other", |(_, id)| id)
}

pub fn sector_from_id(id: &str) -> Option<Sector> {
    SECTORS.iter().find(|(_, x)| *x == id).map(|(s, _)| *s)
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes percent-escapes and '+'; invalid escapes are kept as they are.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Route {
    /// Reads a location hash ("#/incidents?year=2024", with or without '#').
    /// A link to a place in the page ("#main", "#action-credit_freeze"),
    /// not a view: following it changes neither the view nor the scroll
    /// the browser gives it.
    pub fn is_anchor(hash: &str) -> bool {
        let h = hash.trim_start_matches('#');
        let path = h
            .split('?')
            .next()
            .unwrap_or_default()
            .trim_end_matches('/');
        let view = path == "incidents" || path == "incident" || path.starts_with("incident/");
        !h.is_empty() && !h.starts_with('/') && !view
    }

    pub fn parse(hash: &str) -> Route {
        let h = hash.trim_start_matches('#').trim_start_matches('/');
        let (path, query) = h.split_once('?').unwrap_or((h, ""));
        let path = path.trim_end_matches('/');
        if let Some(id) = path.strip_prefix("incident/") {
            let id = decode(id);
            return if id.is_empty() {
                Route::Incidents(IncidentFilter::default())
            } else {
                Route::Incident(id)
            };
        }
        if path == "incident" {
            return Route::Incidents(IncidentFilter::default());
        }
        if path != "incidents" {
            return Route::Check;
        }
        let mut f = IncidentFilter::default();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = decode(v);
            match k {
                "q" => f.text = v.chars().take(200).collect(),
                "year" => f.year = v.parse().ok().filter(|y| (1990..=2100).contains(y)),
                "sector" => f.sector = sector_from_id(&v),
                "type" => f.data_type = (!v.is_empty()).then_some(v),
                "third" => f.third_party_only = v == "1",
                "org" => f.org = (!v.is_empty()).then_some(v),
                "src" => f.source = (!v.is_empty()).then_some(v),
                _ => {}
            }
        }
        Route::Incidents(f)
    }

    /// The hash for this route (starts with '#').
    pub fn href(&self) -> String {
        match self {
            Route::Check => "#/".into(),
            Route::Incident(id) => format!("#/incident/{}", encode(id)),
            Route::Incidents(f) => {
                let mut q: Vec<String> = Vec::new();
                if !f.text.is_empty() {
                    q.push(format!("q={}", encode(&f.text)));
                }
                if let Some(y) = f.year {
                    q.push(format!("year={y}"));
                }
                if let Some(s) = f.sector {
                    q.push(format!("sector={}", sector_id(s)));
                }
                if let Some(t) = &f.data_type {
                    q.push(format!("type={}", encode(t)));
                }
                if f.third_party_only {
                    q.push("third=1".into());
                }
                if let Some(o) = &f.org {
                    q.push(format!("org={}", encode(o)));
                }
                if let Some(src) = &f.source {
                    q.push(format!("src={}", encode(src)));
                }
                if q.is_empty() {
                    "#/incidents".into()
                } else {
                    format!("#/incidents?{}", q.join("&"))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_table() {
        let cases: Vec<(&str, Route)> = vec![
            ("", Route::Check),
            ("#", Route::Check),
            ("#/", Route::Check),
            ("#/nonsense", Route::Check),
            ("#/incidents", Route::Incidents(IncidentFilter::default())),
            (
                "#/incident/att-snowflake-2024",
                Route::Incident("att-snowflake-2024".into()),
            ),
            ("#/incident/", Route::Incidents(IncidentFilter::default())),
            (
                "#/incidents?q=bank%20of+america&year=2023&sector=bank&type=ssn&third=1&org=att&src=hhs-ocr",
                Route::Incidents(IncidentFilter {
                    text: "bank of america".into(),
                    year: Some(2023),
                    sector: Some(Sector::Bank),
                    data_type: Some("ssn".into()),
                    third_party_only: true,
                    org: Some("att".into()),
                    source: Some("hhs-ocr".into()),
                }),
            ),
            (
                "#/incidents?year=abc&sector=moon&bogus=1",
                Route::Incidents(IncidentFilter::default()),
            ),
            (
                "#/incidents?q=%E4%B8%AD%zz",
                Route::Incidents(IncidentFilter {
                    text: "中%zz".into(),
                    ..Default::default()
                }),
            ),
        ];
        for (hash, want) in cases {
            assert_eq!(Route::parse(hash), want, "{hash}");
        }
    }

    #[test]
    fn anchors_are_not_views() {
        for hash in ["#main", "#action-credit_freeze", "#incidents-heading"] {
            assert!(Route::is_anchor(hash), "{hash}");
        }
        for hash in [
            "",
            "#",
            "#/",
            "#/incidents?year=2024",
            "#/incident/att-snowflake-2024",
            "#incidents",
        ] {
            assert!(!Route::is_anchor(hash), "{hash}");
        }
    }

    #[test]
    fn href_round_trips() {
        let routes = [
            Route::Check,
            Route::Incident("infosys-mccamish-2023".into()),
            Route::Incidents(IncidentFilter::default()),
            Route::Incidents(IncidentFilter {
                text: "AT&T = 美国 #1?".into(),
                year: Some(2024),
                sector: Some(Sector::CloudPlatform),
                data_type: Some("call_records".into()),
                third_party_only: true,
                org: Some("snowflake".into()),
                source: Some("all".into()),
            }),
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.href()), r, "{}", r.href());
        }
        for (s, id) in SECTORS {
            assert_eq!(sector_from_id(id), Some(*s));
            assert_eq!(sector_id(*s), *id);
        }
    }
}
