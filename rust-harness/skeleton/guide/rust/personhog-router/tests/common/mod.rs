//! In-process test servers the router's integration tests start: a replica implementing its
//! whole service trait with canned answers, and the typed router in front of it. (The harness
//! only type-checks: nothing listens.)
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use personhog_proto::personhog::replica::v1::person_hog_replica_server::{
    PersonHogReplica, PersonHogReplicaServer,
};
use personhog_proto::personhog::service::v1::person_hog_service_client::PersonHogServiceClient;
use personhog_proto::personhog::service::v1::person_hog_service_server::PersonHogServiceServer;
use personhog_proto::personhog::types::v1::{
    CountCohortMembersRequest, CountCohortMembersResponse, DeleteCohortMemberRequest,
    DeleteCohortMemberResponse, DeleteHashKeyOverridesByTeamsRequest,
    DeleteHashKeyOverridesByTeamsResponse, GetDistinctIdsForPersonRequest,
    GetDistinctIdsForPersonResponse, GetGroupRequest, GetGroupResponse, GetPersonRequest,
    GetPersonResponse, Group, Person,
};
use personhog_router::backend::replica::{ReplicaBackend, RetryConfig};
use personhog_router::router::PersonHogRouter;
use personhog_router::service::PersonHogRouterService;
use tokio::net::TcpListener;
use tonic::transport::{Channel, Endpoint, Server};
use tonic::{Request, Response, Status};

#[derive(Default)]
pub struct TestReplicaService {
    person: Option<Person>,
    groups: Vec<Group>,
}

impl TestReplicaService {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_person(mut self, person: Person) -> Self {
        self.person = Some(person);
        self
    }

    pub fn with_group(mut self, group: Group) -> Self {
        self.groups.push(group);
        self
    }
}

#[tonic::async_trait]
impl PersonHogReplica for TestReplicaService {
    async fn get_person(
        &self,
        _request: Request<GetPersonRequest>,
    ) -> Result<Response<GetPersonResponse>, Status> {
        Ok(Response::new(GetPersonResponse {
            person: self.person.clone(),
        }))
    }

    async fn get_distinct_ids_for_person(
        &self,
        _request: Request<GetDistinctIdsForPersonRequest>,
    ) -> Result<Response<GetDistinctIdsForPersonResponse>, Status> {
        Ok(Response::new(GetDistinctIdsForPersonResponse::default()))
    }

    async fn delete_hash_key_overrides_by_teams(
        &self,
        _request: Request<DeleteHashKeyOverridesByTeamsRequest>,
    ) -> Result<Response<DeleteHashKeyOverridesByTeamsResponse>, Status> {
        Ok(Response::new(DeleteHashKeyOverridesByTeamsResponse {
            deleted_count: 0,
        }))
    }

    async fn count_cohort_members(
        &self,
        _request: Request<CountCohortMembersRequest>,
    ) -> Result<Response<CountCohortMembersResponse>, Status> {
        Ok(Response::new(CountCohortMembersResponse { count: 0 }))
    }

    async fn delete_cohort_member(
        &self,
        _request: Request<DeleteCohortMemberRequest>,
    ) -> Result<Response<DeleteCohortMemberResponse>, Status> {
        Ok(Response::new(DeleteCohortMemberResponse { deleted: false }))
    }

    async fn get_group(
        &self,
        request: Request<GetGroupRequest>,
    ) -> Result<Response<GetGroupResponse>, Status> {
        let req = request.into_inner();
        let group = self
            .groups
            .iter()
            .find(|g| g.group_key == req.group_key)
            .cloned();
        Ok(Response::new(GetGroupResponse { group }))
    }
}

async fn local_addr() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("Failed to bind");
    listener.local_addr().expect("Failed to read the address")
}

pub async fn start_test_replica(service: TestReplicaService) -> SocketAddr {
    let addr = local_addr().await;
    tokio::spawn(
        Server::builder()
            .add_service(PersonHogReplicaServer::new(service))
            .serve(addr),
    );
    addr
}

pub async fn start_test_router(replica_addr: SocketAddr) -> SocketAddr {
    let channel = Endpoint::from_shared(format!("http://{replica_addr}"))
        .expect("valid address")
        .connect_lazy();
    let retry = RetryConfig {
        max_retries: 2,
        initial_backoff: Duration::from_millis(10),
    };
    let router = PersonHogRouter::new(Arc::new(ReplicaBackend::new(vec![channel], retry)));
    let service = PersonHogRouterService::new(Arc::new(router));
    let addr = local_addr().await;
    tokio::spawn(
        Server::builder()
            .add_service(PersonHogServiceServer::new(service))
            .serve(addr),
    );
    addr
}

pub async fn create_client(addr: SocketAddr) -> PersonHogServiceClient<Channel> {
    PersonHogServiceClient::connect(format!("http://{addr}"))
        .await
        .expect("Failed to connect to the router")
}
