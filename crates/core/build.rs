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
    // The runs as one stream of LEB128 numbers, decoded once when first
    // needed (`normalize::fold_table`): per run, the gap since the last run,
    // its length - 1, then what it folds to — 0 (dropped), a zigzag offset
    // `(z << 2) | 1` to the first character it shifts to, or `(at << 2) | 2`
    // and a length: text from the pool.
    let mut pool = String::new();
    let mut stream: Vec<u8> = Vec::new();
    let push = |stream: &mut Vec<u8>, mut v: u64| loop {
        let byte = (v & 0x7F) as u8;
        v >>= 7;
        if v == 0 {
            stream.push(byte);
            break;
        }
        stream.push(byte | 0x80);
    };
    let mut prev_last = 0x7Fu32;
    for (first, last, kind) in &runs {
        push(&mut stream, u64::from(first - prev_last - 1));
        push(&mut stream, u64::from(last - first));
        prev_last = *last;
        match kind {
            Kind::Drop => push(&mut stream, 0),
            Kind::Shift(to) => {
                let delta = i64::from(*to) - i64::from(*first);
                let zigzag = ((delta << 1) ^ (delta >> 63)) as u64;
                push(&mut stream, (zigzag << 2) | 1);
            }
            Kind::Text(t) => {
                let at = match pool.find(t.as_str()) {
                    Some(o) => o,
                    None => {
                        pool.push_str(t);
                        pool.len() - t.len()
                    }
                };
                // normalize keeps the pool offset in 22 bits, the length in 8.
                assert!(at < 1 << 22 && t.len() < 256, "fold pool out of range");
                push(&mut stream, ((at as u64) << 2) | 2);
                push(&mut stream, t.len() as u64);
            }
        }
    }
    let mut out = String::new();
    writeln!(
        out,
        "/// Runs of characters and what they fold to (see build.rs)."
    )
    .unwrap();
    writeln!(out, "const FOLD_RUN_COUNT: usize = {};", runs.len()).unwrap();
    writeln!(
        out,
        "static FOLD_RUNS: [u8; {}] = {stream:?};",
        stream.len()
    )
    .unwrap();
    writeln!(out, "/// The longer folds, back to back.").unwrap();
    writeln!(out, "static FOLD_POOL: &str = {pool:?};").unwrap();
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&dir).join("fold_table.rs"), out).expect("OUT_DIR is writable");
}
