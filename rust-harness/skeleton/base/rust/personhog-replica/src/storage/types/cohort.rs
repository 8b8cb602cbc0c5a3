//! Cohort reads return counts and ids; no row types yet.
