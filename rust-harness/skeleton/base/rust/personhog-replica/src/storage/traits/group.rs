use async_trait::async_trait;

use crate::storage::error::StorageResult;
use crate::storage::postgres::ConsistencyLevel;
// The real file reads and writes mappings too; the skeleton keeps no method of them.
#[allow(unused_imports)]
use crate::storage::types::{Group, GroupTypeMapping};

#[async_trait]
pub trait GroupStorage: Send + Sync {
    // Group lookups

    async fn get_group(
        &self,
        team_id: i64,
        group_type_index: i32,
        group_key: &str,
        consistency: ConsistencyLevel,
    ) -> StorageResult<Option<Group>>;
}
