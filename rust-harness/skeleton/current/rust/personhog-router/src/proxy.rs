//! The raw proxy: PersonHogService requests are forwarded as bytes. Leader-routed methods are
//! matched by name in `RawProxyInner::handle`; every other known method goes to a replica under
//! the replica service's path.

use std::sync::Arc;
use std::time::Instant;

use personhog_common::grpc::current_client_name;
use tonic::body::Body;
use tonic::codegen::http;
use tonic::metadata::MetadataMap;
use tonic::transport::Channel;
use tonic::Status;

pub const SERVICE_PREFIX: &str = "/personhog.service.v1.PersonHogService/";
pub const REPLICA_PREFIX: &str = "/personhog.replica.v1.PersonHogReplica/";
pub const TEAM_ID_HEADER: &str = "x-team-id";
pub const PERSON_ID_HEADER: &str = "x-person-id";
pub const PARTITION_HEADER: &str = "x-partition";
pub const CONSISTENCY_HEADER: &str = "x-read-consistency";

/// Every PersonHogService method, sorted by byte order for `binary_search` (service.proto's 49).
pub const KNOWN_METHODS: &[&str] = &[
    "AckPersonTombstones",
    "CheckCohortMembership",
    "CountCohortMembers",
    "CountGroupTypeMappings",
    "CreateGroup",
    "DeleteCohortMember",
    "DeleteCohortMembersBulk",
    "DeleteGroupTypeMapping",
    "DeleteGroupTypeMappingsBatchForTeam",
    "DeleteGroupsBatchForTeam",
    "DeleteHashKeyOverridesByTeams",
    "DeletePersons",
    "DeletePersonsBatchForTeam",
    "DeleteTombstonedPersons",
    "FencePerson",
    "FencePersons",
    "FoldPersonDocument",
    "GetDistinctIdsForPerson",
    "GetDistinctIdsForPersons",
    "GetGroup",
    "GetGroupTypeMappingByDashboardId",
    "GetGroupTypeMappingsByProjectId",
    "GetGroupTypeMappingsByProjectIds",
    "GetGroupTypeMappingsByTeamId",
    "GetGroupTypeMappingsByTeamIds",
    "GetGroups",
    "GetGroupsBatch",
    "GetHashKeyOverrideContext",
    "GetPerson",
    "GetPersonByDistinctId",
    "GetPersonByUuid",
    "GetPersonTombstones",
    "GetPersons",
    "GetPersonsByDistinctIds",
    "GetPersonsByDistinctIdsInTeam",
    "GetPersonsByUuids",
    "InsertCohortMembers",
    "ListCohortMemberIds",
    "ListGroups",
    "ListPersonTombstoneQueue",
    "ReleaseFence",
    "ReleaseFences",
    "SetPersonDistinctIdVersionFloor",
    "SetPersonVersionFloor",
    "SplitPerson",
    "UpdateGroup",
    "UpdateGroupTypeMapping",
    "UpdatePersonProperties",
    "UpsertHashKeyOverrides",
];

pub fn is_known_method(name: &str) -> bool {
    KNOWN_METHODS.binary_search(&name).is_ok()
}

type HttpRequest = http::Request<Body>;
type HttpResponse = http::Response<Body>;

/// A gRPC error as an HTTP response (grpc-status in the headers).
fn status_response(status: Status) -> HttpResponse {
    let mut response = http::Response::new(Body::empty());
    if let Ok(code) = (status.code() as i32).to_string().parse() {
        response.headers_mut().insert("grpc-status", code);
    }
    if let Ok(message) = status.message().parse() {
        response.headers_mut().insert("grpc-message", message);
    }
    response
}

/// The person a leader-routed request is about, from the headers clients stamp on it.
pub fn person_key_from_headers(headers: &MetadataMap) -> Result<(i64, i64), Status> {
    let read = |name: &str| -> Result<i64, Status> {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| Status::invalid_argument(format!("missing or malformed {name} header")))
    };
    Ok((read(TEAM_ID_HEADER)?, read(PERSON_ID_HEADER)?))
}

pub struct ReplicaBackend {
    channel: Channel,
}

impl ReplicaBackend {
    pub fn new(channel: Channel) -> Self {
        Self { channel }
    }
}

pub struct LeaderBackend {
    channels: Vec<Channel>,
}

impl LeaderBackend {
    pub fn new(channels: Vec<Channel>) -> Self {
        Self { channels }
    }

    pub fn partition_for_person(&self, team_id: i64, person_id: i64) -> u32 {
        let partitions = self.channels.len().max(1) as u64;
        ((team_id ^ person_id).unsigned_abs() % partitions) as u32
    }
}

pub struct RawProxyInner {
    replica: Arc<ReplicaBackend>,
    leader: Option<Arc<LeaderBackend>>,
}

#[derive(Clone)]
pub struct RawProxyService {
    inner: Arc<RawProxyInner>,
}

impl tonic::server::NamedService for RawProxyService {
    const NAME: &'static str = "personhog.service.v1.PersonHogService";
}

impl RawProxyService {
    pub fn new(replica: Arc<ReplicaBackend>, leader: Option<Arc<LeaderBackend>>) -> Self {
        Self {
            inner: Arc::new(RawProxyInner { replica, leader }),
        }
    }

    pub async fn call(&self, req: HttpRequest) -> HttpResponse {
        self.inner.handle(req).await
    }
}

impl RawProxyInner {
    async fn handle(&self, req: HttpRequest) -> HttpResponse {
        let Some(method) = req
            .uri()
            .path()
            .strip_prefix(SERVICE_PREFIX)
            .map(str::to_string)
        else {
            return status_response(Status::unimplemented("not a PersonHogService path"));
        };
        if !is_known_method(&method) {
            return status_response(Status::unimplemented(format!("unknown method: {method}")));
        }
        let method_name = method.as_str();
        let strong = req
            .headers()
            .get(CONSISTENCY_HEADER)
            .and_then(|v| v.to_str().ok())
            == Some("strong");

        let (mut response, backend, channel_call_ms) = match method_name {
            "UpdatePersonProperties" => {
                let (resp, call_ms) = self
                    .raw_proxy_to_leader(req, "UpdatePersonProperties")
                    .await;
                (resp, "leader", call_ms)
            }
            // Fence RPCs are person writes: they go to the owning leader.
            "FencePerson" => {
                let (resp, call_ms) = self.raw_proxy_to_leader(req, "FencePerson").await;
                (resp, "leader", call_ms)
            }
            "ReleaseFence" => {
                let (resp, call_ms) = self.raw_proxy_to_leader(req, "ReleaseFence").await;
                (resp, "leader", call_ms)
            }
            // The merge saga's document write.
            "FoldPersonDocument" => {
                let (resp, call_ms) = self.raw_proxy_to_leader(req, "FoldPersonDocument").await;
                (resp, "leader", call_ms)
            }
            "GetPerson" if strong => {
                let (resp, call_ms) = self.raw_proxy_to_leader(req, "GetPerson").await;
                (resp, "leader", call_ms)
            }
            _ => {
                let (resp, call_ms) = self.raw_proxy_to_replica(req, method.clone()).await;
                (resp, "replica", call_ms)
            }
        };

        let labels = [
            ("method".to_string(), method.clone()),
            ("backend".to_string(), backend.to_string()),
            ("client".to_string(), current_client_name()),
        ];
        common_metrics::inc("personhog_router_backend_requests_total", &labels, 1);
        common_metrics::histogram("personhog_router_channel_call_ms", &labels, channel_call_ms);
        if let Ok(value) = backend.parse() {
            response.headers_mut().insert("x-personhog-backend", value);
        }
        response
    }

    /// Forwards to the leader owning the person in the x-team-id/x-person-id headers, with the
    /// partition in x-partition.
    async fn raw_proxy_to_leader(&self, mut req: HttpRequest, method: &str) -> (HttpResponse, f64) {
        let started = Instant::now();
        let Some(leader) = self.leader.as_ref() else {
            let status = Status::unimplemented("leader backend not configured for this router");
            return (status_response(status), 0.0);
        };
        let (team_id, person_id) = match person_key_from_headers(req.headers()) {
            Ok(key) => key,
            Err(status) => return (status_response(status), 0.0),
        };
        let partition = leader.partition_for_person(team_id, person_id);
        if let Ok(value) = partition.to_string().parse() {
            req.headers_mut().insert(PARTITION_HEADER, value);
        }
        let status = Status::unavailable(format!("{method}: the skeleton forwards nothing"));
        (
            status_response(status),
            started.elapsed().as_secs_f64() * 1000.0,
        )
    }

    /// Forwards to a replica under `REPLICA_PREFIX + method`, bytes unchanged.
    async fn raw_proxy_to_replica(&self, req: HttpRequest, method: String) -> (HttpResponse, f64) {
        let started = Instant::now();
        let path = format!("{REPLICA_PREFIX}{method}");
        let status = Status::unavailable(format!(
            "{path} ({} bytes) to {}: the skeleton forwards nothing",
            req.into_body().len(),
            self.replica.channel.uri()
        ));
        (
            status_response(status),
            started.elapsed().as_secs_f64() * 1000.0,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_method_lookup() {
        assert!(is_known_method("GetPerson"));
        assert!(!is_known_method("getPerson"));
    }

    #[test]
    fn known_methods_is_sorted() {
        assert!(KNOWN_METHODS.windows(2).all(|w| w[0] < w[1]));
    }
}
