use async_trait::async_trait;
use personhog_common::grpc::{current_client_name, current_method_name};

// What the real file's many methods use; the skeleton keeps a few of them.
#[allow(unused_imports)]
use super::{ConsistencyLevel, PostgresStorage, DB_QUERY_DURATION, DB_ROWS_RETURNED};
use crate::storage::error::StorageResult;
use crate::storage::traits::DistinctIdLookup;
use crate::storage::types::DistinctIdWithVersion;

#[async_trait]
impl DistinctIdLookup for PostgresStorage {
    async fn get_distinct_ids_for_person(
        &self,
        team_id: i64,
        person_id: i64,
        consistency: ConsistencyLevel,
    ) -> StorageResult<Vec<DistinctIdWithVersion>> {
        let pool_label = PostgresStorage::pool_label(consistency);
        let labels = [
            (
                "operation".to_string(),
                "get_distinct_ids_for_person".to_string(),
            ),
            ("pool".to_string(), pool_label.to_string()),
            ("client".to_string(), current_client_name()),
            ("method".to_string(), current_method_name()),
        ];
        let _timer = common_metrics::timing_guard(DB_QUERY_DURATION, &labels);

        let pool = self.pool_for_consistency(consistency);
        let mut conn = PostgresStorage::acquire_timed(pool, pool_label).await?;

        let rows = sqlx::query_as!(
            DistinctIdWithVersion,
            r#"
            SELECT distinct_id, version
            FROM posthog_persondistinctid
            WHERE team_id = $1 AND person_id = $2 AND is_deleted = false
            ORDER BY id
            "#,
            team_id as i32,
            person_id
        )
        .fetch_all(&mut *conn)
        .await?;
        common_metrics::histogram(DB_ROWS_RETURNED, &labels, rows.len() as f64);

        Ok(rows)
    }
}
