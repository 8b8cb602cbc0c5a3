//! What the router calls: a replica backend (every replica RPC) and, when configured, the leader.

pub mod leader;
pub mod replica;

use async_trait::async_trait;
use personhog_proto::personhog::types::v1::{
    CountCohortMembersRequest, CountCohortMembersResponse, DeleteCohortMemberRequest,
    DeleteCohortMemberResponse, DeleteHashKeyOverridesByTeamsRequest,
    DeleteHashKeyOverridesByTeamsResponse, GetDistinctIdsForPersonRequest,
    GetDistinctIdsForPersonResponse, GetGroupRequest, GetGroupResponse, GetPersonRequest,
    GetPersonResponse, UpdatePersonPropertiesRequest, UpdatePersonPropertiesResponse,
};
use tonic::Status;

pub use leader::LeaderBackend;
pub use replica::ReplicaBackend;

#[async_trait]
pub trait PersonHogBackend: Send + Sync {
    async fn get_person(&self, request: GetPersonRequest) -> Result<GetPersonResponse, Status>;

    async fn get_distinct_ids_for_person(
        &self,
        request: GetDistinctIdsForPersonRequest,
    ) -> Result<GetDistinctIdsForPersonResponse, Status>;

    async fn delete_hash_key_overrides_by_teams(
        &self,
        request: DeleteHashKeyOverridesByTeamsRequest,
    ) -> Result<DeleteHashKeyOverridesByTeamsResponse, Status>;

    async fn count_cohort_members(
        &self,
        request: CountCohortMembersRequest,
    ) -> Result<CountCohortMembersResponse, Status>;

    async fn delete_cohort_member(
        &self,
        request: DeleteCohortMemberRequest,
    ) -> Result<DeleteCohortMemberResponse, Status>;

    async fn get_group(&self, request: GetGroupRequest) -> Result<GetGroupResponse, Status>;
}

/// The leader's RPCs, for person writes and strong person reads.
#[async_trait]
pub trait LeaderOps: Send + Sync {
    async fn get_person(&self, request: GetPersonRequest) -> Result<GetPersonResponse, Status>;

    async fn update_person_properties(
        &self,
        request: UpdatePersonPropertiesRequest,
    ) -> Result<UpdatePersonPropertiesResponse, Status>;
}
