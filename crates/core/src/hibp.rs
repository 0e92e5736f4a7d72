//! Reading a Have I Been Pwned breach catalogue (API v3 `breaches` JSON) into
//! incidents, so a person can widen the check with a file they already have.
//! Descriptions are HTML from outside: only their text is kept, no link is
//! followed and no logo is loaded.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Serialize;

use crate::dataset::DataSet;
use crate::date::PartialDate;
use crate::matcher::NameIndex;
use crate::model::{
    data_type_text, Alias, AliasKind, Cohort, Incident, IncidentKind, Organization, Sector, Source,
    Text,
};

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

/// Each field the import reads, with the type it must have when present.
const FIELD_TYPES: [(Key, &str, FieldType); 17] = [
    (Key::Name, "Name", FieldType::Text),
    (Key::Title, "Title", FieldType::Text),
    (Key::Domain, "Domain", FieldType::Text),
    (Key::BreachDate, "BreachDate", FieldType::Text),
    (Key::AddedDate, "AddedDate", FieldType::Text),
    (Key::PwnCount, "PwnCount", FieldType::WholeNumber),
    (Key::Description, "Description", FieldType::Text),
    (Key::DataClasses, "DataClasses", FieldType::ListOfText),
    (Key::IsVerified, "IsVerified", FieldType::TrueOrFalse),
    (Key::IsFabricated, "IsFabricated", FieldType::TrueOrFalse),
    (Key::IsSensitive, "IsSensitive", FieldType::TrueOrFalse),
    (Key::IsRetired, "IsRetired", FieldType::TrueOrFalse),
    (Key::IsSpamList, "IsSpamList", FieldType::TrueOrFalse),
    (Key::IsMalware, "IsMalware", FieldType::TrueOrFalse),
    (Key::IsStealerLog, "IsStealerLog", FieldType::TrueOrFalse),
    (Key::DisclosureUrl, "DisclosureUrl", FieldType::Text),
    (Key::Attribution, "Attribution", FieldType::Text),
];

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
    merged.translations = ds.translations.clone();
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

/// Text of an HTML fragment: tags dropped (link text kept), common entities
/// decoded, whitespace collapsed. Never returns markup.
pub fn html_to_text(html: &str) -> String {
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
        decode_entities(&text)
    } else {
        text
    };
    collapse_whitespace(&decoded)
}

/// The words of a text joined by single spaces (white space as
/// `char::is_whitespace` has it).
fn collapse_whitespace(text: &str) -> String {
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

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16)
                    .ok()
                    .and_then(char::from_u32),
                n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            ch.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                // A decoded '<' stays text: the caller renders text, never HTML.
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A field's value, with what the import looks at kept (strings borrowed
/// from the entry's text when they have no escapes); anything else is only
/// checked to be JSON. A field of an unexpected type reads as missing.
#[derive(Debug, Default)]
enum Field<'a> {
    /// Absent.
    #[default]
    Other,
    /// `null`, taken as absent.
    Null,
    /// A value of a type no field of the catalogue has (a fraction, a
    /// negative number, an object, an array holding more than text).
    Wrong,
    Str(Cow<'a, str>),
    Bool(bool),
    U64(u64),
    /// An array: its string items, in order (other items left out).
    Strings(Vec<Cow<'a, str>>),
}

impl<'a> Field<'a> {
    fn as_bool(&self) -> Option<bool> {
        match self {
            Field::Bool(b) => Some(*b),
            _ => None,
        }
    }

    fn as_u64(&self) -> Option<u64> {
        match self {
            Field::U64(n) => Some(*n),
            _ => None,
        }
    }

    /// The trimmed text of a string field, unless empty.
    fn text(&self) -> Option<&str> {
        match self {
            Field::Str(s) => Some(s.trim()).filter(|s| !s.is_empty()),
            _ => None,
        }
    }

    fn flag(&self) -> bool {
        self.as_bool().unwrap_or(false)
    }

    /// Present, and not of type `t`.
    fn is_not(&self, t: FieldType) -> bool {
        !matches!(
            (self, t),
            (Field::Other | Field::Null, _)
                | (Field::Str(_), FieldType::Text)
                | (Field::U64(_), FieldType::WholeNumber)
                | (Field::Bool(_), FieldType::TrueOrFalse)
                | (Field::Strings(_), FieldType::ListOfText)
        )
    }
}

/// Any JSON value, parsed (numbers, strings and nesting checked exactly as
/// for a `serde_json::Value`) and dropped without being kept.
struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Skip, D::Error> {
        d.deserialize_any(SkipVisitor)
    }
}

struct SkipVisitor;

impl<'de> Visitor<'de> for SkipVisitor {
    type Value = Skip;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_str<E>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_unit<E>(self) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_none<E>(self) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(Skip)
    }
}

/// An array item: its text when it is a string, else `Err(())`.
struct Item<'a>(Result<Cow<'a, str>, ()>);

impl<'de> Deserialize<'de> for Item<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Item<'de>, D::Error> {
        d.deserialize_any(FieldVisitor).map(|f| match f {
            Field::Str(s) => Item(Ok(s)),
            _ => Item(Err(())),
        })
    }
}

impl<'de> Deserialize<'de> for Field<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Field<'de>, D::Error> {
        d.deserialize_any(FieldVisitor)
    }
}

struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = Field<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Field<'de>, E> {
        Ok(Field::Bool(b))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Field<'de>, E> {
        Ok(Field::Wrong)
    }
    fn visit_u64<E>(self, n: u64) -> Result<Field<'de>, E> {
        Ok(Field::U64(n))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Field<'de>, E> {
        Ok(Field::Wrong)
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Field<'de>, E> {
        Ok(Field::Str(Cow::Borrowed(s)))
    }
    fn visit_str<E>(self, s: &str) -> Result<Field<'de>, E> {
        Ok(Field::Str(Cow::Owned(s.to_string())))
    }
    fn visit_string<E>(self, s: String) -> Result<Field<'de>, E> {
        Ok(Field::Str(Cow::Owned(s)))
    }
    fn visit_unit<E>(self) -> Result<Field<'de>, E> {
        Ok(Field::Null)
    }
    fn visit_none<E>(self) -> Result<Field<'de>, E> {
        Ok(Field::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Field<'de>, A::Error> {
        let mut items = Vec::new();
        let mut all_text = true;
        while let Some(Item(item)) = seq.next_element::<Item>()? {
            match item {
                Ok(s) => items.push(s),
                Err(()) => all_text = false,
            }
        }
        Ok(if all_text {
            Field::Strings(items)
        } else {
            Field::Wrong
        })
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field<'de>, A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(Field::Wrong)
    }
}

/// The fields of a breach the import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Name,
    Title,
    Domain,
    BreachDate,
    AddedDate,
    PwnCount,
    Description,
    DataClasses,
    IsVerified,
    IsFabricated,
    IsSensitive,
    IsRetired,
    IsSpamList,
    IsMalware,
    IsStealerLog,
    DisclosureUrl,
    Attribution,
    Unread,
}

impl Key {
    fn of(name: &str) -> Key {
        match name {
            "Name" => Key::Name,
            "Title" => Key::Title,
            "Domain" => Key::Domain,
            "BreachDate" => Key::BreachDate,
            "AddedDate" => Key::AddedDate,
            "PwnCount" => Key::PwnCount,
            "Description" => Key::Description,
            "DataClasses" => Key::DataClasses,
            "IsVerified" => Key::IsVerified,
            "IsFabricated" => Key::IsFabricated,
            "IsSensitive" => Key::IsSensitive,
            "IsRetired" => Key::IsRetired,
            "IsSpamList" => Key::IsSpamList,
            "IsMalware" => Key::IsMalware,
            "IsStealerLog" => Key::IsStealerLog,
            "DisclosureUrl" => Key::DisclosureUrl,
            "Attribution" => Key::Attribution,
            _ => Key::Unread,
        }
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key, E> {
                Ok(Key::of(s))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// One catalogue entry as read: every field the import looks at (the last
/// one wins when a key is repeated, as in a JSON object read whole).
#[derive(Debug, Default)]
struct Breach<'a> {
    /// False when the entry is not a JSON object.
    object: bool,
    /// By `Key`, in its order (`Key::Unread` last, unused).
    fields: [Field<'a>; Key::Unread as usize],
}

impl<'a> Breach<'a> {
    fn get(&self, key: Key) -> &Field<'a> {
        &self.fields[key as usize]
    }

    fn text(&self, key: Key) -> Option<&str> {
        self.get(key).text()
    }

    fn flag(&self, key: Key) -> bool {
        self.get(key).flag()
    }
}

impl<'de> Deserialize<'de> for Breach<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Breach<'de>, D::Error> {
        struct BreachVisitor;
        impl<'de> Visitor<'de> for BreachVisitor {
            type Value = Breach<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Breach<'de>, A::Error> {
                let mut b = Breach {
                    object: true,
                    ..Breach::default()
                };
                while let Some(key) = map.next_key::<Key>()? {
                    if key == Key::Unread {
                        map.next_value::<Skip>()?;
                    } else {
                        b.fields[key as usize] = map.next_value()?;
                    }
                }
                Ok(b)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Breach<'de>, A::Error> {
                SkipVisitor.visit_seq(seq).map(|_| Breach::default())
            }
            fn visit_bool<E>(self, _: bool) -> Result<Breach<'de>, E> {
                Ok(Breach::default())
            }
            fn visit_i64<E>(self, _: i64) -> Result<Breach<'de>, E> {
                Ok(Breach::default())
            }
            fn visit_u64<E>(self, _: u64) -> Result<Breach<'de>, E> {
                Ok(Breach::default())
            }
            fn visit_f64<E>(self, _: f64) -> Result<Breach<'de>, E> {
                Ok(Breach::default())
            }
            fn visit_str<E>(self, _: &str) -> Result<Breach<'de>, E> {
                Ok(Breach::default())
            }
            fn visit_unit<E>(self) -> Result<Breach<'de>, E> {
                Ok(Breach::default())
            }
            fn visit_none<E>(self) -> Result<Breach<'de>, E> {
                Ok(Breach::default())
            }
        }
        d.deserialize_any(BreachVisitor)
    }
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
    names: &'d NameIndex,
    phase: Phase,
    depth: u32,
    in_string: bool,
    escaped: bool,
    /// The bytes of the entry being read (or, for `NotArray`, of the file).
    pending: Vec<u8>,
    bytes_read: u64,
    out: CatalogImport,
    ids: HashSet<String>,
    unmapped: BTreeSet<String>,
}

/// Have I Been Pwned's page listing every breach it knows: the source of each
/// imported incident.
pub const HIBP_LIST_URL: &str = "https://haveibeenpwned.com/PwnedWebsites";

/// Largest file kept whole when it is not an array, only to say what it is.
const MAX_NOT_ARRAY: usize = 1 << 20;

/// Where the first `"` or `\\` is in `bytes` (its length when neither is),
/// eight bytes at a time: a byte equal to one of them becomes zero under
/// XOR, and a zero byte is found by the borrow it causes in a subtraction.
fn quote_or_backslash(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let mut at = 0;
    for chunk in bytes.chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        if has_zero(x ^ (ONES * u64::from(b'"'))) | has_zero(x ^ (ONES * u64::from(b'\\'))) != 0 {
            break;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .position(|&c| c == b'"' || c == b'\\')
        .unwrap_or(bytes.len() - at)
}

impl<'d> CatalogReader<'d> {
    pub fn new(ds: &'d DataSet, names: &'d NameIndex) -> CatalogReader<'d> {
        CatalogReader {
            ds,
            names,
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
            ids: ds.incidents.iter().map(|i| i.id.clone()).collect(),
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

    fn import_entry(&mut self, n: usize, e: &Breach) {
        let ds = self.ds;
        let names = self.names;
        let out = &mut self.out;
        let ids = &mut self.ids;
        let unmapped = &mut self.unmapped;
        let name = e.text(Key::Name);
        let mut skip = |reason: SkipReason| {
            out.skipped.push(Skipped {
                name: match name {
                    Some(name) => name.chars().take(100).collect(),
                    None => format!("entry {}", n + 1),
                },
                reason,
            })
        };
        if !e.object {
            skip(SkipReason::NotAnObject);
            return;
        }
        // Nothing read from a field of the wrong type, and nothing invented
        // in its place: the entry is left out, saying which field.
        if let Some((_, field, expected)) =
            FIELD_TYPES.iter().find(|(k, _, t)| e.get(*k).is_not(*t))
        {
            skip(SkipReason::WrongType {
                field,
                expected: *expected,
            });
            return;
        }
        let Some(name) = name else {
            skip(SkipReason::NoName);
            return;
        };
        if e.flag(Key::IsFabricated) {
            skip(SkipReason::Fabricated);
            return;
        }
        if e.flag(Key::IsSpamList) {
            skip(SkipReason::SpamList);
            return;
        }
        if e.flag(Key::IsRetired) {
            skip(SkipReason::Retired);
            return;
        }
        if e.flag(Key::IsMalware) || e.flag(Key::IsStealerLog) {
            skip(SkipReason::Malware);
            return;
        }
        let id_slug = slug(name);
        if id_slug.is_empty() {
            skip(SkipReason::NameWithoutLetters);
            return;
        }
        let date_of = |key: Key| {
            e.text(key)
                .map(|d| PartialDate::parse(d.get(..10).unwrap_or(d)).ok())
        };
        let (breach_date, added) = match (date_of(Key::BreachDate), date_of(Key::AddedDate)) {
            (Some(None), _) => {
                skip(SkipReason::BadDate {
                    field: "BreachDate",
                });
                return;
            }
            (_, Some(None)) => {
                skip(SkipReason::BadDate { field: "AddedDate" });
                return;
            }
            (None, None) => {
                skip(SkipReason::NoDate);
                return;
            }
            (b, a) => (b.flatten(), a.flatten()),
        };
        let id = ["hibp-", &id_slug].concat();
        if ids.contains(&id) {
            skip(SkipReason::Duplicate);
            return;
        }
        ids.insert(id.clone());
        let title = cut_chars(e.text(Key::Title).unwrap_or(name), 200);
        let domain = e.text(Key::Domain).map(|d| d.to_ascii_lowercase());

        // Link to a curated organization when the domain or title names one.
        // Only sure links: the exact domain or an exact name, never a typo
        // match (and a hash lookup each, so 100 000 entries stay fast).
        let curated = domain
            .as_deref()
            .and_then(|d| names.resolve_domain(d))
            .or_else(|| names.resolve_exact(title))
            .map(|m| m.org_id);
        if let Some(org) = &curated {
            // The curated incident of the same organization closest in time
            // (within about a year) is taken to be the same breach.
            let day = |d: PartialDate| {
                let (y, m, dd) = d.earliest();
                i64::from(y) * 372 + i64::from(m) * 31 + i64::from(dd)
            };
            // Curated incidents only: a register notice of the same name is
            // the notifier's filing, not this catalogue's breach.
            let same = breach_date.and_then(|b| {
                ds.curated_incidents()
                    .iter()
                    .filter(|i| {
                        &i.breached_org == org || i.affected_clients.iter().any(|c| &c.org == org)
                    })
                    .filter_map(|i| Some((i, (day(i.earliest_date()?) - day(b)).abs())))
                    .filter(|(_, gap)| *gap <= 400)
                    .min_by_key(|(_, gap)| *gap)
            });
            if let Some((existing, _)) = same {
                skip(SkipReason::AlreadyCurated {
                    incident: existing.id.clone(),
                });
                return;
            }
        }
        let breached_org = match curated {
            Some(org) => org,
            None => {
                // A new id (checked above), so a new organization too.
                let org_id = ["hibp-org-", &id_slug].concat();
                let aliases = [
                    (Some(name), AliasKind::Brand),
                    (domain.as_deref(), AliasKind::Domain),
                ]
                .into_iter()
                .filter_map(|(a, kind)| Some((a?, kind)))
                .filter(|(a, _)| *a != title)
                .map(|(a, kind)| Alias {
                    name: a.to_string(),
                    kind,
                })
                .collect();
                out.organizations.push(Organization {
                    id: org_id.clone(),
                    name: title.to_string(),
                    aliases,
                    parent: None,
                    parent_relation: None,
                    sector: Sector::Other,
                    domain: domain.clone(),
                    listed: true,
                    note: Some("From an imported Have I Been Pwned catalogue.".into()),
                });
                org_id
            }
        };

        let mut data_types: Vec<Text> = Vec::new();
        if let Field::Strings(classes) = e.get(Key::DataClasses) {
            for class in classes {
                let class: &str = class;
                let target = match ds.taxonomy.hibp_classes.get(class) {
                    Some(t) => t.as_str(),
                    None => {
                        if !unmapped.contains(class) {
                            unmapped.insert(class.to_string());
                        }
                        "other"
                    }
                };
                match out.class_mapping.get_mut(class) {
                    Some(t) => {
                        if t != target {
                            *t = target.to_string();
                        }
                    }
                    None => {
                        out.class_mapping
                            .insert(class.to_string(), target.to_string());
                    }
                }
                if let Err(at) = data_types.binary_search_by(|t| t.as_ref().cmp(target)) {
                    data_types.insert(at, data_type_text(target));
                }
            }
        }
        if data_types.is_empty() {
            data_types.push(data_type_text("other"));
        }
        data_types.shrink_to_fit();
        let mut summary = e
            .text(Key::Description)
            .map(html_to_text)
            .unwrap_or_default();
        if summary.len() > 800 && summary.chars().count() > 800 {
            summary = cut_chars(&summary, 800).to_string() + "…";
        }
        if summary.is_empty() {
            summary = [title, ": breach listed by Have I Been Pwned."].concat();
        }
        let verified = e.get(Key::IsVerified).as_bool().unwrap_or(true);
        if !verified {
            summary.push_str(" (Not verified by Have I Been Pwned.)");
        }
        if e.flag(Key::IsSensitive) {
            summary.push_str(" (Listed as a sensitive breach.)");
        }
        summary.shrink_to_fit();
        // The date the catalogue gives (an entry with neither was left out).
        let Some(date) = added.or(breach_date) else {
            return;
        };
        let affected = e.get(Key::PwnCount).as_u64();
        let mut sources = Vec::with_capacity(1);
        sources.push(Source {
            // The list of every breach the catalogue holds; one shared text
            // (100 000 copies would take megabytes), and the title is the
            // incident's own.
            url: HIBP_LIST_URL.into(),
            publisher: "Have I Been Pwned".into(),
            date,
            title: None,
        });
        if let Some(url) = e
            .text(Key::DisclosureUrl)
            .filter(|u| u.starts_with("https://") && !u.contains(char::is_whitespace))
        {
            sources.push(Source {
                url: url.to_string().into(),
                publisher: cut_chars(e.text(Key::Attribution).unwrap_or("Disclosure"), 100)
                    .to_string()
                    .into(),
                date,
                title: None,
            });
        }
        out.incidents.push(Incident {
            id,
            title: [title, " breach (Have I Been Pwned)"].concat(),
            summary,
            breached_org,
            platform: None,
            campaign: None,
            distinct_from: Box::default(),
            kind: IncidentKind::Unknown,
            actor: None,
            breach_start: breach_date,
            breach_end: None,
            discovered: None,
            disclosed: None,
            data_from: None,
            affected,
            // The catalogue's figure, as of the date it lists the breach.
            affected_as_of: affected.map(|_| date),
            affected_source: affected.map(|_| HIBP_LIST_URL.into()),
            affected_history: Box::default(),
            affected_unconfirmed: !verified,
            data_types,
            cohort: Cohort::plain("accounts in the breached data".into()),
            own_customers: true,
            affected_clients: Vec::new(),
            remedies: Vec::new(),
            settlements: Vec::new(),
            extra_steps: Vec::new(),
            sources,
        });
        out.imported += 1;
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
    use super::*;

    proptest::proptest! {
        #![proptest_config(crate::support::proptest_config(1024, 0x0c01_1a95))]

        /// The eight-bytes-at-a-time search finds what a plain search finds,
        /// wherever the quote or backslash is and whatever surrounds it.
        #[test]
        fn quote_or_backslash_is_the_first_of_either(
            text in proptest::collection::vec(
                proptest::prop_oneof![
                    12 => proptest::strategy::Just(b'a'),
                    1 => proptest::strategy::Just(b'"'),
                    1 => proptest::strategy::Just(b'\\'),
                    // Neighbours of the two in value, and bytes that borrow.
                    2 => proptest::sample::select(vec![0xa2, 0xdc, 0x21, 0x23, 0x5b, 0x5d, 0x00, 0x01, 0x80, 0xff]),
                ],
                0..64,
            )
        ) {
            let want = text.iter().position(|&c| c == b'"' || c == b'\\').unwrap_or(text.len());
            proptest::prop_assert_eq!(quote_or_backslash(&text), want);
        }

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
