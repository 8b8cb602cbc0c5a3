mod common;

use common::TestContext;
use personhog_replica::storage::postgres::ConsistencyLevel;
use rstest::rstest;
// PostHog's file imports it for its uuid lookups, which the skeleton leaves out.
#[allow(unused_imports)]
use uuid::Uuid;

// ============================================================
// Person lookups
// ============================================================

#[tokio::test]
async fn test_get_person_by_id() {
    let ctx = TestContext::new().await;
    let person = ctx
        .insert_person("user-1", None)
        .await
        .expect("Failed to insert person");

    let found = ctx
        .storage
        .get_person_by_id(ctx.team_id, person.id)
        .await
        .expect("get_person_by_id failed")
        .expect("person should exist");

    assert_eq!(found.uuid, person.uuid);
    ctx.cleanup().await.ok();
}

// ============================================================
// Groups
// ============================================================

#[rstest]
#[case::eventual(ConsistencyLevel::Eventual)]
#[case::strong(ConsistencyLevel::Strong)]
#[tokio::test]
async fn test_get_group(#[case] consistency: ConsistencyLevel) {
    let ctx = TestContext::new().await;
    ctx.insert_group(0, "company_123", None)
        .await
        .expect("Failed to insert group");

    let group = ctx
        .storage
        .get_group(ctx.team_id, 0, "company_123", consistency)
        .await
        .expect("get_group failed");

    assert_eq!(group.map(|g| g.group_key), Some("company_123".to_string()));
    ctx.cleanup().await.ok();
}

// ============================================================
// Cohort membership
// ============================================================

#[tokio::test]
async fn test_count_cohort_members() {
    let ctx = TestContext::new().await;
    let person = ctx
        .insert_person("user-1", None)
        .await
        .expect("Failed to insert person");
    ctx.add_person_to_cohort(person.id, 7)
        .await
        .expect("Failed to add to cohort");

    let count = ctx
        .storage
        .count_cohort_members(&[7], ConsistencyLevel::Eventual)
        .await
        .expect("count_cohort_members failed");

    assert!(count >= 1);
    ctx.cleanup().await.ok();
}
