//! Reading a Have I Been Pwned breach catalogue (API v3 `breaches` JSON) into
//! incidents, so a person can widen the check with a file they already have.
//! Descriptions are HTML from outside: only their text is kept, no link is
//! followed and no logo is loaded.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value;

use crate::dataset::DataSet;
use crate::date::PartialDate;
use crate::matcher::NameIndex;
use crate::model::{Cohort, Incident, IncidentKind, Organization, Sector, Source};

/// Why a catalogue could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    #[error("the file is not JSON ({0})")]
    NotJson(String),
    #[error("the file is JSON but not a breach list: expected an array of breaches")]
    WrongShape,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub name: String,
    pub reason: String,
}

/// What an import produced, and what it left out and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CatalogImport {
    /// Entries in the file.
    pub breaches: usize,
    /// Entries that became incidents.
    pub imported: usize,
    pub skipped: Vec<Skipped>,
    /// Every HIBP data class seen → our data type id.
    pub class_mapping: BTreeMap<String, String>,
    /// Classes not in our mapping (mapped to `other`).
    pub unmapped_classes: Vec<String>,
    #[serde(skip)]
    pub incidents: Vec<Incident>,
    #[serde(skip)]
    pub organizations: Vec<Organization>,
}

/// The data set with an import merged in.
pub fn merge(ds: &DataSet, import: &CatalogImport) -> DataSet {
    let mut orgs = ds.organizations.clone();
    orgs.extend(import.organizations.iter().cloned());
    let mut incidents = ds.incidents.clone();
    incidents.extend(import.incidents.iter().cloned());
    DataSet::new(
        ds.taxonomy.clone(),
        orgs,
        ds.relationships.clone(),
        incidents,
    )
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out.truncate(60);
    out
}

/// Text of an HTML fragment: tags dropped (link text kept), common entities
/// decoded, whitespace collapsed. Never returns markup.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut skip_depth = 0usize; // inside <script> or <style>
    let mut tag = String::new();
    for c in html.chars() {
        if in_tag {
            if c == '>' {
                in_tag = false;
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                let closing = tag.starts_with('/');
                if name == "script" || name == "style" {
                    if closing {
                        skip_depth = skip_depth.saturating_sub(1);
                    } else if !tag.ends_with('/') {
                        skip_depth += 1;
                    }
                }
                if matches!(name.as_str(), "br" | "p" | "li" | "div") {
                    text.push(' ');
                }
                tag.clear();
            } else {
                tag.push(c);
            }
        } else if c == '<' {
            in_tag = true;
        } else if skip_depth == 0 {
            text.push(c);
        }
    }
    let decoded = decode_entities(&text);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16)
                    .ok()
                    .and_then(char::from_u32),
                n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            ch.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                // A decoded '<' stays text: the caller renders text, never HTML.
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn flag(v: &Value, key: &str) -> bool {
    v.get(key).and_then(Value::as_bool).unwrap_or(false)
}

fn text_field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Reads a catalogue. One bad entry is skipped with its reason; only a file
/// that is not a JSON array fails as a whole.
pub fn import(ds: &DataSet, names: &NameIndex, json: &str) -> Result<CatalogImport, CatalogError> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| CatalogError::NotJson(e.to_string()))?;
    let entries = value.as_array().ok_or(CatalogError::WrongShape)?;
    let mut out = CatalogImport {
        breaches: entries.len(),
        imported: 0,
        skipped: Vec::new(),
        class_mapping: BTreeMap::new(),
        unmapped_classes: Vec::new(),
        incidents: Vec::new(),
        organizations: Vec::new(),
    };
    let mut ids: BTreeSet<String> = ds.incidents.iter().map(|i| i.id.clone()).collect();
    let mut new_orgs: BTreeMap<String, usize> = BTreeMap::new();
    let mut unmapped = BTreeSet::new();
    for (n, e) in entries.iter().enumerate() {
        let name = text_field(e, "Name").map(str::to_string);
        let label = name.clone().unwrap_or_else(|| format!("entry {}", n + 1));
        let mut skip = |reason: &str| {
            out.skipped.push(Skipped {
                name: label.chars().take(100).collect(),
                reason: reason.to_string(),
            })
        };
        if !e.is_object() {
            skip("not a breach object");
            continue;
        }
        let Some(name) = name else {
            skip("no Name");
            continue;
        };
        if flag(e, "IsFabricated") {
            skip("marked fabricated by Have I Been Pwned");
            continue;
        }
        if flag(e, "IsSpamList") {
            skip("a spam list, not a breach of the company");
            continue;
        }
        if flag(e, "IsRetired") {
            skip("retired by Have I Been Pwned");
            continue;
        }
        if flag(e, "IsMalware") || flag(e, "IsStealerLog") {
            skip("malware or stealer-log data, not a breach of the company");
            continue;
        }
        let id_slug = slug(&name);
        if id_slug.is_empty() {
            skip("the Name has no letters or digits");
            continue;
        }
        let id = format!("hibp-{id_slug}");
        if !ids.insert(id.clone()) {
            skip("the same breach appears twice");
            continue;
        }
        let title = text_field(e, "Title")
            .unwrap_or(&name)
            .chars()
            .take(200)
            .collect::<String>();
        let domain = text_field(e, "Domain").map(|d| d.to_ascii_lowercase());
        let breach_date = text_field(e, "BreachDate")
            .and_then(|d| PartialDate::parse(d.get(..10).unwrap_or(d)).ok());
        let added = text_field(e, "AddedDate")
            .and_then(|d| PartialDate::parse(d.get(..10).unwrap_or(d)).ok());

        // Link to a curated organization when the domain or title names one.
        // Only sure links: the exact domain or an exact name, never a typo
        // match (and a hash lookup each, so 100 000 entries stay fast).
        let curated = domain
            .as_deref()
            .and_then(|d| names.resolve_exact(d))
            .or_else(|| names.resolve_exact(&title))
            .map(|m| m.org_id);
        if let Some(org) = &curated {
            // The curated incident of the same organization closest in time
            // (within about a year) is taken to be the same breach.
            let day = |d: PartialDate| {
                let (y, m, dd) = d.earliest();
                i64::from(y) * 372 + i64::from(m) * 31 + i64::from(dd)
            };
            let same = breach_date.and_then(|b| {
                ds.incidents
                    .iter()
                    .filter(|i| {
                        &i.breached_org == org || i.affected_clients.iter().any(|c| &c.org == org)
                    })
                    .filter_map(|i| Some((i, (day(i.first_date()?) - day(b)).abs())))
                    .filter(|(_, gap)| *gap <= 400)
                    .min_by_key(|(_, gap)| *gap)
            });
            if let Some((existing, _)) = same {
                skip(&format!("already in the curated data as {}", existing.id));
                continue;
            }
        }
        let breached_org = match curated {
            Some(org) => org,
            None => {
                let org_id = format!("hibp-org-{id_slug}");
                new_orgs.entry(org_id.clone()).or_insert_with(|| {
                    out.organizations.push(Organization {
                        id: org_id.clone(),
                        name: title.clone(),
                        aliases: std::iter::once(name.clone())
                            .chain(domain.clone())
                            .filter(|a| a != &title)
                            .collect(),
                        parent: None,
                        parent_relation: None,
                        sector: Sector::Other,
                        domain: domain.clone(),
                        listed: true,
                        note: Some("From an imported Have I Been Pwned catalogue.".into()),
                    });
                    out.organizations.len() - 1
                });
                org_id
            }
        };

        let mut data_types = BTreeSet::new();
        if let Some(classes) = e.get("DataClasses").and_then(Value::as_array) {
            for class in classes.iter().filter_map(Value::as_str) {
                let target = match ds.taxonomy.hibp_classes.get(class) {
                    Some(t) => t.clone(),
                    None => {
                        unmapped.insert(class.to_string());
                        "other".to_string()
                    }
                };
                out.class_mapping.insert(class.to_string(), target.clone());
                data_types.insert(target);
            }
        }
        if data_types.is_empty() {
            data_types.insert("other".to_string());
        }
        let mut summary = text_field(e, "Description")
            .map(html_to_text)
            .unwrap_or_default();
        if summary.chars().count() > 800 {
            summary = summary.chars().take(800).collect::<String>() + "…";
        }
        if summary.is_empty() {
            summary = format!("{title}: breach listed by Have I Been Pwned.");
        }
        let verified = e.get("IsVerified").and_then(Value::as_bool).unwrap_or(true);
        if !verified {
            summary.push_str(" (Not verified by Have I Been Pwned.)");
        }
        if flag(e, "IsSensitive") {
            summary.push_str(" (Listed as a sensitive breach.)");
        }
        let mut sources = vec![Source {
            url: format!("https://haveibeenpwned.com/PwnedWebsites#{}", id_slug),
            publisher: "Have I Been Pwned".into(),
            date: added.or(breach_date).unwrap_or(PartialDate {
                year: 2013,
                month: None,
                day: None,
            }),
            title: Some(title.clone()),
        }];
        if let Some(url) = text_field(e, "DisclosureUrl")
            .filter(|u| u.starts_with("https://") && !u.contains(char::is_whitespace))
        {
            sources.push(Source {
                url: url.to_string(),
                publisher: text_field(e, "Attribution")
                    .unwrap_or("Disclosure")
                    .chars()
                    .take(100)
                    .collect(),
                date: added.or(breach_date).unwrap_or(PartialDate {
                    year: 2013,
                    month: None,
                    day: None,
                }),
                title: None,
            });
        }
        out.incidents.push(Incident {
            id,
            title: format!("{title} breach (Have I Been Pwned)"),
            summary,
            breached_org,
            platform: None,
            kind: IncidentKind::Unknown,
            actor: None,
            breach_start: breach_date,
            breach_end: None,
            discovered: None,
            disclosed: None,
            affected: e.get("PwnCount").and_then(Value::as_u64),
            affected_unconfirmed: !verified,
            data_types: data_types.into_iter().collect(),
            cohort: Cohort {
                text: "accounts in the breached data".into(),
                from_year: None,
                until_year: None,
            },
            own_customers: true,
            affected_clients: Vec::new(),
            remedies: Vec::new(),
            settlements: Vec::new(),
            extra_steps: Vec::new(),
            sources,
        });
        out.imported += 1;
    }
    out.unmapped_classes = unmapped.into_iter().collect();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_to_text_table() {
        let cases = [
            (
                "In 2019, <a href=\"https://x\" target=\"_blank\">Acme</a> was breached.",
                "In 2019, Acme was breached.",
            ),
            ("<script>alert(1)</script>Hello", "Hello"),
            ("<img src=x onerror=alert(1)>Hi", "Hi"),
            ("<a href=\"javascript:alert(1)\">click</a>", "click"),
            (
                "Tom &amp; Jerry &lt;3 &#39;x&#39; &#x41;",
                "Tom & Jerry <3 'x' A",
            ),
            ("a<br/>b<p>c</p>", "a b c"),
            ("unclosed <b", "unclosed"),
            ("&bogus; & alone", "&bogus; & alone"),
        ];
        for (html, want) in cases {
            assert_eq!(html_to_text(html), want, "{html}");
        }
    }

    #[test]
    fn slug_table() {
        for (name, want) in [
            ("Adobe", "adobe"),
            ("000webhost", "000webhost"),
            ("Ticket Fly!", "ticket-fly"),
            ("美国", ""),
            ("--a--", "a"),
        ] {
            assert_eq!(slug(name), want, "{name}");
        }
    }
}
