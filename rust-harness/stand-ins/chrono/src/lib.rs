//! Stand-in for the part of `chrono` personhog uses: `DateTime<Utc>` from and to epoch millis.

use std::fmt;
use std::marker::PhantomData;

pub trait TimeZone: Clone + fmt::Debug {}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Utc;

impl TimeZone for Utc {}

impl Utc {
    pub fn now() -> DateTime<Utc> {
        let millis = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or_default();
        DateTime::from_millis(millis)
    }
}

/// Nanoseconds since the epoch, in the zone `Tz`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime<Tz: TimeZone> {
    nanos: i128,
    zone: PhantomData<Tz>,
}

impl<Tz: TimeZone> DateTime<Tz> {
    fn from_millis(millis: i64) -> Self {
        DateTime {
            nanos: i128::from(millis) * 1_000_000,
            zone: PhantomData,
        }
    }

    pub fn timestamp(&self) -> i64 {
        (self.nanos / 1_000_000_000) as i64
    }

    pub fn timestamp_millis(&self) -> i64 {
        (self.nanos / 1_000_000) as i64
    }

    pub fn timestamp_micros(&self) -> i64 {
        (self.nanos / 1_000) as i64
    }

    pub fn naive_utc(&self) -> NaiveDateTime {
        NaiveDateTime { nanos: self.nanos }
    }
}

impl DateTime<Utc> {
    /// None out of chrono's range (about ±262,000 years).
    pub fn from_timestamp_millis(millis: i64) -> Option<Self> {
        const LIMIT: i64 = 8_210_298_412_799_999;
        (-LIMIT..=LIMIT)
            .contains(&millis)
            .then(|| DateTime::from_millis(millis))
    }

    pub fn from_timestamp(secs: i64, nsecs: u32) -> Option<Self> {
        let millis = secs
            .checked_mul(1000)?
            .checked_add(i64::from(nsecs / 1_000_000))?;
        Self::from_timestamp_millis(millis)
    }
}

impl<Tz: TimeZone> fmt::Display for DateTime<Tz> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}ms since the epoch", self.timestamp_millis())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NaiveDateTime {
    nanos: i128,
}

impl NaiveDateTime {
    pub fn and_utc(&self) -> DateTime<Utc> {
        DateTime {
            nanos: self.nanos,
            zone: PhantomData,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NaiveDate {
    days_from_epoch: i32,
}
