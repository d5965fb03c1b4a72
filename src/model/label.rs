//! Labels: the tags an analyst gives a span (claim, denial, figure, ...).

use super::{AttrValue, AttributeDef, Attributes, SharedStr, default_attributes};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A label's stable identifier, e.g. `claim`. Spans refer to labels by id.
///
/// Shared ([`SharedStr`]): every span carries its label's id, and a loaded project's
/// spans share one allocation per label.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LabelId(pub SharedStr);

impl LabelId {
    pub fn new(id: impl Into<SharedStr>) -> Self {
        Self(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for LabelId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An sRGB colour, written in project files as `"#rrggbb"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Color(pub [u8; 3]);

impl Color {
    pub fn to_hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// Parses `#rrggbb` (the `#` is optional).
    pub fn from_hex(s: &str) -> Option<Self> {
        let hex = s.strip_prefix('#').unwrap_or(s);
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
        Some(Self([byte(0)?, byte(2)?, byte(4)?]))
    }
}

impl Serialize for Color {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Self::from_hex(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("bad colour {s:?}, expected \"#rrggbb\"")))
    }
}

/// A label an analyst can give a span.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub id: LabelId,
    /// Name shown in the palette and lists.
    pub name: String,
    pub color: Color,
    /// Key that applies this label to the selection (`'1'`, `'2'`, ...).
    #[serde(default)]
    pub hotkey: Option<char>,
    /// The annotation guideline for this label, shown as a tooltip.
    #[serde(default)]
    pub description: String,
    /// The attributes a span with this label can carry.
    #[serde(default)]
    pub attributes: Vec<AttributeDef>,
}

impl Label {
    /// A label with no hotkey, guideline or attributes.
    pub fn new(id: &str, name: &str, color: Color) -> Self {
        Self {
            id: LabelId::new(id),
            name: name.to_string(),
            color,
            hotkey: None,
            description: String::new(),
            attributes: Vec::new(),
        }
    }

    /// The declared attribute called `name`.
    pub fn attribute(&self, name: &str) -> Option<&AttributeDef> {
        self.attributes.iter().find(|a| a.name == name)
    }

    /// Why a span of this label cannot hold `value` as its attribute `name`: the label
    /// does not declare it, or the value is not of its kind (a choice not among its
    /// options). `None` when it can.
    pub fn attribute_problem(&self, name: &str, value: &AttrValue) -> Option<String> {
        match self.attribute(name) {
            None => Some(format!("label {:?} declares no attribute {name:?}", self.id.as_str())),
            Some(def) if !def.kind.accepts(value) => Some(format!(
                "attribute {name:?} must be {}, not {:?}",
                def.kind.expected(),
                value.to_string()
            )),
            Some(_) => None,
        }
    }

    /// The first problem with `attributes` on a span of this label (see
    /// [`Label::attribute_problem`]).
    pub fn attributes_problem(&self, attributes: &Attributes) -> Option<String> {
        attributes.iter().find_map(|(name, value)| self.attribute_problem(name, value))
    }

    /// The values of `attributes` this label declares and accepts: what a span keeps when
    /// it is given this label.
    pub fn fitting(&self, attributes: &Attributes) -> Attributes {
        attributes
            .iter()
            .filter(|(name, value)| self.attribute_problem(name, value).is_none())
            .map(|(name, value)| (name.to_string(), value.clone()))
            .collect()
    }
}

/// The default label set: claim, denial and figure on keys 1, 2 and 3.
pub fn default_labels() -> Vec<Label> {
    vec![
        Label {
            id: LabelId::new("claim"),
            name: "Claim".into(),
            color: Color([0xf2, 0xb1, 0x34]),
            hotkey: Some('1'),
            description: "An assertion the article attributes to a source or makes itself: \
                          who said what. Mark the asserted content, not the reporting verb."
                .into(),
            attributes: default_attributes("claim"),
        },
        Label {
            id: LabelId::new("denial"),
            name: "Denial".into(),
            color: Color([0xe0, 0x5a, 0x5a]),
            hotkey: Some('2'),
            description: "A statement that rejects or contradicts a claim (نفى، كذّب، لن). \
                          Mark the denied content together with the negation."
                .into(),
            attributes: default_attributes("denial"),
        },
        Label {
            id: LabelId::new("figure"),
            name: "Figure".into(),
            color: Color([0x4a, 0x9f, 0xd8]),
            hotkey: Some('3'),
            description: "A number with what it counts: casualties, distances, counts, \
                          percentages. Include the unit or noun (e.g. 120 كم, 12 وفاة)."
                .into(),
            attributes: default_attributes("figure"),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_hex_round_trip() {
        let c = Color([0x0a, 0xff, 0x80]);
        assert_eq!(c.to_hex(), "#0aff80");
        assert_eq!(Color::from_hex("#0aff80"), Some(c));
        assert_eq!(Color::from_hex("0AFF80"), Some(c));
        assert_eq!(Color::from_hex("#0aff8"), None);
        assert_eq!(Color::from_hex("#ééé"), None);
    }

    #[test]
    fn default_labels_have_distinct_ids_and_hotkeys() {
        let labels = default_labels();
        let ids: Vec<_> = labels.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["claim", "denial", "figure"]);
        let keys: Vec<_> = labels.iter().filter_map(|l| l.hotkey).collect();
        assert_eq!(keys, ['1', '2', '3']);
    }
}
