//! Relations: typed links between two spans of one annotator on one document, such as a
//! denial that `denies` a claim or a figure that `quantifies` one.

use super::{Color, Label, LabelId, Origin, SharedStr, SpanId, Timestamp};
use serde::{Deserialize, Serialize};

/// A relation's identifier, unique within its annotator layer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RelationId(pub u64);

/// A kind of link an analyst can draw, from a head span to a tail span.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationType {
    /// Stable id, e.g. `denies`; relations refer to their type by id.
    pub id: LabelId,
    pub name: String,
    pub color: Color,
    /// Key that picks this type while a link is being made.
    #[serde(default)]
    pub hotkey: Option<char>,
    /// Labels the head span may have; empty allows any.
    #[serde(default)]
    pub heads: Vec<LabelId>,
    /// Labels the tail span may have; empty allows any.
    #[serde(default)]
    pub tails: Vec<LabelId>,
    /// The guideline for this relation, shown as a tooltip.
    #[serde(default)]
    pub description: String,
}

impl RelationType {
    /// True when a span labelled `head` may link to one labelled `tail` by this type.
    pub fn allows(&self, head: &LabelId, tail: &LabelId) -> bool {
        (self.heads.is_empty() || self.heads.contains(head))
            && (self.tails.is_empty() || self.tails.contains(tail))
    }

    /// A type with this id that allows any labels (for imports that bring an unknown type).
    pub fn open(id: &str, color: Color) -> Self {
        Self {
            id: LabelId::new(id),
            name: id.to_string(),
            color,
            hotkey: None,
            heads: Vec::new(),
            tails: Vec::new(),
            description: String::new(),
        }
    }
}

/// The default relation types: a denial `denies` a claim (key `d`), a figure `quantifies`
/// a claim (key `q`).
pub fn default_relation_types() -> Vec<RelationType> {
    vec![
        RelationType {
            id: LabelId::new("denies"),
            name: "Denies".into(),
            color: Color([0xc0, 0x39, 0x2b]),
            hotkey: Some('d'),
            heads: vec![LabelId::new("denial")],
            tails: vec![LabelId::new("claim")],
            description: "From a denial to the claim it denies.".into(),
        },
        RelationType {
            id: LabelId::new("quantifies"),
            name: "Quantifies".into(),
            color: Color([0x2e, 0x86, 0xc1]),
            hotkey: Some('q'),
            heads: vec![LabelId::new("figure")],
            tails: vec![LabelId::new("claim")],
            description: "From a figure to the claim it belongs to.".into(),
        },
    ]
}

/// The relation types whose head and tail labels fit, in project order.
pub fn types_for<'a>(
    types: &'a [RelationType],
    head: &'a LabelId,
    tail: &'a LabelId,
) -> impl Iterator<Item = &'a RelationType> + 'a {
    types.iter().filter(move |t| t.allows(head, tail))
}

/// A link from the `head` span to the `tail` span, both in the same layer and document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub id: RelationId,
    pub head: SpanId,
    pub tail: SpanId,
    /// The relation type's id.
    pub kind: LabelId,
    pub annotator: SharedStr,
    pub created: Timestamp,
    pub modified: Timestamp,
    #[serde(default)]
    pub origin: Origin,
}

impl Relation {
    pub fn new(
        id: RelationId,
        head: SpanId,
        tail: SpanId,
        kind: LabelId,
        annotator: impl Into<SharedStr>,
        at: Timestamp,
    ) -> Self {
        Self {
            id,
            head,
            tail,
            kind,
            annotator: annotator.into(),
            created: at,
            modified: at,
            origin: Origin::Manual,
        }
    }

    /// True when the relation touches span `id`, as head or tail.
    pub fn touches(&self, id: SpanId) -> bool {
        self.head == id || self.tail == id
    }
}

/// The relation types a label set needs by default: the defaults whose labels all exist.
pub fn default_relation_types_for(labels: &[Label]) -> Vec<RelationType> {
    let known = |ids: &[LabelId]| ids.iter().all(|id| labels.iter().any(|l| &l.id == id));
    default_relation_types().into_iter().filter(|t| known(&t.heads) && known(&t.tails)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_labels;

    #[test]
    fn defaults_allow_what_their_names_say() {
        let types = default_relation_types();
        let (claim, denial, figure) = (LabelId::new("claim"), LabelId::new("denial"), LabelId::new("figure"));
        assert_eq!(types_for(&types, &denial, &claim).map(|t| t.id.as_str()).collect::<Vec<_>>(), ["denies"]);
        assert_eq!(
            types_for(&types, &figure, &claim).map(|t| t.id.as_str()).collect::<Vec<_>>(),
            ["quantifies"]
        );
        assert_eq!(types_for(&types, &claim, &denial).count(), 0);
        assert!(RelationType::open("cites", Color::default()).allows(&claim, &figure));
        assert_eq!(default_relation_types_for(&default_labels()).len(), 2);
        assert!(default_relation_types_for(&default_labels()[..1]).is_empty());
    }
}
