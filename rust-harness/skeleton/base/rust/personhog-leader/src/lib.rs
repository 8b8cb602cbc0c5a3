//! Skeleton of personhog-leader: the PersonHogLeader service with the checks every handler starts
//! with (the partition from request metadata, the person's partition, this pod's authority).

pub mod service;
