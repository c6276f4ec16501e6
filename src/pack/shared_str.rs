//! [`SharedStr`]: a string of the compiled data that costs nothing to decode from the built-in snapshot
//! and nothing to clone.
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.
//!
//! Start-up decodes the built-in catalog from bytes compiled into the binary ([`decode_static`]).
//! Copying each of its thousands of strings to the heap was a fifth of a one-shot command's work
//! and a fifth of the memory it touched for the first time (a page fault for every 4 KB); a
//! [`SharedStr`] decoded from those bytes points into them instead. SharedStr from anywhere else (a user's
//! TOML, a test) is shared behind an [`Arc`], so a clone never copies the characters either.

use std::borrow::Borrow;
use std::cell::Cell;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A string of the compiled data: borrowed from the binary's own bytes, or shared.
#[derive(Clone)]
pub struct SharedStr(Repr);

#[derive(Clone)]
enum Repr {
    Static(&'static str),
    Shared(Arc<str>),
}

impl SharedStr {
    /// The characters.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Static(s) => s,
            Repr::Shared(s) => s,
        }
    }
}

impl Default for SharedStr {
    fn default() -> Self {
        SharedStr(Repr::Static(""))
    }
}

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&'static str> for SharedStr {
    fn from(s: &'static str) -> Self {
        SharedStr(Repr::Static(s))
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> Self {
        SharedStr(Repr::Shared(Arc::from(s)))
    }
}

impl From<&String> for SharedStr {
    fn from(s: &String) -> Self {
        SharedStr(Repr::Shared(Arc::from(s.as_str())))
    }
}

impl From<Arc<str>> for SharedStr {
    fn from(s: Arc<str>) -> Self {
        SharedStr(Repr::Shared(s))
    }
}

impl From<&SharedStr> for String {
    fn from(t: &SharedStr) -> Self {
        t.as_str().to_owned()
    }
}

impl From<SharedStr> for String {
    fn from(t: SharedStr) -> Self {
        t.as_str().to_owned()
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}
impl Eq for SharedStr {}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for SharedStr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl serde::Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

thread_local! {
    /// The bytes [`decode_static`] is decoding on this thread (empty otherwise).
    static STATIC_INPUT: Cell<&'static [u8]> = const { Cell::new(&[]) };
}

/// Decodes `T` (postcard) from bytes that live as long as the program, with every [`SharedStr`] in it
/// pointing into `bytes` rather than copied.
pub fn decode_static<T: serde::Deserialize<'static>>(
    bytes: &'static [u8],
) -> Result<T, postcard::Error> {
    let before = STATIC_INPUT.replace(bytes);
    let decoded = postcard::from_bytes(bytes);
    STATIC_INPUT.set(before);
    decoded
}

/// The same bytes as `b`, as part of the input [`decode_static`] is reading, when they are.
fn in_static_input(b: &[u8]) -> Option<&'static [u8]> {
    let input = STATIC_INPUT.get();
    // Where `b` starts within the input, by address alone (no pointer is made from a number).
    let start = (b.as_ptr() as usize).checked_sub(input.as_ptr() as usize)?;
    input.get(start..start.checked_add(b.len())?)
}

impl<'de> serde::Deserialize<'de> for SharedStr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = SharedStr;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_bytes<E: serde::de::Error>(
                self,
                b: &'de [u8],
            ) -> Result<SharedStr, E> {
                match in_static_input(b) {
                    Some(b) => std::str::from_utf8(b)
                        .map(|s| SharedStr(Repr::Static(s)))
                        .map_err(|_| E::invalid_value(serde::de::Unexpected::Bytes(b), &self)),
                    None => self.visit_bytes(b),
                }
            }
            fn visit_bytes<E: serde::de::Error>(self, b: &[u8]) -> Result<SharedStr, E> {
                std::str::from_utf8(b)
                    .map(|s| SharedStr::from(s.to_owned()))
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Bytes(b), &self))
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<SharedStr, E> {
                Ok(SharedStr::from(s.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, s: String) -> Result<SharedStr, E> {
                Ok(SharedStr::from(s))
            }
        }
        // A binary format keeps a string as its bytes (postcard writes `str` and `bytes` alike),
        // which are borrowed from the input when it is the built-in snapshot; a text format has
        // strings.
        if d.is_human_readable() {
            d.deserialize_string(Visitor)
        } else {
            d.deserialize_bytes(Visitor)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static BYTES: &[u8] = b"\x05hello\x02\xc3\xa9";

    #[test]
    fn decoding_static_bytes_borrows_them() {
        let (a, b): (SharedStr, SharedStr) = decode_static(BYTES).unwrap();
        assert_eq!((a.as_str(), b.as_str()), ("hello", "é"));
        assert!(matches!(a.0, Repr::Static(_)));
        assert_eq!(a.as_ptr(), BYTES[1..].as_ptr());
    }

    #[test]
    fn decoding_other_bytes_owns_the_text() {
        let bytes = BYTES.to_vec();
        let (a, _): (SharedStr, SharedStr) = postcard::from_bytes(&bytes).unwrap();
        assert!(matches!(a.0, Repr::Shared(_)));
        assert_eq!(a, "hello");
    }

    #[test]
    fn invalid_utf8_is_an_error_either_way() {
        static BAD: &[u8] = b"\x01\xff";
        assert!(decode_static::<SharedStr>(BAD).is_err());
        let copied = BAD.to_vec();
        assert!(postcard::from_bytes::<SharedStr>(&copied).is_err());
    }

    #[test]
    fn round_trips_through_postcard_and_compares_as_str() {
        let t = SharedStr::from(String::from("ECS Express Mode"));
        let bytes = postcard::to_stdvec(&t).unwrap();
        let back: SharedStr = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, t);
        assert_eq!(back, "ECS Express Mode");
        let (a, b) = (SharedStr::from(String::from("a")), SharedStr::from("b"));
        assert!(a < b);
    }
}
