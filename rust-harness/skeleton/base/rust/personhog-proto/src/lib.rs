//! The proto crate of the skeleton. In PostHog, build.rs runs tonic_build over proto/ and these
//! modules include its output; here the compile harness writes that output to src/generated/
//! (lib/rust-harness/proto-to-rust.ts) from the skeleton's proto files with the snippets placed.

pub mod personhog {
    pub mod types {
        pub mod v1 {
            include!("generated/personhog.types.v1.rs");
        }
    }
    pub mod service {
        pub mod v1 {
            include!("generated/personhog.service.v1.rs");
        }
    }
    pub mod replica {
        pub mod v1 {
            include!("generated/personhog.replica.v1.rs");
        }
    }
    pub mod leader {
        pub mod v1 {
            include!("generated/personhog.leader.v1.rs");
        }
    }
}
