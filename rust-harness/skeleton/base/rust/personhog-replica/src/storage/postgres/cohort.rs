use async_trait::async_trait;
use personhog_common::grpc::{current_client_name, current_method_name};

// What the real file's many methods use; the skeleton keeps a few of them.
#[allow(unused_imports)]
use super::{ConsistencyLevel, PostgresStorage, DB_QUERY_DURATION, DB_ROWS_RETURNED};
use crate::storage::error::StorageResult;
use crate::storage::traits::CohortStorage;
#[allow(unused_imports)]
use crate::storage::types::CohortMembership;

#[async_trait]
impl CohortStorage for PostgresStorage {
    async fn count_cohort_members(
        &self,
        cohort_ids: &[i64],
        consistency: ConsistencyLevel,
    ) -> StorageResult<i64> {
        if cohort_ids.is_empty() {
            return Ok(0);
        }

        let pool_label = PostgresStorage::pool_label(consistency);
        let labels = [
            ("operation".to_string(), "count_cohort_members".to_string()),
            ("pool".to_string(), pool_label.to_string()),
            ("client".to_string(), current_client_name()),
            ("method".to_string(), current_method_name()),
        ];
        let _timer = common_metrics::timing_guard(DB_QUERY_DURATION, &labels);

        let pool = self.pool_for_consistency(consistency);
        let mut conn = PostgresStorage::acquire_timed(pool, pool_label).await?;

        // cohort_id is int4.
        let cohort_ids: Vec<i32> = cohort_ids.iter().map(|&id| id as i32).collect();
        let count = sqlx::query_scalar!(
            r#"
            SELECT COUNT(*) as "count!" FROM posthog_cohortpeople WHERE cohort_id = ANY($1)
            "#,
            &cohort_ids
        )
        .fetch_one(&mut *conn)
        .await?;
        common_metrics::histogram(DB_ROWS_RETURNED, &labels, 1.0);

        Ok(count)
    }

    async fn delete_cohort_member(&self, cohort_id: i64, person_id: i64) -> StorageResult<bool> {
        let labels = [
            ("operation".to_string(), "delete_cohort_member".to_string()),
            ("pool".to_string(), "primary".to_string()),
            ("client".to_string(), current_client_name()),
            ("method".to_string(), current_method_name()),
        ];
        let _timer = common_metrics::timing_guard(DB_QUERY_DURATION, &labels);

        let mut conn = PostgresStorage::acquire_timed(&self.primary_pool, "primary").await?;

        let result = sqlx::query!(
            r#"
            DELETE FROM posthog_cohortpeople WHERE cohort_id = $1 AND person_id = $2
            "#,
            cohort_id as i32,
            person_id
        )
        .execute(&mut *conn)
        .await?;

        Ok(result.rows_affected() > 0)
    }
}
