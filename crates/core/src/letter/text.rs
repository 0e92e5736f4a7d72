//! A letter as plain text: an e-mail (`.eml`) is read for its headers and
//! its body (the MIME parts split, base64 and quoted-printable undone, the
//! part's character set decoded, encoded words of the headers decoded, HTML
//! made text); anything else is taken as the text of a letter. A letter
//! file's bytes become text here too ([`decode`]): UTF-8, UTF-16 with its
//! mark, GB18030 (GBK, GB2312) or Windows-1252.
//! Hand-written, not `encoding_rs`: its GB18030 tables cost about 127 KB
//! gzipped in the letter worker, this decoder and its table about 16 KB.

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

/// MIME parts nested deeper than this are not read, and a multipart's
/// parts past `MAX_PARTS` neither: a letter has two or three.
const MAX_DEPTH: usize = 8;
const MAX_PARTS: usize = 64;

/// Reads pasted or dropped text: an e-mail when it starts with headers
/// (a `From:` and a blank line after them), a letter otherwise.
pub(crate) fn read(input: &str) -> LetterText {
    let mut input = input.replace("\r\n", "\n").replace('\r', "\n");
    // A mailbox file's separator line ("From sender date") before the
    // headers.
    if input.starts_with("From ") {
        input = input.split_once('\n').map_or("", |(_, r)| r).to_string();
    }
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
    let field = |name: &str| header(&headers, name).map(|v| decode_words(v.trim()));
    LetterText {
        body: entity(&headers, body, 0)
            .map(|p| p.text)
            .unwrap_or_default(),
        from: field("from").map(|f| display_name(&f)),
        subject: field("subject"),
        date: field("date"),
    }
}

fn plain(text: &str) -> LetterText {
    let looks_html = text.contains("</p>") || text.contains("<br") || text.contains("</div>");
    LetterText {
        body: if looks_html {
            html_text(text)
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

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// A parameter of a header's value (`charset` of `text/plain;
/// charset="utf-8"`), quoted or not.
fn param(value: &str, name: &str) -> Option<String> {
    let mut rest = value;
    while let Some(i) = rest.find(';') {
        rest = rest[i + 1..].trim_start();
        let eq = rest.find('=')?;
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let (val, next) = match after.strip_prefix('"') {
            Some(q) => {
                let end = q.find('"').unwrap_or(q.len());
                (&q[..end], &q[(end + 1).min(q.len())..])
            }
            None => {
                let end = after.find(';').unwrap_or(after.len());
                (after[..end].trim(), &after[end..])
            }
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(val.to_string());
        }
        rest = next;
    }
    None
}

/// The text of one MIME entity, and whether it came from HTML.
struct Part {
    text: String,
    html: bool,
}

/// An entity's text: a text part decoded; of a multipart, its plain text
/// part (its HTML one when that says much more), nested ones read alike;
/// a forwarded message's own body. `None` for an image, a PDF…
fn entity(headers: &[(String, String)], body: &str, depth: usize) -> Option<Part> {
    let ctype = header(headers, "content-type").unwrap_or("");
    let media = ctype
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if depth > MAX_DEPTH {
        return None;
    }
    if media.starts_with("multipart/") {
        let Some(boundary) = param(ctype, "boundary").filter(|b| !b.is_empty()) else {
            return Some(Part {
                text: body.to_string(),
                html: false,
            });
        };
        // Each part, and whether it is an attachment (read only when the
        // message has no text of its own).
        let mut found: Vec<(bool, Part)> = Vec::new();
        for part in parts(body, &boundary) {
            let (head, body) = split_head(part);
            let headers = unfold(head);
            let attached = header(&headers, "content-disposition")
                .is_some_and(|d| d.trim().to_ascii_lowercase().starts_with("attachment"));
            if let Some(p) = entity(&headers, body, depth + 1) {
                found.push((attached, p));
            }
        }
        let letters = |p: &Part| p.text.chars().filter(|c| c.is_alphanumeric()).count();
        for attached in [false, true] {
            let of = |html: bool| {
                found
                    .iter()
                    .position(|(a, p)| *a == attached && p.html == html && letters(p) > 0)
            };
            let (plain, html) = (of(false), of(true));
            let pick = match (plain, html) {
                // A plain part that only says "see the HTML version".
                (Some(p), Some(h)) if letters(&found[p].1) * 3 < letters(&found[h].1) => Some(h),
                (Some(p), _) => Some(p),
                (None, h) => h,
            };
            if let Some(i) = pick {
                return Some(found.swap_remove(i).1);
            }
        }
        return None;
    }
    if media == "message/rfc822" || media == "message/global" {
        let (head, body) = split_head(body);
        return entity(&unfold(head), body, depth + 1);
    }
    if !(media.is_empty() || media == "text/plain" || media == "text/html") {
        return None;
    }
    let charset = param(ctype, "charset");
    let encoding = header(headers, "content-transfer-encoding")
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let text = match encoding.as_str() {
        "base64" => decode(&base64(body), charset.as_deref()),
        "quoted-printable" => decode(&quoted_printable(body), charset.as_deref()),
        // 7bit, 8bit, binary: the file's bytes were made text already.
        _ => body.to_string(),
    };
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let html = media == "text/html";
    Some(Part {
        text: if html { html_text(&text) } else { text },
        html,
    })
}

/// The parts of a multipart body: what lies between its boundary lines
/// (`--boundary`, the last `--boundary--`); the preamble before the first
/// and the epilogue after the last are not parts.
fn parts<'a>(body: &'a str, boundary: &str) -> Vec<&'a str> {
    let delimiter = format!("--{boundary}");
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        let rest = line.trim_end().strip_prefix(delimiter.as_str());
        if let Some(rest @ ("" | "--")) = rest {
            if let Some(s) = start.take() {
                out.push(&body[s..at]);
            }
            if rest == "--" || out.len() >= MAX_PARTS {
                return out;
            }
            start = Some(at + line.len());
        }
        at += line.len();
    }
    if let Some(s) = start {
        out.push(&body[s..]);
    }
    out
}

/// A part's headers and body: none when it opens with a blank line or
/// with a line that is no header.
fn split_head(part: &str) -> (&str, &str) {
    if let Some(body) = part.strip_prefix('\n') {
        return ("", body);
    }
    let first = part.lines().next().unwrap_or("");
    let is_header = first.split_once(':').is_some_and(|(k, _)| {
        !k.is_empty() && k.is_ascii() && !k.contains([' ', '\t']) && k.len() < 40
    });
    if !is_header {
        return ("", part);
    }
    part.split_once("\n\n").unwrap_or((part, ""))
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
fn quoted_printable(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            // A soft line break, white space an encoder left before it too.
            let blanks = b[i + 1..]
                .iter()
                .take_while(|c| matches!(c, b' ' | b'\t'))
                .count();
            if b.get(i + 1 + blanks) == Some(&b'\n') {
                i += 2 + blanks;
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
    out
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Base64 (RFC 2045 §6.8), leniently: white space and stray characters
/// are skipped, and padding ends a group (so pieces encoded one after
/// another read as one).
fn base64(s: &str) -> Vec<u8> {
    let mut bits: u32 = 0;
    let mut n = 0;
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => {
                (bits, n) = (0, 0);
                continue;
            }
            _ => continue,
        };
        bits = (bits << 6) | u32::from(v);
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    out
}

/// Encoded words in a header (RFC 2047): `=?utf-8?q?…?=`,
/// `=?gb2312?b?…?=`; the white space between two of them is not text, and
/// the bytes of neighbours in one character set are decoded together (a
/// character may be split between them).
fn decode_words(v: &str) -> String {
    let mut out = String::new();
    let mut pending: Option<(String, Vec<u8>)> = None;
    let flush = |out: &mut String, pending: &mut Option<(String, Vec<u8>)>| {
        if let Some((charset, bytes)) = pending.take() {
            out.push_str(&decode(&bytes, Some(&charset)));
        }
    };
    let mut rest = v;
    while let Some(start) = rest.find("=?") {
        // =?charset?encoding?text?= — the text may hold "?=" only at its end.
        let head = &rest[start + 2..];
        let word = head.find('?').and_then(|c| {
            let e = c + 1 + head[c + 1..].find('?')?;
            let t = e + 1 + head[e + 1..].find("?=")?;
            let charset = &head[..c];
            let bytes = match head[c + 1..e].to_ascii_lowercase().as_str() {
                "q" => quoted_printable(&head[e + 1..t].replace('_', " ")),
                "b" => base64(&head[e + 1..t]),
                _ => return None,
            };
            (!charset.is_empty() && !charset.contains(char::is_whitespace)).then(|| {
                // "utf-8*en": the language after the star is not the set.
                let charset = charset.split('*').next().unwrap_or("");
                (charset.to_ascii_lowercase(), bytes, start + 2 + t + 2)
            })
        });
        let gap = &rest[..start];
        let Some((charset, bytes, end)) = word else {
            flush(&mut out, &mut pending);
            out.push_str(&rest[..start + 2]);
            rest = &rest[start + 2..];
            continue;
        };
        if !(pending.is_some() && gap.trim().is_empty()) {
            flush(&mut out, &mut pending);
            out.push_str(gap);
        }
        match &mut pending {
            Some((set, held)) if *set == charset => held.extend_from_slice(&bytes),
            _ => {
                flush(&mut out, &mut pending);
                pending = Some((charset, bytes));
            }
        }
        rest = &rest[end..];
    }
    flush(&mut out, &mut pending);
    out.push_str(rest);
    out
}

/// HTML as the lines of a letter: a paragraph, heading, list item, table
/// row or division a paragraph of its own, a `<br>` a line; scripts,
/// styles, the head and comments dropped; entities decoded. Never returns
/// markup.
fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut line = String::new();
    let end_line = |line: &mut String, out: &mut String, paragraph: bool| {
        let text = crate::normalize::decode_entities(line);
        let words: Vec<&str> = text.split_whitespace().collect();
        if !words.is_empty() {
            out.push_str(&words.join(" "));
            out.push('\n');
        }
        if paragraph && !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        line.clear();
    };
    let mut hidden = 0usize;
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        if hidden == 0 {
            line.push_str(&rest[..open]);
        }
        let after = &rest[open + 1..];
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
            continue;
        }
        let Some(close) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = &after[..close];
        rest = &after[close + 1..];
        let closing = tag.starts_with('/');
        let name = tag.trim_start_matches('/');
        let name = name[..name
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(name.len())]
            .to_ascii_lowercase();
        if matches!(name.as_str(), "script" | "style" | "head" | "title") && !tag.ends_with('/') {
            hidden = if closing {
                hidden.saturating_sub(1)
            } else {
                hidden + 1
            };
            continue;
        }
        match name.as_str() {
            "br" => end_line(&mut line, &mut out, false),
            "p" | "div" | "li" | "tr" | "table" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4"
            | "h5" | "h6" | "blockquote" | "section" | "article" | "header" | "footer" | "hr"
            | "body" | "address" => end_line(&mut line, &mut out, true),
            "td" | "th" => line.push(' '),
            _ => {}
        }
    }
    if hidden == 0 {
        line.push_str(rest);
    }
    end_line(&mut line, &mut out, false);
    out.trim_end().to_string()
}

/// Bytes as text in the character set named (a MIME `charset`), or, with
/// none or one not known here, in the one they read as: UTF-8 (its mark
/// dropped), UTF-16 with its mark, GB18030 when they read cleanly as Chinese
/// in it, else Windows-1252. Never fails: what no set reads becomes U+FFFD.
pub(crate) fn decode(bytes: &[u8], charset: Option<&str>) -> String {
    let label = charset.unwrap_or("").trim().to_ascii_lowercase();
    match label.as_str() {
        "iso-8859-1" | "iso8859-1" | "iso_8859-1" | "latin1" | "latin-1" | "l1"
        | "windows-1252" | "cp1252" | "x-cp1252" | "iso-8859-15" | "iso8859-15" => {
            windows_1252(bytes)
        }
        "gb2312" | "gbk" | "gb18030" | "x-gbk" | "cp936" | "ms936" | "windows-936" | "euc-cn"
        | "x-euc-cn" | "csgb2312" | "gb_2312-80" => gb18030(bytes).text,
        // UTF-8, ASCII and sets not known here: what the bytes read as.
        _ => guess(bytes),
    }
}

fn guess(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    // UTF-8 with a stray bad byte (a file cut short) stays UTF-8.
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    if good > 4 * bad {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    // GB18030 when every byte reads and most two-byte characters are
    // those of GB2312 (both bytes high): Latin-1's "é" before an ASCII
    // letter reads as a rare GBK character, never as those.
    let gb = gb18030(bytes);
    if gb.errors == 0 && gb.high > 0 && gb.high >= 2 * gb.low {
        return gb.text;
    }
    windows_1252(bytes)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Windows-1252, which e-mail means by ISO-8859-1 too (WHATWG): Latin-1
/// with typographic marks at 0x80–0x9F.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039,
        0x152, 0x8D, 0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => {
                char::from_u32(u32::from(HIGH[usize::from(b - 0x80)])).unwrap_or('\u{fffd}')
            }
            _ => char::from(b),
        })
        .collect()
}

/// GB18030's mapping, made by Python 3.11's `gb18030` codec: LEB128
/// numbers, each the zigzag-coded step from the one before; first the
/// 23 940 two-byte characters in order (lead byte 0x81–0xFE, then trail
/// 0x40–0x7E, 0x80–0xFE), then the four-byte characters of the Basic
/// Multilingual Plane as runs, a pair (pointer, character) for each run's
/// start. Made so:
///
/// ```text
/// out, last = bytearray(), [0, 0]
/// def put(n):
///     z = n << 1 if n >= 0 else (-n << 1) - 1
///     while z >= 0x80:
///         out.append(z & 0x7F | 0x80); z >>= 7
///     out.append(z)
/// prev = 0
/// for lead in range(0x81, 0xFF):
///     for trail in [*range(0x40, 0x7F), *range(0x80, 0xFF)]:
///         c = ord(bytes([lead, trail]).decode("gb18030")); put(c - prev); prev = c
/// def four(p):
///     return bytes([0x81 + p // 12600, 0x30 + p // 1260 % 10, 0x81 + p // 10 % 126, 0x30 + p % 10])
/// run = None
/// for p in range(39420):
///     c = ord(four(p).decode("gb18030"))
///     if run is None or c != run[1] + p - run[0]:
///         put(p - last[0]); put(c - last[1]); last = [p, c]; run = (p, c)
/// open("gb18030.bin", "wb").write(out)
/// ```
const GB18030: &[u8] = include_bytes!("gb18030.bin");
const GB_TWO_BYTE: usize = 126 * 190;

/// GB18030 text, with what a guess needs: the bytes that did not read,
/// and the two-byte characters whose second byte is high or low.
struct Gb {
    text: String,
    errors: usize,
    high: usize,
    low: usize,
}

fn gb18030(bytes: &[u8]) -> Gb {
    let mut steps = GB18030.iter();
    let mut next = move || -> Option<i64> {
        let mut z: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = *steps.next()?;
            z |= u64::from(b & 0x7F) << shift;
            if b < 0x80 {
                break;
            }
        }
        Some(if z & 1 == 0 {
            (z >> 1) as i64
        } else {
            -((z >> 1) as i64) - 1
        })
    };
    let mut two: Vec<u32> = Vec::with_capacity(GB_TWO_BYTE);
    let mut c: i64 = 0;
    for _ in 0..GB_TWO_BYTE {
        c += next().unwrap_or(0);
        two.push(c as u32);
    }
    let mut runs: Vec<(u32, u32)> = Vec::new();
    let (mut p, mut c) = (0i64, 0i64);
    while let (Some(dp), Some(dc)) = (next(), next()) {
        (p, c) = (p + dp, c + dc);
        runs.push((p as u32, c as u32));
    }
    let four = |p: u32| -> Option<char> {
        if p < 39420 {
            let i = runs.partition_point(|r| r.0 <= p).checked_sub(1)?;
            char::from_u32(runs[i].1 + (p - runs[i].0))
        } else if (189_000..189_000 + 0x10_0000).contains(&p) {
            char::from_u32(p - 189_000 + 0x1_0000)
        } else {
            None
        }
    };
    let mut gb = Gb {
        text: String::with_capacity(bytes.len() * 3 / 2),
        errors: 0,
        high: 0,
        low: 0,
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            gb.text.push(char::from(b));
            i += 1;
            continue;
        }
        let (b2, b3, b4) = (
            bytes.get(i + 1).copied().unwrap_or(0),
            bytes.get(i + 2).copied().unwrap_or(0),
            bytes.get(i + 3).copied().unwrap_or(0),
        );
        let (c, len) = match (b, b2, b3, b4) {
            (0x81..=0xFE, 0x30..=0x39, 0x81..=0xFE, 0x30..=0x39) => {
                let p = u32::from(b - 0x81) * 12600
                    + u32::from(b2 - 0x30) * 1260
                    + u32::from(b3 - 0x81) * 10
                    + u32::from(b4 - 0x30);
                (four(p), 4)
            }
            (0x81..=0xFE, 0x40..=0x7E | 0x80..=0xFE, _, _) => {
                let trail = usize::from(b2 - if b2 < 0x7F { 0x40 } else { 0x41 });
                let at = usize::from(b - 0x81) * 190 + trail;
                if b2 >= 0x80 {
                    gb.high += 1;
                } else {
                    gb.low += 1;
                }
                (two.get(at).and_then(|&c| char::from_u32(c)), 2)
            }
            // An ASCII byte after a bad lead is read again on its own.
            _ => (None, 1),
        };
        match c {
            Some(c) => gb.text.push(c),
            None => {
                gb.text.push(char::REPLACEMENT_CHARACTER);
                gb.errors += 1;
            }
        }
        i += len;
    }
    gb
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
        assert_eq!(base64("5Lit5paH"), "中文".as_bytes());
        assert_eq!(decode_words("=?utf-8?b?5Lit5paH?= x"), "中文 x");
    }

    /// Bodies as mailers send them, each in our own words: (message, a
    /// phrase its body must hold, one it must not).
    #[test]
    fn mime_bodies_are_split_and_decoded() {
        let cases = [
            // A base64 body ("Your Social Security number was involved.").
            (
                "From: A <a@x.example>\nContent-Type: text/plain; charset=utf-8\n\
                 Content-Transfer-Encoding: base64\n\n\
                 WW91ciBTb2NpYWwgU2VjdXJpdHkg\nbnVtYmVyIHdhcyBpbnZvbHZlZC4=\n",
                "Your Social Security number was involved.",
                "WW91",
            ),
            // multipart/alternative: the plain part, its soft breaks undone.
            (
                "From: A <a@x.example>\nContent-Type: multipart/alternative; boundary=\"b1\"\n\n\
                 Preamble text.\n--b1\nContent-Type: text/plain; charset=\"utf-8\"\n\
                 Content-Transfer-Encoding: quoted-printable\n\nYour driver=E2=80=99s =\nlicense number.\n\
                 --b1\nContent-Type: text/html\n\n<p>HTML copy</p>\n--b1--\nEpilogue.\n",
                "Your driver’s license number.",
                "HTML copy",
            ),
            // Nested: mixed → alternative → related; only HTML, in base64.
            (
                "From: A <a@x.example>\nContent-Type: multipart/mixed; boundary=outer\n\n\
                 --outer\nContent-Type: multipart/alternative; boundary=\"inner\"\n\n\
                 --inner\nContent-Type: text/html; charset=iso-8859-1\n\
                 Content-Transfer-Encoding: quoted-printable\n\n\
                 <html><head><style>p {}</style></head><p>Caf=E9 &amp; Bar</p><p>Next</p></html>\n\
                 --inner--\n--outer\nContent-Type: application/pdf\n\
                 Content-Disposition: attachment\n\nJVBERi0=\n--outer--\n",
                "Café & Bar\n\nNext",
                "JVBERi0",
            ),
            // A plain part that only points to the HTML one gives way.
            (
                "From: A <a@x.example>\nContent-Type: multipart/alternative; boundary=z\n\n\
                 --z\nContent-Type: text/plain\n\nSee HTML.\n--z\nContent-Type: text/html\n\n\
                 <p>We are writing about an incident that involved your name and address.</p>\n--z--\n",
                "involved your name and address",
                "See HTML",
            ),
            // A GB2312 part in base64 ("您的姓名").
            (
                "From: A <a@x.example>\nContent-Type: text/plain; charset=\"gb2312\"\n\
                 Content-Transfer-Encoding: base64\n\nxPq1xNDVw/s=\n",
                "您的姓名",
                "\u{fffd}",
            ),
            // A forwarded message's own body.
            (
                "From: B <b@x.example>\nContent-Type: multipart/mixed; boundary=f\n\n\
                 --f\nContent-Type: message/rfc822\n\nFrom: C <c@x.example>\n\
                 Content-Transfer-Encoding: quoted-printable\n\nForwarded=20notice.\n--f--\n",
                "Forwarded notice.",
                "=20",
            ),
        ];
        for (mail, has, lacks) in cases {
            let body = read(mail).body;
            assert!(body.contains(has), "{has:?} in {body:?}");
            assert!(!body.contains(lacks), "{lacks:?} in {body:?}");
        }
    }

    #[test]
    fn encoded_words_in_any_charset() {
        let cases = [
            (
                "=?gb2312?b?w8C5+rXnu7A=?= <n@x.example>",
                "美国电话 <n@x.example>",
            ),
            // Two words, the white space between them not text, a
            // character split between them.
            ("=?utf-8?b?5Lit?= =?UTF-8?B?5paH?=", "中文"),
            ("=?utf-8?q?=E4=B8?= =?utf-8?q?=AD?=!", "中!"),
            ("=?iso-8859-1?q?Caf=E9_Co?=", "Café Co"),
            ("=?utf-8*en?q?Notice?=", "Notice"),
            // Not encoded words: left as written.
            ("a =? b", "a =? b"),
            ("=?x?z?abc?= then =?utf-8?q?ok?=", "=?x?z?abc?= then ok"),
        ];
        for (header, want) in cases {
            assert_eq!(decode_words(header), want, "{header}");
        }
        let l = read("From: =?gb2312?b?w8C5+rXnu7A=?= <n@x.example>\n\nbody");
        assert_eq!(l.from.as_deref(), Some("美国电话"));
    }

    #[test]
    fn bytes_read_in_the_charset_they_are_in() {
        let cases: &[(&[u8], Option<&str>, &str)] = &[
            ("中文 ok".as_bytes(), None, "中文 ok"),
            (b"\xEF\xBB\xBFhi", None, "hi"),
            (b"\xFF\xFEh\x00\x2d\x4e", None, "h中"),
            (b"\xFE\xFF\x00h\x4e\x2d", None, "h中"),
            // GBK: "您的姓名：中文".
            (
                b"\xC4\xFA\xB5\xC4\xD0\xD5\xC3\xFB\xA3\xBA\xD6\xD0\xCE\xC4",
                None,
                "您的姓名：中文",
            ),
            // GB18030's four bytes: U+00A5 and U+1F600.
            (
                b"\x81\x30\x84\x36 \x94\x39\xFC\x36",
                Some("gb18030"),
                "\u{a5} \u{1f600}",
            ),
            // Latin-1 that GBK would read as rare characters: not GBK.
            (b"r\xE9sum\xE9s caf\xE9s", None, "résumés cafés"),
            (b"\x93quoted\x94 \x80", Some("iso-8859-1"), "“quoted” €"),
            (b"caf\xE9", Some("utf-8"), "café"),
            (
                b"bad \xFF\x80 lead",
                Some("gbk"),
                "bad \u{fffd}\u{fffd} lead",
            ),
            (b"", None, ""),
        ];
        for (bytes, charset, want) in cases {
            assert_eq!(decode(bytes, *charset), *want, "{bytes:?}");
        }
    }
}
