//! A small JSON reader for the data files, the saved progress and the plan
//! export: text → [`Json`] tree → typed value through [`FromJson`].
//!
//! It replaces serde's derived deserializers on these paths. Those are
//! generic over the reader and inline a visitor per struct, which cost about
//! 116 KB of the WebAssembly; this reader is one parser plus a few lines per
//! struct (`json_struct!`, `json_enum!`). Serialization stays with serde.
//! The Have I Been Pwned import keeps its own streaming reader (`hibp`).
//!
//! It never panics: nesting is bounded, numbers are checked, and every
//! mistake is a [`JsonError`] that says where (line and column while
//! parsing; the field path, e.g. `incidents[3].sources[0]`, while typing).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

/// A parsed JSON value. Numbers are whole numbers (every number in our
/// files is); one with a fraction or an exponent is kept as `Frac`, which
/// no field accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Frac,
    Str(String),
    Arr(Vec<Json>),
    /// Members in file order.
    Obj(Vec<(String, Json)>),
}

/// What is wrong, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError(Box<ErrorAt>);

/// Boxed, so that a `Result` of a small value stays small: every field read
/// passes one back (less code to move it, in each of them).
#[derive(Debug, Clone, PartialEq, Eq)]
struct ErrorAt {
    /// Field path inside the document (`incidents[3].title`); empty at the top.
    path: String,
    message: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.path.is_empty() {
            f.write_str(&self.0.message)
        } else {
            write!(f, "{}: {}", self.0.path, self.0.message)
        }
    }
}

impl std::error::Error for JsonError {}

impl JsonError {
    pub fn new(message: impl Into<String>) -> JsonError {
        JsonError(Box::new(ErrorAt {
            path: String::new(),
            message: message.into(),
        }))
    }

    fn prefixed(mut self, head: String) -> JsonError {
        let path = &mut self.0.path;
        if !path.is_empty() && !path.starts_with('[') {
            path.insert(0, '.');
        }
        path.insert_str(0, &head);
        self
    }

    /// The same error, one field further out.
    pub fn in_field(self, name: &str) -> JsonError {
        self.prefixed(name.to_string())
    }

    /// The same error, in item `i` of a list.
    pub(crate) fn in_item(self, i: usize) -> JsonError {
        self.prefixed(format!("[{i}]"))
    }
}

impl Json {
    /// What kind of value this is, for messages.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Int(_) => "a number",
            Json::Frac => "a fraction",
            Json::Str(_) => "a string",
            Json::Arr(_) => "a list",
            Json::Obj(_) => "an object",
        }
    }

    /// A member of an object, taken out of it (`Null` is left in its place).
    pub fn take(&mut self, key: &str) -> Option<Json> {
        match self {
            Json::Obj(members) => members
                .iter_mut()
                .find(|(k, _)| k == key)
                .map(|(_, v)| std::mem::replace(v, Json::Null)),
            _ => None,
        }
    }

    /// A member of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Int(n) => u64::try_from(*n).ok(),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(items) => Some(items),
            _ => None,
        }
    }

    fn expected(&self, what: &str) -> JsonError {
        JsonError::new(format!("expected {what}, found {}", self.kind()))
    }
}

/// Deepest nesting accepted (our files use five levels).
pub const MAX_DEPTH: usize = 64;

/// Parses a JSON text.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let v = p.value(0)?;
    p.skip_white();
    if p.at < p.bytes.len() {
        return Err(p.error("trailing characters after the value"));
    }
    Ok(v)
}

/// Parses a JSON text into a typed value.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, JsonError> {
    T::from_json(parse(text)?)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> JsonError {
        let upto = &self.bytes[..self.at.min(self.bytes.len())];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        // In characters (a line of Chinese text counts each as one).
        let column = self
            .text
            .get(line_start..upto.len())
            .map_or(upto.len() - line_start, |s| s.chars().count())
            + 1;
        JsonError::new(format!("{what} at line {line} column {column}"))
    }

    fn skip_white(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.skip_white();
        match self.bytes.get(self.at) {
            None => Err(self.error("expected a value, found the end")),
            Some(b'{') => {
                self.at += 1;
                let mut members = Vec::new();
                if self.close(b'}') {
                    return Ok(Json::Obj(members));
                }
                loop {
                    self.skip_white();
                    if self.bytes.get(self.at) != Some(&b'"') {
                        return Err(self.error("expected a quoted key"));
                    }
                    let key = self.string()?;
                    self.skip_white();
                    if self.bytes.get(self.at) != Some(&b':') {
                        return Err(self.error("expected `:`"));
                    }
                    self.at += 1;
                    let v = self.value(depth + 1)?;
                    members.push((key, v));
                    if self.close(b'}') {
                        return Ok(Json::Obj(members));
                    }
                    self.comma()?;
                }
            }
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                if self.close(b']') {
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.close(b']') {
                        return Ok(Json::Arr(items));
                    }
                    self.comma()?;
                }
            }
            Some(b'"') => self.string().map(Json::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => {
                for (word, v) in [
                    ("true", Json::Bool(true)),
                    ("false", Json::Bool(false)),
                    ("null", Json::Null),
                ] {
                    if self.bytes[self.at..].starts_with(word.as_bytes()) {
                        self.at += word.len();
                        return Ok(v);
                    }
                }
                Err(self.error("expected a value"))
            }
        }
    }

    /// Steps over `end` (after white space) if it is next.
    fn close(&mut self, end: u8) -> bool {
        self.skip_white();
        if self.bytes.get(self.at) == Some(&end) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn comma(&mut self) -> Result<(), JsonError> {
        if self.bytes.get(self.at) == Some(&b',') {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error("expected `,` or the end of the list or object"))
        }
    }

    /// Skips a run of digits; false when there is none.
    fn digits(&mut self) -> bool {
        let from = self.at;
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        self.at > from
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.at;
        let negative = self.bytes[self.at] == b'-';
        if negative {
            self.at += 1;
        }
        let digits = self.at;
        self.digits();
        let int = &self.bytes[digits..self.at];
        if int.is_empty() || (int.len() > 1 && int[0] == b'0') {
            self.at = start;
            return Err(self.error("invalid number"));
        }
        let mut frac = false;
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if !self.digits() {
                return Err(self.error("invalid number"));
            }
            frac = true;
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if !self.digits() {
                return Err(self.error("invalid number"));
            }
            frac = true;
        }
        if frac {
            return Ok(Json::Frac);
        }
        let mut n: i64 = 0;
        for &d in int {
            n = match n
                .checked_mul(10)
                .and_then(|n| n.checked_add(i64::from(d - b'0')))
            {
                Some(n) => n,
                None => {
                    self.at = start;
                    return Err(self.error("number out of range"));
                }
            };
        }
        Ok(Json::Int(if negative { -n } else { n }))
    }

    /// A string; `self.at` is on its opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let run = self.at;
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // Stops only at ASCII bytes, so `run..at` is whole characters.
            out.push_str(self.text.get(run..self.at).unwrap_or_default());
            match self.bytes.get(self.at) {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = match self.bytes.get(self.at) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi)
                                && self.bytes[self.at..].starts_with(b"\\u")
                            {
                                self.at += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.error("invalid surrogate pair"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(
                                char::from_u32(code)
                                    .ok_or_else(|| self.error("lone surrogate in string"))?,
                            );
                            continue;
                        }
                        _ => return Err(self.error("invalid escape")),
                    };
                    self.at += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.error("control character in string")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        match self
            .bytes
            .get(self.at..self.at + 4)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
        {
            Some(h) => {
                let v = h.iter().fold(0, |v, &b| {
                    v * 16 + char::from(b).to_digit(16).unwrap_or_default()
                });
                self.at += 4;
                Ok(v)
            }
            None => Err(self.error("invalid \\u escape")),
        }
    }
}

/// A type read from a [`Json`] value.
pub trait FromJson: Sized {
    fn from_json(v: Json) -> Result<Self, JsonError>;
}

impl FromJson for Json {
    fn from_json(v: Json) -> Result<Json, JsonError> {
        Ok(v)
    }
}

impl FromJson for String {
    fn from_json(v: Json) -> Result<String, JsonError> {
        match v {
            Json::Str(s) => Ok(s),
            other => Err(other.expected("a string")),
        }
    }
}

impl FromJson for Cow<'static, str> {
    fn from_json(v: Json) -> Result<Self, JsonError> {
        String::from_json(v).map(Cow::Owned)
    }
}

impl FromJson for bool {
    fn from_json(v: Json) -> Result<bool, JsonError> {
        match v {
            Json::Bool(b) => Ok(b),
            other => Err(other.expected("true or false")),
        }
    }
}

/// A whole number within `T`'s range.
fn whole<T: TryFrom<i64>>(v: Json) -> Result<T, JsonError> {
    match v {
        Json::Int(n) => T::try_from(n).map_err(|_| JsonError::new(format!("{n} is out of range"))),
        other => Err(other.expected("a whole number")),
    }
}

macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(v: Json) -> Result<$t, JsonError> {
                whole(v)
            }
        }
    )*};
}
whole_numbers!(u8, u32, u64, i32);

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: Json) -> Result<Option<T>, JsonError> {
        match v {
            Json::Null => Ok(None),
            other => T::from_json(other).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: Json) -> Result<Vec<T>, JsonError> {
        match v {
            Json::Arr(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| T::from_json(item).map_err(|e| e.in_item(i)))
                .collect(),
            other => Err(other.expected("a list")),
        }
    }
}

impl FromJson for Box<str> {
    fn from_json(v: Json) -> Result<Self, JsonError> {
        String::from_json(v).map(String::into_boxed_str)
    }
}

impl<T: FromJson> FromJson for Box<[T]> {
    fn from_json(v: Json) -> Result<Self, JsonError> {
        Vec::<T>::from_json(v).map(Vec::into_boxed_slice)
    }
}

// B-trees are filled by `extend`: `collect` would sort first, with a sort
// compiled for each element type (see `crate::sort`).
impl FromJson for BTreeSet<String> {
    fn from_json(v: Json) -> Result<Self, JsonError> {
        let mut set = BTreeSet::new();
        set.extend(Vec::<String>::from_json(v)?);
        Ok(set)
    }
}

/// The members of an object, each read as a `T`.
fn members<T: FromJson>(v: Json) -> Result<impl Iterator<Item = (String, T)>, JsonError> {
    match v {
        Json::Obj(members) => {
            let read: Result<Vec<(String, T)>, JsonError> = members
                .into_iter()
                .map(|(k, v)| match T::from_json(v) {
                    Ok(t) => Ok((k, t)),
                    Err(e) => Err(e.in_field(&k)),
                })
                .collect();
            Ok(read?.into_iter())
        }
        other => Err(other.expected("an object")),
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(v: Json) -> Result<Self, JsonError> {
        let mut map = BTreeMap::new();
        map.extend(members(v)?);
        Ok(map)
    }
}

impl<T: FromJson> FromJson for HashMap<String, T> {
    fn from_json(v: Json) -> Result<Self, JsonError> {
        Ok(members(v)?.collect())
    }
}

/// The members of an object being read into a struct (`json_struct!`).
pub struct Fields {
    members: Vec<(String, Json)>,
}

impl Fields {
    /// The object's members; with `strict`, a member that is not one of
    /// `known` is an error. A member named twice is always one.
    pub fn of(v: Json, known: &[&str], strict: bool) -> Result<Fields, JsonError> {
        let Json::Obj(members) = v else {
            return Err(v.expected("an object"));
        };
        if strict {
            if let Some((k, _)) = members.iter().find(|(k, _)| !known.contains(&k.as_str())) {
                return Err(JsonError::new(format!(
                    "unknown field `{k}`, expected one of `{}`",
                    known.join("`, `")
                )));
            }
        }
        // Per known field, not per pair of members: a hostile file with
        // many unknown members costs one pass per field, not their square.
        for name in known {
            if members.iter().filter(|(k, _)| k == name).nth(1).is_some() {
                return Err(JsonError::new(format!("duplicate field `{name}`")));
            }
        }
        Ok(Fields { members })
    }

    fn take(&mut self, name: &str) -> Option<Json> {
        let i = self.members.iter().position(|(k, _)| k == name)?;
        Some(std::mem::replace(&mut self.members[i].1, Json::Null))
    }

    // Not inlined: one copy per field type serves every struct, instead
    // of one per field (about half of this module's code in the wasm).

    /// A field that must be there.
    #[inline(never)]
    pub fn req<T: FromJson>(&mut self, name: &str) -> Result<T, JsonError> {
        match self.take(name) {
            Some(v) => T::from_json(v).map_err(|e| e.in_field(name)),
            None => Err(JsonError::new(format!("missing field `{name}`"))),
        }
    }

    /// A field that may be left out.
    #[inline(never)]
    pub fn opt<T: FromJson>(&mut self, name: &str) -> Result<Option<T>, JsonError> {
        match self.take(name) {
            Some(v) => T::from_json(v).map(Some).map_err(|e| e.in_field(name)),
            None => Ok(None),
        }
    }
}

/// The variant of an enum named by `v`, one of `names` (`json_enum!`).
pub fn variant(v: Json, names: &[&str]) -> Result<usize, JsonError> {
    let s = String::from_json(v)?;
    names.iter().position(|n| *n == s).ok_or_else(|| {
        JsonError::new(format!(
            "unknown variant `{s}`, expected one of `{}`",
            names.join("`, `")
        ))
    })
}

/// `FromJson` for a struct, field by field. `strict` refuses unknown
/// fields, `lenient` skips them. A field is required unless marked
/// `: default` (its type's default when left out) or `: or(expr)`.
macro_rules! json_struct {
    ($mode:ident $ty:ident { $($f:ident $(: $kind:ident $(($d:expr))?)?),* $(,)? }) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(v: $crate::json::Json) -> Result<Self, $crate::json::JsonError> {
                let mut o = $crate::json::Fields::of(
                    v,
                    &[$(stringify!($f)),*],
                    json_struct!(@strict $mode),
                )?;
                Ok($ty { $($f: json_struct!(@get o, $f $(, $kind $(($d))?)?)),* })
            }
        }
    };
    (@strict strict) => { true };
    (@strict lenient) => { false };
    (@get $o:ident, $f:ident) => { $o.req(stringify!($f))? };
    (@get $o:ident, $f:ident, default) => { $o.opt(stringify!($f))?.unwrap_or_default() };
    (@get $o:ident, $f:ident, or($d:expr)) => { $o.opt(stringify!($f))?.unwrap_or_else(|| $d) };
}
pub(crate) use json_struct;

/// A fieldless enum written as strings (`json_enum!`).
pub trait JsonEnum: FromJson + Copy + 'static {
    /// Every variant, each once, with its name in the files.
    const VARIANTS: &'static [(Self, &'static str)];
}

/// `FromJson`, `JsonEnum` and `id` (the name in the files) for a fieldless
/// enum written as strings. Every variant must be listed (the `match` in
/// `id` fails to compile otherwise).
macro_rules! json_enum {
    ($ty:ident { $($v:ident = $name:literal),* $(,)? }) => {
        impl $ty {
            /// Its name in the files. (The `match` fails to compile when a
            /// variant is missing above.)
            pub fn id(self) -> &'static str {
                match self { $($ty::$v => $name),* }
            }
        }
        impl $crate::json::JsonEnum for $ty {
            const VARIANTS: &'static [(Self, &'static str)] = &[$(($ty::$v, $name)),*];
        }
        impl $crate::json::FromJson for $ty {
            fn from_json(v: $crate::json::Json) -> Result<Self, $crate::json::JsonError> {
                let i = $crate::json::variant(v, &[$($name),*])?;
                Ok(<$ty as $crate::json::JsonEnum>::VARIANTS[i].0)
            }
        }
    };
}
pub(crate) use json_enum;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_json_grammar() {
        let cases: &[(&str, Json)] = &[
            ("null", Json::Null),
            (" true ", Json::Bool(true)),
            ("false", Json::Bool(false)),
            ("0", Json::Int(0)),
            ("-12", Json::Int(-12)),
            ("9223372036854775807", Json::Int(i64::MAX)),
            ("1.5", Json::Frac),
            ("2e3", Json::Frac),
            ("-0.1E-2", Json::Frac),
            (
                r#""a\"b\\c\/\n\t\u00e9\ud83d\ude00""#,
                Json::Str("a\"b\\c/\n\té😀".into()),
            ),
            ("\"中文\"", Json::Str("中文".into())),
            ("[]", Json::Arr(vec![])),
            (
                "[1, [2]]",
                Json::Arr(vec![Json::Int(1), Json::Arr(vec![Json::Int(2)])]),
            ),
            ("{}", Json::Obj(vec![])),
            (
                "{\"a\": 1, \"b\": {\"c\": null}}",
                Json::Obj(vec![
                    ("a".into(), Json::Int(1)),
                    ("b".into(), Json::Obj(vec![("c".into(), Json::Null)])),
                ]),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(parse(text).as_ref(), Ok(want), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_json_and_says_where() {
        let cases = [
            ("", "expected a value, found the end at line 1 column 1"),
            ("[1,]", "expected a value at line 1 column 4"),
            (
                "[1 2]",
                "expected `,` or the end of the list or object at line 1 column 4",
            ),
            ("{\"a\" 1}", "expected `:` at line 1 column 6"),
            ("{a: 1}", "expected a quoted key at line 1 column 2"),
            ("01", "invalid number at line 1 column 1"),
            ("1.", "invalid number at line 1 column 3"),
            ("-", "invalid number at line 1 column 1"),
            (
                "9223372036854775808",
                "number out of range at line 1 column 1",
            ),
            ("\"abc", "unterminated string at line 1 column 5"),
            ("\"a\nb\"", "control character in string at line 1 column 3"),
            ("\"\\x\"", "invalid escape at line 1 column 3"),
            ("\"\\u12\"", "invalid \\u escape at line 1 column 4"),
            ("\"\\ud800\"", "lone surrogate in string at line 1 column 8"),
            (
                "\"\\ud800\\u0041\"",
                "invalid surrogate pair at line 1 column 14",
            ),
            (
                "[1]\n x",
                "trailing characters after the value at line 2 column 2",
            ),
            ("tru", "expected a value at line 1 column 1"),
            ("[\"中文\", x]", "expected a value at line 1 column 8"),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse(text).map_err(|e| e.to_string()),
                Err(want.to_string()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep)
            .unwrap_err()
            .to_string()
            .starts_with("nested too deeply"));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }

    #[derive(Debug, PartialEq)]
    struct Inner {
        n: u32,
        tags: Vec<String>,
    }
    json_struct!(strict Inner { n, tags: default });

    #[derive(Debug, PartialEq)]
    struct Outer {
        name: String,
        on: bool,
        inner: Vec<Inner>,
        note: Option<String>,
    }
    json_struct!(strict Outer { name, on: or(true), inner, note: default });

    #[derive(Debug, PartialEq)]
    struct Loose {
        name: String,
    }
    json_struct!(lenient Loose { name });

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Colour {
        Red,
        DarkBlue,
    }
    json_enum!(Colour { Red = "red", DarkBlue = "dark_blue" });

    #[test]
    fn members_are_read_or_taken_out() {
        let mut v = parse(r#"{"a": [1], "b": "x"}"#).unwrap();
        assert_eq!(v.get("b"), Some(&Json::Str("x".into())));
        assert_eq!(v.take("a"), Some(Json::Arr(vec![Json::Int(1)])));
        assert_eq!(v.get("a"), Some(&Json::Null), "Null is left in its place");
        assert_eq!(v.take("c"), None);
        assert_eq!(Json::Arr(vec![]).take("a"), None);
    }

    #[test]
    fn structs_read_fields_with_defaults_and_paths() {
        let o: Outer =
            from_str(r#"{"name": "x", "inner": [{"n": 1}, {"n": 2, "tags": ["a"]}]}"#).unwrap();
        assert_eq!(
            o,
            Outer {
                name: "x".into(),
                on: true,
                inner: vec![
                    Inner { n: 1, tags: vec![] },
                    Inner {
                        n: 2,
                        tags: vec!["a".into()]
                    }
                ],
                note: None,
            }
        );
        let cases = [
            (r#"{"inner": []}"#, "missing field `name`"),
            (
                r#"{"name": 1, "inner": []}"#,
                "name: expected a string, found a number",
            ),
            (
                r#"{"name": "x", "inner": [{"n": 1}, {"n": -1}]}"#,
                "inner[1].n: -1 is out of range",
            ),
            (
                r#"{"name": "x", "inner": [{"n": 1.5}]}"#,
                "inner[0].n: expected a whole number, found a fraction",
            ),
            (
                r#"{"name": "x", "inner": [], "extra": 1}"#,
                "unknown field `extra`, expected one of `name`, `on`, `inner`, `note`",
            ),
            (
                r#"{"name": "x", "name": "y", "inner": []}"#,
                "duplicate field `name`",
            ),
            (
                r#"{"name": "x", "inner": {}}"#,
                "inner: expected a list, found an object",
            ),
            (r#"[]"#, "expected an object, found a list"),
            (
                r#"{"name": "x", "inner": [{"n": 1, "tags": [null]}]}"#,
                "inner[0].tags[0]: expected a string, found null",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(
                from_str::<Outer>(text).map_err(|e| e.to_string()),
                Err(want.into()),
                "{text}"
            );
        }
        assert_eq!(
            from_str::<Loose>(r#"{"name": "x", "other": [1]}"#),
            Ok(Loose { name: "x".into() })
        );
        // Unknown members of a lenient struct are skipped, even repeated.
        let many = format!(
            "{{\"name\": \"x\", {}}}",
            vec!["\"o\": 1"; 50_000].join(", ")
        );
        assert_eq!(from_str::<Loose>(&many), Ok(Loose { name: "x".into() }));
    }

    #[test]
    fn enums_read_their_names() {
        assert_eq!(from_str::<Colour>("\"dark_blue\""), Ok(Colour::DarkBlue));
        assert_eq!(
            (Colour::DarkBlue.id(), Colour::Red.id()),
            ("dark_blue", "red")
        );
        assert_eq!(from_str::<Vec<Colour>>("[\"red\"]"), Ok(vec![Colour::Red]));
        assert_eq!(
            from_str::<Colour>("\"green\"").map_err(|e| e.to_string()),
            Err("unknown variant `green`, expected one of `red`, `dark_blue`".into())
        );
        let map: BTreeMap<String, Colour> = from_str(r#"{"a": "red", "b": "dark_blue"}"#).unwrap();
        assert_eq!(map.len(), 2);
        assert_eq!(
            from_str::<HashMap<String, Colour>>(r#"{"a": "blue"}"#).map_err(|e| e.to_string()),
            Err("a: unknown variant `blue`, expected one of `red`, `dark_blue`".into())
        );
    }
}
