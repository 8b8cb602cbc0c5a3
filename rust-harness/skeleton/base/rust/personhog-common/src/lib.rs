//! What personhog's crates share: the caller's identity for metric labels, and storage errors.

pub mod grpc;
pub mod storage_error;
