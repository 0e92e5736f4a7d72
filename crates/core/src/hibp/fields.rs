//! Reading one catalogue entry: its fields by name, each checked for the
//! type the catalogue gives it (a wrong type is a typed skip reason, not a
//! guess), with serde visitors that borrow from the text.

use super::*;

/// Each field the import reads, with the type it must have when present.
pub(super) const FIELD_TYPES: [(Key, &str, FieldType); 17] = [
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

/// A field's value, with what the import looks at kept (strings borrowed
/// from the entry's text when they have no escapes); anything else is only
/// checked to be JSON. A field of an unexpected type reads as missing.
#[derive(Debug, Default)]
pub(super) enum Field<'a> {
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
    pub(super) fn as_bool(&self) -> Option<bool> {
        match self {
            Field::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub(super) fn as_u64(&self) -> Option<u64> {
        match self {
            Field::U64(n) => Some(*n),
            _ => None,
        }
    }

    /// The trimmed text of a string field, unless empty.
    pub(super) fn text(&self) -> Option<&str> {
        match self {
            Field::Str(s) => Some(s.trim()).filter(|s| !s.is_empty()),
            _ => None,
        }
    }

    pub(super) fn flag(&self) -> bool {
        self.as_bool().unwrap_or(false)
    }

    /// Present, and not of type `t`.
    pub(super) fn is_not(&self, t: FieldType) -> bool {
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
pub(super) struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Skip, D::Error> {
        d.deserialize_any(SkipVisitor)
    }
}

pub(super) struct SkipVisitor;

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
pub(super) struct Item<'a>(Result<Cow<'a, str>, ()>);

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

pub(super) struct FieldVisitor;

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
pub(super) enum Key {
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
    pub(super) fn of(name: &str) -> Key {
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
pub(super) struct Breach<'a> {
    /// False when the entry is not a JSON object.
    pub(super) object: bool,
    /// By `Key`, in its order (`Key::Unread` last, unused).
    pub(super) fields: [Field<'a>; Key::Unread as usize],
}

impl<'a> Breach<'a> {
    pub(super) fn get(&self, key: Key) -> &Field<'a> {
        &self.fields[key as usize]
    }

    pub(super) fn text(&self, key: Key) -> Option<&str> {
        self.get(key).text()
    }

    pub(super) fn flag(&self, key: Key) -> bool {
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
