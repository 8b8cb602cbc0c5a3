use personhog_proto::personhog::types::v1::{
    Group as ProtoGroup, GroupTypeMapping as ProtoGroupTypeMapping,
};

use crate::storage;

/// A JSON value as the bytes a proto field carries; an absent value is empty.
fn to_json_bytes(value: Option<&serde_json::Value>) -> Vec<u8> {
    value
        .and_then(|v| serde_json::to_vec(v).ok())
        .unwrap_or_default()
}

impl From<storage::Group> for ProtoGroup {
    fn from(g: storage::Group) -> Self {
        ProtoGroup {
            id: g.id,
            team_id: g.team_id,
            group_type_index: g.group_type_index,
            group_key: g.group_key,
            group_properties: to_json_bytes(Some(&g.group_properties)),
            created_at: g.created_at.timestamp_millis(),
            properties_last_updated_at: to_json_bytes(g.properties_last_updated_at.as_ref()),
            properties_last_operation: to_json_bytes(g.properties_last_operation.as_ref()),
            version: g.version,
        }
    }
}

impl From<storage::GroupTypeMapping> for ProtoGroupTypeMapping {
    fn from(m: storage::GroupTypeMapping) -> Self {
        ProtoGroupTypeMapping {
            id: m.id,
            team_id: m.team_id,
            project_id: m.project_id,
            group_type: m.group_type,
            group_type_index: m.group_type_index,
            name_singular: m.name_singular,
            name_plural: m.name_plural,
            default_columns: m.default_columns.as_ref().map(|v| to_json_bytes(Some(v))),
            detail_dashboard_id: m.detail_dashboard_id,
            created_at: m.created_at.map(|t| t.timestamp_millis()),
        }
    }
}
