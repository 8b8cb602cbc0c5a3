import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Design } from "../design/model";
import { decodeDesignLink, encodeDesignLink, LINK_VERSION } from ".";
import { DESIGN_KEYS } from "./design-keys";
import { dLink } from "./test-links";
import { migrate, VERSIONS } from "./versions";
import { WORKED_EXAMPLE_V2 } from "./versions/v2";

/**
 * The worked example as v1 and v2 links meant it. Spelled out here, apart from the frozen copy in
 * versions/v2.ts, so an edit to that copy (which would change every old link) fails this test.
 */
const V2_EXAMPLE: Design = {
  target: "guide",
  rpcName: "GetPersonCount",
  domain: "person",
  tables: ["posthog_person"],
  categoryOverride: null,
  operation: "read",
  consistency: "eventual",
  batch: "single",
  sql: "SELECT COUNT(*) FROM posthog_person WHERE team_id = $1 AND is_deleted = false",
  request: [{ name: "team_id", type: "int64", optional: false, repeated: false, comment: "" }],
  readOptions: true,
  response: {
    kind: "new",
    fields: [{ name: "count", type: "int64", optional: false, repeated: false, comment: "" }],
  },
  leaderSafety: { kind: "unanswered" },
  nodeLayout: "common-operations",
};

const target: Design = {
  ...V2_EXAMPLE,
  rpcName: "ListGroupsByType",
  domain: "group",
  tables: ["posthog_group"],
  sql: "SELECT * FROM posthog_group WHERE team_id = $1 AND group_type_index = $2",
};

/** One link per version, each made by hand the way that version wrote it. */
const LINKS: Record<number, () => Promise<string> | string> = {
  1: () => `#v=1&${new URLSearchParams({ name: target.rpcName, sql: target.sql })}`,
  2: () =>
    dLink(
      JSON.stringify({
        rpcName: target.rpcName,
        domain: target.domain,
        tables: target.tables,
        sql: target.sql,
      }),
    ),
  3: () => encodeDesignLink(target),
};

/** v1 carried only the name and SQL; the rest is the example's. */
const EXPECTED: Record<number, Design> = {
  1: { ...V2_EXAMPLE, rpcName: target.rpcName, sql: target.sql },
  2: target,
  3: target,
};

describe("link versions", () => {
  it("has a link for every version up to the current one", () => {
    assert.deepEqual(
      Object.keys(LINKS).map(Number),
      Array.from({ length: LINK_VERSION }, (_, i) => i + 1),
    );
  });

  for (const [version, make] of Object.entries(LINKS)) {
    it(`reads a version ${version} link as the current design`, async () => {
      const decoded = await decodeDesignLink(await make());
      assert.deepEqual(decoded.warnings, []);
      assert.equal(decoded.version, Number(version));
      assert.deepEqual(decoded.design, EXPECTED[Number(version)]);
    });
  }

  it("has a step from every older version to the next", () => {
    for (let version = 1; version < LINK_VERSION; version++)
      assert.equal(typeof VERSIONS[version]?.toNext, "function", `version ${version}`);
    assert.equal(VERSIONS[LINK_VERSION]?.toNext, undefined);
  });

  it("brings a version 1 payload through every step to a whole design", () => {
    const payload = Object.assign(Object.create(null), { name: "GetThing", sql: "SELECT 1" });
    const migrated = migrate(payload, 1);
    assert.deepEqual(Object.keys(migrated).sort(), [...DESIGN_KEYS].sort());
    assert.deepEqual({ ...migrated }, { ...V2_EXAMPLE, rpcName: "GetThing", sql: "SELECT 1" });
  });

  it("reads v2 deltas against the example of that time, not today's", async () => {
    assert.deepEqual(WORKED_EXAMPLE_V2, V2_EXAMPLE);
    // An empty delta was the v2 link of the worked example.
    const decoded = await decodeDesignLink("#v=2&d=e30");
    assert.deepEqual(decoded.design, V2_EXAMPLE);
    assert.deepEqual(decoded.warnings, []);
  });
});
