//! Exposure Check's engine: a pure library (no I/O, no web APIs) shared by the
//! web page, the `exposure` CLI and the tests.
//!
//! ```
//! # #[cfg(feature = "bundled")] {
//! let engine = exposure_core::Engine::bundled().unwrap();
//! let report = engine.check_names(&["Bank of America"], None);
//! assert!(report.matches.iter().any(|m| m.incident_id == "infosys-mccamish-2023"));
//! # }
//! ```

pub mod browse;
/// The data set compiled in (the CLI and the tests; not the page, which
/// downloads it).
#[cfg(feature = "bundled")]
pub mod bundled;
pub mod dataset;
mod date;
pub mod export;
pub mod exposure;
pub mod hibp;
pub mod ingest;
/// The fuzz targets' checks (the fuzz crate and the tests).
#[cfg(feature = "invariants")]
#[doc(hidden)]
pub mod invariants;
pub mod json;
pub mod lang;
pub mod letter;
pub mod matcher;
pub mod model;
pub mod normalize;
pub mod notices;
pub mod plan;
pub mod reading;
pub mod report;
mod sort;
mod table;
pub mod verdict;

pub use dataset::{DataSet, LoadError, Problem, Stats};
pub use date::PartialDate;
pub use exposure::{CompanyQuery, Confidence, ExposedType, Fit, Match, PathKind, Period, Tenure};
pub use lang::{Lang, Locale, Texts, Translations};
pub use matcher::{MatchReason, NameIndex, OrgMatch};
pub use plan::PlannedAction;
pub use report::Report;

/// Builds an [`Engine`] a slice at a time (see [`matcher::NameIndexBuilder`]).
#[derive(Debug)]
pub struct EngineBuilder {
    data: DataSet,
    names: matcher::NameIndexBuilder,
}

impl EngineBuilder {
    pub fn new(data: DataSet) -> EngineBuilder {
        let names = matcher::NameIndexBuilder::new(&data);
        EngineBuilder { data, names }
    }

    /// Does about `units` of work (one unit: 16 ids of the data set's
    /// indexes, one organization's names, or a slice of the sorting); true
    /// when the engine is ready to finish.
    pub fn step(&mut self, units: usize) -> bool {
        if !self.data.index_step(units) {
            return false;
        }
        self.names.step(&self.data, units)
    }

    /// How far the build has got, from 0 to 1.
    pub fn progress(&self) -> f64 {
        0.1 * self.data.index_progress() + 0.9 * self.names.progress()
    }

    pub fn finish(self) -> Engine {
        let names = self.names.finish(&self.data);
        Engine {
            data: self.data,
            names,
        }
    }
}

/// A data set with its name index, ready to answer questions.
#[derive(Debug, Clone)]
pub struct Engine {
    pub data: DataSet,
    pub names: NameIndex,
}

impl Engine {
    pub fn new(data: DataSet) -> Engine {
        let names = NameIndex::build(&data);
        Engine { data, names }
    }

    /// This engine with the incidents' long texts joined in
    /// (`DataSet::with_details`); the names are the same, so their index
    /// is kept, not built again.
    pub fn with_details(&self, details: &dataset::DetailsFile) -> Engine {
        Engine {
            data: self.data.clone().with_details(details),
            names: self.names.clone(),
        }
    }

    /// The data set compiled into this build.
    #[cfg(feature = "bundled")]
    pub fn bundled() -> Result<Engine, LoadError> {
        bundled::dataset().map(Engine::new)
    }

    /// This engine's data widened by a Have I Been Pwned catalogue.
    pub fn with_catalog(
        &self,
        json: &str,
    ) -> Result<(Engine, hibp::CatalogImport), hibp::CatalogError> {
        let mut import = hibp::import(&self.data, &self.names, json)?;
        let merged = hibp::merge(&self.data, &mut import);
        Ok((Engine::new(merged), import))
    }

    /// The organization a typed name most likely means.
    pub fn resolve(&self, input: &str) -> Option<OrgMatch> {
        // With part of the organizations (the page's first stage), only a
        // name or domain as it is: a looser reading could take one of the
        // organizations still to come for another ("City National Bank" is
        // not "National City"). The rest waits, unresolved, for them.
        let partial = self.data.info().more_organizations.is_some();
        self.names
            .with(&self.data)
            .resolve(input)
            .filter(|m| !self.loose_short_alias(input, m))
            .filter(|m| !partial || matches!(m.reason, MatchReason::Exact | MatchReason::Domain))
    }

    /// Part of the organizations is still to come (`DataInfo::more_organizations`):
    /// a name not resolved may be one of them.
    pub fn names_pending(&self) -> bool {
        self.data.info().more_organizations.is_some()
    }

    /// A ticker or an acronym read out of a longer name once its form
    /// words were taken off ("Hope Group LLC" is not HOPE, "MSK Group" not
    /// MSK): such an alias counts only as the whole name, or inside more
    /// than form words.
    pub(crate) fn loose_short_alias(&self, input: &str, m: &OrgMatch) -> bool {
        use model::AliasKind;
        const FORM: [&str; 22] = [
            "inc",
            "incorporated",
            "llc",
            "l",
            "c",
            "ltd",
            "limited",
            "corp",
            "corporation",
            "co",
            "company",
            "group",
            "holdings",
            "plc",
            "lp",
            "llp",
            "pc",
            "pllc",
            "na",
            "sa",
            "ag",
            "the",
        ];
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        let acronym = |a: &str| {
            a.chars().count() <= 5
                && a.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        };
        let short = self.data.org(&m.org_id).is_some_and(|o| {
            o.aliases.iter().any(|a| {
                a.name == m.matched
                    && (a.kind == AliasKind::Ticker
                        || (a.kind == AliasKind::Short && acronym(&a.name)))
            })
        });
        if !short {
            return false;
        }
        let alias = words(&m.matched);
        let extra: Vec<String> = words(input)
            .into_iter()
            .filter(|w| !alias.contains(w))
            .collect();
        !extra.is_empty() && extra.iter().all(|w| FORM.contains(&w.as_str()))
    }

    /// Autocomplete suggestions for a partly typed name.
    pub fn suggest(&self, input: &str, limit: usize) -> Vec<OrgMatch> {
        self.names.with(&self.data).suggest(input, limit)
    }

    /// Resolves typed text into a company query, with an optional period.
    pub fn query(&self, input: &str, period: Period) -> CompanyQuery {
        let m = self.resolve(input);
        CompanyQuery {
            input: input.to_string(),
            name_match: m.as_ref().map(|m| self.name_match(m)),
            org_id: m.map(|m| m.org_id),
            period,
            ..Default::default()
        }
    }

    /// Matches, exposure summary and plan for already-resolved companies,
    /// as typed facts (`exposure-words` says them in a language).
    pub fn check(&self, companies: &[CompanyQuery], today: Option<PartialDate>) -> Report {
        self.check_with_letters(companies, &[], today)
    }

    /// [`Engine::check`] with the letters the person received: a letter is
    /// proof, so the incident it names is confirmed for them (a match is
    /// added through its company if none was found); the data types it
    /// names join the exposure, and its offer's deadline joins the plan.
    pub fn check_with_letters(
        &self,
        companies: &[CompanyQuery],
        letters: &[letter::Kept],
        today: Option<PartialDate>,
    ) -> Report {
        let companies = self.with_name_matches(companies);
        let mut matches = exposure::find_matches(&self.data, &companies);
        for k in letters {
            let Some(id) = k.incident.as_deref() else {
                continue;
            };
            let Some(inc) = self.data.incident(id) else {
                continue;
            };
            let mut found = false;
            for m in matches.iter_mut().filter(|m| m.incident_id == id) {
                m.confidence = exposure::Confidence::Confirmed;
                m.fit = exposure::Fit::Covered;
                m.outside = None;
                found = true;
            }
            if let (false, Some(org)) = (found, k.company()) {
                matches.push(exposure::Match {
                    org_id: org.to_string(),
                    incident_id: id.to_string(),
                    confidence: exposure::Confidence::Confirmed,
                    kind: exposure::PathKind::Direct,
                    path: vec![org.to_string(), inc.breached_org.clone()],
                    route: exposure::Route::Letter,
                    outside: None,
                    fit: exposure::Fit::Covered,
                });
            }
        }
        let mut exposed = exposure::exposed_types(&self.data, &matches);
        for k in letters {
            let source = k.incident.clone().unwrap_or_else(|| plan::letter_source(k));
            for t in &k.data_types {
                let Some(def) = self.data.data_type(t) else {
                    continue;
                };
                match exposed.iter_mut().find(|e| &e.type_id == t) {
                    Some(e) if e.incidents.contains(&source) => {}
                    Some(e) => e.incidents.push(source.clone()),
                    None => exposed.push(exposure::ExposedType {
                        type_id: t.clone(),
                        severity: def.severity,
                        incidents: vec![source.clone()],
                    }),
                }
            }
        }
        // Most harmful first, as `exposed_types` orders them.
        sort::sort_by(&mut exposed, |a, b| {
            b.severity.cmp(&a.severity).then_with(|| {
                self.data
                    .type_position(&a.type_id)
                    .cmp(&self.data.type_position(&b.type_id))
            })
        });
        let plan = plan::build_plan_with_letters(&self.data, &matches, &exposed, today, letters);
        Report {
            companies,
            matches,
            exposed,
            plan,
        }
    }

    /// The companies, each resolved one with how its name was matched: a
    /// company saved without it (older progress, a pick from the
    /// suggestions) is read again, and one the name does not resolve to
    /// was chosen by the person.
    fn with_name_matches(&self, companies: &[CompanyQuery]) -> Vec<CompanyQuery> {
        companies
            .iter()
            .map(|c| CompanyQuery {
                name_match: self.name_match_of(c),
                ..c.clone()
            })
            .collect()
    }

    /// How a company's name was matched: as it was read, or, for one
    /// saved without it (older progress, a pick from the suggestions), read
    /// again; a name that does not resolve to the company was chosen by the
    /// person. None for a company the data does not know.
    pub fn name_match_of(&self, c: &CompanyQuery) -> Option<reading::NameMatch> {
        let org = c.org_id.as_deref()?;
        if let Some(n) = &c.name_match {
            return Some(n.clone());
        }
        Some(match self.resolve(&c.input) {
            Some(m) if m.org_id == org => self.name_match(&m),
            _ => reading::NameMatch::chosen(self.data.org_name(org)),
        })
    }

    /// A name that resolves to no organization may still be one with more
    /// than a slip: the organization to offer ("did you mean …?").
    pub fn did_you_mean(&self, input: &str) -> Option<OrgMatch> {
        if self.names_pending() || self.resolve(input).is_some() {
            return None;
        }
        self.suggest(input, 1)
            .into_iter()
            .find(|m| m.reason != MatchReason::Prefix || m.score >= matcher::ACCEPT_SCORE)
    }

    /// The `exposure check --json` document of a report, with a suggestion
    /// for each name not resolved; `words` says the facts.
    pub fn output(&self, report: &Report, words: &dyn report::Words) -> report::CheckOut {
        let mut out = report.to_output(&self.data, words);
        for c in out.companies.iter_mut().filter(|c| c.org_id.is_none()) {
            c.suggestion = self.did_you_mean(&c.input).map(|m| report::Suggestion {
                org_id: m.org_id,
                name: m.name,
            });
        }
        out
    }

    /// Resolves each name, then checks them all.
    pub fn check_names<S: AsRef<str>>(&self, names: &[S], today: Option<PartialDate>) -> Report {
        let queries: Vec<CompanyQuery> = names
            .iter()
            .map(|n| self.query(n.as_ref(), Period::default()))
            .collect();
        self.check(&queries, today)
    }
}

#[cfg(test)]
#[path = "../tests/support/mod.rs"]
mod support;
