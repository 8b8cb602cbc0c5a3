use personhog_proto::personhog::types::v1::Person as ProtoPerson;

use crate::storage;

impl From<storage::Person> for ProtoPerson {
    fn from(p: storage::Person) -> Self {
        ProtoPerson {
            id: p.id,
            uuid: p.uuid.to_string(),
            team_id: p.team_id,
            properties: p.properties.map(String::into_bytes).unwrap_or_default(),
            created_at: p.created_at.timestamp_millis(),
            version: p.version.unwrap_or_default(),
            is_identified: p.is_identified,
        }
    }
}
