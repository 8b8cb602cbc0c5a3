//! The leader backend: each person's requests go to the leader of its partition, which is sent
//! in the x-partition header.

use async_trait::async_trait;
use personhog_proto::personhog::leader::v1::person_hog_leader_client::PersonHogLeaderClient;
use personhog_proto::personhog::types::v1::{
    GetPersonRequest, GetPersonResponse, UpdatePersonPropertiesRequest,
    UpdatePersonPropertiesResponse,
};
use tonic::transport::Channel;
use tonic::{Request, Status};

use super::LeaderOps;

pub struct LeaderBackend {
    clients: Vec<PersonHogLeaderClient<Channel>>,
}

impl LeaderBackend {
    pub fn new(channels: Vec<Channel>) -> Self {
        Self {
            clients: channels
                .into_iter()
                .map(PersonHogLeaderClient::new)
                .collect(),
        }
    }

    /// The person's partition, its leader's client, and the request carrying the partition.
    fn route<T>(
        &self,
        team_id: i64,
        person_id: i64,
        message: T,
    ) -> Result<(PersonHogLeaderClient<Channel>, Request<T>), Status> {
        let partitions = self.clients.len() as u64;
        if partitions == 0 {
            return Err(Status::unavailable("no leader partitions"));
        }
        let partition = (team_id ^ person_id).unsigned_abs() % partitions;
        let mut request = Request::new(message);
        if let Ok(value) = partition.to_string().parse() {
            request.metadata_mut().insert("x-partition", value);
        }
        Ok((self.clients[partition as usize].clone(), request))
    }
}

#[async_trait]
impl LeaderOps for LeaderBackend {
    async fn get_person(&self, request: GetPersonRequest) -> Result<GetPersonResponse, Status> {
        let (mut client, request) = self.route(request.team_id, request.person_id, request)?;
        client.get_person(request).await.map(|r| r.into_inner())
    }

    async fn update_person_properties(
        &self,
        request: UpdatePersonPropertiesRequest,
    ) -> Result<UpdatePersonPropertiesResponse, Status> {
        let (mut client, request) = self.route(request.team_id, request.person_id, request)?;
        client
            .update_person_properties(request)
            .await
            .map(|r| r.into_inner())
    }
}
