mod common;

use common::{
    create_client, create_test_person, start_test_leader, start_test_replica,
    start_test_router_raw, start_test_router_raw_with_leader, TestLeaderService,
    TestReplicaService,
};
use personhog_proto::personhog::types::v1::{
    CountCohortMembersRequest, CountCohortMembersResponse, GetPersonRequest,
};

#[tokio::test]
async fn raw_proxy_count_cohort_members_routes_to_replica() {
    let replica_addr = start_test_replica(TestReplicaService::new()).await;
    let router_addr = start_test_router_raw(replica_addr).await;
    let mut client = create_client(router_addr).await;

    let response = client
        .count_cohort_members(CountCohortMembersRequest {
            cohort_ids: vec![1],
            read_options: None,
        })
        .await
        .expect("RPC failed")
        .into_inner();

    assert_eq!(response, CountCohortMembersResponse { count: 0 });
}

#[tokio::test]
async fn raw_proxy_get_person_routes_to_replica() {
    let person = create_test_person(1, 42);
    let replica_addr =
        start_test_replica(TestReplicaService::new().with_person(person.clone())).await;
    let leader_addr = start_test_leader(TestLeaderService::new()).await;
    let router_addr = start_test_router_raw_with_leader(replica_addr, leader_addr, 1).await;
    let mut client = create_client(router_addr).await;

    let response = client
        .get_person(GetPersonRequest {
            team_id: 1,
            person_id: 42,
            read_options: None,
        })
        .await
        .expect("RPC failed")
        .into_inner();

    assert_eq!(response.person, Some(person));
}
