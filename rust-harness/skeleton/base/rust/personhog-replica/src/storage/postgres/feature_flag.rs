use async_trait::async_trait;
use personhog_common::grpc::{current_client_name, current_method_name};

// What the real file's many methods use; the skeleton keeps a few of them.
#[allow(unused_imports)]
use super::{ConsistencyLevel, PostgresStorage, DB_QUERY_DURATION, DB_ROWS_RETURNED};
use crate::storage::error::StorageResult;
use crate::storage::traits::FeatureFlagStorage;

#[async_trait]
impl FeatureFlagStorage for PostgresStorage {
    async fn delete_hash_key_overrides_by_teams(&self, team_ids: &[i64]) -> StorageResult<i64> {
        if team_ids.is_empty() {
            return Ok(0);
        }

        let labels = [
            (
                "operation".to_string(),
                "delete_hash_key_overrides_by_teams".to_string(),
            ),
            ("pool".to_string(), "primary".to_string()),
            ("client".to_string(), current_client_name()),
            ("method".to_string(), current_method_name()),
        ];
        let _timer = common_metrics::timing_guard(DB_QUERY_DURATION, &labels);

        let mut conn = PostgresStorage::acquire_timed(&self.primary_pool, "primary").await?;

        let team_ids: Vec<i32> = team_ids.iter().map(|&id| id as i32).collect();
        let result = sqlx::query!(
            r#"
            DELETE FROM posthog_featureflaghashkeyoverride WHERE team_id = ANY($1)
            "#,
            &team_ids
        )
        .execute(&mut *conn)
        .await?;

        Ok(result.rows_affected() as i64)
    }
}
