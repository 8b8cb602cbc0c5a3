use std::fmt;

/// An error the database itself returned.
pub trait DatabaseError: std::error::Error + Send + Sync + 'static {
    fn message(&self) -> &str;
    fn code(&self) -> Option<std::borrow::Cow<'_, str>>;
}

/// sqlx's error, with the variants personhog matches on; non-exhaustive as in sqlx.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    Configuration(Box<dyn std::error::Error + Send + Sync>),
    Database(Box<dyn DatabaseError>),
    Io(std::io::Error),
    Tls(Box<dyn std::error::Error + Send + Sync>),
    Protocol(String),
    RowNotFound,
    TypeNotFound { type_name: String },
    ColumnNotFound(String),
    Decode(Box<dyn std::error::Error + Send + Sync>),
    PoolTimedOut,
    PoolClosed,
    WorkerCrashed,
}

impl Error {
    pub fn as_database_error(&self) -> Option<&dyn DatabaseError> {
        match self {
            Error::Database(e) => Some(&**e),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Configuration(e) => write!(f, "error with configuration: {e}"),
            Error::Database(e) => write!(f, "error returned from database: {e}"),
            Error::Io(e) => write!(f, "error communicating with database: {e}"),
            Error::Tls(e) => write!(
                f,
                "error occurred while attempting to establish a TLS connection: {e}"
            ),
            Error::Protocol(e) => write!(f, "encountered unexpected or invalid data: {e}"),
            Error::RowNotFound => {
                f.write_str("no rows returned by a query that expected to return at least one row")
            }
            Error::TypeNotFound { type_name } => write!(f, "type named {type_name} not found"),
            Error::ColumnNotFound(c) => write!(f, "no column found for name: {c}"),
            Error::Decode(e) => write!(f, "error occurred while decoding: {e}"),
            Error::PoolTimedOut => {
                f.write_str("pool timed out while waiting for an open connection")
            }
            Error::PoolClosed => f.write_str("attempted to acquire a connection on a closed pool"),
            Error::WorkerCrashed => {
                f.write_str("attempted to communicate with a crashed background worker")
            }
        }
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Io(e)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
