//! Skeleton of personhog-replica: the storage traits with a few methods per domain, their
//! Postgres implementation, the gRPC service and its mocks, in the shape of PostHog's crate.

pub mod service;
pub mod storage;
