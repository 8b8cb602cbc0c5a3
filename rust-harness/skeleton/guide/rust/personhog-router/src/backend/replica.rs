//! The replica backend: round-robin over replica clients, each call retried on transient errors.

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use personhog_common::grpc::current_client_name;
use personhog_proto::personhog::replica::v1::person_hog_replica_client::PersonHogReplicaClient;
use personhog_proto::personhog::types::v1::{
    CountCohortMembersRequest, CountCohortMembersResponse, DeleteCohortMemberRequest,
    DeleteCohortMemberResponse, DeleteHashKeyOverridesByTeamsRequest,
    DeleteHashKeyOverridesByTeamsResponse, GetDistinctIdsForPersonRequest,
    GetDistinctIdsForPersonResponse, GetGroupRequest, GetGroupResponse, GetPersonRequest,
    GetPersonResponse,
};
use tonic::transport::Channel;
use tonic::{Code, Status};

use super::PersonHogBackend;

#[derive(Debug, Clone)]
pub struct RetryConfig {
    pub max_retries: u32,
    pub initial_backoff: Duration,
}

/// Runs `call` until it succeeds, fails with a non-transient code, or runs out of retries.
pub async fn with_retry<T, F, Fut>(
    config: &RetryConfig,
    method: &str,
    mut call: F,
) -> Result<T, Status>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, Status>>,
{
    let mut backoff = config.initial_backoff;
    let mut attempt = 0;
    loop {
        match call().await {
            Err(status)
                if attempt < config.max_retries
                    && matches!(status.code(), Code::Unavailable | Code::DeadlineExceeded) =>
            {
                let labels = [("method".to_string(), method.to_string())];
                common_metrics::inc("personhog_router_retries_total", &labels, 1);
                tokio::time::sleep(backoff).await;
                backoff *= 2;
                attempt += 1;
            }
            result => return result,
        }
    }
}

/// `retry_call!(self, snake_method, request)`: clones the request for each attempt and forwards
/// the caller's x-client-name.
macro_rules! retry_call {
    ($self:ident, $method:ident, $request:expr) => {{
        let request = $request;
        with_retry(&$self.retry_config, stringify!($method), || {
            let mut client = $self.next_client();
            let mut req = tonic::Request::new(request.clone());
            if let Ok(name) = current_client_name().parse() {
                req.metadata_mut().insert("x-client-name", name);
            }
            async move { client.$method(req).await.map(|r| r.into_inner()) }
        })
        .await
    }};
}

pub struct ReplicaBackend {
    clients: Vec<PersonHogReplicaClient<Channel>>,
    next: AtomicUsize,
    retry_config: RetryConfig,
}

impl ReplicaBackend {
    pub fn new(channels: Vec<Channel>, retry_config: RetryConfig) -> Self {
        Self {
            clients: channels
                .into_iter()
                .map(PersonHogReplicaClient::new)
                .collect(),
            next: AtomicUsize::new(0),
            retry_config,
        }
    }

    fn next_client(&self) -> PersonHogReplicaClient<Channel> {
        let i = self.next.fetch_add(1, Ordering::Relaxed) % self.clients.len();
        self.clients[i].clone()
    }
}

#[async_trait]
impl PersonHogBackend for ReplicaBackend {
    async fn get_person(&self, request: GetPersonRequest) -> Result<GetPersonResponse, Status> {
        retry_call!(self, get_person, request)
    }

    async fn get_distinct_ids_for_person(
        &self,
        request: GetDistinctIdsForPersonRequest,
    ) -> Result<GetDistinctIdsForPersonResponse, Status> {
        retry_call!(self, get_distinct_ids_for_person, request)
    }

    async fn delete_hash_key_overrides_by_teams(
        &self,
        request: DeleteHashKeyOverridesByTeamsRequest,
    ) -> Result<DeleteHashKeyOverridesByTeamsResponse, Status> {
        retry_call!(self, delete_hash_key_overrides_by_teams, request)
    }

    async fn count_cohort_members(
        &self,
        request: CountCohortMembersRequest,
    ) -> Result<CountCohortMembersResponse, Status> {
        retry_call!(self, count_cohort_members, request)
    }

    async fn delete_cohort_member(
        &self,
        request: DeleteCohortMemberRequest,
    ) -> Result<DeleteCohortMemberResponse, Status> {
        retry_call!(self, delete_cohort_member, request)
    }

    async fn get_group(&self, request: GetGroupRequest) -> Result<GetGroupResponse, Status> {
        retry_call!(self, get_group, request)
    }
}
