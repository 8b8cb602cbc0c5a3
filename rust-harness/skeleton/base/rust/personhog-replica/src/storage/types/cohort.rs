/// One asked cohort and whether the person is in it (check_cohort_membership's rows).
#[derive(Debug, Clone)]
pub struct CohortMembership {
    pub cohort_id: i64,
    pub is_member: bool,
}
