mod common;

use std::ops::Deref;

use common::TestContext;
use personhog_proto::personhog::replica::v1::person_hog_replica_server::PersonHogReplica;
use personhog_proto::personhog::types::v1::{
    ConsistencyLevel, GetGroupRequest, GetPersonRequest, ReadOptions,
};
use personhog_replica::service::PersonHogReplicaService;
use rstest::rstest;
use tonic::Request;

pub struct ServiceTestContext {
    ctx: TestContext,
    pub service: PersonHogReplicaService,
}

impl ServiceTestContext {
    pub async fn new() -> Self {
        let ctx = TestContext::new().await;
        let service = PersonHogReplicaService::new(ctx.storage.clone());
        Self { ctx, service }
    }

    pub async fn cleanup(&self) -> Result<(), sqlx::Error> {
        self.ctx.cleanup().await
    }
}

impl Deref for ServiceTestContext {
    type Target = TestContext;
    fn deref(&self) -> &TestContext {
        &self.ctx
    }
}

// ============================================================
// Person lookup tests
// ============================================================

#[rstest]
#[case::eventual(ConsistencyLevel::Eventual, true)]
#[case::strong(ConsistencyLevel::Strong, false)]
#[tokio::test]
async fn test_get_person_consistency(#[case] consistency: ConsistencyLevel, #[case] served: bool) {
    let ctx = ServiceTestContext::new().await;
    let result = ctx
        .service
        .get_person(Request::new(GetPersonRequest {
            team_id: ctx.team_id,
            person_id: 1,
            read_options: Some(ReadOptions {
                consistency: consistency.into(),
                ..Default::default()
            }),
        }))
        .await;

    assert_eq!(result.is_ok(), served);
    ctx.cleanup().await.ok();
}

// ============================================================
// Group tests
// ============================================================

#[tokio::test]
async fn test_get_group_rpc() {
    let ctx = ServiceTestContext::new().await;
    ctx.insert_group(0, "company_123", None)
        .await
        .expect("Failed to insert group");

    let group = ctx
        .service
        .get_group(Request::new(GetGroupRequest {
            team_id: ctx.team_id,
            group_type_index: 0,
            group_key: "company_123".to_string(),
            read_options: None,
        }))
        .await
        .expect("RPC failed")
        .into_inner()
        .group
        .expect("Group should be present");

    assert_eq!(group.group_key, "company_123");
    ctx.cleanup().await.ok();
}
