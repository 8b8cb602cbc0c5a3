use async_trait::async_trait;
use personhog_common::grpc::{current_client_name, current_method_name};

// What the real file's many methods use; the skeleton keeps a few of them.
#[allow(unused_imports)]
use super::{ConsistencyLevel, PostgresStorage, DB_QUERY_DURATION, DB_ROWS_RETURNED};
use crate::storage::error::StorageResult;
use crate::storage::traits::GroupStorage;
// The real file reads and writes mappings too; the skeleton keeps no method of them.
#[allow(unused_imports)]
use crate::storage::types::{Group, GroupTypeMapping};

#[async_trait]
impl GroupStorage for PostgresStorage {
    async fn get_group(
        &self,
        team_id: i64,
        group_type_index: i32,
        group_key: &str,
        consistency: ConsistencyLevel,
    ) -> StorageResult<Option<Group>> {
        let pool_label = PostgresStorage::pool_label(consistency);
        let labels = [
            ("operation".to_string(), "get_group".to_string()),
            ("pool".to_string(), pool_label.to_string()),
            ("client".to_string(), current_client_name()),
            ("method".to_string(), current_method_name()),
        ];
        let _timer = common_metrics::timing_guard(DB_QUERY_DURATION, &labels);

        let pool = self.pool_for_consistency(consistency);
        let mut conn = PostgresStorage::acquire_timed(pool, pool_label).await?;

        // int4 columns are cast to the struct's i64 (a cast loses NOT NULL, so `!`); `?` makes the
        // NOT NULL jsonb columns the struct's Options.
        let group = sqlx::query_as!(
            Group,
            r#"
            SELECT id::bigint as "id!", team_id::bigint as "team_id!", group_type_index,
                   group_key, group_properties, created_at,
                   properties_last_updated_at as "properties_last_updated_at?",
                   properties_last_operation as "properties_last_operation?", version
            FROM posthog_group
            WHERE team_id = $1 AND group_type_index = $2 AND group_key = $3
            "#,
            team_id as i32,
            group_type_index,
            group_key
        )
        .fetch_optional(&mut *conn)
        .await?;

        Ok(group)
    }
}
