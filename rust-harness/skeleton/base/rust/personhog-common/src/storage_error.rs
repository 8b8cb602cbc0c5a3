//! Storage errors, and how sqlx's errors map onto them.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    Connection(String),
    Query(String),
    PoolExhausted,
    NotFound(String),
    FailedPrecondition(String),
}

pub type StorageResult<T> = Result<T, StorageError>;

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Connection(m) => write!(f, "connection error: {m}"),
            StorageError::Query(m) => write!(f, "query error: {m}"),
            StorageError::PoolExhausted => f.write_str("connection pool exhausted"),
            StorageError::NotFound(m) => write!(f, "not found: {m}"),
            StorageError::FailedPrecondition(m) => write!(f, "failed precondition: {m}"),
        }
    }
}

impl std::error::Error for StorageError {}

impl From<sqlx::Error> for StorageError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => StorageError::PoolExhausted,
            sqlx::Error::Io(e) => StorageError::Connection(e.to_string()),
            sqlx::Error::Tls(e) => StorageError::Connection(e.to_string()),
            other => StorageError::Query(other.to_string()),
        }
    }
}
