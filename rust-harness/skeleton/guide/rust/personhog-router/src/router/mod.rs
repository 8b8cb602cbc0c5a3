//! The typed router: one method per RPC, each choosing the backend and calling it through
//! `call_backend!` (replica) or `call_leader!` (leader).

pub mod routing;

use std::sync::Arc;
use std::time::Instant;

use personhog_common::grpc::current_client_name;
use personhog_proto::personhog::types::v1::{
    CountCohortMembersRequest, CountCohortMembersResponse, DeleteCohortMemberRequest,
    DeleteCohortMemberResponse, DeleteHashKeyOverridesByTeamsRequest,
    DeleteHashKeyOverridesByTeamsResponse, GetDistinctIdsForPersonRequest,
    GetDistinctIdsForPersonResponse, GetGroupRequest, GetGroupResponse, GetPersonRequest,
    GetPersonResponse, ReadOptions, UpdatePersonPropertiesRequest, UpdatePersonPropertiesResponse,
};
use tonic::Status;

use crate::backend::{LeaderOps, PersonHogBackend};
pub use routing::{get_consistency, route_request, DataCategory, OperationType, RouteDecision};

/// Awaits a backend call, recording requests, duration and errors per method and backend.
macro_rules! record_call {
    ($backend_name:literal, $name:literal, $call:expr) => {{
        let labels = [
            ("method".to_string(), $name.to_string()),
            ("backend".to_string(), $backend_name.to_string()),
            ("client".to_string(), current_client_name()),
        ];
        common_metrics::inc("personhog_router_backend_requests_total", &labels, 1);
        let started = Instant::now();
        let result = $call.await;
        let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
        common_metrics::histogram("personhog_router_backend_duration_ms", &labels, elapsed_ms);
        if result.is_err() {
            common_metrics::inc("personhog_router_backend_errors_total", &labels, 1);
        }
        result
    }};
}

/// `call_backend!(self, "RpcName", snake_method, request)`: forwards to the replica backend.
macro_rules! call_backend {
    ($self:ident, $name:literal, $method:ident, $request:expr) => {
        record_call!("replica", $name, $self.replica_backend.$method($request))
    };
}

/// `call_leader!(self, "RpcName", snake_method, request)`: forwards to the leader, or answers
/// UNIMPLEMENTED when this router has none.
macro_rules! call_leader {
    ($self:ident, $name:literal, $method:ident, $request:expr) => {{
        let Some(leader) = $self.leader_ops.as_ref() else {
            return Err(Status::unimplemented(
                "leader backend not configured for this router",
            ));
        };
        record_call!("leader", $name, leader.$method($request))
    }};
}

pub struct PersonHogRouter {
    replica_backend: Arc<dyn PersonHogBackend>,
    leader_ops: Option<Arc<dyn LeaderOps>>,
}

impl PersonHogRouter {
    pub fn new(replica_backend: Arc<dyn PersonHogBackend>) -> Self {
        Self {
            replica_backend,
            leader_ops: None,
        }
    }

    pub fn with_leader(mut self, leader_ops: Arc<dyn LeaderOps>) -> Self {
        self.leader_ops = Some(leader_ops);
        self
    }

    /// Person reads other than get_person are served by replicas only.
    fn require_replica(
        &self,
        category: DataCategory,
        read_options: &Option<ReadOptions>,
    ) -> Result<(), Status> {
        match route_request(category, OperationType::Read, get_consistency(read_options))? {
            RouteDecision::Replica => Ok(()),
            RouteDecision::Leader => Err(Status::unimplemented(
                "strong consistency reads are only supported for get_person",
            )),
        }
    }

    // ============================================================
    // Person lookups - Person data, read operations
    // ============================================================

    pub async fn get_person(&self, request: GetPersonRequest) -> Result<GetPersonResponse, Status> {
        let consistency = get_consistency(&request.read_options);
        match route_request(DataCategory::PersonData, OperationType::Read, consistency)? {
            RouteDecision::Replica => call_backend!(self, "GetPerson", get_person, request),
            RouteDecision::Leader => call_leader!(self, "GetPerson", get_person, request),
        }
    }

    // ============================================================
    // Distinct ID operations - Person data, read operations
    // ============================================================

    pub async fn get_distinct_ids_for_person(
        &self,
        request: GetDistinctIdsForPersonRequest,
    ) -> Result<GetDistinctIdsForPersonResponse, Status> {
        self.require_replica(DataCategory::PersonData, &request.read_options)?;
        call_backend!(
            self,
            "GetDistinctIdsForPerson",
            get_distinct_ids_for_person,
            request
        )
    }

    // ============================================================
    // Feature flag hash key overrides - Non-person data
    // ============================================================

    pub async fn delete_hash_key_overrides_by_teams(
        &self,
        request: DeleteHashKeyOverridesByTeamsRequest,
    ) -> Result<DeleteHashKeyOverridesByTeamsResponse, Status> {
        call_backend!(
            self,
            "DeleteHashKeyOverridesByTeams",
            delete_hash_key_overrides_by_teams,
            request
        )
    }

    // ============================================================
    // Cohort membership - Non-person data
    // ============================================================

    pub async fn count_cohort_members(
        &self,
        request: CountCohortMembersRequest,
    ) -> Result<CountCohortMembersResponse, Status> {
        call_backend!(self, "CountCohortMembers", count_cohort_members, request)
    }

    pub async fn delete_cohort_member(
        &self,
        request: DeleteCohortMemberRequest,
    ) -> Result<DeleteCohortMemberResponse, Status> {
        call_backend!(self, "DeleteCohortMember", delete_cohort_member, request)
    }

    // ============================================================
    // Groups - Non-person data
    // ============================================================

    pub async fn get_group(&self, request: GetGroupRequest) -> Result<GetGroupResponse, Status> {
        call_backend!(self, "GetGroup", get_group, request)
    }

    // ============================================================
    // Person property updates - Person data, write operations
    // ============================================================

    pub async fn update_person_properties(
        &self,
        request: UpdatePersonPropertiesRequest,
    ) -> Result<UpdatePersonPropertiesResponse, Status> {
        call_leader!(
            self,
            "UpdatePersonProperties",
            update_person_properties,
            request
        )
    }
}
