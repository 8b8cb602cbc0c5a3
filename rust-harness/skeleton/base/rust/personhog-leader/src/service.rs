use personhog_proto::personhog::leader::v1::person_hog_leader_server::PersonHogLeader;
use personhog_proto::personhog::types::v1::{
    GetPersonRequest, GetPersonResponse, UpdatePersonPropertiesRequest,
    UpdatePersonPropertiesResponse,
};
use tonic::{Request, Response, Status};

pub const PARTITION_HEADER: &str = "x-partition";

/// The partition the router chose, from the `x-partition` request header.
pub fn partition_from_metadata<T>(request: &Request<T>) -> Result<u32, Status> {
    request
        .metadata()
        .get(PARTITION_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| Status::invalid_argument("missing or malformed x-partition header"))
}

pub struct PersonHogLeaderService {
    partitions: u32,
    owned: Vec<u32>,
}

impl PersonHogLeaderService {
    pub fn new(partitions: u32, owned: Vec<u32>) -> Self {
        Self { partitions, owned }
    }

    /// The person must hash to the partition the router sent the request to.
    pub fn validate_partition(
        &self,
        partition: u32,
        team_id: i64,
        person_id: i64,
    ) -> Result<(), Status> {
        let expected = (team_id ^ person_id).unsigned_abs() % u64::from(self.partitions);
        if u64::from(partition) == expected {
            Ok(())
        } else {
            Err(Status::invalid_argument(format!(
                "person {team_id}/{person_id} is not in partition {partition}"
            )))
        }
    }

    /// This pod must currently own the partition (it may be handing it off).
    pub fn check_authority(&self, partition: u32) -> Result<(), Status> {
        if self.owned.contains(&partition) {
            Ok(())
        } else {
            Err(Status::unavailable(format!(
                "partition {partition} is not owned here"
            )))
        }
    }
}

#[tonic::async_trait]
impl PersonHogLeader for PersonHogLeaderService {
    async fn get_person(
        &self,
        request: Request<GetPersonRequest>,
    ) -> Result<Response<GetPersonResponse>, Status> {
        let partition = partition_from_metadata(&request)?;
        let req = request.into_inner();
        self.validate_partition(partition, req.team_id, req.person_id)?;
        self.check_authority(partition)?;

        Ok(Response::new(GetPersonResponse { person: None }))
    }

    async fn update_person_properties(
        &self,
        request: Request<UpdatePersonPropertiesRequest>,
    ) -> Result<Response<UpdatePersonPropertiesResponse>, Status> {
        let partition = partition_from_metadata(&request)?;
        let req = request.into_inner();
        self.validate_partition(partition, req.team_id, req.person_id)?;
        self.check_authority(partition)?;

        Ok(Response::new(UpdatePersonPropertiesResponse {
            person: None,
        }))
    }
}
