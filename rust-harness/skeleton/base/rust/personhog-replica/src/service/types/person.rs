use personhog_proto::personhog::types::v1::Person as ProtoPerson;

use crate::storage;

impl From<storage::Person> for ProtoPerson {
    fn from(p: storage::Person) -> Self {
        ProtoPerson {
            id: p.id,
            uuid: p.uuid.to_string(),
            team_id: p.team_id,
            properties: p.properties.map(String::into_bytes).unwrap_or_default(),
            properties_last_updated_at: p
                .properties_last_updated_at
                .map(String::into_bytes)
                .unwrap_or_default(),
            properties_last_operation: p
                .properties_last_operation
                .map(String::into_bytes)
                .unwrap_or_default(),
            created_at: p.created_at.timestamp_millis(),
            version: p.version.unwrap_or_default(),
            is_identified: p.is_identified,
            is_user_id: p.is_user_id,
            last_seen_at: p.last_seen_at.map(|t| t.timestamp_millis()),
            is_deleted: false,
        }
    }
}
