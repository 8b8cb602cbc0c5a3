mod mocks;

use std::sync::Arc;

use personhog_proto::personhog::replica::v1::person_hog_replica_server::PersonHogReplica;
use personhog_proto::personhog::types::v1::{CountCohortMembersRequest, GetPersonRequest};
use tonic::{Code, Request};

use super::PersonHogReplicaService;
use mocks::{FailingStorage, SuccessStorage};

#[tokio::test]
async fn storage_connection_errors_are_unavailable() {
    let service = PersonHogReplicaService::new(Arc::new(FailingStorage::with_connection_error()));
    let status = service
        .get_person(Request::new(GetPersonRequest {
            team_id: 1,
            person_id: 1,
            read_options: None,
        }))
        .await
        .expect_err("storage failed");
    assert_eq!(status.code(), Code::Unavailable);
}

#[tokio::test]
async fn exhausted_pools_are_unavailable() {
    let service = PersonHogReplicaService::new(Arc::new(FailingStorage::with_pool_exhausted()));
    let status = service
        .count_cohort_members(Request::new(CountCohortMembersRequest {
            cohort_ids: vec![1],
            read_options: None,
        }))
        .await
        .expect_err("storage failed");
    assert_eq!(status.code(), Code::Unavailable);
}

#[tokio::test]
async fn empty_cohort_ids_count_zero_without_storage() {
    let service = PersonHogReplicaService::new(Arc::new(FailingStorage::with_query_error()));
    let response = service
        .count_cohort_members(Request::new(CountCohortMembersRequest {
            cohort_ids: vec![],
            read_options: None,
        }))
        .await
        .expect("answered before storage")
        .into_inner();
    assert_eq!(response.count, 0);
}

#[tokio::test]
async fn missing_person_is_none() {
    let service = PersonHogReplicaService::new(Arc::new(SuccessStorage));
    let response = service
        .get_person(Request::new(GetPersonRequest {
            team_id: 1,
            person_id: 1,
            read_options: None,
        }))
        .await
        .expect("RPC failed")
        .into_inner();
    assert!(response.person.is_none());
}
