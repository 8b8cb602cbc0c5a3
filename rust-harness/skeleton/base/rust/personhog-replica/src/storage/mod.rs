pub mod error;
pub mod postgres;
pub mod traits;
pub mod types;

pub use error::{StorageError, StorageResult};
pub use traits::*;
pub use types::{CohortMembership, DistinctIdWithVersion, Group, GroupTypeMapping, Person};

/// Everything the service reads and writes, as one object: `Arc<dyn FullStorage>`.
pub trait FullStorage:
    PersonLookup + DistinctIdLookup + GroupStorage + CohortStorage + FeatureFlagStorage
{
}

impl<T> FullStorage for T where
    T: PersonLookup + DistinctIdLookup + GroupStorage + CohortStorage + FeatureFlagStorage
{
}
