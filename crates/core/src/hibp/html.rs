//! A catalogue description (HTML from outside) to plain text: tags dropped,
//! entities decoded, white space folded; no link is followed.

/// Text of an HTML fragment: tags dropped (link text kept), common entities
/// decoded, whitespace collapsed. Never returns markup.
pub(crate) fn html_to_text(html: &str) -> String {
    // Runs of text between tags are copied whole; tags are only looked at
    // for their name.
    let mut text = String::with_capacity(html.len());
    let mut skip_depth = 0usize; // inside <script> or <style>
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        if skip_depth == 0 {
            text.push_str(&rest[..open]);
        }
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            // An unclosed tag runs to the end.
            rest = "";
            break;
        };
        let tag = &after[..close];
        rest = &after[close + 1..];
        let closing = tag.starts_with('/');
        let name = tag.trim_start_matches('/');
        let name = &name[..name
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(name.len())];
        if name.eq_ignore_ascii_case("script") || name.eq_ignore_ascii_case("style") {
            if closing {
                skip_depth = skip_depth.saturating_sub(1);
            } else if !tag.ends_with('/') {
                skip_depth += 1;
            }
        }
        if ["br", "p", "li", "div"]
            .iter()
            .any(|n| name.eq_ignore_ascii_case(n))
        {
            text.push(' ');
        }
    }
    if skip_depth == 0 {
        text.push_str(rest);
    }
    let decoded = if text.contains('&') {
        crate::normalize::decode_entities(&text)
    } else {
        text
    };
    collapse_whitespace(&decoded)
}

/// The words of a text joined by single spaces (white space as
/// `char::is_whitespace` has it).
pub(super) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut push = |word: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    };
    // Byte by byte when the text is ASCII (most descriptions), which splits
    // where `char::is_whitespace` would as long as there is no vertical tab
    // (white space to Unicode, not to ASCII).
    if text.is_ascii() && !text.contains('\u{b}') {
        text.split_ascii_whitespace().for_each(&mut push);
    } else {
        text.split_whitespace().for_each(&mut push);
    }
    out
}
