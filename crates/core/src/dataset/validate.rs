//! `exposure validate`: every rule the data must keep (ids, sources, known
//! types and organizations, no cycles, no duplicate events, figures with
//! dates, notices that hold together), each broken rule a `Problem`.

use super::*;
use crate::json::JsonEnum;

impl DataSet {
    /// Every problem found, sorted; empty when the data set is sound.
    pub fn validate(&self) -> Vec<Problem> {
        let mut v = Validator {
            ds: self,
            problems: BTreeSet::new(),
        };
        v.ids();
        v.info();
        v.taxonomy();
        v.organizations();
        v.relationships();
        v.incidents();
        v.duplicates();
        v.notices();
        v.problems.into_iter().collect()
    }
}

struct Validator<'a> {
    ds: &'a DataSet,
    problems: BTreeSet<Problem>,
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !id.starts_with(['-', '_'])
        && !id.ends_with(['-', '_'])
}

fn is_https_url(url: &str) -> bool {
    url.strip_prefix("https://").is_some_and(|rest| {
        let host = rest.split('/').next().unwrap_or_default();
        host.contains('.') && !host.contains(char::is_whitespace) && !url.contains(' ')
    })
}

impl Validator<'_> {
    fn report(&mut self, subject: impl Into<String>, message: impl Into<String>) {
        self.problems.insert(Problem {
            subject: subject.into(),
            message: message.into(),
        });
    }

    fn unique<'s>(&mut self, kind: &str, ids: impl Iterator<Item = &'s str>) {
        let mut seen = HashSet::new();
        for id in ids {
            if !is_slug(id) {
                self.report(
                    format!("{kind} {id}"),
                    "id must be a lower-case slug (a-z, 0-9, '-', '_')",
                );
            }
            if !seen.insert(id) {
                self.report(format!("{kind} {id}"), "id is used more than once");
            }
        }
    }

    fn ids(&mut self) {
        let ds = self.ds;
        self.unique(
            "organization",
            ds.organizations.iter().map(|o| o.id.as_str()),
        );
        self.unique("incident", ds.incidents.iter().map(|i| i.id.as_str()));
        self.unique(
            "data type",
            ds.taxonomy.data_types.iter().map(|t| t.id.as_str()),
        );
        self.unique("action", ds.taxonomy.actions.iter().map(|a| a.id.as_str()));
    }

    fn known_type(&mut self, subject: &str, id: &str) {
        if self.ds.data_type(id).is_none() {
            self.report(subject, format!("unknown data type '{id}'"));
        }
    }

    fn known_org(&mut self, subject: &str, role: &str, id: &str) {
        if self.ds.org(id).is_none() {
            self.report(
                subject,
                format!("{role} '{id}' is not a known organization"),
            );
        }
    }

    fn taxonomy(&mut self) {
        let ds = self.ds;
        if ds.data_type("other").is_none() {
            self.report("taxonomy", "the data type 'other' must exist");
        }
        for t in &ds.taxonomy.data_types {
            if t.name.trim().is_empty() || t.harm.trim().is_empty() {
                self.report(
                    format!("data type {}", t.id),
                    "needs a name and a harm sentence",
                );
            }
        }
        for a in &ds.taxonomy.actions {
            let subject = format!("action {}", a.id);
            if a.steps.is_empty() {
                self.report(&subject, "has no steps");
            }
            if a.links.is_empty() {
                self.report(&subject, "has no official link");
            }
            if a.regions.iter().any(|r| r != "*") && a.elsewhere.is_none() {
                self.report(
                    &subject,
                    "needs an 'elsewhere' note for visitors outside its regions",
                );
            }
            for l in &a.links {
                if !is_https_url(&l.url) {
                    self.report(&subject, format!("link '{}' is not an https URL", l.url));
                }
            }
            for t in &a.triggers {
                self.known_type(&subject, t);
            }
        }
        for t in &ds.taxonomy.data_types {
            let covered = ds
                .taxonomy
                .actions
                .iter()
                .any(|a| a.triggers.iter().any(|x| x == &t.id));
            if !covered {
                self.report(
                    format!("data type {}", t.id),
                    "no action is triggered by it",
                );
            }
        }
        for (class, target) in &ds.taxonomy.hibp_classes {
            self.known_type(&format!("HIBP class '{class}'"), target);
        }
        for (sector, ids) in &ds.taxonomy.quick_picks {
            if !crate::model::Sector::VARIANTS
                .iter()
                .any(|(_, s)| s == sector)
            {
                self.report(format!("quick picks of '{sector}'"), "not a sector");
            }
            for id in ids {
                if !ds.org(id).is_some_and(|o| o.listed) {
                    self.report(
                        format!("quick pick '{id}' of '{sector}'"),
                        "not a listed organization",
                    );
                }
            }
        }
    }

    fn organizations(&mut self) {
        let ds = self.ds;
        // Alias keys and domains must not collide between organizations.
        let mut owner: HashMap<String, &str> = HashMap::new();
        let mut domains: HashMap<&str, &str> = HashMap::new();
        for o in ds.organizations.iter().filter(|o| o.listed) {
            if let Some(d) = &o.domain {
                if crate::normalize::domain_of(d).as_deref() != Some(d.as_str()) {
                    self.report(
                        format!("organization {}", o.id),
                        format!(
                            "domain '{d}' must be a lower-case host name without www or a path"
                        ),
                    );
                } else if let Some(other) = domains.insert(d, &o.id) {
                    self.report(
                        format!("organization {}", o.id),
                        format!("domain '{d}' is also the domain of {other}"),
                    );
                }
            }
        }
        for o in &ds.organizations {
            let subject = format!("organization {}", o.id);
            if o.name.trim().is_empty() {
                self.report(&subject, "has no name");
            }
            let mut keys: BTreeSet<String> = BTreeSet::new();
            for name in o.names() {
                let key = normalize(name);
                if key.is_empty() {
                    self.report(&subject, format!("alias '{name}' normalizes to nothing"));
                }
                keys.insert(key);
            }
            // An organization known only from registers may share a key with
            // a curated one ("MSK Group" and MSK): the matcher reads the key
            // as the curated one (the registers come after it).
            if !o.listed || o.id.starts_with(crate::notices::REGISTER_ORG_PREFIX) {
                continue;
            }
            for key in keys {
                if let Some(other) = owner.insert(key.clone(), &o.id) {
                    if other != o.id {
                        self.report(
                            &subject,
                            format!("alias '{key}' is also an alias of {other}"),
                        );
                    }
                }
            }
            match (&o.parent, o.parent_relation) {
                (Some(p), Some(_)) => {
                    self.known_org(&subject, "parent", p);
                    if self.has_cycle(&o.id) {
                        self.report(&subject, "parent chain loops back to itself");
                    }
                }
                (Some(_), None) => self.report(&subject, "parent without parent_relation"),
                (None, Some(_)) => self.report(&subject, "parent_relation without parent"),
                (None, None) => {}
            }
        }
    }

    fn has_cycle(&self, id: &str) -> bool {
        let mut seen = HashSet::new();
        let mut cur = Some(id);
        while let Some(c) = cur {
            if !seen.insert(c) {
                return true;
            }
            cur = self.ds.org(c).and_then(|o| o.parent.as_deref());
        }
        false
    }

    fn relationships(&mut self) {
        let ds = self.ds;
        for r in &ds.relationships {
            let subject = format!("relationship {} → {}", r.client, r.vendor);
            self.known_org(&subject, "client", &r.client);
            self.known_org(&subject, "vendor", &r.vendor);
            for t in &r.data_shared {
                self.known_type(&subject, t);
            }
            if let (Some(a), Some(b)) = (r.from, r.until) {
                if a > b {
                    self.report(&subject, "from is after until");
                }
            }
            if r.sources.is_empty() {
                self.report(&subject, "has no source (it would produce no match)");
            }
            if r.confirmed_by.is_none() {
                self.report(&subject, "does not say how it is confirmed (confirmed_by)");
            }
            for s in &r.sources {
                if !is_https_url(&s.url) {
                    self.report(&subject, format!("source '{}' is not an https URL", s.url));
                }
            }
        }
    }

    fn info(&mut self) {
        let info = &self.ds.info;
        if info.as_of.is_none() {
            self.report("incidents.json", "has no 'as_of' date");
        }
        for c in &info.coverage {
            if info
                .as_of
                .is_some_and(|a| c.covered_to.earliest() > a.latest())
            {
                self.report(
                    format!("coverage '{}'", c.list),
                    "is covered to a date after the data's 'as_of'",
                );
            }
        }
        for (old, new) in &info.retired {
            let subject = format!("retired id {old}");
            if self.ds.incidents.iter().any(|i| &i.id == old) {
                self.report(&subject, "is still the id of an incident");
            }
            if !self.ds.incidents.iter().any(|i| &i.id == new) {
                self.report(&subject, format!("points to '{new}', which is no incident"));
            }
        }
    }

    /// One event, one card: an incident whose breached organization is a
    /// named client of another incident, and whose breach began within
    /// the other's window (give or take about six weeks), must say it is
    /// part of that campaign or, reviewed, that it is a distinct event
    /// (`distinct_from`); two incidents of one organization with the same
    /// The register notices: known registers, organizations and incidents,
    /// data types, dates within the register's coverage, and a reason for
    /// every decision that marks one disputed or withdrawn.
    fn notices(&mut self) {
        use crate::notices::NoticeStatus;
        let ds = self.ds;
        let curated: HashSet<&str> = ds
            .curated_incidents()
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        let mut seen = HashSet::new();
        for r in &ds.notices.registers {
            if !seen.insert(r.id.as_str()) {
                self.report(format!("register {}", r.id), "is listed twice");
            }
            if !is_https_url(&r.url) {
                self.report(format!("register {}", r.id), "needs an https URL");
            }
            if r.snapshot.trim().is_empty() || r.terms.trim().is_empty() {
                self.report(format!("register {}", r.id), "needs its snapshot and terms");
            }
        }
        let mut ids = HashSet::new();
        for n in &ds.notices.notices {
            let subject = format!("notice {}", n.id);
            if !is_slug(&n.id) || !ids.insert(n.id.as_str()) {
                self.report(&subject, "needs a unique slug id");
            }
            match ds.notices.register(&n.register) {
                None => self.report(&subject, format!("names unknown register '{}'", n.register)),
                Some(r) if n.reported > r.covered_to => {
                    self.report(&subject, "is dated after its register's coverage date")
                }
                Some(_) => {}
            }
            if n.name.trim().is_empty() {
                self.report(&subject, "has no name as filed");
            }
            self.known_org(&subject, "org", &n.org);
            for t in &n.data_types {
                self.known_type(&subject, t);
            }
            if let Some(i) = &n.incident {
                if !curated.contains(i.as_str()) {
                    self.report(&subject, format!("reports unknown curated incident '{i}'"));
                }
            }
            if let Some(first) = &n.same_as {
                if !ds.notices.get(first).is_some_and(|f| f.stands_alone()) {
                    self.report(
                        &subject,
                        format!("copies '{first}', which is not a notice standing alone"),
                    );
                }
            }
            if n.status != NoticeStatus::Filed && n.note.is_none() {
                self.report(
                    &subject,
                    "is disputed or withdrawn without a note and source",
                );
            }
        }
    }

    /// dates are one.
    fn duplicates(&mut self) {
        let ds = self.ds;
        let day = |(y, m, d): (i32, u8, u8)| i64::from(y) * 372 + i64::from(m) * 31 + i64::from(d);
        // The campaign's window: from its first to its last date known of
        // the breach itself (found or made public when the end is unknown).
        let window = |i: &Incident| {
            let start = i.breach_start.or(i.discovered).or(i.disclosed)?;
            let end = i
                .breach_end
                .or(i.discovered)
                .or(i.disclosed)
                .unwrap_or(start);
            Some((day(start.earliest()) - 45, day(end.latest()) + 45))
        };
        let began = |i: &Incident| {
            i.breach_start
                .or(i.discovered)
                .or(i.disclosed)
                .map(|d| day(d.earliest()))
        };
        let overlap =
            |victim: &Incident, campaign: &Incident| match (began(victim), window(campaign)) {
                (Some(v), Some((c0, c1))) => c0 <= v && v <= c1,
                _ => false,
            };
        let mut by_dates: HashMap<(&str, Option<PartialDate>, Option<PartialDate>), &str> =
            HashMap::new();
        for i in ds.curated_incidents() {
            if i.breach_start.is_some() || i.disclosed.is_some() {
                let key = (i.breached_org.as_str(), i.breach_start, i.disclosed);
                if let Some(other) = by_dates.insert(key, &i.id) {
                    self.report(
                        format!("incident {}", i.id),
                        format!(
                            "has the organization and dates of {other}: one event, one incident"
                        ),
                    );
                }
            }
            for &p in ds.incidents_of(&i.breached_org) {
                let Some(other) = ds.curated_incidents().get(p as usize) else {
                    continue;
                };
                let names_it = other.id != i.id
                    && other
                        .more()
                        .affected_clients
                        .iter()
                        .any(|c| c.org == i.breached_org);
                let reviewed = i.more().campaign.as_deref() == Some(other.id.as_str())
                    || i.more().distinct_from.contains(&other.id);
                if names_it && overlap(i, other) && !reviewed {
                    self.report(
                        format!("incident {}", i.id),
                        format!(
                            "its organization is a named client of {} of the same time: merge them, set 'campaign', or (reviewed) 'distinct_from'",
                            other.id
                        ),
                    );
                }
            }
            if let Some(c) = &i.more().campaign {
                if ds.incident(c).is_none() {
                    self.report(
                        format!("incident {}", i.id),
                        format!("campaign '{c}' is no incident"),
                    );
                }
            }
        }
    }

    fn incidents(&mut self) {
        let ds = self.ds;
        for i in ds.curated_incidents() {
            let subject = format!("incident {}", i.id);
            self.known_org(&subject, "breached_org", &i.breached_org);
            if let Some(p) = &i.more().platform {
                self.known_org(&subject, "platform", p);
            }
            if i.title.trim().is_empty() || i.summary.trim().is_empty() {
                self.report(&subject, "needs a title and a summary");
            }
            if i.data_types.is_empty() {
                self.report(&subject, "lists no exposed data type");
            }
            for t in &i.data_types {
                self.known_type(&subject, t);
            }
            if i.sources.is_empty() {
                self.report(&subject, "has no source");
            }
            for s in &i.sources {
                if !is_https_url(&s.url) {
                    self.report(&subject, format!("source '{}' is not an https URL", s.url));
                }
                if s.publisher.trim().is_empty() {
                    self.report(&subject, format!("source '{}' has no publisher", s.url));
                }
            }
            let urls: HashSet<&str> = i.sources.iter().map(|s| &*s.url).collect();
            match (&i.affected, &i.affected_as_of, &i.affected_source) {
                (Some(_), None, _) => {
                    self.report(&subject, "gives a count without its date (affected_as_of)")
                }
                (Some(_), _, None) => self.report(
                    &subject,
                    "gives a count without its source (affected_source)",
                ),
                (_, _, Some(u)) if !urls.contains(&**u) => self.report(
                    &subject,
                    format!("affected_source '{u}' is not one of its sources"),
                ),
                _ => {}
            }
            for f in &i.more().affected_history {
                if !urls.contains(f.source.as_str()) {
                    self.report(
                        &subject,
                        format!(
                            "an earlier figure's source '{}' is not one of its sources",
                            f.source
                        ),
                    );
                }
                if i.affected_as_of.is_some_and(|d| f.date > d) {
                    self.report(&subject, "an earlier figure is dated after the current one");
                }
            }
            let mut clients = HashSet::new();
            for c in &i.more().affected_clients {
                match &c.source {
                    None => self.report(&subject, format!("client '{}' has no source", c.org)),
                    Some(u) if !urls.contains(u.as_str()) => self.report(
                        &subject,
                        format!(
                            "client '{}' cites '{u}', which is not one of its sources",
                            c.org
                        ),
                    ),
                    Some(_) => {}
                }
                self.known_org(&subject, "affected client", &c.org);
                if !clients.insert(c.org.as_str()) {
                    self.report(&subject, format!("client '{}' is listed twice", c.org));
                }
                if let (Some(n), Some(total)) = (c.affected, i.affected) {
                    if n > total {
                        self.report(
                            &subject,
                            format!("client '{}' has more people than the incident", c.org),
                        );
                    }
                }
            }
            for e in &i.more().extra_steps {
                if ds.action(&e.action).is_none() {
                    self.report(
                        &subject,
                        format!("extra step for unknown action '{}'", e.action),
                    );
                }
            }
            let ordered = [
                ("breach_start", i.breach_start, "breach_end", i.breach_end),
                ("breach_start", i.breach_start, "discovered", i.discovered),
                ("breach_start", i.breach_start, "disclosed", i.disclosed),
                ("discovered", i.discovered, "disclosed", i.disclosed),
            ];
            for (an, a, bn, b) in ordered {
                if let (Some(a), Some(b)) = (a, b) {
                    if a.earliest() > b.latest() {
                        self.report(&subject, format!("{an} {a} is after {bn} {b}"));
                    }
                }
            }
            if let (Some(f), Some(u)) = (i.cohort.from_year, i.cohort.until_year) {
                if f > u {
                    self.report(&subject, "cohort from_year is after until_year");
                }
            }
            for r in &i.more().remedies {
                if let Some(url) = &r.url {
                    if !is_https_url(url) {
                        self.report(&subject, format!("remedy link '{url}' is not an https URL"));
                    }
                }
            }
            for s in &i.more().settlements {
                if let Some(url) = &s.url {
                    if !is_https_url(url) {
                        self.report(
                            &subject,
                            format!("settlement link '{url}' is not an https URL"),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_table() {
        for (id, ok) in [
            ("att", true),
            ("att-snowflake-2024", true),
            ("call_records", true),
            ("AT&T", false),
            ("", false),
            ("-x", false),
            ("x-", false),
            ("a b", false),
        ] {
            assert_eq!(is_slug(id), ok, "{id}");
        }
    }

    #[test]
    fn https_table() {
        for (url, ok) in [
            ("https://www.fcc.gov/document/x", true),
            ("http://www.fcc.gov", false),
            ("https://localhost", false),
            ("javascript:alert(1)", false),
            ("https://a b.com", false),
        ] {
            assert_eq!(is_https_url(url), ok, "{url}");
        }
    }
}
