import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { WORKED_EXAMPLE } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { checkSql } from "../sql/session";
import { sharedLabDatabase } from "../sql/test-lab";
import { buildReview } from "./review";

const getLab = sharedLabDatabase();

describe("the review of a design", () => {
  it("recomputes eligibility, routing, verdict and checklist from the design and a fresh check", async () => {
    const check = await checkSql(getLab().db, getLab().ctx, WORKED_EXAMPLE.sql);
    const review = buildReview(WORKED_EXAMPLE, check);
    assert.equal(review.eligible, true);
    assert.deepEqual(review.tables, [
      { name: "posthog_person", category: "PersonData", source: "both" },
    ]);
    assert.equal(review.route?.backend, "replica");
    assert.equal(review.sql.state, "checked");
    assert.equal(review.sqlStatus, "pass");
    assert.equal(review.checklist.find((i) => i.id === "index")?.state, "pass");
    assert.ok(Object.values(review.marks).every((m) => m === "pass"));
    assert.ok(review.files.length >= 4, "proto, clients and Rust files");
    assert.ok(review.files.every((f) => !f.file.startsWith("(")));
    assert.ok(review.extras.some((s) => s.file === "(terminal)"));
    assert.ok(review.proto.length > 0 && review.proto.every((s) => s.file.endsWith(".proto")));
  });

  it("names a table from the SQL that is not personhog data and blocks the checklist", async () => {
    const design = {
      ...WORKED_EXAMPLE,
      sql: "SELECT * FROM posthog_personoverridemapping WHERE team_id = $1 AND uuid = $2",
    };
    const review = buildReview(design, await checkSql(getLab().db, getLab().ctx, design.sql));
    const table = review.tables.find((t) => t.name === "posthog_personoverridemapping");
    assert.deepEqual(table, {
      name: "posthog_personoverridemapping",
      category: null,
      source: "sql",
    });
    assert.equal(review.eligible, false);
    assert.equal(review.checklist.find((i) => i.id === "index")?.state, "failed");
    assert.match(
      review.problems.map((p) => p.message).join("\n"),
      /The SQL touches posthog_personoverridemapping, which the design does not name/,
    );
    assert.equal(review.marks.eligibility, "failed");
  });

  it("waits for the lab rather than passing: the SQL-dependent marks are not checked yet", () => {
    const review = buildReview(WORKED_EXAMPLE, null);
    assert.equal(review.sqlStatus, "unchecked");
    assert.equal(review.marks.access, "unchecked");
    assert.equal(review.marks.eligibility, "unchecked");
    assert.equal(review.marks.proto, "pass");
    assert.equal(review.checklist.find((i) => i.id === "index")?.state, "unchecked");
  });

  it("treats a query that does not plan as failed, and no SQL as empty", async () => {
    const broken = { ...WORKED_EXAMPLE, sql: "SELECT FROM WHERE" };
    const review = buildReview(broken, await checkSql(getLab().db, getLab().ctx, broken.sql));
    assert.equal(review.sql.state, "failed");
    assert.equal(review.sqlStatus, "error");
    const empty = buildReview({ ...WORKED_EXAMPLE, sql: "  " }, null);
    assert.equal(empty.sql.state, "empty");
    assert.equal(empty.sqlStatus, "nothing-checked", "no SQL is never a pass");
    assert.equal(empty.marks.access, "failed");
  });

  it("states the author's answer to the leader's at-least-once rule for person-data writes", () => {
    const write = DESIGN_FIXTURES["person-write-guide"]!;
    const fact = (design: typeof write) =>
      buildReview(design, null).facts.find((f) => f.label === "Redelivery to the leader")?.value;
    assert.match(fact(write) ?? "", /converges|idempotency key/);
    assert.equal(fact({ ...write, leaderSafety: { kind: "unanswered" } }), "not answered yet");
    assert.equal(fact(WORKED_EXAMPLE), undefined);
  });
});
