/**
 * The design of one new RPC: the single state every step edits and every snippet, verdict and
 * checklist tick is derived from. Options are written once, `as const`; types come from them.
 */
import { DOMAINS, type Domain } from "../catalogue/domains";
import { GUIDE_ERA } from "../catalogue/layout-eras";

export const TARGETS = ["guide", "current"] as const;
export type Target = (typeof TARGETS)[number];
/** How every view names a target: the guide's names the era of PostHog's code it shows. */
export const TARGET_LABELS: Readonly<Record<Target, string>> = {
  guide: `As the guide describes, ${GUIDE_ERA}`,
  current: "Current PostHog code",
};

export const OPERATIONS = ["read", "write"] as const;
export const CONSISTENCIES = ["eventual", "strong"] as const;
export const BATCH_SCOPES = ["single", "batch-in-team", "batch-cross-team"] as const;
export const NODE_LAYOUTS = ["ingestion-client", "common-operations"] as const;
/**
 * Where a person write is served on the current target: the replica on its primary pool (today's
 * practice for person deletes, splits and version floors, "a temporary measure"), or the leader
 * (property updates, fences, folds). On the guide target a person write always goes to the leader.
 */
export const PERSON_WRITE_BACKENDS = ["replica", "leader"] as const;

export const SCALAR_TYPES = ["int64", "int32", "string", "bool", "bytes", "double"] as const;

/** Answers to the leader's at-least-once rule, for person-data writes. */
export const CONVERGENT_SHAPES = [
  "read-only",
  "re-appliable-merge",
  "tombstone-delete",
  "max-merge-floor",
] as const;
export type LeaderSafety =
  | { readonly kind: "unanswered" }
  | { readonly kind: "convergent"; readonly shape: (typeof CONVERGENT_SHAPES)[number] }
  | { readonly kind: "idempotency-key"; readonly field: string }
  | { readonly kind: "neither" };

export interface FieldDesign {
  /** snake_case, as in proto. */
  readonly name: string;
  /** A scalar from SCALAR_TYPES or a known message (Person, TeamDistinctId, …). */
  readonly type: string;
  readonly optional: boolean;
  readonly repeated: boolean;
  readonly comment: string;
}

export type ResponseDesign =
  | { readonly kind: "new"; readonly fields: readonly FieldDesign[] }
  | { readonly kind: "shared"; readonly name: string };

export interface Design {
  readonly target: Target;
  readonly rpcName: string;
  readonly domain: Domain;
  readonly tables: readonly string[];
  /** How a query touching both data categories is classified (the guide leaves it open). */
  readonly categoryOverride: "PersonData" | "NonPersonData" | null;
  readonly operation: (typeof OPERATIONS)[number];
  readonly consistency: (typeof CONSISTENCIES)[number];
  readonly batch: (typeof BATCH_SCOPES)[number];
  readonly sql: string;
  readonly request: readonly FieldDesign[];
  /** Reads that need consistency control carry `ReadOptions read_options` as their last field. */
  readonly readOptions: boolean;
  readonly response: ResponseDesign;
  readonly leaderSafety: LeaderSafety;
  /** Where a person write is served on the current target (see PERSON_WRITE_BACKENDS). */
  readonly personWriteBackend: (typeof PERSON_WRITE_BACKENDS)[number];
  /** Which Node layout the user's checkout has (current target only). */
  readonly nodeLayout: (typeof NODE_LAYOUTS)[number];
}

export type Operation = Design["operation"];
export type Consistency = Design["consistency"];
export type BatchScope = Design["batch"];
export type PersonWriteBackend = Design["personWriteBackend"];

export type ChoiceField =
  "target" | "domain" | "operation" | "consistency" | "batch" | "personWriteBackend" | "nodeLayout";

/** The design fields whose value is one of a fixed list, and each list: one home for the reader,
 * the JSON Schema and the form's selects. */
export const DESIGN_CHOICES: { readonly [F in ChoiceField]: readonly Design[F][] } = {
  target: TARGETS,
  domain: DOMAINS,
  operation: OPERATIONS,
  consistency: CONSISTENCIES,
  batch: BATCH_SCOPES,
  personWriteBackend: PERSON_WRITE_BACKENDS,
  nodeLayout: NODE_LAYOUTS,
};
