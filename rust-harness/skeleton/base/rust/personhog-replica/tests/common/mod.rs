//! What the integration tests share: a storage over a real database (DATABASE_URL) with a random
//! team, and fixtures that insert rows for it. (The harness only type-checks: nothing connects.)
#![allow(dead_code)]

use std::sync::Arc;

use personhog_replica::storage::postgres::PostgresStorage;
use personhog_replica::storage::FullStorage;
use serde_json::Value;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use uuid::Uuid;

pub struct TestContext {
    pub pool: PgPool,
    pub storage: Arc<dyn FullStorage>,
    pub team_id: i64,
}

pub struct TestPerson {
    pub id: i64,
    pub uuid: Uuid,
}

pub struct TestGroup {
    pub id: i64,
    pub group_key: String,
}

impl TestContext {
    pub async fn new() -> Self {
        let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| {
            "postgres://posthog:posthog@localhost:5432/posthog_persons".to_string()
        });
        let pool = PgPoolOptions::new()
            .max_connections(5)
            .connect(&url)
            .await
            .expect("Failed to connect to the test database");
        let storage = PostgresStorage::new(
            pool.clone(),
            pool.clone(),
            pool.clone(),
            pool.clone(),
            50,
            5,
        );
        let team_id = i64::from(Uuid::new_v4().as_bytes()[0]) + 10_000;
        Self {
            pool,
            storage: Arc::new(storage),
            team_id,
        }
    }

    pub async fn insert_person(
        &self,
        distinct_id: &str,
        properties: Option<Value>,
    ) -> Result<TestPerson, sqlx::Error> {
        let uuid = Uuid::new_v4();
        let id = sqlx::query_scalar::<_, i64>(
            "INSERT INTO posthog_person (team_id, uuid, properties, created_at, is_identified, version)
             VALUES ($1, $2, $3, now(), false, 0) RETURNING id",
        )
        .bind(self.team_id as i32)
        .bind(uuid)
        .bind(properties.unwrap_or_default())
        .fetch_one(&self.pool)
        .await?;
        self.add_distinct_id_to_person(id, distinct_id).await?;
        Ok(TestPerson { id, uuid })
    }

    pub async fn add_distinct_id_to_person(
        &self,
        person_id: i64,
        distinct_id: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO posthog_persondistinctid (team_id, person_id, distinct_id, version)
             VALUES ($1, $2, $3, 0)",
        )
        .bind(self.team_id as i32)
        .bind(person_id)
        .bind(distinct_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn insert_group(
        &self,
        group_type_index: i32,
        group_key: &str,
        properties: Option<Value>,
    ) -> Result<TestGroup, sqlx::Error> {
        let id = sqlx::query_scalar::<_, i32>(
            "INSERT INTO posthog_group (team_id, group_type_index, group_key, group_properties,
                 created_at, properties_last_updated_at, properties_last_operation, version)
             VALUES ($1, $2, $3, $4, now(), '{}', '{}', 0) RETURNING id",
        )
        .bind(self.team_id as i32)
        .bind(group_type_index)
        .bind(group_key)
        .bind(properties.unwrap_or_default())
        .fetch_one(&self.pool)
        .await?;
        Ok(TestGroup {
            id: i64::from(id),
            group_key: group_key.to_string(),
        })
    }

    pub async fn insert_group_type_mapping(
        &self,
        group_type: &str,
        group_type_index: i32,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO posthog_grouptypemapping (team_id, project_id, group_type, group_type_index)
             VALUES ($1, $1, $2, $3)",
        )
        .bind(self.team_id as i32)
        .bind(group_type)
        .bind(group_type_index)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn insert_standard_group_type_mappings(&self) -> Result<(), sqlx::Error> {
        for (index, group_type) in ["organization", "company", "project"].iter().enumerate() {
            self.insert_group_type_mapping(group_type, index as i32)
                .await?;
        }
        Ok(())
    }

    pub async fn add_person_to_cohort(
        &self,
        person_id: i64,
        cohort_id: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO posthog_cohortpeople (cohort_id, person_id, version) VALUES ($1, $2, 0)",
        )
        .bind(cohort_id as i32)
        .bind(person_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn insert_hash_key_override(
        &self,
        person_id: i64,
        feature_flag_key: &str,
        hash_key: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO posthog_featureflaghashkeyoverride (team_id, person_id, feature_flag_key, hash_key)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(self.team_id as i32)
        .bind(person_id)
        .bind(feature_flag_key)
        .bind(hash_key)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Deletes what the team's fixtures inserted.
    pub async fn cleanup(&self) -> Result<(), sqlx::Error> {
        for table in [
            "posthog_featureflaghashkeyoverride",
            "posthog_persondistinctid",
            "posthog_person",
            "posthog_group",
            "posthog_grouptypemapping",
        ] {
            sqlx::query(&format!("DELETE FROM {table} WHERE team_id = $1"))
                .bind(self.team_id as i32)
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }
}
