/**
 * Version 2: `d` holds base64url JSON of the fields that differ from the worked example as it was
 * while v2 was current. That example is frozen below: WORKED_EXAMPLE may change, and an old link
 * must keep meaning what it meant.
 */
import { badCharDamage, base64UrlToBytes } from "../base64url";
import { readPayload, type Payload } from "../payload";
import type { LinkVersion } from "./link-version";

const int64 = (name: string) => ({
  name,
  type: "int64",
  optional: false,
  repeated: false,
  comment: "",
});

/** A deliberate copy of design/defaults.ts's WORKED_EXAMPLE as it was then; never edit it. */
export const WORKED_EXAMPLE_V2 = {
  target: "guide",
  rpcName: "GetPersonCount",
  domain: "person",
  tables: ["posthog_person"],
  categoryOverride: null,
  operation: "read",
  consistency: "eventual",
  batch: "single",
  sql: "SELECT COUNT(*) FROM posthog_person WHERE team_id = $1 AND is_deleted = false",
  request: [int64("team_id")],
  readOptions: true,
  response: { kind: "new", fields: [int64("count")] },
  leaderSafety: { kind: "unanswered" },
  nodeLayout: "common-operations",
} as const;

/** The delta applied over the frozen example: a whole design, which is what v3 carries. */
export function v2ToV3(delta: Payload): Payload {
  return Object.assign(Object.create(null) as Payload, structuredClone(WORKED_EXAMPLE_V2), delta);
}

/** v2's reader as it shipped: v3's has its shape, but an old version's reader never changes. */
export const V2: LinkVersion = {
  params: ["d"],
  async read(params, warnings) {
    const data = params.get("d");
    if (!data) {
      warnings.push("The version 2 link has no design data (d); nothing was loaded.");
      return null;
    }
    const { bytes, bad } = base64UrlToBytes(data);
    return readPayload(bytes, bad && badCharDamage(bad), warnings);
  },
  toNext: v2ToV3,
};
