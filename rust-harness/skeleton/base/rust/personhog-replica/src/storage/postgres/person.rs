use async_trait::async_trait;
use personhog_common::grpc::{current_client_name, current_method_name};
// PostHog's file imports it for its uuid lookups, which the skeleton leaves out.
#[allow(unused_imports)]
use uuid::Uuid;

// What the real file's many methods use; the skeleton keeps a few of them.
#[allow(unused_imports)]
use super::{ConsistencyLevel, PostgresStorage, DB_QUERY_DURATION, DB_ROWS_RETURNED};
use crate::storage::error::StorageResult;
use crate::storage::traits::PersonLookup;
use crate::storage::types::Person;

/// Person reads on the replica are eventual: STRONG person reads go to the leader.
const POOL_LABEL: &str = "replica";

#[async_trait]
impl PersonLookup for PostgresStorage {
    async fn get_person_by_id(
        &self,
        team_id: i64,
        person_id: i64,
    ) -> StorageResult<Option<Person>> {
        let labels = [
            ("operation".to_string(), "get_person_by_id".to_string()),
            ("pool".to_string(), POOL_LABEL.to_string()),
            ("client".to_string(), current_client_name()),
            ("method".to_string(), current_method_name()),
        ];
        let _timer = common_metrics::timing_guard(DB_QUERY_DURATION, &labels);

        let mut conn = PostgresStorage::acquire_timed(&self.replica_pool, POOL_LABEL).await?;

        let person = sqlx::query_as!(
            Person,
            r#"
            SELECT id, uuid, team_id::bigint as "team_id!", properties::text as "properties?",
                   properties_last_updated_at::text as "properties_last_updated_at?",
                   properties_last_operation::text as "properties_last_operation?",
                   created_at, version, is_identified, (is_user_id != 0) as is_user_id,
                   last_seen_at
            FROM posthog_person
            WHERE team_id = $1 AND id = $2 AND is_deleted = false
            "#,
            team_id as i32,
            person_id
        )
        .fetch_optional(&mut *conn)
        .await?;

        Ok(person)
    }
}
