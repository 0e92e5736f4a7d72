//! The page's state and the one reducer that changes it.

use std::collections::BTreeSet;
use std::rc::Rc;

use exposure_core::export::{Progress, Seen};
use exposure_core::letter::Kept;
use exposure_core::model::Relation;
use exposure_core::normalize::normalize;
use exposure_core::{CompanyQuery, Lang, Period};
use yew::Reducible;

use crate::engine::{SharedEngine, SharedTexts};
use crate::error::AppError;
use crate::route::Route;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AppState {
    /// The companies the person named, in the order added.
    pub companies: Vec<CompanyQuery>,
    /// Ids of ticked actions.
    pub done: BTreeSet<String>,
    /// When each was ticked, where the browser gave the day.
    pub done_on: std::collections::BTreeMap<String, exposure_core::PartialDate>,
    /// The message shown in the error banner.
    pub error: Option<AppError>,
    pub lang: Lang,
    /// Saved state has been read; saving before that would overwrite it.
    pub restored: bool,
    /// The engine over the shipped data set, once it has been downloaded.
    pub base: Option<SharedEngine>,
    /// The data set is complete: the register notices have joined the
    /// curated data (or could not, and the error says so). A kept
    /// catalogue is read again only then, once.
    pub data_settled: bool,
    /// The engine widened by an imported breach catalogue, if any.
    pub catalog: Option<SharedEngine>,
    /// The data's Chinese texts, once someone has read in Chinese.
    pub texts: Option<SharedTexts>,
    /// The letters the person kept (findings, never their text).
    pub letters: Vec<Kept>,
    /// What the last visit showed (from the saved progress), and what this
    /// one shows (saved for the next).
    pub seen_before: Option<Seen>,
    pub seen_now: Option<Seen>,
    /// A catalogue is being read.
    pub importing: bool,
    /// How far the catalogue being read has got.
    pub import_progress: Option<ImportProgress>,
    /// What the last import did, in words.
    pub notice: Option<Notice>,
    /// The view shown (from the URL fragment).
    pub route: Route,
    /// What was left in the page's static company box, and its caret when
    /// it had the focus: the company box starts with them once (`ShellTaken`
    /// then clears them, so a later visit to the check view starts empty).
    pub shell_text: String,
    pub shell_caret: Option<u32>,
}

/// What the last file import did, shown in the person's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Catalog {
        breaches: usize,
        imported: usize,
        /// The first few entries left out, with why (the core's words).
        skipped: Vec<exposure_core::hibp::Skipped>,
        skipped_total: usize,
        /// Entries that could not be read (wrong types, impossible values).
        malformed: usize,
        unmapped: Vec<String>,
        /// Whether it was kept in the browser; `None` when not asked to.
        kept: Option<bool>,
    },
    PlanRestored {
        companies: usize,
        done: usize,
    },
}

/// The two steps of reading a catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportStep {
    /// Reading and checking the file (`done` and `total` in bytes).
    Reading,
    /// Indexing the names (`done` of `total` steps).
    Indexing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportProgress {
    pub step: ImportStep,
    pub done: u64,
    pub total: u64,
}

impl ImportProgress {
    /// Whole per cent of the whole import (reading counts for 70 %).
    pub fn percent(&self) -> u64 {
        let part = (self.done.min(self.total) * 100)
            .checked_div(self.total)
            .unwrap_or(0);
        match self.step {
            ImportStep::Reading => part * 70 / 100,
            ImportStep::Indexing => 70 + part * 30 / 100,
        }
    }
}

/// Everything that can happen to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    AddCompany {
        input: String,
        org_id: Option<String>,
    },
    /// Several companies at once (a pasted list).
    AddCompanies {
        items: Vec<(String, Option<String>)>,
    },
    RemoveCompany {
        key: String,
    },
    /// The years the person was a customer of the company with this key.
    SetPeriod {
        key: String,
        period: Period,
    },
    /// What the person is to the company with this key.
    SetRelation {
        key: String,
        relation: Relation,
    },
    /// The person took the organization offered for a name not recognised.
    PickOrg {
        key: String,
        org_id: String,
    },
    ToggleDone {
        action_id: String,
        /// The day it was ticked, when the browser gives it.
        on: Option<exposure_core::PartialDate>,
    },
    /// Saved progress was read (or there was none).
    Restore {
        progress: Progress,
        lang: Option<Lang>,
    },
    ClearAll,
    ShowError {
        error: AppError,
    },
    DismissError,
    SetLang {
        lang: Lang,
    },
    ImportStarted,
    /// Progress read back from an exported plan: merged with what is here.
    ImportProgress {
        progress: Progress,
        notice: Notice,
    },
    /// A catalogue import got further.
    CatalogProgress {
        step: ImportStep,
        done: u64,
        total: u64,
    },
    /// A stage of the shipped data set is ready: the engine over all that
    /// has arrived so far, in place of the last one (the curated data
    /// first, the register notices after). `complete` when no stage follows.
    DataLoaded {
        engine: SharedEngine,
        complete: bool,
    },
    /// A later stage of the data set could not be loaded: the engine of the
    /// stages before it stays, and the data set counts as settled.
    DataStageFailed {
        error: AppError,
    },
    CatalogLoaded {
        engine: SharedEngine,
        notice: Notice,
    },
    ImportFailed {
        error: AppError,
    },
    RemoveCatalog,
    Navigate {
        route: Route,
    },
    /// The company box has started with what the static box held.
    ShellTaken,
    /// The Chinese texts of the data arrived.
    TextsLoaded {
        texts: SharedTexts,
    },
    /// Keep a letter's finding: it joins the check and the saved progress.
    KeepLetter {
        letter: Kept,
    },
    RemoveLetter {
        index: usize,
    },
    /// What this visit shows, to save for the next one.
    SeenNow {
        seen: Seen,
    },
}

/// The identity of a chosen company: its org id, or its normalized text when
/// it is not a company we know. The same company typed twice has one key.
pub fn company_key(c: &CompanyQuery) -> String {
    match &c.org_id {
        Some(id) => id.clone(),
        None => format!("?{}", normalize(&c.input)),
    }
}

impl AppState {
    pub fn with_progress(progress: Progress) -> AppState {
        let mut s = AppState::default();
        s.add_all(progress.companies);
        s.done = progress.done;
        s.letters = progress.letters;
        s.seen_before = progress.seen;
        s
    }

    fn add(&mut self, c: CompanyQuery) {
        self.add_all([c]);
    }

    /// Adds companies not already chosen (one set of keys for the whole
    /// list: a pasted or restored list can hold thousands).
    fn add_all(&mut self, cs: impl IntoIterator<Item = CompanyQuery>) {
        let mut keys: std::collections::HashSet<String> =
            self.companies.iter().map(company_key).collect();
        for c in cs {
            if c.input.trim().is_empty() && c.org_id.is_none() {
                continue;
            }
            if keys.insert(company_key(&c)) {
                self.companies.push(c);
            }
        }
    }

    /// Reads again, over the whole list of organizations, the names read
    /// while part of it was still to come (only a name or domain as it is
    /// was taken then; the whole list may read one as another
    /// organization). A company the person chose, or one from a letter,
    /// stays.
    fn read_again(&mut self) {
        let Some(engine) = self.base.clone() else {
            return;
        };
        let companies = std::mem::take(&mut self.companies);
        self.add_all(companies.into_iter().map(|mut c| {
            let chosen = c
                .name_match
                .as_ref()
                .is_some_and(|n| n.how == exposure_core::reading::NameHow::Chosen);
            if c.org_id.is_some() && !chosen && !c.from_letter {
                if let Some(m) = engine.resolve(&c.input) {
                    if Some(&m.org_id) != c.org_id.as_ref() {
                        c.name_match = Some(engine.name_match(&m));
                        c.org_id = Some(m.org_id);
                    }
                }
            }
            c
        }));
    }

    /// Looks up again the companies saved without a match (older formats, or
    /// companies the data did not know then), once the data set is here.
    pub fn resolve_unmatched(&mut self) {
        let Some(engine) = self.base.clone() else {
            return;
        };
        if self.companies.iter().all(|c| c.org_id.is_some()) {
            return;
        }
        let companies = std::mem::take(&mut self.companies);
        self.add_all(companies.into_iter().map(|mut c| {
            if c.org_id.is_none() {
                c.org_id = engine.resolve(&c.input).map(|m| m.org_id);
            }
            c
        }));
    }

    pub fn progress(&self) -> Progress {
        Progress {
            companies: self.companies.clone(),
            done: self.done.clone(),
            done_on: self.done_on.clone(),
            letters: self.letters.clone(),
            seen: self.seen_now.clone().or_else(|| self.seen_before.clone()),
        }
    }

    /// Keeps a letter's finding (once), and adds its sender and the client
    /// it wrote for to the companies, marked as from the letter.
    fn keep_letter(&mut self, letter: Kept) {
        if self.letters.contains(&letter) {
            return;
        }
        let parties = [letter.on_behalf_of.clone(), letter.sender.clone()];
        let added = parties
            .into_iter()
            .flatten()
            .filter(|p| !p.name.trim().is_empty() || p.org_id.is_some())
            .map(|p| CompanyQuery {
                input: p.name,
                org_id: p.org_id,
                from_letter: true,
                ..Default::default()
            });
        self.add_all(added);
        self.letters.push(letter);
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::AddCompany { input, org_id } => s.add(CompanyQuery {
                input: input.trim().to_string(),
                org_id,
                ..Default::default()
            }),
            Action::AddCompanies { items } => {
                // One set of keys for the whole list: a pasted list can be long.
                let mut keys: std::collections::HashSet<String> =
                    s.companies.iter().map(company_key).collect();
                for (input, org_id) in items {
                    let c = CompanyQuery {
                        input: input.trim().to_string(),
                        org_id,
                        ..Default::default()
                    };
                    if (!c.input.is_empty() || c.org_id.is_some()) && keys.insert(company_key(&c)) {
                        s.companies.push(c);
                    }
                }
            }
            Action::RemoveCompany { key } => s.companies.retain(|c| company_key(c) != key),
            Action::SetPeriod { key, period } => {
                if let Some(c) = s.companies.iter_mut().find(|c| company_key(c) == key) {
                    c.period = period;
                }
            }
            Action::SetRelation { key, relation } => {
                if let Some(c) = s.companies.iter_mut().find(|c| company_key(c) == key) {
                    c.relation = relation;
                }
            }
            Action::PickOrg { key, org_id } => {
                let taken = s
                    .companies
                    .iter()
                    .any(|c| c.org_id.as_deref() == Some(&org_id));
                if taken {
                    s.companies.retain(|c| company_key(c) != key);
                } else if let Some(c) = s.companies.iter_mut().find(|c| company_key(c) == key) {
                    c.org_id = Some(org_id);
                    c.name_match = None;
                }
            }
            Action::ToggleDone { action_id, on } => {
                if s.done.remove(&action_id) {
                    s.done_on.remove(&action_id);
                } else {
                    if let Some(day) = on {
                        s.done_on.insert(action_id.clone(), day);
                    }
                    s.done.insert(action_id);
                }
            }
            Action::Restore { progress, lang } => {
                // Keep anything added before the saved list was read.
                let added = std::mem::take(&mut s.companies);
                s.add_all(progress.companies.into_iter().chain(added));
                s.done.extend(progress.done);
                s.done_on.extend(progress.done_on);
                for letter in progress.letters {
                    if !s.letters.contains(&letter) {
                        s.letters.push(letter);
                    }
                }
                s.seen_before = progress.seen;
                if let Some(l) = lang {
                    s.lang = l;
                }
                s.restored = true;
                s.resolve_unmatched();
            }
            Action::DataLoaded { engine, complete } => {
                let was_partial = s.base.as_ref().is_some_and(|e| e.names_pending());
                let whole = !engine.names_pending();
                s.base = Some(engine);
                if was_partial && whole {
                    s.read_again();
                }
                s.data_settled = complete;
                s.resolve_unmatched();
            }
            Action::DataStageFailed { error } => {
                s.data_settled = true;
                s.error = Some(error);
            }
            Action::TextsLoaded { texts } => {
                s.texts = Some(texts);
            }
            Action::KeepLetter { letter } => s.keep_letter(letter),
            Action::RemoveLetter { index } => {
                if index < s.letters.len() {
                    s.letters.remove(index);
                }
            }
            Action::SeenNow { seen } => s.seen_now = Some(seen),
            Action::ClearAll => {
                s.companies.clear();
                s.done.clear();
                s.done_on.clear();
                s.letters.clear();
                s.seen_before = None;
                s.seen_now = None;
                s.error = None;
                s.catalog = None;
                s.notice = None;
            }
            Action::ShowError { error } => s.error = Some(error),
            Action::DismissError => s.error = None,
            Action::SetLang { lang } => s.lang = lang,
            Action::ImportProgress { progress, notice } => {
                s.add_all(progress.companies);
                s.done.extend(progress.done);
                s.done_on.extend(progress.done_on);
                for letter in progress.letters {
                    s.keep_letter(letter);
                }
                // What the other device last showed, when this one has none.
                if s.seen_before.is_none() {
                    s.seen_before = progress.seen;
                }
                s.notice = Some(notice);
            }
            Action::ImportStarted => {
                s.importing = true;
                s.import_progress = None;
                s.notice = None;
            }
            Action::CatalogProgress { step, done, total } => {
                s.import_progress = Some(ImportProgress { step, done, total });
            }
            Action::CatalogLoaded { engine, notice } => {
                s.importing = false;
                s.import_progress = None;
                s.catalog = Some(engine);
                if let Notice::Catalog { malformed, .. } = &notice {
                    if *malformed > 0 {
                        s.error = Some(AppError::CatalogEntries {
                            unreadable: *malformed,
                        });
                    }
                }
                s.notice = Some(notice);
            }
            Action::ImportFailed { error } => {
                s.importing = false;
                s.import_progress = None;
                s.error = Some(error);
            }
            Action::Navigate { route } => s.route = route,
            Action::ShellTaken => {
                s.shell_text.clear();
                s.shell_caret = None;
            }
            Action::RemoveCatalog => {
                s.catalog = None;
                s.notice = None;
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(s: AppState, actions: Vec<Action>) -> AppState {
        let mut rc = Rc::new(s);
        for a in actions {
            rc = rc.reduce(a);
        }
        (*rc).clone()
    }

    fn add(input: &str, org: Option<&str>) -> Action {
        Action::AddCompany {
            input: input.into(),
            org_id: org.map(String::from),
        }
    }

    #[test]
    fn names_read_while_part_of_the_organizations_was_to_come_are_read_again() {
        use exposure_core::{bundled as b, DataSet, Engine};
        let (orgs, more) = exposure_core::dataset::split_organizations(
            b::TAXONOMY_JSON,
            b::ORGANIZATIONS_JSON,
            b::INCIDENTS_JSON,
        )
        .unwrap();
        let engine = |ds: DataSet| SharedEngine::new(Rc::new(Engine::new(ds)));
        let part = engine(DataSet::from_json(b::TAXONOMY_JSON, &orgs, b::INCIDENTS_JSON).unwrap());
        let whole = engine(
            DataSet::from_json_parts(b::TAXONOMY_JSON, &[&orgs, &more], b::INCIDENTS_JSON, None)
                .unwrap(),
        );
        // The whole file reads this name through its first words, which
        // name an organization of the second part.
        let name = "First Horizon Bank (formerly IBERIABANK)";
        let early = part.resolve(name).map(|m| m.org_id);
        let late = whole.resolve(name).map(|m| m.org_id);
        assert_ne!(early, late);
        let loaded = |engine: &SharedEngine, complete| Action::DataLoaded {
            engine: engine.clone(),
            complete,
        };
        let s = apply(
            AppState::default(),
            vec![
                loaded(&part, false),
                add(name, early.as_deref()),
                add("Costco", None),
                add("Chase", Some("jpmorgan-chase")),
            ],
        );
        let orgs_of = |s: &AppState| -> Vec<Option<String>> {
            s.companies.iter().map(|c| c.org_id.clone()).collect()
        };
        assert_eq!(orgs_of(&s)[1], None, "not known to the first part");
        let s = apply(s, vec![loaded(&whole, true)]);
        assert_eq!(
            orgs_of(&s),
            [
                late,
                whole.resolve("Costco").map(|m| m.org_id),
                Some("jpmorgan-chase".into())
            ]
        );
        assert!(orgs_of(&s)[1].is_some(), "Costco is in the second part");
    }

    #[test]
    fn the_static_box_text_is_taken_once() {
        let s = AppState {
            shell_text: "Ticketm".into(),
            shell_caret: Some(7),
            ..AppState::default()
        };
        let s = apply(s, vec![Action::ShellTaken]);
        assert_eq!((s.shell_text.as_str(), s.shell_caret), ("", None));
    }

    #[test]
    fn reducer_table() {
        let s = apply(
            AppState::default(),
            vec![
                add("AT&T", Some("att")),
                add("ATT", Some("att")),
                add("Hollow Creek Bakery", None),
                add("hollow creek bakery llc", None),
                add("   ", None),
                Action::ToggleDone {
                    action_id: "credit_freeze".into(),
                    on: Some(exposure_core::PartialDate::ymd(2026, 12, 1)),
                },
                Action::ToggleDone {
                    action_id: "fraud_alert".into(),
                    on: Some(exposure_core::PartialDate::ymd(2026, 12, 2)),
                },
                Action::ToggleDone {
                    action_id: "fraud_alert".into(),
                    on: Some(exposure_core::PartialDate::ymd(2026, 12, 3)),
                },
            ],
        );
        assert_eq!(s.companies.len(), 2, "same company twice is kept once");
        assert_eq!(s.done.iter().collect::<Vec<_>>(), ["credit_freeze"]);
        // The day of a tick is kept with it, and goes with an untick.
        assert_eq!(
            s.done_on.iter().collect::<Vec<_>>(),
            [(
                &"credit_freeze".to_string(),
                &exposure_core::PartialDate::ymd(2026, 12, 1)
            )]
        );
        let s = apply(s, vec![Action::RemoveCompany { key: "att".into() }]);
        assert_eq!(s.companies.len(), 1);
        let s = apply(s, vec![Action::ClearAll]);
        assert!(s.companies.is_empty() && s.done.is_empty() && s.done_on.is_empty());
    }

    #[test]
    fn restore_keeps_what_was_added_first() {
        let saved = Progress {
            companies: vec![CompanyQuery {
                input: "Bank of America".into(),
                org_id: Some("bank-of-america".into()),
                period: Default::default(),
                ..Default::default()
            }],
            done: ["irs_ip_pin".to_string()].into(),
            ..Default::default()
        };
        let s = apply(
            AppState::default(),
            vec![
                add("AT&T", Some("att")),
                Action::Restore {
                    progress: saved,
                    lang: Some(Lang::Zh),
                },
            ],
        );
        let ids: Vec<_> = s
            .companies
            .iter()
            .filter_map(|c| c.org_id.clone())
            .collect();
        assert_eq!(ids, ["bank-of-america", "att"]);
        assert!(s.restored);
        assert_eq!(s.lang, Lang::Zh);
        assert!(s.done.contains("irs_ip_pin"));
    }

    #[test]
    fn names_saved_without_a_match_are_looked_up_when_the_data_arrives() {
        let saved = Progress {
            companies: vec![
                CompanyQuery {
                    input: "Bank of America".into(),
                    org_id: None,
                    period: Default::default(),
                    ..Default::default()
                },
                CompanyQuery {
                    input: "bank-of-america".into(),
                    org_id: Some("bank-of-america".into()),
                    period: Default::default(),
                    ..Default::default()
                },
                CompanyQuery {
                    input: "Corner Bakery of Nowhere".into(),
                    org_id: None,
                    period: Default::default(),
                    ..Default::default()
                },
            ],
            done: Default::default(),
            ..Default::default()
        };
        let restore = Action::Restore {
            progress: saved,
            lang: None,
        };
        // Before the data: kept as typed.
        let waiting = apply(AppState::default(), vec![restore.clone()]);
        assert_eq!(waiting.companies.len(), 3);
        let engine = crate::engine::SharedEngine::new(Rc::new(
            exposure_core::Engine::bundled().expect("bundled data loads"),
        ));
        // Data after the saved list, or the other way round: the same result.
        for actions in [
            vec![
                restore.clone(),
                Action::DataLoaded {
                    engine: engine.clone(),
                    complete: true,
                },
            ],
            vec![
                Action::DataLoaded {
                    engine: engine.clone(),
                    complete: true,
                },
                restore.clone(),
            ],
        ] {
            let s = apply(AppState::default(), actions);
            let keys: Vec<String> = s.companies.iter().map(company_key).collect();
            assert_eq!(
                keys,
                ["bank-of-america", "?corner bakery of nowhere"],
                "the two Bank of America entries became one"
            );
            assert!(s.base.is_some());
        }
    }

    #[test]
    fn period_is_set_by_company_key() {
        let s = apply(
            AppState::default(),
            vec![
                add("AT&T", Some("att")),
                Action::SetPeriod {
                    key: "att".into(),
                    period: Period {
                        from: Some(2010),
                        until: Some(2016),
                        tenure: None,
                    },
                },
                Action::SetPeriod {
                    key: "nobody".into(),
                    period: Period {
                        from: Some(1),
                        until: None,
                        tenure: None,
                    },
                },
            ],
        );
        assert_eq!(s.companies[0].period.until, Some(2016));
    }

    /// Current or former, through the same action: the editor sends the
    /// period as `Period::with_tenure` makes it; the last one holds.
    #[test]
    fn tenure_is_set_with_the_period() {
        use exposure_core::Tenure::{Current, Former};
        let former = Period {
            from: Some(2010),
            until: Some(2016),
            tenure: Some(Former),
        };
        // (tenure chosen after the former period, period kept)
        let table = [
            (Some(Former), former),
            (
                Some(Current),
                Period {
                    until: None,
                    tenure: Some(Current),
                    ..former
                },
            ),
            (
                None,
                Period {
                    until: None,
                    tenure: None,
                    ..former
                },
            ),
        ];
        for (tenure, want) in table {
            let s = apply(
                AppState::default(),
                vec![
                    add("AT&T", Some("att")),
                    Action::SetPeriod {
                        key: "att".into(),
                        period: former,
                    },
                    Action::SetPeriod {
                        key: "att".into(),
                        period: former.with_tenure(tenure),
                    },
                ],
            );
            assert_eq!(s.companies[0].period, want, "{tenure:?}");
        }
    }

    #[test]
    fn a_pasted_list_is_added_once_each() {
        let s = apply(
            AppState::default(),
            vec![
                add("AT&T", Some("att")),
                Action::AddCompanies {
                    items: vec![
                        ("ATT".into(), Some("att".into())),
                        ("Bank of America".into(), Some("bank-of-america".into())),
                        ("Hollow Creek".into(), None),
                        ("hollow creek".into(), None),
                        ("  ".into(), None),
                    ],
                },
            ],
        );
        let keys: Vec<String> = s.companies.iter().map(company_key).collect();
        assert_eq!(keys, ["att", "bank-of-america", "?hollow creek"]);
    }

    #[test]
    fn errors_show_and_dismiss() {
        let s = apply(
            AppState::default(),
            vec![Action::ShowError {
                error: AppError::StorageUnavailable,
            }],
        );
        assert!(s.error.is_some());
        let s = apply(s, vec![Action::DismissError]);
        assert!(s.error.is_none());
    }
}
