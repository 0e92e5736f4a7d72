//! Writes the character-folding table `normalize` uses (`fold_table.rs` in
//! OUT_DIR): for every character that compatibility decomposition (NFKD)
//! changes, what is left of it once combining marks are dropped and the rest
//! is recomposed (NFC) — "é" → "e", "ﬁ" → "fi", "Ａ" → "A", a lone accent → "".
//!
//! Generating it here, with `unicode-normalization` as a build dependency,
//! keeps that crate's large tables out of the WebAssembly: the page carries
//! only this table of runs (a few thousand entries). Hangul syllables fold to
//! themselves and are left out; `normalize` joins loose Hangul letters itself.
use std::fmt::Write as _;
use std::path::Path;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

fn fold(c: char) -> String {
    let kept: String = c.nfkd().filter(|d| !is_combining_mark(*d)).collect();
    kept.nfc().collect()
}

/// A run of characters `first..=last` that fold alike.
#[derive(PartialEq)]
enum Kind {
    /// Dropped (combining marks).
    Drop,
    /// Each to one character: `c - first + to`.
    Shift(u32),
    /// One character to a longer text (always a run of one).
    Text(String),
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut runs: Vec<(u32, u32, Kind)> = Vec::new();
    for cp in 0x80..=0x10FFFFu32 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        if (0xAC00..=0xD7A3).contains(&cp) {
            continue; // Hangul syllables: decomposed and recomposed to themselves.
        }
        let f = fold(c);
        let mut chars = f.chars();
        let kind = match (chars.next(), chars.next()) {
            (Some(one), None) if one == c => continue,
            (None, _) => Kind::Drop,
            (Some(one), None) => Kind::Shift(one as u32),
            _ => Kind::Text(f),
        };
        if let Some((first, last, k)) = runs.last_mut() {
            if *last + 1 == cp {
                let extends = match (&*k, &kind) {
                    (Kind::Drop, Kind::Drop) => true,
                    (Kind::Shift(to), Kind::Shift(t)) => *to + (cp - *first) == *t,
                    _ => false,
                };
                if extends {
                    *last = cp;
                    continue;
                }
            }
        }
        runs.push((cp, cp, kind));
    }
    // Runs as three columns (first, last, value) and one text pool. value:
    // 0 = drop; 1..=0x10FFFF... shifted by 2 bits: (to << 2) | 1 = shift;
    // (offset << 10 | len << 2) | 2 = text from the pool.
    let mut pool = String::new();
    let mut out = String::new();
    let mut firsts = String::new();
    let mut lasts = String::new();
    let mut values = String::new();
    for (first, last, kind) in &runs {
        let value: u32 = match kind {
            Kind::Drop => 0,
            Kind::Shift(to) => (to << 2) | 1,
            Kind::Text(t) => {
                let offset = match pool.find(t.as_str()) {
                    Some(o) => o,
                    None => {
                        pool.push_str(t);
                        pool.len() - t.len()
                    }
                };
                assert!(t.len() < 256 && offset < (1 << 22));
                ((offset as u32) << 10) | ((t.len() as u32) << 2) | 2
            }
        };
        write!(firsts, "{first},").unwrap();
        write!(lasts, "{last},").unwrap();
        write!(values, "{value},").unwrap();
    }
    let n = runs.len();
    writeln!(out, "/// First character of each run, ascending.").unwrap();
    writeln!(out, "static FOLD_FIRST: [u32; {n}] = [{firsts}];").unwrap();
    writeln!(out, "/// Last character of each run.").unwrap();
    writeln!(out, "static FOLD_LAST: [u32; {n}] = [{lasts}];").unwrap();
    writeln!(out, "/// What each run folds to (see build.rs).").unwrap();
    writeln!(out, "static FOLD_VALUE: [u32; {n}] = [{values}];").unwrap();
    writeln!(out, "/// The longer folds, back to back.").unwrap();
    writeln!(out, "static FOLD_POOL: &str = {pool:?};").unwrap();
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&dir).join("fold_table.rs"), out).expect("OUT_DIR is writable");
}
