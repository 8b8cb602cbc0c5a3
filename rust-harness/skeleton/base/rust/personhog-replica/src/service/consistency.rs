//! How the replica reads a request's consistency: person endpoints refuse STRONG (the leader
//! serves strong person reads); every other read maps it onto a pool.

use personhog_proto::personhog::types::v1::{ConsistencyLevel as ProtoConsistency, ReadOptions};
use tonic::Status;

use crate::storage::postgres::ConsistencyLevel;

pub fn reject_strong_consistency(read_options: &Option<ReadOptions>) -> Result<(), Status> {
    match read_options.as_ref().map(|o| o.consistency()) {
        Some(ProtoConsistency::Strong) => Err(Status::failed_precondition(
            "This endpoint cannot serve strong consistency: strong person reads go to the leader",
        )),
        _ => Ok(()),
    }
}

pub fn to_storage_consistency(read_options: &Option<ReadOptions>) -> ConsistencyLevel {
    match read_options.as_ref().map(|o| o.consistency()) {
        Some(ProtoConsistency::Strong) => ConsistencyLevel::Strong,
        _ => ConsistencyLevel::Eventual,
    }
}
