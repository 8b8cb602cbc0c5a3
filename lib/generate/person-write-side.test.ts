/**
 * A person write on the current target, served by the replica's primary pool or by the leader:
 * every generator, the checklist, the rules and the review agree with the side chosen.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { codeBlockers } from "../design/blockers";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { field } from "../design/defaults";
import type { Design, PersonWriteBackend } from "../design/model";
import { designProblems } from "../design/rules";
import { buildReview } from "../review/review";
import { generateInput } from "./context";
import { generateSnippets } from "./index";
import { rustPlan } from "./rust-types";
import { checklist } from "./verify";

const DELETE = DESIGN_FIXTURES["person-delete-current"]!;
const on = (side: PersonWriteBackend, extra: Partial<Design> = {}): Design => ({
  ...DELETE,
  personWriteBackend: side,
  leaderSafety: { kind: "unanswered" },
  ...extra,
});

const snippetOf = (design: Design, id: string) => {
  const s = generateSnippets(design).find((x) => x.id === id);
  assert.ok(s, `${id} is generated`);
  return s;
};
const notesOf = (design: Design, id: string) => snippetOf(design, id).notes.join("\n");

/** The snippets only one side has. */
const REPLICA_ONLY = [
  "proto-rpc-replica",
  "rust-storage-trait",
  "rust-storage-postgres",
  "rust-storage-test",
  "rust-service-handler",
  "rust-service-test",
  "rust-mock-failing",
  "rust-mock-success",
  "rust-router-test-replica",
];
const LEADER_ONLY = [
  "proto-rpc-leader",
  "rust-leader-handler",
  "rust-proxy-leader-arm",
  "rust-router-test-leader",
];

/** Its own side's snippets and the ones both sides have are there; none of the other side's. */
function assertOnlySide(design: Design, own: readonly string[], other: readonly string[]) {
  const got = generateSnippets(design).map((s) => s.id);
  for (const id of [...own, "proto-rpc-service", "rust-proxy-known-method"])
    assert.ok(got.includes(id), id);
  for (const id of other) assert.ok(!got.includes(id), id);
}

describe("a current-target person write served by the replica", () => {
  const design = on("replica");

  it("is the replica's in the plan: no leader, the primary pool", () => {
    const plan = rustPlan(generateInput(design));
    assert.equal(plan.leaderOnly, false);
    assert.equal(plan.pool, "primary_pool");
  });

  it("generates the replica side completely and nothing of the leader's", () => {
    assertOnlySide(design, REPLICA_ONLY, LEADER_ONLY);
  });

  it("puts its rpc lines under the person deletes banner in service.proto and replica.proto", () => {
    for (const id of ["proto-rpc-service", "proto-rpc-replica"])
      assert.match(snippetOf(design, id).anchor, /last in its "\/\/ Person deletes" group/);
  });

  it("writes on the primary pool with the replica's labels, bulk_primary with a batch_size", () => {
    const code = snippetOf(design, "rust-storage-postgres").code;
    assert.match(code, /let pool_label = "primary";/);
    assert.match(code, /let pool = &self\.primary_pool;/);
    assert.match(code, /"purge_deleted_person"\.to_string\(\)/);
    assert.match(code, /\("method"\.to_string\(\), method\.to_string\(\)\)/);
    const batched = on("replica", {
      request: [field("team_id", "int64"), field("batch_size", "int64")],
      sql: "DELETE FROM posthog_person WHERE id IN (SELECT id FROM posthog_person WHERE team_id = $1 LIMIT $2)",
    });
    const bulk = snippetOf(batched, "rust-storage-postgres").code;
    assert.match(bulk, /let pool = &self\.bulk_primary_pool;/);
    assert.match(bulk, /if batch_size <= 0 \{/);
  });

  it("has the replica's mocks and TestReplicaService stub", () => {
    assert.match(snippetOf(design, "rust-mock-failing").anchor, /PersonLookup for FailingStorage/);
    assert.match(snippetOf(design, "rust-mock-success").anchor, /PersonLookup for SuccessStorage/);
    assert.match(snippetOf(design, "rust-router-test-replica").anchor, /TestReplicaService/);
    assert.match(snippetOf(design, "rust-router-integration-test").code, /routes_to_replica/);
  });

  it("says it is a temporary measure with a TODO to move it to the leader, wherever it lands", () => {
    for (const id of [
      "proto-rpc-service",
      "rust-storage-postgres",
      "rust-service-handler",
      "rust-proxy-known-method",
    ]) {
      assert.match(notesOf(design, id), /temporary measure/, id);
      assert.match(notesOf(design, id), /TODO/, id);
    }
    assert.match(notesOf(design, "rust-proxy-known-method"), /No match arm/);
  });

  it("ticks the replica's checklist: its stubs and the temporary measure, no at-least-once", () => {
    const items = checklist(generateInput(design));
    const text = (id: string) => items.find((i) => i.id === id)?.text ?? "";
    assert.match(text("rpc"), /service\.proto and replica\.proto/);
    assert.match(
      text("stubs"),
      /FailingStorage, SuccessStorage\) and the router's TestReplicaService/,
    );
    assert.doesNotMatch(text("rust"), /leader/);
    assert.match(text("temporary-route"), /temporary measure/);
    assert.match(text("temporary-route"), /TODO to move it to the leader/);
    assert.equal(
      items.find((i) => i.id === "at-least-once"),
      undefined,
    );
  });

  it("asks no at-least-once answer: no rule, no blocker", () => {
    assert.deepEqual(
      designProblems(design).filter((p) => p.rule === "leader-at-least-once"),
      [],
    );
    assert.deepEqual(codeBlockers(design), []);
  });

  it("tells clients nothing about leader routing headers", () => {
    assert.doesNotMatch(notesOf(design, "node-wrapper"), /resolvePersonRoutingKey/);
  });
});

describe("a current-target person write served by the leader", () => {
  const design = on("leader");

  it("is the leader's in the plan", () => {
    assert.equal(rustPlan(generateInput(design)).leaderOnly, true);
  });

  it("generates the leader side and nothing of the replica's", () => {
    assertOnlySide(design, LEADER_ONLY, REPLICA_ONLY);
  });

  it("explains the at-least-once rule and the partition headers", () => {
    const notes = notesOf(design, "rust-leader-handler") + notesOf(design, "rust-proxy-leader-arm");
    assert.match(notes, /more than once|twice/);
    assert.match(notes, /x-team-id/);
    assert.match(notes, /x-person-id/);
    assert.match(notesOf(design, "node-wrapper"), /resolvePersonRoutingKey/);
  });

  it("checks the at-least-once answer: the rule, the blocker and the checklist item", () => {
    assert.ok(designProblems(design).some((p) => p.rule === "leader-at-least-once"));
    assert.match(codeBlockers(design).join(" "), /at-least-once/);
    const items = checklist(generateInput(design));
    assert.equal(items.find((i) => i.id === "at-least-once")?.state, "failed");
    assert.equal(
      items.find((i) => i.id === "temporary-route"),
      undefined,
    );
    assert.match(items.find((i) => i.id === "stubs")?.text ?? "", /TestLeaderService/);
    assert.match(items.find((i) => i.id === "rust")?.text ?? "", /leader match arm/);
  });
});

describe("the review names the side", () => {
  for (const side of ["replica", "leader"] as const)
    it(side, () => {
      const review = buildReview(on(side), null);
      const fact = review.facts.find((f) => f.label === "Person write served by");
      assert.match(fact?.value ?? "", side === "replica" ? /replica.*primary pool/ : /leader/i);
      assert.equal(review.route?.backend, side);
      assert.equal(
        review.facts.some((f) => f.label === "Redelivery to the leader"),
        side === "leader",
      );
    });

  it("and says nothing of it on the guide target, where the leader serves every person write", () => {
    const review = buildReview({ ...on("replica"), target: "guide" }, null);
    assert.equal(
      review.facts.find((f) => f.label === "Person write served by"),
      undefined,
    );
    assert.equal(review.route?.backend, "leader");
  });
});
