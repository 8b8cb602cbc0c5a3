//! Stand-in for the part of `prost` generated code refers to: the error of an enum conversion.

use std::fmt;

/// An `i32` that is not a value of the enum it was converted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownEnumValue(pub i32);

impl fmt::Display for UnknownEnumValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown enum value {}", self.0)
    }
}

impl std::error::Error for UnknownEnumValue {}
