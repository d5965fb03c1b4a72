//! Reading maps whose keys must be unique: an annotator's layer, a document's entry in a
//! layer, an annotator's status, a span's attribute. A key written twice (a merge leftover,
//! a hand edit) is refused with the key named, rather than the last one silently kept.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// A map read with every key checked for a second occurrence; `what` names a key in the
/// error ("annotator layer").
pub(crate) fn unique_map<'de, D, K, V>(
    deserializer: D,
    what: &'static str,
) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    struct Unique<K, V>(&'static str, PhantomData<(K, V)>);
    impl<'de, K, V> Visitor<'de> for Unique<K, V>
    where
        K: Deserialize<'de> + Ord + fmt::Display,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a map of each {} to its entry", self.0)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
            let mut map = BTreeMap::new();
            while let Some(key) = access.next_key::<K>()? {
                if map.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!(
                        "the {} \"{key}\" is written twice; remove one of the two entries",
                        self.0
                    )));
                }
                let value = access.next_value::<V>()?;
                map.insert(key, value);
            }
            Ok(map)
        }
    }
    deserializer.deserialize_map(Unique(what, PhantomData))
}

/// Annotator layers by name.
pub(crate) fn layers<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, super::Layer>, D::Error> {
    unique_map(d, "annotator layer")
}

/// A layer's entries by document.
pub(crate) fn layer_docs<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<super::DocId, std::sync::Arc<super::LayerDoc>>, D::Error> {
    unique_map(d, "document entry")
}

/// A document's status by annotator.
pub(crate) fn statuses<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, super::Status>, D::Error> {
    unique_map(d, "status of annotator")
}

#[cfg(test)]
mod tests {
    use crate::model::{Layer, Project};

    #[test]
    fn a_key_written_twice_is_refused_with_its_name() {
        let err = ron::from_str::<Layer>(
            "(docs: {\"d1\": (hash: \"h\", spans: []), \"d1\": (hash: \"h\", spans: [])})",
        )
        .unwrap_err();
        assert!(err.to_string().contains("document entry \"d1\" is written twice"), "{err}");
        let err = ron::from_str::<Project>("(version: 3, name: \"p\", layers: {\"amal\": (), \"amal\": ()})")
            .unwrap_err();
        assert!(err.to_string().contains("annotator layer \"amal\" is written twice"), "{err}");
        assert!(err.span.start.line == 1, "{err:?}");
        let project =
            ron::from_str::<Project>("(version: 3, name: \"p\", layers: {\"amal\": (), \"omar\": ()})");
        assert_eq!(project.unwrap().layers.len(), 2);
    }
}
