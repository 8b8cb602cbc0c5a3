use async_trait::async_trait;
// PostHog's file imports it for its uuid lookups, which the skeleton leaves out.
#[allow(unused_imports)]
use uuid::Uuid;

use crate::storage::error::StorageResult;
// What the real file's many methods use; the skeleton keeps a few of them.
#[allow(unused_imports)]
use crate::storage::postgres::ConsistencyLevel;
use crate::storage::types::Person;

#[async_trait]
pub trait PersonLookup: Send + Sync {
    async fn get_person_by_id(&self, team_id: i64, person_id: i64)
        -> StorageResult<Option<Person>>;
}
