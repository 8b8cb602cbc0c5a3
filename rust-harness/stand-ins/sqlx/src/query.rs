//! What the query macros return (`Map`), and the runtime `query`/`query_scalar` builders, which
//! sqlx does not check at compile time either.

use crate::postgres::{PgConnection, PgQueryResult, PgRow, Postgres};
use crate::{Database, Decode, Encode, Error, Pool, Result};
use std::marker::PhantomData;

/// Where a query runs: `&mut PgConnection` (`&mut *conn`, `&mut *tx`) or `&PgPool`.
pub trait Executor<'c>: Send {
    type Database: Database;
}

impl<'c> Executor<'c> for &'c mut PgConnection {
    type Database = Postgres;
}

impl<'c> Executor<'c> for &'c Pool<Postgres> {
    type Database = Postgres;
}

/// A query from `query!`, `query_as!` or `query_scalar!` whose rows are `O`.
#[must_use = "a query does nothing until it is fetched or executed"]
pub struct Map<O> {
    output: PhantomData<fn() -> O>,
}

impl<O> Map<O> {
    /// Built by the macros from a row constructor, which is type-checked and never called.
    #[doc(hidden)]
    pub fn __from_describe(_row: fn() -> O) -> Self {
        Map {
            output: PhantomData,
        }
    }

    pub async fn fetch_one<'e, E: Executor<'e, Database = Postgres>>(
        self,
        _executor: E,
    ) -> Result<O> {
        Err(Error::RowNotFound)
    }

    pub async fn fetch_optional<'e, E: Executor<'e, Database = Postgres>>(
        self,
        _executor: E,
    ) -> Result<Option<O>> {
        Err(Error::PoolClosed)
    }

    pub async fn fetch_all<'e, E: Executor<'e, Database = Postgres>>(
        self,
        _executor: E,
    ) -> Result<Vec<O>> {
        Err(Error::PoolClosed)
    }

    pub async fn execute<'e, E: Executor<'e, Database = Postgres>>(
        self,
        _executor: E,
    ) -> Result<PgQueryResult> {
        Err(Error::PoolClosed)
    }
}

/// `sqlx::query("…").bind(…)`: rows come back as `PgRow`.
pub fn query<DB: Database>(sql: &str) -> Query<'_, DB, PgRow> {
    Query {
        sql,
        binds: 0,
        types: PhantomData,
    }
}

/// `sqlx::query_scalar::<_, T>("…").bind(…)`: the first column of each row, as `T`.
pub fn query_scalar<DB: Database, O: Decode>(sql: &str) -> Query<'_, DB, O> {
    Query {
        sql,
        binds: 0,
        types: PhantomData,
    }
}

#[must_use = "a query does nothing until it is fetched or executed"]
pub struct Query<'q, DB: Database, O> {
    sql: &'q str,
    binds: usize,
    types: PhantomData<fn() -> (DB, O)>,
}

impl<'q, DB: Database, O> Query<'q, DB, O> {
    pub fn bind<T: Encode + Send + 'q>(mut self, _value: T) -> Self {
        self.binds += 1;
        self
    }

    fn not_run(&self) -> Error {
        Error::Protocol(format!(
            "the sqlx stand-in does not run queries ({} binds for {:?})",
            self.binds, self.sql
        ))
    }

    pub async fn fetch_one<'e, E: Executor<'e, Database = DB>>(self, _executor: E) -> Result<O> {
        Err(self.not_run())
    }

    pub async fn fetch_optional<'e, E: Executor<'e, Database = DB>>(
        self,
        _executor: E,
    ) -> Result<Option<O>> {
        Err(self.not_run())
    }

    pub async fn fetch_all<'e, E: Executor<'e, Database = DB>>(
        self,
        _executor: E,
    ) -> Result<Vec<O>> {
        Err(self.not_run())
    }

    pub async fn execute<'e, E: Executor<'e, Database = DB>>(
        self,
        _executor: E,
    ) -> Result<PgQueryResult> {
        Err(self.not_run())
    }
}
