//! The replica's gRPC service: one handler per PersonHogReplica RPC, grouped by domain.

mod consistency;
mod error;
mod types;

#[cfg(test)]
mod tests;

use std::sync::Arc;

use personhog_proto::personhog::replica::v1::person_hog_replica_server::PersonHogReplica;
use personhog_proto::personhog::types::v1::{
    CountCohortMembersRequest, CountCohortMembersResponse, DeleteCohortMemberRequest,
    DeleteCohortMemberResponse, DeleteHashKeyOverridesByTeamsRequest,
    DeleteHashKeyOverridesByTeamsResponse, DistinctIdWithVersion, GetDistinctIdsForPersonRequest,
    GetDistinctIdsForPersonResponse, GetGroupRequest, GetGroupResponse, GetPersonRequest,
    GetPersonResponse,
};
// Built inline by the real check_cohort_membership, which the skeleton leaves out.
#[allow(unused_imports)]
use personhog_proto::personhog::types::v1::{CohortMembership, CohortMembershipResponse};
use tonic::{Request, Response, Status};
// PostHog's file imports it for its uuid lookups, which the skeleton leaves out.
#[allow(unused_imports)]
use uuid::Uuid;

pub use consistency::{reject_strong_consistency, to_storage_consistency};
pub use error::log_and_convert_error;

use crate::storage::{self, FullStorage};

pub const MAX_BATCH_LOOKUP_SIZE: usize = 250;
pub const MAX_BATCH_DELETE_SIZE: i64 = 50_000;

pub struct PersonHogReplicaService {
    storage: Arc<dyn FullStorage>,
}

impl PersonHogReplicaService {
    pub fn new(storage: Arc<dyn FullStorage>) -> Self {
        Self { storage }
    }
}

#[tonic::async_trait]
impl PersonHogReplica for PersonHogReplicaService {
    // ============================================================
    // Person lookups by ID
    // ============================================================

    async fn get_person(
        &self,
        request: Request<GetPersonRequest>,
    ) -> Result<Response<GetPersonResponse>, Status> {
        let req = request.into_inner();
        reject_strong_consistency(&req.read_options)?;

        let person = self
            .storage
            .get_person_by_id(req.team_id, req.person_id)
            .await
            .map_err(|e| log_and_convert_error(e, "get_person"))?;

        Ok(Response::new(GetPersonResponse {
            person: person.map(Into::into),
        }))
    }

    // ============================================================
    // Distinct ID operations
    // ============================================================

    async fn get_distinct_ids_for_person(
        &self,
        request: Request<GetDistinctIdsForPersonRequest>,
    ) -> Result<Response<GetDistinctIdsForPersonResponse>, Status> {
        let req = request.into_inner();
        let consistency = to_storage_consistency(&req.read_options);

        let rows = self
            .storage
            .get_distinct_ids_for_person(req.team_id, req.person_id, consistency)
            .await
            .map_err(|e| log_and_convert_error(e, "get_distinct_ids_for_person"))?;

        Ok(Response::new(GetDistinctIdsForPersonResponse {
            distinct_ids: rows
                .into_iter()
                .map(|d| DistinctIdWithVersion {
                    distinct_id: d.distinct_id,
                    version: d.version,
                })
                .collect(),
        }))
    }

    // ============================================================
    // Feature Flag support
    // ============================================================

    async fn delete_hash_key_overrides_by_teams(
        &self,
        request: Request<DeleteHashKeyOverridesByTeamsRequest>,
    ) -> Result<Response<DeleteHashKeyOverridesByTeamsResponse>, Status> {
        let req = request.into_inner();
        if req.team_ids.is_empty() {
            return Ok(Response::new(DeleteHashKeyOverridesByTeamsResponse {
                deleted_count: 0,
            }));
        }

        let deleted_count = self
            .storage
            .delete_hash_key_overrides_by_teams(&req.team_ids)
            .await
            .map_err(|e| log_and_convert_error(e, "delete_hash_key_overrides_by_teams"))?;

        Ok(Response::new(DeleteHashKeyOverridesByTeamsResponse {
            deleted_count,
        }))
    }

    // ============================================================
    // Cohort membership
    // ============================================================

    async fn count_cohort_members(
        &self,
        request: Request<CountCohortMembersRequest>,
    ) -> Result<Response<CountCohortMembersResponse>, Status> {
        let req = request.into_inner();
        if req.cohort_ids.is_empty() {
            return Ok(Response::new(CountCohortMembersResponse { count: 0 }));
        }
        let consistency = to_storage_consistency(&req.read_options);

        let count = self
            .storage
            .count_cohort_members(&req.cohort_ids, consistency)
            .await
            .map_err(|e| log_and_convert_error(e, "count_cohort_members"))?;

        Ok(Response::new(CountCohortMembersResponse { count }))
    }

    async fn delete_cohort_member(
        &self,
        request: Request<DeleteCohortMemberRequest>,
    ) -> Result<Response<DeleteCohortMemberResponse>, Status> {
        let req = request.into_inner();

        let deleted = self
            .storage
            .delete_cohort_member(req.cohort_id, req.person_id)
            .await
            .map_err(|e| log_and_convert_error(e, "delete_cohort_member"))?;

        Ok(Response::new(DeleteCohortMemberResponse { deleted }))
    }

    // ============================================================
    // Groups
    // ============================================================

    async fn get_group(
        &self,
        request: Request<GetGroupRequest>,
    ) -> Result<Response<GetGroupResponse>, Status> {
        let req = request.into_inner();
        let consistency = to_storage_consistency(&req.read_options);

        let group: Option<storage::Group> = self
            .storage
            .get_group(
                req.team_id,
                req.group_type_index,
                &req.group_key,
                consistency,
            )
            .await
            .map_err(|e| log_and_convert_error(e, "get_group"))?;

        Ok(Response::new(GetGroupResponse {
            group: group.map(Into::into),
        }))
    }
}
