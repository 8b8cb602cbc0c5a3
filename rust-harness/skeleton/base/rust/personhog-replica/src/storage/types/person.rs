use chrono::{DateTime, Utc};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub id: i64,
    pub uuid: Uuid,
    pub team_id: i64,
    /// The properties as JSON text; None when the caller asked for no properties.
    pub properties: Option<String>,
    pub properties_last_updated_at: Option<String>,
    pub properties_last_operation: Option<String>,
    pub created_at: DateTime<Utc>,
    pub version: Option<i64>,
    pub is_identified: bool,
    /// posthog_person keeps it as an integer; reads turn it into a flag.
    pub is_user_id: Option<bool>,
    pub last_seen_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistinctIdWithVersion {
    pub distinct_id: String,
    pub version: Option<i64>,
}
