//! MockBackend: every PersonHogBackend method answers the configured error, or an empty response.

use async_trait::async_trait;
use personhog_proto::personhog::types::v1::{
    CountCohortMembersRequest, CountCohortMembersResponse, DeleteCohortMemberRequest,
    DeleteCohortMemberResponse, DeleteHashKeyOverridesByTeamsRequest,
    DeleteHashKeyOverridesByTeamsResponse, GetDistinctIdsForPersonRequest,
    GetDistinctIdsForPersonResponse, GetGroupRequest, GetGroupResponse, GetPersonRequest,
    GetPersonResponse,
};
use tonic::Status;

use crate::backend::PersonHogBackend;

#[derive(Default)]
pub struct MockBackend {
    error: Option<Status>,
}

impl MockBackend {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_error(mut self, status: Status) -> Self {
        self.error = Some(status);
        self
    }

    fn check_error(&self) -> Result<(), Status> {
        match &self.error {
            Some(status) => Err(status.clone()),
            None => Ok(()),
        }
    }
}

#[async_trait]
impl PersonHogBackend for MockBackend {
    async fn get_person(&self, _request: GetPersonRequest) -> Result<GetPersonResponse, Status> {
        self.check_error()?;
        Ok(GetPersonResponse::default())
    }

    async fn get_distinct_ids_for_person(
        &self,
        _request: GetDistinctIdsForPersonRequest,
    ) -> Result<GetDistinctIdsForPersonResponse, Status> {
        self.check_error()?;
        Ok(GetDistinctIdsForPersonResponse::default())
    }

    async fn delete_hash_key_overrides_by_teams(
        &self,
        _request: DeleteHashKeyOverridesByTeamsRequest,
    ) -> Result<DeleteHashKeyOverridesByTeamsResponse, Status> {
        self.check_error()?;
        Ok(DeleteHashKeyOverridesByTeamsResponse::default())
    }

    async fn count_cohort_members(
        &self,
        _request: CountCohortMembersRequest,
    ) -> Result<CountCohortMembersResponse, Status> {
        self.check_error()?;
        Ok(CountCohortMembersResponse { count: 0 })
    }

    async fn delete_cohort_member(
        &self,
        _request: DeleteCohortMemberRequest,
    ) -> Result<DeleteCohortMemberResponse, Status> {
        self.check_error()?;
        Ok(DeleteCohortMemberResponse::default())
    }

    async fn get_group(&self, _request: GetGroupRequest) -> Result<GetGroupResponse, Status> {
        self.check_error()?;
        Ok(GetGroupResponse::default())
    }
}
