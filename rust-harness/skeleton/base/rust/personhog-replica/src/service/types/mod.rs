//! Conversions from storage rows to proto messages, for types several handlers return.

mod group;
mod person;
