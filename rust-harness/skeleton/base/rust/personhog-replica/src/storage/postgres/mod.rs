//! Postgres storage: the pools, pool choice by consistency, timed connection acquisition and the
//! metric names every query records.

mod cohort;
mod distinct_id;
mod feature_flag;
mod group;
mod person;

use sqlx::pool::PoolConnection;
use sqlx::{PgPool, Postgres};

use crate::storage::error::StorageError;

pub(crate) const DB_QUERY_DURATION: &str = "personhog_replica_db_query_duration_ms";
pub(crate) const DB_POOL_ACQUIRE_DURATION: &str = "personhog_replica_db_pool_acquire_duration_ms";
pub(crate) const DB_ROWS_RETURNED: &str = "personhog_replica_db_rows_returned";

/// Which pool a read uses: the storage's own enum, not the proto's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConsistencyLevel {
    #[default]
    Eventual,
    Strong,
}

pub struct PostgresStorage {
    pub primary_pool: PgPool,
    pub replica_pool: PgPool,
    pub bulk_primary_pool: PgPool,
    pub bulk_replica_pool: PgPool,
    pub bulk_chunk_size: usize,
    pub bulk_max_concurrent_chunks: usize,
}

impl PostgresStorage {
    pub fn new(
        primary_pool: PgPool,
        replica_pool: PgPool,
        bulk_primary_pool: PgPool,
        bulk_replica_pool: PgPool,
        bulk_chunk_size: usize,
        bulk_max_concurrent_chunks: usize,
    ) -> Self {
        Self {
            primary_pool,
            replica_pool,
            bulk_primary_pool,
            bulk_replica_pool,
            bulk_chunk_size,
            bulk_max_concurrent_chunks,
        }
    }

    /// STRONG reads the primary; EVENTUAL a replica.
    pub fn pool_for_consistency(&self, consistency: ConsistencyLevel) -> &PgPool {
        match consistency {
            ConsistencyLevel::Strong => &self.primary_pool,
            ConsistencyLevel::Eventual => &self.replica_pool,
        }
    }

    pub fn bulk_pool_for_consistency(&self, consistency: ConsistencyLevel) -> &PgPool {
        match consistency {
            ConsistencyLevel::Strong => &self.bulk_primary_pool,
            ConsistencyLevel::Eventual => &self.bulk_replica_pool,
        }
    }

    pub fn pool_label(consistency: ConsistencyLevel) -> &'static str {
        match consistency {
            ConsistencyLevel::Strong => "primary",
            ConsistencyLevel::Eventual => "replica",
        }
    }

    pub fn bulk_pool_label(consistency: ConsistencyLevel) -> &'static str {
        match consistency {
            ConsistencyLevel::Strong => "bulk_primary",
            ConsistencyLevel::Eventual => "bulk_replica",
        }
    }

    /// A connection from `pool`, recording how long the wait took.
    pub async fn acquire_timed(
        pool: &PgPool,
        label: &str,
    ) -> Result<PoolConnection<Postgres>, StorageError> {
        let labels = [("pool".to_string(), label.to_string())];
        let _timer = common_metrics::timing_guard(DB_POOL_ACQUIRE_DURATION, &labels);
        Ok(pool.acquire().await?)
    }
}
