/**
 * Where each change goes in PostHog's repository. Every generator takes its file paths from here,
 * so a path that moves is changed once. Facts from PostHog's code (two eras where they differ).
 */

export const PROTO_PATHS = {
  types: (domain: string) => `proto/personhog/types/v1/${domain}.proto`,
  service: "proto/personhog/service/v1/service.proto",
  replica: "proto/personhog/replica/v1/replica.proto",
  leader: "proto/personhog/leader/v1/leader.proto",
} as const;

export const PYTHON_PATHS = {
  generated: "posthog/personhog_client/proto/generated",
  reexports: "posthog/personhog_client/proto/__init__.py",
  client: "posthog/personhog_client/client.py",
  fake: "posthog/personhog_client/fake_client.py",
} as const;

export const NODE_PATHS = {
  /** The seed guide's layout: wrappers in the ingestion client. */
  ingestion: {
    wrapper: "nodejs/src/ingestion/personhog/client.ts",
    test: "nodejs/src/ingestion/personhog/client.test.ts",
  },
  /** Today's layout: wrappers in operations classes, one file per area. */
  common: {
    wrapper: (file: string) => `nodejs/src/common/personhog/${file}.ts`,
    test: "nodejs/src/common/personhog/client.test.ts",
  },
} as const;

export const RUST_CRATES = {
  replica: "rust/personhog-replica",
  router: "rust/personhog-router",
  leader: "rust/personhog-leader",
} as const;
