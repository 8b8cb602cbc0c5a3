//! Connection pools. `acquire` hands out a `PoolConnection`, which derefs to the driver's
//! connection: `&mut *conn` is the executor, as in sqlx.

use crate::{Database, Error, Result, Transaction};
use std::marker::PhantomData;
use std::time::Duration;

#[derive(Debug)]
pub struct Pool<DB: Database> {
    url: String,
    db: PhantomData<DB>,
}

impl<DB: Database> Clone for Pool<DB> {
    fn clone(&self) -> Self {
        Pool {
            url: self.url.clone(),
            db: PhantomData,
        }
    }
}

impl<DB: Database> Pool<DB> {
    pub async fn connect(url: &str) -> Result<Self> {
        PoolOptions::new().connect(url).await
    }

    pub fn connect_lazy(url: &str) -> Result<Self> {
        PoolOptions::new().connect_lazy(url)
    }

    pub async fn acquire(&self) -> Result<PoolConnection<DB>> {
        Err(Error::PoolTimedOut)
    }

    pub async fn begin(&self) -> Result<Transaction<'static, DB>> {
        Err(Error::PoolTimedOut)
    }

    pub async fn close(&self) {}

    pub fn size(&self) -> u32 {
        0
    }

    pub fn num_idle(&self) -> usize {
        0
    }
}

#[derive(Debug)]
pub struct PoolOptions<DB: Database> {
    max_connections: u32,
    db: PhantomData<DB>,
}

impl<DB: Database> Default for PoolOptions<DB> {
    fn default() -> Self {
        Self::new()
    }
}

impl<DB: Database> PoolOptions<DB> {
    pub fn new() -> Self {
        PoolOptions {
            max_connections: 10,
            db: PhantomData,
        }
    }

    pub fn max_connections(mut self, max: u32) -> Self {
        self.max_connections = max;
        self
    }

    pub fn min_connections(self, _min: u32) -> Self {
        self
    }

    pub fn acquire_timeout(self, _timeout: Duration) -> Self {
        self
    }

    pub async fn connect(self, url: &str) -> Result<Pool<DB>> {
        Err(Error::Io(std::io::Error::other(format!(
            "the sqlx stand-in does not connect to {url} (max {} connections)",
            self.max_connections
        ))))
    }

    pub fn connect_lazy(self, url: &str) -> Result<Pool<DB>> {
        Ok(Pool {
            url: url.to_string(),
            db: PhantomData,
        })
    }
}

/// A connection checked out of a pool.
#[derive(Debug)]
pub struct PoolConnection<DB: Database> {
    conn: DB::Connection,
}

impl<DB: Database> std::ops::Deref for PoolConnection<DB> {
    type Target = DB::Connection;
    fn deref(&self) -> &DB::Connection {
        &self.conn
    }
}

impl<DB: Database> std::ops::DerefMut for PoolConnection<DB> {
    fn deref_mut(&mut self) -> &mut DB::Connection {
        &mut self.conn
    }
}
