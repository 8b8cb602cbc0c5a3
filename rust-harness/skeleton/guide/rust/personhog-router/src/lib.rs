//! Skeleton of personhog-router in its typed era (the one the guide describes, with the 4-argument
//! `call_backend!`): every RPC is a router method that decides the backend, a service method that
//! calls it through `route_request!`, and a backend trait method the replica backend and the unit
//! tests' MockBackend implement. The raw proxy of the same era (PROXY_MODE=raw) knows each method
//! by name in KNOWN_METHODS.

pub mod backend;
pub mod proxy;
pub mod router;
pub mod service;
