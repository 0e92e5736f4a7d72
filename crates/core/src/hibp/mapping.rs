//! The import's rules: one catalogue entry to an incident (or a typed skip
//! reason): what is left out, the organization it is, its dates, data
//! types and source.

use super::*;
use crate::normalize::{normalize, squash};
use crate::table::Keep;

impl<'d> CatalogReader<'d> {
    pub(super) fn import_entry(&mut self, n: usize, e: &Breach) {
        let ds = self.ds;
        let names = self.names;
        let out = &mut self.out;
        let new_ids = &mut self.new_ids;
        let reserved = &mut self.reserved;
        let unmapped = &mut self.unmapped;
        let name = e.text(Key::Name);
        let mut skip = |reason: SkipReason| {
            out.skipped.push(Skipped {
                name: match name {
                    Some(name) => name.chars().take(100).collect(),
                    None => format!("entry {}", n + 1),
                },
                reason,
            })
        };
        if !e.object {
            skip(SkipReason::NotAnObject);
            return;
        }
        // Nothing read from a field of the wrong type, and nothing invented
        // in its place: the entry is left out, saying which field.
        if let Some((_, field, expected)) =
            FIELD_TYPES.iter().find(|(k, _, t)| e.get(*k).is_not(*t))
        {
            skip(SkipReason::WrongType {
                field,
                expected: *expected,
            });
            return;
        }
        let Some(name) = name else {
            skip(SkipReason::NoName);
            return;
        };
        if e.flag(Key::IsFabricated) {
            skip(SkipReason::Fabricated);
            return;
        }
        if e.flag(Key::IsSpamList) {
            skip(SkipReason::SpamList);
            return;
        }
        if e.flag(Key::IsRetired) {
            skip(SkipReason::Retired);
            return;
        }
        if e.flag(Key::IsMalware) || e.flag(Key::IsStealerLog) {
            skip(SkipReason::Malware);
            return;
        }
        let id_slug = slug(name);
        if id_slug.is_empty() {
            skip(SkipReason::NameWithoutLetters);
            return;
        }
        let date_of = |key: Key| {
            e.text(key)
                .map(|d| PartialDate::parse(d.get(..10).unwrap_or(d)).ok())
        };
        let (breach_date, added) = match (date_of(Key::BreachDate), date_of(Key::AddedDate)) {
            (Some(None), _) => {
                skip(SkipReason::BadDate {
                    field: "BreachDate",
                });
                return;
            }
            (_, Some(None)) => {
                skip(SkipReason::BadDate { field: "AddedDate" });
                return;
            }
            (None, None) => {
                skip(SkipReason::NoDate);
                return;
            }
            (b, a) => (b.flatten(), a.flatten()),
        };
        let id = ["hibp-", &id_slug].concat();
        if ds.has_incident_id(&id)
            || new_ids.get(&out.incidents, &id, incident_id).is_some()
            || reserved.contains(&id)
        {
            skip(SkipReason::Duplicate);
            return;
        }
        let title = cut_chars(e.text(Key::Title).unwrap_or(name), 200);
        let domain = e.text(Key::Domain).map(|d| d.to_ascii_lowercase());

        // Link to a curated organization when the domain or title names one.
        // Only sure links: the exact domain or an exact name, never a typo
        // match (and a hash lookup each, so 100 000 entries stay fast).
        let curated = domain
            .as_deref()
            .and_then(|d| names.resolve_domain(d))
            .or_else(|| names.resolve_exact(title))
            .map(|m| m.org_id);
        if let Some(org) = &curated {
            // The curated incident of the same organization closest in time
            // (within about a year) is taken to be the same breach.
            let day = |d: PartialDate| {
                let (y, m, dd) = d.earliest();
                i64::from(y) * 372 + i64::from(m) * 31 + i64::from(dd)
            };
            // Curated incidents only: a register notice of the same name is
            // the notifier's filing, not this catalogue's breach.
            let same = breach_date.and_then(|b| {
                ds.curated_incidents()
                    .iter()
                    .filter(|i| {
                        &i.breached_org == org
                            || i.more().affected_clients.iter().any(|c| &c.org == org)
                    })
                    .filter_map(|i| Some((i, (day(i.earliest_date()?) - day(b)).abs())))
                    .filter(|(_, gap)| *gap <= 400)
                    .min_by_key(|(_, gap)| *gap)
            });
            if let Some((existing, _)) = same {
                // Its id stays taken: a later entry of the same name is a
                // duplicate, as it would be had this one been imported.
                reserved.insert(id);
                skip(SkipReason::AlreadyCurated {
                    incident: existing.id.clone(),
                });
                return;
            }
        }
        let breached_org = match curated {
            Some(org) => org,
            None => {
                // A new id (checked above), so a new organization too.
                let org_id = ["hibp-org-", &id_slug].concat();
                // Only names the matcher would use: not the title again, run
                // together or not ("QuarryPublishing" beside "Quarry
                // Publishing"), nor the domain, which is looked up as the
                // domain (at 100 000 entries, megabytes of copies).
                let key = normalize(title);
                let aliases = [name]
                    .into_iter()
                    .filter(|a| *a != title)
                    .filter(|a| {
                        let k = normalize(a);
                        !k.is_empty() && k != key && k != squash(&key)
                    })
                    .map(|a| Alias {
                        name: a.to_string(),
                        kind: AliasKind::Brand,
                    })
                    .collect();
                out.organizations.push(Organization {
                    id: org_id.clone(),
                    name: title.to_string(),
                    aliases,
                    parent: None,
                    parent_relation: None,
                    sector: Sector::Other,
                    domain: domain.clone(),
                    listed: true,
                    note: Some("From an imported Have I Been Pwned catalogue.".into()),
                });
                org_id
            }
        };

        let mut data_types: Vec<Text> = Vec::new();
        if let Field::Strings(classes) = e.get(Key::DataClasses) {
            for class in classes {
                let class: &str = class;
                let target = match ds.taxonomy.hibp_classes.get(class) {
                    Some(t) => t.as_str(),
                    None => {
                        if !unmapped.contains(class) {
                            unmapped.insert(class.to_string());
                        }
                        "other"
                    }
                };
                match out.class_mapping.get_mut(class) {
                    Some(t) => {
                        if t != target {
                            *t = target.to_string();
                        }
                    }
                    None => {
                        out.class_mapping
                            .insert(class.to_string(), target.to_string());
                    }
                }
                if let Err(at) = data_types.binary_search_by(|t| t.as_ref().cmp(target)) {
                    data_types.insert(at, data_type_text(target));
                }
            }
        }
        if data_types.is_empty() {
            data_types.push(data_type_text("other"));
        }
        data_types.shrink_to_fit();
        let mut summary = e
            .text(Key::Description)
            .map(html_to_text)
            .unwrap_or_default();
        if summary.len() > 800 && summary.chars().count() > 800 {
            summary = cut_chars(&summary, 800).to_string() + "…";
        }
        if summary.is_empty() {
            summary = [title, ": breach listed by Have I Been Pwned."].concat();
        }
        let verified = e.get(Key::IsVerified).as_bool().unwrap_or(true);
        if !verified {
            summary.push_str(" (Not verified by Have I Been Pwned.)");
        }
        if e.flag(Key::IsSensitive) {
            summary.push_str(" (Listed as a sensitive breach.)");
        }
        summary.shrink_to_fit();
        // The date the catalogue gives (an entry with neither was left out).
        let Some(date) = added.or(breach_date) else {
            return;
        };
        let affected = e.get(Key::PwnCount).as_u64();
        let mut sources = Vec::with_capacity(1);
        sources.push(Source {
            // The list of every breach the catalogue holds; one shared text
            // (100 000 copies would take megabytes), and the title is the
            // incident's own.
            url: HIBP_LIST_URL.into(),
            publisher: "Have I Been Pwned".into(),
            date,
            title: None,
        });
        if let Some(url) = e
            .text(Key::DisclosureUrl)
            .filter(|u| u.starts_with("https://") && !u.contains(char::is_whitespace))
        {
            sources.push(Source {
                url: url.to_string().into(),
                publisher: cut_chars(e.text(Key::Attribution).unwrap_or("Disclosure"), 100)
                    .to_string()
                    .into(),
                date,
                title: None,
            });
        }
        out.incidents.push(Incident {
            id,
            // The name only: the words say "… breach (Have I Been Pwned)".
            title: title.to_string(),
            summary,
            breached_org,
            kind: IncidentKind::Unknown,
            breach_start: breach_date,
            breach_end: None,
            discovered: None,
            disclosed: None,
            affected,
            // The catalogue's figure, as of the date it lists the breach.
            affected_as_of: affected.map(|_| date),
            affected_source: affected.map(|_| HIBP_LIST_URL.into()),
            affected_unconfirmed: !verified,
            data_types,
            cohort: Cohort::plain("accounts in the breached data".into()),
            own_customers: true,
            from_catalogue: true,
            more: None,
            sources,
        });
        new_ids.insert(
            &out.incidents,
            out.incidents.len() - 1,
            Keep::First,
            incident_id,
        );
        out.imported += 1;
    }
}

/// An incident's id, as the import's id table keys it.
fn incident_id(i: &Incident) -> Option<&str> {
    Some(&i.id)
}
