use async_trait::async_trait;

use crate::storage::error::StorageResult;
use crate::storage::postgres::ConsistencyLevel;
use crate::storage::types::DistinctIdWithVersion;

#[async_trait]
pub trait DistinctIdLookup: Send + Sync {
    async fn get_distinct_ids_for_person(
        &self,
        team_id: i64,
        person_id: i64,
        consistency: ConsistencyLevel,
    ) -> StorageResult<Vec<DistinctIdWithVersion>>;
}
