//! In-process test servers the router's integration tests start: a replica and a leader that
//! implement their whole service trait with canned answers, and the raw router in front of them.
//! (The harness only type-checks: nothing listens.)
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;

use personhog_proto::personhog::leader::v1::person_hog_leader_server::{
    PersonHogLeader, PersonHogLeaderServer,
};
use personhog_proto::personhog::replica::v1::person_hog_replica_server::{
    PersonHogReplica, PersonHogReplicaServer,
};
use personhog_proto::personhog::service::v1::person_hog_service_client::PersonHogServiceClient;
use personhog_proto::personhog::types::v1::{
    CountCohortMembersRequest, CountCohortMembersResponse, DeleteCohortMemberRequest,
    DeleteCohortMemberResponse, DeleteHashKeyOverridesByTeamsRequest,
    DeleteHashKeyOverridesByTeamsResponse, GetDistinctIdsForPersonRequest,
    GetDistinctIdsForPersonResponse, GetGroupRequest, GetGroupResponse, GetPersonRequest,
    GetPersonResponse, Group, Person, UpdatePersonPropertiesRequest,
    UpdatePersonPropertiesResponse,
};
use personhog_router::proxy::{LeaderBackend, RawProxyService, ReplicaBackend, PARTITION_HEADER};
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

/// Refuses a request the router sent without the partition header.
pub fn require_partition_metadata<T>(request: &Request<T>) -> Result<u32, Status> {
    request
        .metadata()
        .get(PARTITION_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| Status::invalid_argument("the router must send x-partition"))
}

#[derive(Default)]
pub struct TestLeaderService {
    person: Option<Person>,
}

impl TestLeaderService {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_person(mut self, person: Person) -> Self {
        self.person = Some(person);
        self
    }
}

#[tonic::async_trait]
impl PersonHogLeader for TestLeaderService {
    async fn get_person(
        &self,
        request: Request<GetPersonRequest>,
    ) -> Result<Response<GetPersonResponse>, Status> {
        require_partition_metadata(&request)?;
        Ok(Response::new(GetPersonResponse {
            person: self.person.clone(),
        }))
    }

    async fn update_person_properties(
        &self,
        request: Request<UpdatePersonPropertiesRequest>,
    ) -> Result<Response<UpdatePersonPropertiesResponse>, Status> {
        require_partition_metadata(&request)?;
        Ok(Response::new(UpdatePersonPropertiesResponse {
            person: self.person.clone(),
        }))
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

pub async fn start_test_leader(service: TestLeaderService) -> SocketAddr {
    let addr = local_addr().await;
    tokio::spawn(
        Server::builder()
            .add_service(PersonHogLeaderServer::new(service))
            .serve(addr),
    );
    addr
}

fn channel(addr: SocketAddr) -> Channel {
    Endpoint::from_shared(format!("http://{addr}"))
        .expect("valid address")
        .connect_lazy()
}

pub async fn start_test_router_raw(replica_addr: SocketAddr) -> SocketAddr {
    let router = RawProxyService::new(Arc::new(ReplicaBackend::new(channel(replica_addr))), None);
    let addr = local_addr().await;
    tokio::spawn(Server::builder().add_service(router).serve(addr));
    addr
}

pub async fn start_test_router_raw_with_leader(
    replica_addr: SocketAddr,
    leader_addr: SocketAddr,
    partitions: usize,
) -> SocketAddr {
    let leader = LeaderBackend::new(vec![channel(leader_addr); partitions]);
    let router = RawProxyService::new(
        Arc::new(ReplicaBackend::new(channel(replica_addr))),
        Some(Arc::new(leader)),
    );
    let addr = local_addr().await;
    tokio::spawn(Server::builder().add_service(router).serve(addr));
    addr
}

pub async fn create_client(addr: SocketAddr) -> PersonHogServiceClient<Channel> {
    PersonHogServiceClient::connect(format!("http://{addr}"))
        .await
        .expect("Failed to connect to the router")
}

pub fn create_test_person(team_id: i64, person_id: i64) -> Person {
    Person {
        id: person_id,
        team_id,
        uuid: format!("00000000-0000-0000-0000-{person_id:012}"),
        ..Default::default()
    }
}
