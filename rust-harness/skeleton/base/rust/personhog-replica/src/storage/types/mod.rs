mod cohort;
mod feature_flag;
mod group;
mod person;

pub use cohort::*;
// Empty in the skeleton until a design adds a type there.
#[allow(unused_imports)]
pub use feature_flag::*;
pub use group::*;
pub use person::*;
