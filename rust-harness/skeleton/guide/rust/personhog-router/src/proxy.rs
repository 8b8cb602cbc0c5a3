//! Era B's second router mode (PROXY_MODE=raw): request bytes forwarded unchanged, methods
//! known by name. The skeleton keeps only the list and its lookup; the forwarding is in the
//! current target's skeleton.

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
