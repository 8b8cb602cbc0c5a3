use async_trait::async_trait;

use crate::storage::error::StorageResult;
use crate::storage::postgres::ConsistencyLevel;
// The real file's check_cohort_membership returns it; the skeleton keeps no such method.
#[allow(unused_imports)]
use crate::storage::types::CohortMembership;

#[async_trait]
pub trait CohortStorage: Send + Sync {
    async fn count_cohort_members(
        &self,
        cohort_ids: &[i64],
        consistency: ConsistencyLevel,
    ) -> StorageResult<i64>;

    /// True when a row was deleted.
    async fn delete_cohort_member(&self, cohort_id: i64, person_id: i64) -> StorageResult<bool>;
}
