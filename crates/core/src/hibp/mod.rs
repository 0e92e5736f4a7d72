//! Reading a Have I Been Pwned breach catalogue (API v3 `breaches` JSON) into
//! incidents, so a person can widen the check with a file they already have.
//! Descriptions are HTML from outside: only their text is kept, no link is
//! followed and no logo is loaded.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Serialize;

mod fields;
mod html;
mod mapping;

use fields::*;
pub(crate) use html::html_to_text;

use crate::dataset::DataSet;
use crate::date::PartialDate;
use crate::matcher::{NameIndex, Names};
use crate::model::{
    data_type_text, Alias, AliasKind, Cohort, Incident, IncidentKind, Organization, Sector, Source,
    Text,
};
use crate::table::PosTable;

/// Why a catalogue could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    #[error("the file is not JSON ({0})")]
    NotJson(String),
    #[error("the file is JSON but not a breach list: expected an array of breaches")]
    WrongShape,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub name: String,
    pub reason: SkipReason,
}

/// Why a catalogue entry was left out: a fact, put into words by each
/// front end (the page in two languages, the CLI in English).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SkipReason {
    /// The entry is not a JSON object.
    NotAnObject,
    /// It has no `Name`.
    NoName,
    /// Have I Been Pwned marks it fabricated.
    Fabricated,
    /// A spam list, not a breach of the company.
    SpamList,
    /// Retired by Have I Been Pwned.
    Retired,
    /// Malware or stealer-log data, not a breach of the company.
    Malware,
    /// The `Name` has no letters or digits.
    NameWithoutLetters,
    /// The same breach appears twice in the file.
    Duplicate,
    /// The curated data has this breach already.
    AlreadyCurated { incident: String },
    /// A field holds a value of another type than the catalogue's.
    WrongType {
        field: &'static str,
        expected: FieldType,
    },
    /// A date field is not a date.
    BadDate { field: &'static str },
    /// Neither `BreachDate` nor `AddedDate`: the import invents no date.
    NoDate,
}

impl SkipReason {
    /// The entry could not be read as the catalogue's format (as opposed
    /// to one read and deliberately left out).
    pub fn is_malformed(&self) -> bool {
        matches!(
            self,
            SkipReason::NotAnObject
                | SkipReason::NoName
                | SkipReason::WrongType { .. }
                | SkipReason::BadDate { .. }
                | SkipReason::NoDate
        )
    }
}

/// The type a catalogue field must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    Text,
    WholeNumber,
    TrueOrFalse,
    ListOfText,
}

/// What an import produced, and what it left out and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CatalogImport {
    /// Entries in the file.
    pub breaches: usize,
    /// Entries that became incidents.
    pub imported: usize,
    pub skipped: Vec<Skipped>,
    /// Every HIBP data class seen → our data type id.
    pub class_mapping: BTreeMap<String, String>,
    /// Classes not in our mapping (mapped to `other`).
    pub unmapped_classes: Vec<String>,
    #[serde(skip)]
    pub incidents: Vec<Incident>,
    #[serde(skip)]
    pub organizations: Vec<Organization>,
}

/// The data set with an import merged in. The imported incidents and
/// organizations move into it (a catalogue can be large; they are not
/// copied), leaving the report in `import`. Its id indexes are built by
/// [`crate::EngineBuilder`]'s steps (or by its first look-up).
pub fn merge(ds: &DataSet, import: &mut CatalogImport) -> DataSet {
    // The curated records go in front of the imported ones, in the imported
    // vectors (no second buffer the size of the catalogue).
    let mut orgs = std::mem::take(&mut import.organizations);
    orgs.splice(0..0, ds.organizations.iter().cloned());
    let mut incidents = std::mem::take(&mut import.incidents);
    incidents.splice(0..0, ds.incidents.iter().cloned());
    orgs.shrink_to_fit();
    incidents.shrink_to_fit();
    let mut merged = DataSet::unindexed(
        ds.taxonomy.clone(),
        orgs,
        ds.relationships.clone(),
        incidents,
    );
    merged.info = ds.info.clone();
    merged.notices = ds.notices.clone();
    merged.curated = ds.curated;
    merged
}

pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut put = |c: char| {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    };
    if s.is_ascii() {
        // ASCII lower-cases to itself in Unicode too: no case tables.
        s.bytes()
            .for_each(|b| put(char::from(b.to_ascii_lowercase())));
    } else {
        s.chars().flat_map(char::to_lowercase).for_each(put);
    }
    while out.ends_with('-') {
        out.pop();
    }
    out.truncate(60);
    out
}

/// Reads a catalogue. One bad entry is skipped with its reason; only a file
/// that is not a JSON array fails as a whole.
pub fn import(ds: &DataSet, names: &NameIndex, json: &str) -> Result<CatalogImport, CatalogError> {
    let mut reader = CatalogReader::new(ds, names);
    reader.push(json.as_bytes())?;
    reader.finish()
}

/// Where the splitter is in the top-level array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before the opening `[`.
    Start,
    /// Inside the array, between entries.
    Between,
    /// Inside an entry.
    Entry,
    /// After the closing `]`.
    Closed,
    /// The file does not start with `[`: kept whole to say what it is.
    NotArray,
}

/// Reads a catalogue piece by piece: each [`CatalogReader::push`] takes the
/// next bytes of the file and imports every entry completed by them, so a
/// large file is never held, or parsed, as one value and a page can show
/// progress between pieces. Pieces may split an entry, a string or a UTF-8
/// sequence anywhere.
pub struct CatalogReader<'d> {
    ds: &'d DataSet,
    names: Names<'d>,
    phase: Phase,
    depth: u32,
    in_string: bool,
    escaped: bool,
    /// The bytes of the entry being read (or, for `NotArray`, of the file).
    pending: Vec<u8>,
    bytes_read: u64,
    out: CatalogImport,
    /// The imported incidents by id (their positions: the ids stay in the
    /// incidents; the data set's own are looked up in its index).
    new_ids: PosTable,
    /// Ids of entries left out as already curated: taken all the same.
    reserved: HashSet<String>,
    unmapped: BTreeSet<String>,
}

/// Have I Been Pwned's page listing every breach it knows: the source of each
/// imported incident.
pub const HIBP_LIST_URL: &str = "https://haveibeenpwned.com/PwnedWebsites";

/// Largest file kept whole when it is not an array, only to say what it is.
const MAX_NOT_ARRAY: usize = 1 << 20;

/// Where the first `"` or `\\` is in `bytes` (its length when neither is).
fn quote_or_backslash(bytes: &[u8]) -> usize {
    memchr::memchr2(b'"', b'\\', bytes).unwrap_or(bytes.len())
}

impl<'d> CatalogReader<'d> {
    pub fn new(ds: &'d DataSet, names: &'d NameIndex) -> CatalogReader<'d> {
        CatalogReader {
            ds,
            names: names.with(ds),
            phase: Phase::Start,
            depth: 0,
            in_string: false,
            escaped: false,
            pending: Vec::new(),
            bytes_read: 0,
            out: CatalogImport {
                breaches: 0,
                imported: 0,
                skipped: Vec::new(),
                class_mapping: BTreeMap::new(),
                unmapped_classes: Vec::new(),
                incidents: Vec::new(),
                organizations: Vec::new(),
            },
            new_ids: PosTable::default(),
            reserved: HashSet::new(),
            unmapped: BTreeSet::new(),
        }
    }

    /// Bytes taken so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// Takes the next piece of the file.
    pub fn push(&mut self, bytes: &[u8]) -> Result<(), CatalogError> {
        self.bytes_read += bytes.len() as u64;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            match self.phase {
                Phase::Start => {
                    // A byte order mark and white space may come first.
                    if b == b'[' {
                        self.phase = Phase::Between;
                    } else if !(b.is_ascii_whitespace() || matches!(b, 0xEF | 0xBB | 0xBF)) {
                        self.phase = Phase::NotArray;
                        continue;
                    }
                }
                Phase::NotArray => {
                    let room = MAX_NOT_ARRAY.saturating_sub(self.pending.len());
                    let take = room.min(bytes.len() - i);
                    self.pending.extend_from_slice(&bytes[i..i + take]);
                    return Ok(());
                }
                Phase::Between => {
                    // (The comma after an entry was taken with the entry; a
                    // stray comma or `]` here becomes an empty entry, which
                    // fails to parse with its number.)
                    if b == b']' && self.out.breaches == 0 {
                        self.phase = Phase::Closed;
                    } else if !b.is_ascii_whitespace() {
                        self.phase = Phase::Entry;
                        continue;
                    }
                }
                Phase::Entry => {
                    // Scan to the end of this entry (a `,` or `]` outside any
                    // string or nesting), copying the run in one go.
                    let run_start = i;
                    let mut end = None;
                    let (mut in_string, mut escaped, mut depth) =
                        (self.in_string, self.escaped, self.depth);
                    while i < bytes.len() {
                        let c = bytes[i];
                        if in_string {
                            if escaped {
                                escaped = false;
                            } else if c == b'\\' {
                                escaped = true;
                            } else if c == b'"' {
                                in_string = false;
                            } else {
                                // Most of an entry is string text: run to
                                // the next quote or backslash.
                                i += quote_or_backslash(&bytes[i..]);
                                continue;
                            }
                        } else {
                            match c {
                                b'"' => in_string = true,
                                b'{' | b'[' => depth += 1,
                                b'}' | b']' if depth > 0 => depth -= 1,
                                b',' | b']' if depth == 0 => {
                                    end = Some(c);
                                    break;
                                }
                                _ => {}
                            }
                        }
                        i += 1;
                    }
                    (self.in_string, self.escaped, self.depth) = (in_string, escaped, depth);
                    let run = &bytes[run_start..i];
                    match end {
                        None => {
                            self.pending.extend_from_slice(run);
                            return Ok(());
                        }
                        Some(c) => {
                            if self.pending.is_empty() {
                                // The whole entry is in this piece: read it
                                // where it is.
                                self.entry(run)?;
                            } else {
                                let mut entry = std::mem::take(&mut self.pending);
                                entry.extend_from_slice(run);
                                let read = self.entry(&entry);
                                // The buffer is kept for the next split entry.
                                entry.clear();
                                self.pending = entry;
                                read?;
                            }
                            self.phase = if c == b']' {
                                Phase::Closed
                            } else {
                                Phase::Between
                            };
                        }
                    }
                }
                Phase::Closed => {
                    if !b.is_ascii_whitespace() {
                        return Err(CatalogError::NotJson(
                            "there is more after the end of the list".into(),
                        ));
                    }
                }
            }
            i += 1;
        }
        Ok(())
    }

    /// Ends the file: what was imported, or why the file could not be read.
    pub fn finish(mut self) -> Result<CatalogImport, CatalogError> {
        match self.phase {
            Phase::Closed => {
                self.out.unmapped_classes = self.unmapped.into_iter().collect();
                Ok(self.out)
            }
            Phase::Start => Err(CatalogError::NotJson("the file is empty".into())),
            Phase::NotArray => match serde_json::from_slice::<serde::de::IgnoredAny>(&self.pending)
            {
                Ok(_) => Err(CatalogError::WrongShape),
                Err(e) => Err(CatalogError::NotJson(e.to_string())),
            },
            Phase::Between | Phase::Entry => Err(CatalogError::NotJson(
                "the file ends before the list is closed".into(),
            )),
        }
    }

    /// One entry's JSON text.
    fn entry(&mut self, text: &[u8]) -> Result<(), CatalogError> {
        let n = self.out.breaches;
        self.out.breaches += 1;
        let breach: Breach = serde_json::from_slice(text)
            .map_err(|e| CatalogError::NotJson(format!("entry {}: {e}", n + 1)))?;
        self.import_entry(n, &breach);
        Ok(())
    }
}

/// The first `n` characters of a text.
fn cut_chars(s: &str, n: usize) -> &str {
    // No more bytes than `n` is no more characters.
    if s.len() <= n {
        return s;
    }
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::html::collapse_whitespace;
    use super::*;

    proptest::proptest! {
        #![proptest_config(crate::support::proptest_config(1024, 0x0c01_1a95))]

        /// The ASCII shortcut splits where the Unicode rule does.
        #[test]
        fn collapse_whitespace_is_split_whitespace(
            text in "[a \t\n\r\u{b}\u{c}\u{1c}\u{85}\u{a0}\u{2003}é.]{0,40}"
        ) {
            let want = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(collapse_whitespace(&text), want);
        }
    }

    #[test]
    fn html_to_text_table() {
        let cases = [
            (
                "In 2019, <a href=\"https://x\" target=\"_blank\">Acme</a> was breached.",
                "In 2019, Acme was breached.",
            ),
            ("<script>alert(1)</script>Hello", "Hello"),
            ("<img src=x onerror=alert(1)>Hi", "Hi"),
            ("<a href=\"javascript:alert(1)\">click</a>", "click"),
            (
                "Tom &amp; Jerry &lt;3 &#39;x&#39; &#x41;",
                "Tom & Jerry <3 'x' A",
            ),
            ("a<br/>b<p>c</p>", "a b c"),
            ("unclosed <b", "unclosed"),
            ("&bogus; & alone", "&bogus; & alone"),
        ];
        for (html, want) in cases {
            assert_eq!(html_to_text(html), want, "{html}");
        }
    }

    #[test]
    fn slug_table() {
        for (name, want) in [
            ("Adobe", "adobe"),
            ("000webhost", "000webhost"),
            ("Ticket Fly!", "ticket-fly"),
            ("美国", ""),
            ("--a--", "a"),
            ("\u{130}stanbul Kart", "i-stanbul-kart"),
            ("\u{212a}ey Bank", "key-bank"),
        ] {
            assert_eq!(slug(name), want, "{name}");
        }
    }

    proptest::proptest! {
        /// ASCII names are lower-cased byte by byte: the same slug as
        /// Unicode lower-casing gives.
        #[test]
        fn ascii_slugs_are_unicode_slugs(name in "[ -~]{0,80}") {
            let mut want = String::new();
            for c in name.chars().flat_map(char::to_lowercase) {
                if c.is_ascii_alphanumeric() {
                    want.push(c);
                } else if !want.ends_with('-') && !want.is_empty() {
                    want.push('-');
                }
            }
            let want = want.trim_end_matches('-');
            proptest::prop_assert_eq!(slug(&name), &want[..want.len().min(60)]);
        }
    }
}
