//! Attributes on spans: what a figure counts and its value, who a claim is attributed to.
//!
//! A label declares its attributes ([`AttributeDef`]: a name and a kind); a span holds
//! values for some of them ([`Attributes`]). Values are numbers, text or yes/no; a choice
//! from a list is held as its text.

use super::SharedStr;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// What values an attribute takes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum AttributeKind {
    /// A number (a figure's value).
    Number,
    /// Free text, Arabic or Latin (a claim's source).
    Text,
    /// One of a fixed list of words.
    Choice { options: Vec<String> },
    /// Yes or no: the attribute is set (true) or absent.
    Flag,
}

impl AttributeKind {
    /// A short name for lists and the brat configuration: `number`, `text`, `choice`, `yes/no`.
    pub fn describe(&self) -> &'static str {
        match self {
            AttributeKind::Number => "number",
            AttributeKind::Text => "text",
            AttributeKind::Choice { .. } => "choice",
            AttributeKind::Flag => "yes/no",
        }
    }

    /// What a value of this kind is, for messages: `a number`, `one of killed, injured`.
    pub fn expected(&self) -> String {
        match self {
            AttributeKind::Number => "a number".into(),
            AttributeKind::Text => "text".into(),
            AttributeKind::Choice { options } => format!("one of {}", options.join(", ")),
            AttributeKind::Flag => "yes or no".into(),
        }
    }

    /// Reads a value typed by a person or found in an imported file, if it fits this kind.
    /// Numbers accept Arabic-Indic digits and the Arabic decimal and thousands separators.
    pub fn parse(&self, text: &str) -> Option<AttrValue> {
        let text = text.trim();
        match self {
            AttributeKind::Number => parse_number(text).map(AttrValue::Number),
            AttributeKind::Text => (!text.is_empty()).then(|| AttrValue::Text(text.to_string())),
            AttributeKind::Choice { options } => {
                options.iter().find(|o| o.as_str() == text).map(|o| AttrValue::Text(o.clone()))
            }
            AttributeKind::Flag => match text.to_lowercase().as_str() {
                "" | "true" | "yes" | "1" | "نعم" => Some(AttrValue::Flag(true)),
                "false" | "no" | "0" | "لا" => Some(AttrValue::Flag(false)),
                _ => None,
            },
        }
    }

    /// True when `value` is of this kind (a choice must be one of the options).
    pub fn accepts(&self, value: &AttrValue) -> bool {
        match (self, value) {
            (AttributeKind::Number, AttrValue::Number(n)) => n.is_finite(),
            (AttributeKind::Text, AttrValue::Text(_)) => true,
            (AttributeKind::Choice { options }, AttrValue::Text(t)) => options.contains(t),
            (AttributeKind::Flag, AttrValue::Flag(_)) => true,
            _ => false,
        }
    }
}

/// Parses a decimal number in Western, Arabic-Indic or Persian digits, with `.` or `٫` as
/// the decimal point and `,` or `٬` between thousands.
pub fn parse_number(text: &str) -> Option<f64> {
    let mut plain = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '0'..='9' | '-' | '+' | '.' | 'e' | 'E' => plain.push(c),
            '٠'..='٩' => plain.push(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
            '۰'..='۹' => plain.push(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
            '٫' => plain.push('.'),
            ',' | '٬' | '\u{a0}' | ' ' => {}
            _ => return None,
        }
    }
    plain.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// One attribute a label declares.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeDef {
    pub name: String,
    pub kind: AttributeKind,
    /// A span of the label is incomplete while this attribute is unset (`hashiya status`
    /// counts it among the missing values; the span list flags it).
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl AttributeDef {
    /// An optional attribute.
    pub fn new(name: &str, kind: AttributeKind) -> Self {
        Self { name: name.to_string(), kind, required: false }
    }

    /// A required attribute (see [`AttributeDef::required`]).
    pub fn required(name: &str, kind: AttributeKind) -> Self {
        Self { required: true, ..Self::new(name, kind) }
    }
}

/// The required attributes of `label` that `span` leaves unset, in declaration order.
pub fn missing_required<'l>(
    label: &'l super::Label,
    attributes: &Attributes,
) -> impl Iterator<Item = &'l AttributeDef> {
    label.attributes.iter().filter(move |def| def.required && attributes.get(&def.name).is_none())
}

/// What a figure counts, the default choices of its `counts` attribute.
pub const COUNTS: [&str; 7] = ["killed", "injured", "displaced", "detained", "distance", "money", "other"];

/// The attributes the default labels declare: a figure's `value` (required), `unit` and
/// `counts`; a claim's or denial's `source`. Other labels have none.
pub fn default_attributes(label: &str) -> Vec<AttributeDef> {
    match label {
        "figure" => vec![
            AttributeDef::required("value", AttributeKind::Number),
            AttributeDef::new("unit", AttributeKind::Text),
            AttributeDef::new(
                "counts",
                AttributeKind::Choice { options: COUNTS.iter().map(|s| s.to_string()).collect() },
            ),
        ],
        "claim" | "denial" => vec![AttributeDef::new("source", AttributeKind::Text)],
        _ => Vec::new(),
    }
}

/// An attribute's value.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AttrValue {
    Number(f64),
    Flag(bool),
    Text(String),
}

impl PartialEq for AttrValue {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (AttrValue::Number(a), AttrValue::Number(b)) => a.to_bits() == b.to_bits(),
            (AttrValue::Flag(a), AttrValue::Flag(b)) => a == b,
            (AttrValue::Text(a), AttrValue::Text(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for AttrValue {}

impl fmt::Display for AttrValue {
    /// Numbers without a fraction are written as integers (`43`, not `43.0`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AttrValue::Number(n) => write!(f, "{}", format_number(*n)),
            AttrValue::Flag(b) => write!(f, "{}", if *b { "yes" } else { "no" }),
            AttrValue::Text(t) => f.write_str(t),
        }
    }
}

/// A number as people write it: `43`, `2.5`, `1500000`.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

impl AttrValue {
    /// The value as JSON: numbers as numbers (integers without a fraction), text, booleans.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            AttrValue::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => {
                serde_json::Value::from(*n as i64)
            }
            AttrValue::Number(n) => {
                serde_json::Number::from_f64(*n).map_or(serde_json::Value::Null, Into::into)
            }
            AttrValue::Flag(b) => serde_json::Value::Bool(*b),
            AttrValue::Text(t) => serde_json::Value::String(t.clone()),
        }
    }

    /// A value read from JSON, if it is a number, a string or a boolean.
    pub fn from_json(value: &serde_json::Value) -> Option<Self> {
        match value {
            serde_json::Value::Number(n) => n.as_f64().filter(|n| n.is_finite()).map(AttrValue::Number),
            serde_json::Value::Bool(b) => Some(AttrValue::Flag(*b)),
            serde_json::Value::String(s) => Some(AttrValue::Text(s.clone())),
            _ => None,
        }
    }
}

/// A span's attribute values by name. Most spans have none, so an empty set takes one
/// pointer and no allocation (a bare map would add three words to each of hundreds of
/// thousands of spans).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[allow(clippy::box_collection)] // one pointer in every span, see above
pub struct Attributes(Option<Box<BTreeMap<SharedStr, AttrValue>>>);

impl Attributes {
    pub fn is_empty(&self) -> bool {
        self.0.as_ref().is_none_or(|m| m.is_empty())
    }

    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |m| m.len())
    }

    pub fn get(&self, name: &str) -> Option<&AttrValue> {
        self.0.as_ref()?.get(name)
    }

    /// Sets `name` to `value`, or removes it with `None`.
    pub fn set(&mut self, name: &str, value: Option<AttrValue>) {
        match value {
            Some(value) => {
                self.0.get_or_insert_with(Default::default).insert(SharedStr::intern(name), value);
            }
            None => {
                if let Some(map) = &mut self.0 {
                    map.remove(name);
                    if map.is_empty() {
                        self.0 = None;
                    }
                }
            }
        }
    }

    /// The values in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &AttrValue)> {
        self.0.iter().flat_map(|m| m.iter()).map(|(k, v)| (k.as_str(), v))
    }

    /// The values as a JSON object (see [`AttrValue::to_json`]).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::Value::Object(self.iter().map(|(k, v)| (k.to_string(), v.to_json())).collect())
    }
}

impl FromIterator<(String, AttrValue)> for Attributes {
    fn from_iter<I: IntoIterator<Item = (String, AttrValue)>>(iter: I) -> Self {
        let mut attributes = Attributes::default();
        for (name, value) in iter {
            attributes.set(&name, Some(value));
        }
        attributes
    }
}

impl Serialize for Attributes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (name, value) in self.iter() {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Attributes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor;
        impl<'de> Visitor<'de> for MapVisitor {
            type Value = Attributes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of attribute names to numbers, text or booleans")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Attributes, A::Error> {
                let mut attributes = Attributes::default();
                while let Some((name, value)) = access.next_entry::<String, AttrValue>()? {
                    if let AttrValue::Number(n) = value
                        && !n.is_finite()
                    {
                        return Err(serde::de::Error::custom(format!(
                            "attribute {name:?} is not a finite number"
                        )));
                    }
                    if attributes.get(&name).is_some() {
                        return Err(serde::de::Error::custom(format!(
                            "attribute {name:?} is written twice; remove one of the two"
                        )));
                    }
                    attributes.set(&name, Some(value));
                }
                Ok(attributes)
            }
        }
        deserializer.deserialize_map(MapVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_any_digits() {
        assert_eq!(parse_number("43"), Some(43.0));
        assert_eq!(parse_number("٤٣"), Some(43.0));
        assert_eq!(parse_number("۱۲٫۵"), Some(12.5));
        assert_eq!(parse_number("1,500,000"), Some(1_500_000.0));
        assert_eq!(parse_number("١٬٢٠٠"), Some(1200.0));
        assert_eq!(parse_number("ثلاثة"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn kinds_parse_and_accept_their_values() {
        let counts = &default_attributes("figure")[2].kind;
        assert_eq!(counts.parse("killed"), Some(AttrValue::Text("killed".into())));
        assert_eq!(counts.parse("eaten"), None);
        assert_eq!(AttributeKind::Number.parse("٣"), Some(AttrValue::Number(3.0)));
        assert_eq!(
            AttributeKind::Text.parse(" المرصد السوري "),
            Some(AttrValue::Text("المرصد السوري".into()))
        );
        assert_eq!(AttributeKind::Flag.parse(""), Some(AttrValue::Flag(true)));
        assert!(!AttributeKind::Number.accepts(&AttrValue::Text("3".into())));
        assert!(counts.accepts(&AttrValue::Text("money".into())));
    }

    #[test]
    fn values_read_and_write_as_plain_ron_and_json() {
        let mut a = Attributes::default();
        assert!(a.is_empty());
        a.set("value", Some(AttrValue::Number(43.0)));
        a.set("unit", Some(AttrValue::Text("قتيلاً".into())));
        a.set("named", Some(AttrValue::Flag(true)));
        let ron_text = ron::to_string(&a).unwrap();
        assert!(ron_text.starts_with("{\"named\":true,\"unit\":") && ron_text.ends_with(",\"value\":43.0}"));
        assert_eq!(ron::from_str::<Attributes>(&ron_text).unwrap(), a);
        assert_eq!(ron::from_str::<Attributes>("{\"value\": 43}").unwrap().get("value"), a.get("value"));
        assert_eq!(a.to_json().to_string(), r#"{"named":true,"unit":"قتيلاً","value":43}"#);
        assert_eq!(AttrValue::Number(2.5).to_json().to_string(), "2.5");
        a.set("named", None);
        a.set("unit", None);
        a.set("value", None);
        assert_eq!(a, Attributes::default());
        assert_eq!(std::mem::size_of::<Attributes>(), std::mem::size_of::<usize>());
    }
}
