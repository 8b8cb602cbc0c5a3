use async_trait::async_trait;

use crate::storage::error::StorageResult;
// What the real file's many methods use; the skeleton keeps a few of them.
#[allow(unused_imports)]
use crate::storage::postgres::ConsistencyLevel;

#[async_trait]
pub trait FeatureFlagStorage: Send + Sync {
    /// How many overrides were deleted.
    async fn delete_hash_key_overrides_by_teams(&self, team_ids: &[i64]) -> StorageResult<i64>;
}
