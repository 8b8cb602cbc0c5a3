//! Which Rust types sqlx binds and decodes for PostgreSQL. `Encode::Param` is the parameter type
//! a bind stands for: the compile-time check in `query!` compares it with the type PostgreSQL
//! described for that `$n`. References, slices and `Option` (NULL) bind as what they hold.

use crate::types::{Json, JsonValue, Uuid};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

#[diagnostic::on_unimplemented(
    message = "sqlx cannot bind a `{Self}` as a PostgreSQL query parameter",
    label = "not a type sqlx encodes for PostgreSQL",
    note = "cast it to one (`x as i32`, `i64::from(x)`, `&x[..]`), as personhog's queries do"
)]
pub trait Encode {
    type Param;
}

macro_rules! encodes_as_itself {
    ($($t:ty),* $(,)?) => {$(
        impl Encode for $t {
            type Param = $t;
        }
    )*};
}

encodes_as_itself!(
    bool,
    i16,
    i32,
    i64,
    f32,
    f64,
    String,
    Uuid,
    JsonValue,
    DateTime<Utc>,
    NaiveDateTime,
    NaiveDate,
);

impl Encode for str {
    type Param = String;
}

impl<T: Encode + ?Sized> Encode for &T {
    type Param = T::Param;
}

impl<T: Encode> Encode for Option<T> {
    type Param = T::Param;
}

impl<T: Encode> Encode for Vec<T> {
    type Param = Vec<T::Param>;
}

impl<T: Encode> Encode for [T] {
    type Param = Vec<T::Param>;
}

impl<T> Encode for Json<T> {
    type Param = JsonValue;
}

/// `bytea`: bytes are not numbers to PostgreSQL (u8 alone does not bind).
impl Encode for Vec<u8> {
    type Param = Vec<u8>;
}

impl Encode for [u8] {
    type Param = Vec<u8>;
}

/// Types sqlx decodes a PostgreSQL value into.
#[diagnostic::on_unimplemented(message = "sqlx cannot decode a PostgreSQL value into `{Self}`")]
pub trait Decode {}

impl Decode for bool {}
impl Decode for i16 {}
impl Decode for i32 {}
impl Decode for i64 {}
impl Decode for f32 {}
impl Decode for f64 {}
impl Decode for String {}
impl Decode for Uuid {}
impl Decode for JsonValue {}
impl Decode for DateTime<Utc> {}
impl Decode for NaiveDateTime {}
impl Decode for NaiveDate {}
impl Decode for u8 {}
impl<T: Decode> Decode for Vec<T> {}
impl<T: Decode> Decode for Option<T> {}
impl<T> Decode for Json<T> {}
