//! Storage mocks: every storage trait, implemented twice. FailingStorage answers every call with
//! its error; SuccessStorage with an empty success. A new trait method does not compile until both
//! implement it.

use async_trait::async_trait;
// PostHog's file imports it for its uuid lookups, which the skeleton leaves out.
#[allow(unused_imports)]
use uuid::Uuid;

use crate::storage;

pub struct FailingStorage {
    error: storage::StorageError,
}

impl FailingStorage {
    pub fn with_connection_error() -> Self {
        Self {
            error: storage::StorageError::Connection("connection refused".to_string()),
        }
    }

    pub fn with_pool_exhausted() -> Self {
        Self {
            error: storage::StorageError::PoolExhausted,
        }
    }

    pub fn with_query_error() -> Self {
        Self {
            error: storage::StorageError::Query("syntax error".to_string()),
        }
    }
}

pub struct SuccessStorage;

#[async_trait]
impl storage::PersonLookup for FailingStorage {
    async fn get_person_by_id(
        &self,
        _team_id: i64,
        _person_id: i64,
    ) -> storage::StorageResult<Option<storage::Person>> {
        Err(self.error.clone())
    }
}

#[async_trait]
impl storage::DistinctIdLookup for FailingStorage {
    async fn get_distinct_ids_for_person(
        &self,
        _team_id: i64,
        _person_id: i64,
        _consistency: storage::postgres::ConsistencyLevel,
    ) -> storage::StorageResult<Vec<storage::DistinctIdWithVersion>> {
        Err(self.error.clone())
    }
}

#[async_trait]
impl storage::GroupStorage for FailingStorage {
    async fn get_group(
        &self,
        _team_id: i64,
        _group_type_index: i32,
        _group_key: &str,
        _consistency: storage::postgres::ConsistencyLevel,
    ) -> storage::StorageResult<Option<storage::Group>> {
        Err(self.error.clone())
    }
}

#[async_trait]
impl storage::CohortStorage for FailingStorage {
    async fn count_cohort_members(
        &self,
        _cohort_ids: &[i64],
        _consistency: storage::postgres::ConsistencyLevel,
    ) -> storage::StorageResult<i64> {
        Err(self.error.clone())
    }

    async fn delete_cohort_member(
        &self,
        _cohort_id: i64,
        _person_id: i64,
    ) -> storage::StorageResult<bool> {
        Err(self.error.clone())
    }
}

#[async_trait]
impl storage::FeatureFlagStorage for FailingStorage {
    async fn delete_hash_key_overrides_by_teams(
        &self,
        _team_ids: &[i64],
    ) -> storage::StorageResult<i64> {
        Err(self.error.clone())
    }
}

#[async_trait]
impl storage::PersonLookup for SuccessStorage {
    async fn get_person_by_id(
        &self,
        _team_id: i64,
        _person_id: i64,
    ) -> storage::StorageResult<Option<storage::Person>> {
        Ok(None)
    }
}

#[async_trait]
impl storage::DistinctIdLookup for SuccessStorage {
    async fn get_distinct_ids_for_person(
        &self,
        _team_id: i64,
        _person_id: i64,
        _consistency: storage::postgres::ConsistencyLevel,
    ) -> storage::StorageResult<Vec<storage::DistinctIdWithVersion>> {
        Ok(Vec::new())
    }
}

#[async_trait]
impl storage::GroupStorage for SuccessStorage {
    async fn get_group(
        &self,
        _team_id: i64,
        _group_type_index: i32,
        _group_key: &str,
        _consistency: storage::postgres::ConsistencyLevel,
    ) -> storage::StorageResult<Option<storage::Group>> {
        Ok(None)
    }
}

#[async_trait]
impl storage::CohortStorage for SuccessStorage {
    async fn count_cohort_members(
        &self,
        _cohort_ids: &[i64],
        _consistency: storage::postgres::ConsistencyLevel,
    ) -> storage::StorageResult<i64> {
        Ok(0)
    }

    async fn delete_cohort_member(
        &self,
        _cohort_id: i64,
        _person_id: i64,
    ) -> storage::StorageResult<bool> {
        Ok(false)
    }
}

#[async_trait]
impl storage::FeatureFlagStorage for SuccessStorage {
    async fn delete_hash_key_overrides_by_teams(
        &self,
        _team_ids: &[i64],
    ) -> storage::StorageResult<i64> {
        Ok(0)
    }
}
