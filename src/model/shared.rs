//! Shared strings for the names a project repeats on every span: label ids and annotator
//! names.
//!
//! A project of 10,000 articles holds hundreds of thousands of spans but only a handful of
//! distinct labels and annotators. [`SharedStr`] is one pointer to a shared string, so a
//! span clones its names by copying pointers, and while a project file is read ([`interning`]) every equal
//! name is one allocation shared by all the spans that carry it. In files it is a plain
//! string, exactly as a `String` would be.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// An immutable string shared by reference count; equal, ordered and hashed as its text.
///
/// One pointer wide (an `Arc<String>`, not a two-word `Arc<str>`): it sits in every span
/// two or three times, and a span's size counts 400,000 times in a big project.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedStr(Arc<String>);

impl SharedStr {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The shared string for `s`: the interned one while [`interning`], a new one otherwise.
    pub fn intern(s: &str) -> Self {
        INTERNED.with(|cell| match cell.borrow_mut().as_mut() {
            Some(set) => match set.get(s) {
                Some(found) => found.clone(),
                None => {
                    let new = Self::from(s);
                    set.insert(new.clone());
                    new
                }
            },
            None => Self::from(s),
        })
    }
}

thread_local! {
    /// The names seen so far by the [`interning`] call running on this thread, if any.
    static INTERNED: RefCell<Option<HashSet<SharedStr>>> = const { RefCell::new(None) };
}

/// Runs `f` (a deserialization) so that every [`SharedStr`] it reads with the same text
/// shares one allocation. The table lives only for the call; nested calls share it.
pub fn interning<T>(f: impl FnOnce() -> T) -> T {
    let outer = INTERNED.with(|cell| {
        let mut cell = cell.borrow_mut();
        let outer = cell.is_some();
        if !outer {
            *cell = Some(HashSet::new());
        }
        outer
    });
    /// Clears the table when the outermost call ends, even by a panic.
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            if !self.0 {
                INTERNED.with(|cell| *cell.borrow_mut() = None);
            }
        }
    }
    let _reset = Reset(outer);
    f()
}

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> Self {
        Self(Arc::new(s.to_owned()))
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> Self {
        Self(Arc::new(s))
    }
}

impl From<&String> for SharedStr {
    fn from(s: &String) -> Self {
        Self(Arc::new(s.clone()))
    }
}

impl From<&SharedStr> for SharedStr {
    fn from(s: &SharedStr) -> Self {
        s.clone()
    }
}

impl From<SharedStr> for String {
    fn from(s: SharedStr) -> Self {
        Arc::unwrap_or_clone(s.0)
    }
}

impl From<&SharedStr> for String {
    fn from(s: &SharedStr) -> Self {
        s.0.to_string()
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.0.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.0.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.0.as_str()
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.0.as_str()
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == *other.0
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SharedStr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = SharedStr;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<SharedStr, E> {
                Ok(SharedStr::intern(s))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_as_a_plain_string() {
        let s: SharedStr = ron::from_str("\"amal\"").unwrap();
        assert_eq!(s, "amal");
        assert_eq!(ron::to_string(&s).unwrap(), "\"amal\"");
        let s: SharedStr = serde_json::from_str("\"a\\\"b\"").unwrap();
        assert_eq!(s.as_str(), "a\"b");
    }

    #[test]
    fn is_one_pointer_wide() {
        assert_eq!(std::mem::size_of::<SharedStr>(), std::mem::size_of::<usize>());
        assert_eq!(std::mem::size_of::<Option<SharedStr>>(), std::mem::size_of::<usize>());
    }

    #[test]
    fn equal_names_share_one_allocation_while_interning() {
        let (a, b): (Vec<SharedStr>, Vec<SharedStr>) =
            interning(|| (ron::from_str("[\"x\", \"x\"]").unwrap(), ron::from_str("[\"x\"]").unwrap()));
        assert!(Arc::ptr_eq(&a[0].0, &a[1].0));
        assert!(Arc::ptr_eq(&a[0].0, &b[0].0));
        INTERNED.with(|cell| assert!(cell.borrow().is_none(), "the table ends with the call"));
        let c: Vec<SharedStr> = ron::from_str("[\"x\", \"x\"]").unwrap();
        assert!(!Arc::ptr_eq(&c[0].0, &c[1].0), "no table outside a call");
    }
}
