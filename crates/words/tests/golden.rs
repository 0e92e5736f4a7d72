//! The exports, golden-tested: the same check on the same day must give the
//! same Markdown, JSON and iCalendar files as tests/golden/. After an intended
//! change (wording, data of the founding incidents), regenerate them with
//! `UPDATE_GOLDEN=1 cargo test -p exposure-words --test golden` and review the diff.

use std::collections::BTreeSet;
use std::path::PathBuf;

use exposure_core::lang::Lang;
use exposure_core::{export, Engine, PartialDate};

fn check(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_GOLDEN=1 to create it)",
            path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the golden file at line {}:\n  golden: {:?}\n  now:    {:?}\n(UPDATE_GOLDEN=1 regenerates it after an intended change)",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

fn fixture() -> (Engine, exposure_core::Report, BTreeSet<String>, PartialDate) {
    let engine = Engine::bundled().unwrap();
    let today = PartialDate::ymd(2026, 11, 22);
    let report = engine.check_names(&["Bank of America", "AT&T"], Some(today));
    let done: BTreeSet<String> = [
        "credit_freeze".to_string(),
        "carrier_account_lock".to_string(),
    ]
    .into();
    (engine, report, done, today)
}

#[test]
fn markdown_export_is_stable() {
    let (engine, report, done, today) = fixture();
    check(
        "plan.md",
        &exposure_words::export::to_markdown(
            &engine.data,
            &report,
            &done,
            &english(&engine, today),
        ),
    );
}

fn english(engine: &Engine, today: PartialDate) -> exposure_words::Speaker<'_> {
    exposure_words::Speaker {
        ds: &engine.data,
        locale: Lang::En.into(),
        today: Some(today),
    }
}

#[test]
fn json_export_is_stable_and_reads_back() {
    let (engine, report, done, today) = fixture();
    let json = export::to_json(
        &engine.data,
        &report,
        &export::Progress {
            done: done.clone(),
            ..Default::default()
        },
        Some(today),
        &english(&engine, today),
    );
    check("plan.json", &json);
    assert_eq!(export::progress_from_json(&json).unwrap().done, done);
}

#[test]
fn ics_export_is_stable() {
    let (engine, report, _, today) = fixture();
    check(
        "plan.ics",
        &exposure_words::export::to_ics(
            &report,
            today,
            &Default::default(),
            &english(&engine, today),
        ),
    );
}
