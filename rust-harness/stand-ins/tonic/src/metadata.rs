//! Request metadata (gRPC headers): ASCII keys and values.

use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MetadataValue(String);

pub type AsciiMetadataValue = MetadataValue;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidMetadataValue;

impl fmt::Display for InvalidMetadataValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("metadata values must be visible ASCII")
    }
}

impl std::error::Error for InvalidMetadataValue {}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToStrError;

impl MetadataValue {
    pub fn from_static(value: &'static str) -> MetadataValue {
        MetadataValue(value.to_string())
    }

    pub fn to_str(&self) -> Result<&str, ToStrError> {
        Ok(&self.0)
    }
}

impl std::str::FromStr for MetadataValue {
    type Err = InvalidMetadataValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            Ok(MetadataValue(s.to_string()))
        } else {
            Err(InvalidMetadataValue)
        }
    }
}

impl TryFrom<&str> for MetadataValue {
    type Error = InvalidMetadataValue;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<String> for MetadataValue {
    type Error = InvalidMetadataValue;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

#[derive(Debug, Clone, Default)]
pub struct MetadataMap(BTreeMap<String, MetadataValue>);

impl MetadataMap {
    pub fn new() -> MetadataMap {
        MetadataMap::default()
    }

    pub fn get(&self, key: &str) -> Option<&MetadataValue> {
        self.0.get(&key.to_ascii_lowercase())
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn insert(&mut self, key: &'static str, value: MetadataValue) -> Option<MetadataValue> {
        self.0.insert(key.to_ascii_lowercase(), value)
    }

    pub fn remove(&mut self, key: &str) -> Option<MetadataValue> {
        self.0.remove(&key.to_ascii_lowercase())
    }
}
