//! The calling client and RPC method of the request being served, for metric labels. PostHog keeps
//! them in task-locals set by a gRPC layer; the skeleton has no server, so they are constant.

pub fn current_client_name() -> String {
    "unknown".to_string()
}

pub fn current_method_name() -> String {
    "unknown".to_string()
}
