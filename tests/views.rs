//! A rule of the views that the compiler does not check: lists go into
//! `html!` as one node (`components::nodes`), never as `{ for … }`. Yew
//! spreads a `for` among its siblings and makes a lone item its parent's
//! only child, then builds elements anew when the count changes, losing an
//! open `<details>`, focus or typed text (the e2e test "removing a chip
//! leaves the other chips as they were" shows it in the browser).

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Lines of code (comments left out) that spread a list with `{ for`.
fn spread_lists(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            let code = line.split("//").next().unwrap_or_default();
            code.contains("{ for ") || code.contains("{for ")
        })
        .map(|(i, line)| (i + 1, line.trim().to_string()))
        .collect()
}

#[test]
fn the_rule_finds_a_spread_list_and_skips_comments() {
    let found = spread_lists("html! {\n  <ul>{ for items }</ul>\n  // `{ for x }` is not used\n}");
    assert_eq!(found, vec![(2, "<ul>{ for items }</ul>".to_string())]);
    assert!(spread_lists("<ul>{ nodes(items) }</ul>").is_empty());
}

#[test]
fn no_view_spreads_a_list() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 10, "the views were found: {files:?}");
    let offending: Vec<String> = files
        .iter()
        .flat_map(|f| {
            let text = fs::read_to_string(f).expect("a source file is readable");
            spread_lists(&text)
                .into_iter()
                .map(move |(n, line)| format!("{}:{n}: {line}", f.display()))
        })
        .collect();
    assert!(
        offending.is_empty(),
        "use components::nodes(…) instead of {{ for … }}:\n{}",
        offending.join("\n")
    );
}
