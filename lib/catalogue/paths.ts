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

export type ServiceProto = "service" | "replica" | "leader";

/**
 * Which service protos declare an RPC, by who serves it. True of every version read, in both
 * layouts: replica.proto never declares a leader-only RPC (the written guide's checklist reads as
 * if it did). GetPerson is in all three: the replica serves it, and the leader on a strong read.
 */
export const SERVICE_PROTOS: Readonly<
  Record<"replica" | "leader" | "replica-and-leader", readonly ServiceProto[]>
> = {
  replica: ["service", "replica"],
  leader: ["service", "leader"],
  "replica-and-leader": ["service", "replica", "leader"],
};

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
    /** Later checkouts of the same folder: operations classes beside client.ts. */
    operations: (file: string) => `nodejs/src/ingestion/personhog/${file}.ts`,
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

/** The router's file per layout: the typed router (the guide's) and the byte proxy (today's). */
export const ROUTER_FILES = {
  typed: `${RUST_CRATES.router}/src/router/mod.rs`,
  proxy: `${RUST_CRATES.router}/src/proxy.rs`,
} as const;

const REPLICA = RUST_CRATES.replica;
const ROUTER = RUST_CRATES.router;

/** The files inside the crates that a change touches, beside the router's per-layout file. */
export const RUST_PATHS = {
  replica: {
    /** A domain's storage module (`rustModule`): its queries, its trait, its row types. */
    storage: (module: string) => `${REPLICA}/src/storage/postgres/${module}.rs`,
    storageTrait: (module: string) => `${REPLICA}/src/storage/traits/${module}.rs`,
    storageTypes: (module: string) => `${REPLICA}/src/storage/types/${module}.rs`,
    storageMod: `${REPLICA}/src/storage/mod.rs`,
    service: `${REPLICA}/src/service/mod.rs`,
    serviceMocks: `${REPLICA}/src/service/tests/mocks.rs`,
    storageTests: `${REPLICA}/tests/storage_tests.rs`,
    serviceTests: `${REPLICA}/tests/service_tests.rs`,
  },
  leader: {
    service: `${RUST_CRATES.leader}/src/service.rs`,
  },
  router: {
    backends: `${ROUTER}/src/backend/mod.rs`,
    leaderBackend: `${ROUTER}/src/backend/leader.rs`,
    replicaBackend: `${ROUTER}/src/backend/replica.rs`,
    service: `${ROUTER}/src/service/mod.rs`,
    /** The typed router's unit tests and their MockBackend (the guide's era). */
    serviceTests: `${ROUTER}/src/service/tests/mod.rs`,
    serviceMocks: `${ROUTER}/src/service/tests/mocks.rs`,
    /** The byte proxy's integration tests and their test services (today's). */
    proxyTestsCommon: `${ROUTER}/tests/common/mod.rs`,
    proxyTests: `${ROUTER}/tests/raw_proxy_integration.rs`,
  },
} as const;

export interface NodeClientLayout {
  readonly id: "ingestion-client" | "ingestion-operations" | "common-operations";
  /** Which layout this is, in the guide's words. */
  readonly name: string;
  /** Where RPC wrappers live: methods of PersonHogClient in client.ts, or operations classes. */
  readonly wrappers:
    | { readonly in: "client"; readonly file: string }
    | {
        readonly in: "operations";
        readonly persons: string;
        readonly groups: string;
      };
  readonly serviceDefaults: string;
  /** SERVICE_DEFAULTS typed `ServiceImpl<typeof PersonHogService>` (a missing RPC fails to compile); null where not seen. */
  readonly typedDefaults: boolean | null;
}

/**
 * The Node client's layouts. Two things changed, at different times: the wrappers left client.ts
 * for operations classes (persons.ts, groups.ts) while the client was still in the ingestion
 * folder, and later the folder moved to common/. A checkout can be at any of the three. The
 * versions of the ingestion client.ts read had operations classes already; the first layout is
 * the written guide's description.
 */
export const NODE_CLIENT_LAYOUTS: readonly NodeClientLayout[] = [
  {
    id: "ingestion-client",
    name: "The written guide's layout",
    wrappers: { in: "client", file: NODE_PATHS.ingestion.wrapper },
    serviceDefaults: NODE_PATHS.ingestion.test,
    typedDefaults: null,
  },
  {
    id: "ingestion-operations",
    name: "Operations classes, still in the ingestion folder",
    wrappers: {
      in: "operations",
      persons: NODE_PATHS.ingestion.operations("persons"),
      groups: NODE_PATHS.ingestion.operations("groups"),
    },
    serviceDefaults: NODE_PATHS.ingestion.test,
    typedDefaults: true,
  },
  {
    id: "common-operations",
    name: "Today's code",
    wrappers: {
      in: "operations",
      persons: NODE_PATHS.common.wrapper("persons"),
      groups: NODE_PATHS.common.wrapper("groups"),
    },
    serviceDefaults: NODE_PATHS.common.test,
    typedDefaults: true,
  },
];
