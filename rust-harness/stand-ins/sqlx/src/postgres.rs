//! The PostgreSQL driver's types.

use crate::{ColumnIndex, Database, Decode, Error, Result, Row};

#[derive(Debug)]
pub struct Postgres;

impl Database for Postgres {
    type Connection = PgConnection;
    type Row = PgRow;
    type QueryResult = PgQueryResult;
}

pub type PgPool = crate::Pool<Postgres>;
pub type PgPoolOptions = crate::pool::PoolOptions<Postgres>;

#[derive(Debug)]
pub struct PgConnection {
    process_id: u32,
}

impl PgConnection {
    pub fn server_process_id(&self) -> u32 {
        self.process_id
    }
}

#[derive(Debug)]
pub struct PgRow {
    columns: Vec<String>,
}

impl Row for PgRow {
    fn try_get<T: Decode, I: ColumnIndex>(&self, _index: I) -> Result<T> {
        Err(Error::ColumnNotFound(self.columns.join(", ")))
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub struct PgQueryResult {
    rows_affected: u64,
}

impl PgQueryResult {
    pub fn rows_affected(&self) -> u64 {
        self.rows_affected
    }
}
