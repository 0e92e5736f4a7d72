//! Name matching: a labelled table of inputs, near misses that must stay
//! apart, autocomplete order, and property tests of the normalizer and matcher.

use exposure_core::normalize::normalize;
use exposure_core::{Engine, MatchReason};
use proptest::prelude::*;

fn engine() -> &'static Engine {
    use std::sync::OnceLock;
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::bundled().unwrap())
}

#[test]
fn resolves_labelled_inputs() {
    let cases: &[(&str, Option<&str>)] = &[
        ("AT&T", Some("att")),
        ("at&t", Some("att")),
        ("AT&T Inc.", Some("att")),
        ("AT and T", Some("att")),
        ("ATT", Some("att")),
        ("A.T.&T.", Some("att")),
        ("AT&T Mobility LLC", Some("att")),
        ("att.com", Some("att")),
        ("https://www.att.com/DataIncident", Some("att")),
        ("美国电话电报公司", Some("att")),
        ("Cricket", Some("cricket-wireless")),
        ("cricket wireless", Some("cricket-wireless")),
        ("Bank of America", Some("bank-of-america")),
        ("bank of america, n.a.", Some("bank-of-america")),
        ("BANK OF AMERICA CORPORATION", Some("bank-of-america")),
        ("bank of amercia", Some("bank-of-america")),
        ("Bank of Amrica", Some("bank-of-america")),
        ("BofA", Some("bank-of-america")),
        ("bankofamerica.com", Some("bank-of-america")),
        ("美国银行", Some("bank-of-america")),
        ("Bank of America credit card", Some("bank-of-america")),
        ("Ticketmaster", Some("ticketmaster")),
        ("Ticket Master", Some("ticketmaster")),
        ("ticketmastr", Some("ticketmaster")),
        ("Ｔｉｃｋｅｔｍａｓｔｅｒ", Some("ticketmaster")),
        // Found by the property test: leading punctuation once looked like a domain.
        ("-.ticketmaster", Some("ticketmaster")),
        ("-.TICKETMASTER-", Some("ticketmaster")),
        ("Live Nation", Some("live-nation")),
        ("QuoteWizard", Some("quotewizard")),
        ("Quote Wizard", Some("quotewizard")),
        ("LendingTree", Some("lendingtree")),
        ("Lending Tree, Inc.", Some("lendingtree")),
        ("Infosys McCamish Systems LLC", Some("infosys-mccamish")),
        ("McCamish", Some("infosys-mccamish")),
        ("Snowflake Inc.", Some("snowflake")),
        (
            "Union Labor Life Insurance Company",
            Some("union-labor-life"),
        ),
        ("Oceanview Life & Annuity Company", Some("oceanview")),
        // Unknown or near misses: stay unknown.
        ("Hollow Creek Bakery LLC", None),
        ("Ticketek", None),
        ("Bank of the West", None),
        ("Bank", None),
        ("American", None),
        ("Union", None),
        ("Health", None),
        ("T", None),
        ("AT", None),
        ("", None),
        ("   ", None),
        ("<script>alert(1)</script>", None),
        ("example.com", None),
    ];
    let mut wrong = Vec::new();
    for (input, want) in cases {
        let got = engine().resolve(input).map(|m| m.org_id);
        if got.as_deref() != *want {
            wrong.push(format!("{input:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn match_reasons_say_how() {
    let cases = [
        ("AT&T", MatchReason::Exact),
        ("att.com", MatchReason::Domain),
        ("bank of amercia", MatchReason::Typo),
        ("Bank of America credit card", MatchReason::Contained),
        ("Wizard Quote", MatchReason::SameWords),
    ];
    for (input, reason) in cases {
        let m = engine()
            .resolve(input)
            .unwrap_or_else(|| panic!("{input} resolves"));
        assert_eq!(m.reason, reason, "{input}");
    }
}

#[test]
fn autocomplete_ranks_and_explains() {
    let s = engine().suggest("bank of", 5);
    assert_eq!(
        s.first().map(|m| m.org_id.as_str()),
        Some("bank-of-america")
    );
    let s = engine().suggest("tick", 5);
    assert_eq!(s.first().map(|m| m.org_id.as_str()), Some("ticketmaster"));
    // A brand's alias shows which alias matched.
    let s = engine().suggest("ATT Mob", 5);
    assert_eq!(s[0].org_id, "att");
    assert_eq!(s[0].matched, "ATT Mobility");
    // Unlisted placeholders are never suggested.
    assert!(engine().suggest("unnamed", 10).is_empty());
    // One suggestion per organization.
    let s = engine().suggest("a", 50);
    let mut ids: Vec<_> = s.iter().map(|m| m.org_id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), s.len());
    assert!(engine().suggest("", 5).is_empty());
    assert!(engine().suggest("zzzzqqq", 5).is_empty());
}

proptest! {
    // A fixed seed keeps CI repeatable; fuzzing explores further. Cases
    // proptest once found are kept in the tables above.
    #![proptest_config(ProptestConfig {
        cases: 1024,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x5eed_2026),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn normalize_is_idempotent(s in "\\PC{0,60}") {
        let once = normalize(&s);
        prop_assert_eq!(normalize(&once), once.clone());
    }

    #[test]
    fn case_and_surrounding_punctuation_do_not_change_the_result(
        idx in 0usize..24,
        pre in "[ .,;:!?\"'()\\-]{0,3}",
        post in "[ .,;:!?\"'()\\-]{0,3}",
        upper in any::<bool>(),
    ) {
        let names = ["AT&T", "Bank of America", "Ticketmaster", "QuoteWizard", "Cricket Wireless", "LendingTree",
                     "Live Nation", "Snowflake", "Infosys McCamish", "BofA", "Oceanview Life and Annuity", "Ullico",
                     "bank of amercia", "Hollow Creek Bakery", "Ticketek", "Bank of the West", "Fidelity",
                     "Union Labor Life", "Newport Group", "AT and T", "Ticket Master", "FirstNet", "GoPhone", "McCamish"];
        let name = names[idx % names.len()];
        let base = engine().resolve(name).map(|m| m.org_id);
        let cased = if upper { name.to_uppercase() } else { name.to_lowercase() };
        let varied = format!("{pre}{cased}{post}");
        prop_assert_eq!(engine().resolve(&varied).map(|m| m.org_id), base);
    }

    #[test]
    fn matcher_never_panics(s in "\\PC{0,300}") {
        let _ = engine().resolve(&s);
        let _ = engine().suggest(&s, 8);
    }
}

/// Work is bounded by construction: only the first MAX_INPUT_CHARS characters
/// are looked at, so a megabyte costs what 200 characters cost. (Speed itself
/// is measured by the benchmark, not asserted here.)
#[test]
fn huge_inputs_are_cut_and_never_panic() {
    use exposure_core::normalize::MAX_INPUT_CHARS;
    let inputs = [
        "a".repeat(1 << 20),
        "Bank of America ".repeat(65_536),
        "💥".repeat(262_144),
        "\u{202E}".repeat(100_000) + "AT&T",
    ];
    for input in &inputs {
        assert!(normalize(input).chars().count() <= MAX_INPUT_CHARS * 5);
        let _ = engine().resolve(input);
        let _ = engine().suggest(input, 8);
    }
    // The cut keeps what a person means when the name comes first.
    let long = format!("Bank of America{}", " ".repeat(1 << 20));
    assert_eq!(
        engine().resolve(&long).map(|m| m.org_id).as_deref(),
        Some("bank-of-america")
    );
}
