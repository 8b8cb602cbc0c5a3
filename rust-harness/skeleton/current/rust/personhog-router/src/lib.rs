//! Skeleton of today's personhog-router: a byte proxy that forwards PersonHogService requests
//! unchanged, to the owning leader for person writes and to a replica for everything else.

pub mod proxy;
