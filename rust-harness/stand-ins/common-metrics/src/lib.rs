//! Stand-in for PostHog's `common_metrics` crate: the helpers personhog records with, with their
//! signatures. Labels are `(String, String)` pairs; metric names are `&'static str` consts. Nothing
//! is recorded: the harness only type-checks.

use std::marker::PhantomData;

/// Records the time from creation to drop (or to `fin`).
pub struct TimingGuard<'a> {
    labels: PhantomData<&'a [(String, String)]>,
}

impl TimingGuard<'_> {
    pub fn label(self, _key: &str, _value: &str) -> Self {
        self
    }

    pub fn fin(self) {}
}

pub fn timing_guard<'a>(_name: &'static str, _labels: &'a [(String, String)]) -> TimingGuard<'a> {
    TimingGuard {
        labels: PhantomData,
    }
}

pub fn histogram(_name: &'static str, _labels: &[(String, String)], _value: f64) {}

pub fn inc(_name: &'static str, _labels: &[(String, String)], _value: u64) {}

pub fn gauge(_name: &'static str, _labels: &[(String, String)], _value: f64) {}
