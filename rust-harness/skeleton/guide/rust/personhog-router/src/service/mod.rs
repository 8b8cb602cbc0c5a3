//! The gRPC face of the typed router: PersonHogService, each RPC handed to the router method of
//! the same name through `route_request!`.

#[cfg(test)]
mod tests;

use std::sync::Arc;

use personhog_proto::personhog::service::v1::person_hog_service_server::PersonHogService;
use personhog_proto::personhog::types::v1::{
    CountCohortMembersRequest, CountCohortMembersResponse, DeleteCohortMemberRequest,
    DeleteCohortMemberResponse, DeleteHashKeyOverridesByTeamsRequest,
    DeleteHashKeyOverridesByTeamsResponse, GetDistinctIdsForPersonRequest,
    GetDistinctIdsForPersonResponse, GetGroupRequest, GetGroupResponse, GetPersonRequest,
    GetPersonResponse, UpdatePersonPropertiesRequest, UpdatePersonPropertiesResponse,
};
use tonic::{Request, Response, Status};

use crate::router::PersonHogRouter;

/// Calls the router method `$method` with the request's message and wraps its answer.
macro_rules! route_request {
    ($self:ident, $method:ident, $request:expr) => {
        match $self.router.$method($request.into_inner()).await {
            Ok(response) => Ok(Response::new(response)),
            Err(status) => Err(status),
        }
    };
}

pub struct PersonHogRouterService {
    router: Arc<PersonHogRouter>,
}

impl PersonHogRouterService {
    pub fn new(router: Arc<PersonHogRouter>) -> Self {
        Self { router }
    }
}

#[tonic::async_trait]
impl PersonHogService for PersonHogRouterService {
    async fn get_person(
        &self,
        request: Request<GetPersonRequest>,
    ) -> Result<Response<GetPersonResponse>, Status> {
        route_request!(self, get_person, request)
    }

    async fn get_distinct_ids_for_person(
        &self,
        request: Request<GetDistinctIdsForPersonRequest>,
    ) -> Result<Response<GetDistinctIdsForPersonResponse>, Status> {
        route_request!(self, get_distinct_ids_for_person, request)
    }

    async fn delete_hash_key_overrides_by_teams(
        &self,
        request: Request<DeleteHashKeyOverridesByTeamsRequest>,
    ) -> Result<Response<DeleteHashKeyOverridesByTeamsResponse>, Status> {
        route_request!(self, delete_hash_key_overrides_by_teams, request)
    }

    async fn count_cohort_members(
        &self,
        request: Request<CountCohortMembersRequest>,
    ) -> Result<Response<CountCohortMembersResponse>, Status> {
        route_request!(self, count_cohort_members, request)
    }

    async fn delete_cohort_member(
        &self,
        request: Request<DeleteCohortMemberRequest>,
    ) -> Result<Response<DeleteCohortMemberResponse>, Status> {
        route_request!(self, delete_cohort_member, request)
    }

    async fn get_group(
        &self,
        request: Request<GetGroupRequest>,
    ) -> Result<Response<GetGroupResponse>, Status> {
        route_request!(self, get_group, request)
    }

    async fn update_person_properties(
        &self,
        request: Request<UpdatePersonPropertiesRequest>,
    ) -> Result<Response<UpdatePersonPropertiesResponse>, Status> {
        route_request!(self, update_person_properties, request)
    }
}
