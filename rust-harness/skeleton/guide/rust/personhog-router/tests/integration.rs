mod common;

use common::{create_client, start_test_replica, start_test_router, TestReplicaService};
use personhog_proto::personhog::types::v1::{GetGroupRequest, Group};

/// Feature flags read groups through the router: a group the replica has comes back unchanged.
#[tokio::test]
async fn test_get_group_through_router() {
    let group = Group {
        group_key: "company_123".to_string(),
        ..Default::default()
    };
    let replica_addr =
        start_test_replica(TestReplicaService::new().with_group(group.clone())).await;
    let router_addr = start_test_router(replica_addr).await;
    let mut client = create_client(router_addr).await;

    let response = client
        .get_group(GetGroupRequest {
            team_id: 1,
            group_type_index: 0,
            group_key: "company_123".to_string(),
            read_options: None,
        })
        .await
        .expect("RPC failed")
        .into_inner();

    assert_eq!(response.group, Some(group));
}
