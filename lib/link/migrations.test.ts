import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { derive } from "../design/derive";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { PERSON_WRITE_BACKENDS, type Design } from "../design/model";
import { decodeDesignLink, encodeDesignLink, LINK_VERSION } from ".";
import { DESIGN_KEYS } from "./design-keys";
import { dLink, zLink } from "./test-links";
import { migrate, VERSIONS } from "./versions";
import { WORKED_EXAMPLE_V2 } from "./versions/v2";

/**
 * The worked example as v1 and v2 links meant it. Spelled out here, apart from the frozen copy in
 * versions/v2.ts, so an edit to that copy (which would change every old link) fails this test.
 */
const V2_FROZEN: Omit<Design, "personWriteBackend"> = {
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

/** What a link older than v4 means today: v3's step keeps the leader for its person writes. */
const V2_EXAMPLE: Design = { ...V2_FROZEN, personWriteBackend: "leader" };

/** A design as a v3 link wrote it: without the member v4 added. */
function withoutSide(design: Design): Omit<Design, "personWriteBackend"> {
  return Object.fromEntries(
    Object.entries(design).filter(([key]) => key !== "personWriteBackend"),
  ) as Omit<Design, "personWriteBackend">;
}

/** A person write on the current target, as a v3 link of it carried it. */
const PERSON_WRITE: Design = {
  ...DESIGN_FIXTURES["person-write-guide"]!,
  target: "current",
  leaderSafety: { kind: "convergent", shape: "max-merge-floor" },
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
  3: () => zLink(JSON.stringify(withoutSide(target)), 3),
  4: () => encodeDesignLink({ ...target, personWriteBackend: "replica" }),
};

/** v1 carried only the name and SQL; the rest is the example's. */
const EXPECTED: Record<number, Design> = {
  1: { ...V2_EXAMPLE, rpcName: target.rpcName, sql: target.sql },
  2: target,
  3: target,
  4: { ...target, personWriteBackend: "replica" },
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
    assert.deepEqual(WORKED_EXAMPLE_V2, V2_FROZEN);
    // An empty delta was the v2 link of the worked example.
    const decoded = await decodeDesignLink("#v=2&d=e30");
    assert.deepEqual(decoded.design, V2_EXAMPLE);
    assert.deepEqual(decoded.warnings, []);
  });

  it("keeps the leader for a v3 person write on the current target", async () => {
    const v3 = withoutSide(PERSON_WRITE);
    const decoded = await decodeDesignLink(await zLink(JSON.stringify(v3), 3));
    assert.deepEqual(decoded.warnings, []);
    assert.deepEqual(decoded.design, { ...PERSON_WRITE, personWriteBackend: "leader" });
    assert.equal(derive(decoded.design).leaderWrite, true);
  });

  it("keeps what a v3 link says when it already names the side", () => {
    const payload = Object.assign(Object.create(null), { personWriteBackend: "replica" });
    assert.equal(migrate(payload, 3).personWriteBackend, "replica");
  });

  for (const side of PERSON_WRITE_BACKENDS)
    it(`round-trips a v4 person write served by the ${side}`, async () => {
      const design: Design = { ...PERSON_WRITE, personWriteBackend: side };
      const link = await encodeDesignLink(design);
      assert.match(link, /^#v=4&/);
      const decoded = await decodeDesignLink(link);
      assert.deepEqual(decoded.warnings, []);
      assert.deepEqual(decoded.design, design);
      assert.equal(derive(decoded.design).leaderWrite, side === "leader");
    });
});
