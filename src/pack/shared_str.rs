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
//! [`SharedStr`] decoded from the snapshot is a slice of the built-in text instead, which the
//! compiler has checked ([`encode_static`]). A SharedStr from anywhere else (a user's TOML, a test)
//! is shared behind an [`Arc`], so a clone never copies the characters either.

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

impl serde::Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match TABLE.with_borrow_mut(|t| t.as_mut().map(|t| t.place(self.as_str()))) {
            Some(place) => place.serialize(s),
            None => s.serialize_str(self.as_str()),
        }
    }
}

/// The text [`encode_static`] gathers: every distinct string once, and where each one is.
#[derive(Default)]
struct Table {
    text: String,
    places: std::collections::HashMap<String, (u32, u32)>,
}

impl Table {
    /// Where `s` is in the text (start, length in bytes), added at the end when new.
    fn place(&mut self, s: &str) -> (u32, u32) {
        if let Some(&at) = self.places.get(s) {
            return at;
        }
        let at = (
            u32::try_from(self.text.len()).expect("the built-in text is under 4 GB"),
            u32::try_from(s.len()).expect("a string is under 4 GB"),
        );
        self.text.push_str(s);
        self.places.insert(s.to_owned(), at);
        at
    }
}

thread_local! {
    /// The text [`encode_static`] is gathering on this thread (none otherwise).
    static TABLE: std::cell::RefCell<Option<Table>> = const { std::cell::RefCell::new(None) };
    /// The text [`decode_static`] reads strings from on this thread (none otherwise).
    static STATIC_TEXT: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// Runs `encode`, with every [`SharedStr`] it serialises written as its place in one text instead
/// of its characters; returns what `encode` made and that text (each distinct string once). The
/// build writes the text beside the snapshot, and the program compiles it in with `include_str!`:
/// the compiler checks it is UTF-8 once, and start-up only cuts it ([`decode_static`]).
pub fn encode_static<R>(encode: impl FnOnce() -> R) -> (R, String) {
    let before = TABLE.replace(Some(Table::default()));
    let made = encode();
    let table = TABLE.replace(before).unwrap_or_default();
    (made, table.text)
}

/// Decodes `T` (postcard) from `bytes` that [`encode_static`] made with `text`, every
/// [`SharedStr`] in it a slice of `text`: nothing is copied, and nothing checked again.
pub fn decode_static<T: serde::Deserialize<'static>>(
    bytes: &'static [u8],
    text: &'static str,
) -> Result<T, postcard::Error> {
    let before = STATIC_TEXT.replace(Some(text));
    let decoded = postcard::from_bytes(bytes);
    STATIC_TEXT.set(before);
    decoded
}

impl<'de> serde::Deserialize<'de> for SharedStr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if let Some(text) = STATIC_TEXT.get() {
            let (start, len) = <(u32, u32)>::deserialize(d)?;
            let (start, len) = (start as usize, len as usize);
            return start
                .checked_add(len)
                .and_then(|end| text.get(start..end))
                .map(|s| SharedStr(Repr::Static(s)))
                .ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "no string at {start}..+{len} of the built-in text"
                    ))
                });
        }
        String::deserialize(d).map(SharedStr::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_strings_are_slices_of_one_text_each_distinct_string_once() {
        let values = (
            SharedStr::from("hello"),
            SharedStr::from(String::from("é")),
            SharedStr::from("hello"),
        );
        let (bytes, text) = encode_static(|| postcard::to_stdvec(&values).unwrap());
        assert_eq!(text, "helloé");
        let bytes: &'static [u8] = bytes.leak();
        let text: &'static str = text.leak();
        let (a, b, c): (SharedStr, SharedStr, SharedStr) = decode_static(bytes, text).unwrap();
        assert_eq!(
            (a.as_str(), b.as_str(), c.as_str()),
            ("hello", "é", "hello")
        );
        assert!(matches!(a.0, Repr::Static(_)));
        assert_eq!(a.as_ptr(), text.as_ptr());
        assert_eq!(c.as_ptr(), text.as_ptr(), "one copy of a repeated string");
    }

    #[test]
    fn a_place_outside_the_text_or_inside_a_character_is_an_error() {
        let bytes: &'static [u8] = postcard::to_stdvec(&(0u32, 9u32)).unwrap().leak();
        assert!(decode_static::<SharedStr>(bytes, "short").is_err());
        let bytes: &'static [u8] = postcard::to_stdvec(&(0u32, 1u32)).unwrap().leak();
        assert!(decode_static::<SharedStr>(bytes, "é").is_err());
    }

    #[test]
    fn without_a_text_strings_round_trip_as_strings() {
        let t = SharedStr::from(String::from("ECS Express Mode"));
        let bytes = postcard::to_stdvec(&t).unwrap();
        let back: SharedStr = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, t);
        assert_eq!(back, "ECS Express Mode");
        assert!(matches!(back.0, Repr::Shared(_)));
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, "\"ECS Express Mode\"");
        let (a, b) = (SharedStr::from(String::from("a")), SharedStr::from("b"));
        assert!(a < b);
    }
}
