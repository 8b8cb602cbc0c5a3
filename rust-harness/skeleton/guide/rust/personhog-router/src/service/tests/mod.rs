mod mocks;

use std::sync::Arc;

use personhog_proto::personhog::service::v1::person_hog_service_server::PersonHogService;
use personhog_proto::personhog::types::v1::{
    ConsistencyLevel, CountCohortMembersRequest, GetPersonRequest, ReadOptions,
};
use tonic::{Request, Status};

use super::PersonHogRouterService;
use crate::router::PersonHogRouter;
use mocks::MockBackend;

fn create_service_with_mock(mock: MockBackend) -> PersonHogRouterService {
    let router = PersonHogRouter::new(Arc::new(mock));
    PersonHogRouterService::new(Arc::new(router))
}

#[tokio::test]
async fn test_backend_errors_pass_through() {
    let service =
        create_service_with_mock(MockBackend::new().with_error(Status::unavailable("down")));
    let result = service
        .count_cohort_members(Request::new(CountCohortMembersRequest {
            cohort_ids: vec![1],
            read_options: None,
        }))
        .await;

    assert_eq!(result.unwrap_err().code(), tonic::Code::Unavailable);
}

#[tokio::test]
async fn test_strong_get_person_needs_a_leader() {
    let service = create_service_with_mock(MockBackend::new());
    let result = service
        .get_person(Request::new(GetPersonRequest {
            team_id: 1,
            person_id: 1,
            read_options: Some(ReadOptions {
                consistency: ConsistencyLevel::Strong.into(),
            }),
        }))
        .await;

    assert_eq!(result.unwrap_err().code(), tonic::Code::Unimplemented);
}
