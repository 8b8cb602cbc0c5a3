//! Storage errors as gRPC statuses, counted by kind and operation.

use personhog_common::grpc::current_client_name;
use tonic::Status;

use crate::storage::StorageError;

pub fn log_and_convert_error(err: StorageError, operation: &str) -> Status {
    let error_type = match &err {
        StorageError::Connection(_) => "connection",
        StorageError::Query(_) => "query",
        StorageError::PoolExhausted => "pool_exhausted",
        StorageError::NotFound(_) => "not_found",
        StorageError::FailedPrecondition(_) => "failed_precondition",
    };
    let labels = [
        ("error_type".to_string(), error_type.to_string()),
        ("operation".to_string(), operation.to_string()),
        ("client".to_string(), current_client_name()),
    ];
    common_metrics::inc("personhog_replica_storage_errors_total", &labels, 1);
    match err {
        StorageError::Connection(m) => Status::unavailable(format!("Database unavailable: {m}")),
        StorageError::PoolExhausted => Status::unavailable("Database pool exhausted"),
        StorageError::Query(m) => Status::internal(format!("Database error: {m}")),
        StorageError::NotFound(m) => Status::not_found(m),
        StorageError::FailedPrecondition(m) => Status::failed_precondition(m),
    }
}
