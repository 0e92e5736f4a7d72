//! A letter as plain text: an e-mail (`.eml`) is read for its headers and
//! its body (quoted-printable and encoded words decoded, HTML made text);
//! anything else is taken as the text of a letter.

/// A letter's text and, for an e-mail, what its headers say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct LetterText {
    pub body: String,
    /// The `From` header's display name (or address).
    pub from: Option<String>,
    pub subject: Option<String>,
    /// The `Date` header as written.
    pub date: Option<String>,
}

/// Reads pasted or dropped text: an e-mail when it starts with headers
/// (a `From:` and a blank line after them), a letter otherwise.
pub(crate) fn read(input: &str) -> LetterText {
    let input = input.replace("\r\n", "\n").replace('\r', "\n");
    let Some((head, body)) = input.split_once("\n\n") else {
        return plain(&input);
    };
    let headers = unfold(head);
    let is_mail = headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("from"))
        && headers
            .iter()
            .all(|(k, _)| !k.is_empty() && k.len() < 40 && !k.contains(' ') && k.is_ascii());
    if !is_mail {
        return plain(&input);
    }
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| decode_words(v.trim()))
    };
    let qp = header("content-transfer-encoding")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("quoted-printable"));
    let html = header("content-type").is_some_and(|v| v.to_ascii_lowercase().contains("html"));
    let mut text = if qp {
        quoted_printable(body)
    } else {
        body.to_string()
    };
    if html {
        text = crate::hibp::html_to_text(&text);
    }
    LetterText {
        body: text,
        from: header("from").map(|f| display_name(&f)),
        subject: header("subject"),
        date: header("date"),
    }
}

fn plain(text: &str) -> LetterText {
    let looks_html = text.contains("</p>") || text.contains("<br") || text.contains("</div>");
    LetterText {
        body: if looks_html {
            crate::hibp::html_to_text(text)
        } else {
            text.to_string()
        },
        ..Default::default()
    }
}

/// Header lines, continuation lines joined (RFC 5322 §2.2.3).
fn unfold(head: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
            continue;
        }
        match line.split_once(':') {
            Some((k, v)) => out.push((k.trim().to_string(), v.trim().to_string())),
            None => out.push((String::new(), line.to_string())),
        }
    }
    out
}

/// `"Name" <a@b>` → `Name`; a bare address stays as it is.
fn display_name(from: &str) -> String {
    let name = match from.find('<') {
        Some(i) if i > 0 => &from[..i],
        _ => from,
    };
    name.trim().trim_matches('"').trim().to_string()
}

/// Quoted-printable (RFC 2045 §6.7): `=XX` bytes and soft line breaks.
fn quoted_printable(s: &str) -> String {
    let b = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            if b.get(i + 1) == Some(&b'\n') {
                i += 2;
                continue;
            }
            if let (Some(h), Some(l)) = (
                b.get(i + 1).and_then(|c| hex(*c)),
                b.get(i + 2).and_then(|c| hex(*c)),
            ) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Encoded words in a header (RFC 2047): `=?utf-8?q?…?=` and `=?utf-8?b?…?=`.
fn decode_words(v: &str) -> String {
    let mut out = String::new();
    let mut rest = v;
    while let Some(start) = rest.find("=?") {
        // =?charset?encoding?text?= — the text may hold "?=" only at its end.
        let head = &rest[start + 2..];
        let Some(c) = head.find('?') else { break };
        let Some(e) = head[c + 1..].find('?').map(|e| c + 1 + e) else {
            break;
        };
        let Some(t) = head[e + 1..].find("?=").map(|t| e + 1 + t) else {
            break;
        };
        let enc = head[c + 1..e].to_ascii_lowercase();
        let text = &head[e + 1..t];
        let decoded = match enc.as_str() {
            "q" => Some(quoted_printable(&text.replace('_', " "))),
            "b" => base64(text),
            _ => None,
        };
        let end = start + 2 + t + 2;
        match decoded {
            Some(d) => {
                out.push_str(&rest[..start]);
                out.push_str(&d);
            }
            None => out.push_str(&rest[..end]),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn base64(s: &str) -> Option<String> {
    let mut bits: u32 = 0;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        bits = (bits << 6) | u32::from(v);
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_is_read_for_headers_and_decoded_body() {
        let mail = "From: \"Bellwether CU\" <privacy@bw.example>\r\nSubject: Notice =?utf-8?q?=E2=80=94?= BW\r\nDate: Tue, 20 May 2025 09:15:44 -0500\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nWe are writ=\r\ning =E2=80=9Chere=E2=80=9D.";
        let l = read(mail);
        assert_eq!(l.from.as_deref(), Some("Bellwether CU"));
        assert_eq!(l.subject.as_deref(), Some("Notice — BW"));
        assert_eq!(l.body, "We are writing “here”.");
        assert!(l.date.unwrap().contains("2025"));
    }

    #[test]
    fn a_letter_is_text_as_it_is() {
        let l = read("Acme Inc.\n\nDear Ann:\nWhat happened: a thing.");
        assert_eq!(l.from, None);
        assert!(l.body.starts_with("Acme Inc."));
        assert_eq!(base64("5Lit5paH"), Some("中文".into()));
        assert_eq!(decode_words("=?utf-8?b?5Lit5paH?= x"), "中文 x");
    }
}
