//! Stand-in for `uuid::Uuid`: parse, format, nil and random v4.

use std::fmt;
use std::hash::{BuildHasher, Hasher};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Uuid([u8; 16]);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid UUID: {}", self.0)
    }
}

impl std::error::Error for Error {}

impl Uuid {
    pub const fn nil() -> Uuid {
        Uuid([0; 16])
    }

    pub const fn from_bytes(bytes: [u8; 16]) -> Uuid {
        Uuid(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 16] {
        &self.0
    }

    pub fn new_v4() -> Uuid {
        let mut bytes = [0u8; 16];
        for chunk in bytes.chunks_mut(8) {
            let random = std::collections::hash_map::RandomState::new()
                .build_hasher()
                .finish();
            chunk.copy_from_slice(&random.to_le_bytes());
        }
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        Uuid(bytes)
    }

    /// 32 hex digits, hyphens anywhere ignored (the hyphenated form included).
    pub fn parse_str(input: &str) -> Result<Uuid, Error> {
        let digits: Vec<u8> = input.bytes().filter(|b| *b != b'-').collect();
        if digits.len() != 32 {
            return Err(Error(input.to_string()));
        }
        let mut bytes = [0u8; 16];
        for (i, pair) in digits.chunks(2).enumerate() {
            let text = std::str::from_utf8(pair).map_err(|_| Error(input.to_string()))?;
            bytes[i] = u8::from_str_radix(text, 16).map_err(|_| Error(input.to_string()))?;
        }
        Ok(Uuid(bytes))
    }
}

impl std::str::FromStr for Uuid {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s)
    }
}

impl fmt::Display for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, b) in self.0.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                f.write_str("-")?;
            }
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}
