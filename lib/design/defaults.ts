/** Starting designs: the guide's worked example, and the empty design "start over" returns to. */
import type { Design, FieldDesign } from "./model";

export function field(name: string, type: string, extra: Partial<FieldDesign> = {}): FieldDesign {
  return { name, type, optional: false, repeated: false, comment: "", ...extra };
}

/**
 * The worked example from the guide's reference page: count a team's persons, for today's code
 * (the code a change lands in; the guide's layout is one switch away). Deliberately copied
 * twice: link/versions/v2.ts freezes it as it was while v2 links were made (they are deltas over
 * it), and link/migrations.test.ts spells that out again to catch an edit to the frozen copy. This
 * one may change; those two never do.
 */
export const WORKED_EXAMPLE: Design = {
  target: "current",
  rpcName: "GetPersonCount",
  domain: "person",
  tables: ["posthog_person"],
  categoryOverride: null,
  operation: "read",
  consistency: "eventual",
  batch: "single",
  sql: "SELECT COUNT(*) FROM posthog_person WHERE team_id = $1 AND is_deleted = false",
  request: [field("team_id", "int64")],
  readOptions: true,
  response: { kind: "new", fields: [field("count", "int64")] },
  leaderSafety: { kind: "unanswered" },
  personWriteBackend: "replica",
  nodeLayout: "common-operations",
};

export const EMPTY_DESIGN: Design = {
  ...WORKED_EXAMPLE,
  rpcName: "",
  tables: [],
  sql: "",
  request: [field("team_id", "int64")],
  response: { kind: "new", fields: [] },
};
