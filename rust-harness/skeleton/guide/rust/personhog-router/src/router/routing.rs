//! Where a request goes, from the data it touches, the operation and the consistency it asks for.

use personhog_proto::personhog::types::v1::{ConsistencyLevel, ReadOptions};
use tonic::metadata::MetadataMap;
use tonic::Status;

pub const CONSISTENCY_HEADER: &str = "x-read-consistency";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataCategory {
    /// Person table data (person, persondistinctid).
    PersonData,
    /// Hash key overrides, cohorts, groups, group type mappings.
    NonPersonData,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperationType {
    Read,
    Write,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteDecision {
    Replica,
    Leader,
}

/// Person writes and strong person reads go to the leader; everything else to a replica.
#[allow(clippy::unnecessary_wraps, clippy::result_large_err)]
pub fn route_request(
    category: DataCategory,
    operation: OperationType,
    consistency: Option<ConsistencyLevel>,
) -> Result<RouteDecision, Status> {
    Ok(match (category, operation) {
        (DataCategory::NonPersonData, _) => RouteDecision::Replica,
        (DataCategory::PersonData, OperationType::Write) => RouteDecision::Leader,
        (DataCategory::PersonData, OperationType::Read) => match consistency {
            Some(ConsistencyLevel::Strong) => RouteDecision::Leader,
            _ => RouteDecision::Replica,
        },
    })
}

pub fn get_consistency(read_options: &Option<ReadOptions>) -> Option<ConsistencyLevel> {
    read_options.as_ref().map(|o| o.consistency())
}

pub fn get_consistency_from_header(metadata: &MetadataMap) -> Option<ConsistencyLevel> {
    match metadata.get(CONSISTENCY_HEADER)?.to_str().ok()? {
        "strong" => Some(ConsistencyLevel::Strong),
        "eventual" => Some(ConsistencyLevel::Eventual),
        _ => None,
    }
}

/// The header wins over the body's read_options.
pub fn resolve_consistency(
    metadata: &MetadataMap,
    read_options: &Option<ReadOptions>,
) -> Option<ConsistencyLevel> {
    let (consistency, source) = match get_consistency_from_header(metadata) {
        Some(c) => (Some(c), "header"),
        None => (get_consistency(read_options), "body"),
    };
    let labels = [("source".to_string(), source.to_string())];
    common_metrics::inc("personhog_router_consistency_source", &labels, 1);
    consistency
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_reads_go_to_the_replica_unless_strong() {
        let read = |c| route_request(DataCategory::PersonData, OperationType::Read, c).unwrap();
        assert_eq!(read(None), RouteDecision::Replica);
        assert_eq!(
            read(Some(ConsistencyLevel::Eventual)),
            RouteDecision::Replica
        );
        assert_eq!(read(Some(ConsistencyLevel::Strong)), RouteDecision::Leader);
    }

    #[test]
    fn person_writes_go_to_the_leader() {
        let decision = route_request(DataCategory::PersonData, OperationType::Write, None);
        assert_eq!(decision.unwrap(), RouteDecision::Leader);
    }

    #[test]
    fn non_person_data_goes_to_the_replica() {
        let strong = Some(ConsistencyLevel::Strong);
        let decision = route_request(DataCategory::NonPersonData, OperationType::Read, strong);
        assert_eq!(decision.unwrap(), RouteDecision::Replica);
    }
}
