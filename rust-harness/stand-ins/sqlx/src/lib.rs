//! Stand-in for the API surface of `sqlx` (0.8, PostgreSQL) personhog uses: pools and
//! connections, the runtime `query`/`query_scalar` builders, `Error`, and the compile-time checked
//! `query!`, `query_as!` and `query_scalar!` (see sqlx-macros for how they are checked). Nothing
//! connects: every fetch returns an error, since the harness only type-checks.

pub mod encode;
pub mod pool;
pub mod postgres;
pub mod query;

mod error;

pub use encode::{Decode, Encode};
pub use error::{DatabaseError, Error, Result};
pub use pool::{Pool, PoolConnection};
pub use postgres::{PgConnection, PgPool, Postgres};
pub use query::{query, query_scalar, Executor};

/// A database driver: what its connections, rows and results are.
pub trait Database: Send + Sync + Sized + 'static {
    type Connection: Send + Sync + std::fmt::Debug;
    type Row: Send;
    type QueryResult: Send;
}

/// A transaction: derefs to its connection, so `&mut *tx` is an executor.
#[derive(Debug)]
pub struct Transaction<'c, DB: Database> {
    conn: DB::Connection,
    pool: std::marker::PhantomData<&'c ()>,
}

impl<DB: Database> Transaction<'_, DB> {
    pub async fn commit(self) -> Result<()> {
        Err(Error::PoolClosed)
    }

    pub async fn rollback(self) -> Result<()> {
        Err(Error::PoolClosed)
    }
}

impl<DB: Database> std::ops::Deref for Transaction<'_, DB> {
    type Target = DB::Connection;
    fn deref(&self) -> &DB::Connection {
        &self.conn
    }
}

impl<DB: Database> std::ops::DerefMut for Transaction<'_, DB> {
    fn deref_mut(&mut self) -> &mut DB::Connection {
        &mut self.conn
    }
}

/// Reading a column of a runtime query's row by name or position.
pub trait Row {
    fn try_get<T: Decode, I: ColumnIndex>(&self, index: I) -> Result<T>;

    fn get<T: Decode, I: ColumnIndex>(&self, index: I) -> T {
        match self.try_get(index) {
            Ok(value) => value,
            Err(e) => panic!("{e}"),
        }
    }
}

pub trait ColumnIndex {}
impl ColumnIndex for &str {}
impl ColumnIndex for usize {}

pub mod types {
    pub use chrono;
    pub use uuid::Uuid;

    /// What `jsonb` decodes to and `Value`s encode from.
    pub type JsonValue = serde_json::Value;

    /// A value stored as JSON.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct Json<T>(pub T);
}

/// Used by `expand_query!`'s output; not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use sqlx_macros::expand_query;

    /// Compiles only when the bind's type encodes as the parameter's type `P` (references,
    /// slices and `Option` allowed, as in sqlx).
    pub fn check_bind<P, E: ?Sized + crate::Encode<Param = P>>(_bind: &E) {}

    /// Stands for a column's value in the row the macro builds; never called.
    pub fn decode<T>() -> T {
        unreachable!("the compile harness type-checks queries; it does not run them")
    }
}

/// `query!("SQL", binds…)`: rows of an anonymous record with one field per output column.
#[macro_export]
macro_rules! query {
    ($query:literal $(, $arg:expr)* $(,)?) => {
        $crate::__private::expand_query!(query () $query [$($arg),*])
    };
}

/// `query_as!(T, "SQL", binds…)`: rows of `T`, built field by field from the output columns.
#[macro_export]
macro_rules! query_as {
    ($out:path, $query:literal $(, $arg:expr)* $(,)?) => {
        $crate::__private::expand_query!(query_as ($out) $query [$($arg),*])
    };
}

/// `query_scalar!("SQL", binds…)`: the single output column's values.
#[macro_export]
macro_rules! query_scalar {
    ($query:literal $(, $arg:expr)* $(,)?) => {
        $crate::__private::expand_query!(query_scalar () $query [$($arg),*])
    };
}
