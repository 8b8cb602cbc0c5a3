import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CURRENT_PERSON_WRITE_ROUTES, routeRequest } from "../catalogue/routing";
import { derive, servedByLeader } from "./derive";
import { EMPTY_DESIGN } from "./defaults";
import { DESIGN_FIXTURES } from "./fixtures";
import { PERSON_WRITE_BACKENDS, TARGETS, type Design } from "./model";

const personWrite = DESIGN_FIXTURES["person-delete-current"]!;
const cohortWrite = DESIGN_FIXTURES["cohort-write-current"]!;

describe("where a write is served: one fact", () => {
  it("defaults new designs to the replica, today's practice for person writes", () => {
    assert.equal(EMPTY_DESIGN.personWriteBackend, "replica");
  });

  for (const side of PERSON_WRITE_BACKENDS) {
    it(`a current-target person write that chose the ${side} is served there`, () => {
      const d = derive({ ...personWrite, personWriteBackend: side });
      assert.equal(d.leaderWrite, side === "leader");
      assert.equal(d.replicaPersonWrite, side === "replica");
      assert.equal(d.choosesPersonWriteSide, true);
      assert.deepEqual(d.route, CURRENT_PERSON_WRITE_ROUTES[side]);
      assert.equal(d.route?.backend, side);
      assert.equal(d.route?.pool, "primary_pool");
    });

    it(`the guide target sends a person write to the leader whatever the choice (${side})`, () => {
      const d = derive({ ...personWrite, target: "guide", personWriteBackend: side });
      assert.equal(d.leaderWrite, true);
      assert.equal(d.replicaPersonWrite, false);
      assert.equal(d.choosesPersonWriteSide, false);
      assert.deepEqual(d.route, routeRequest("PersonData", "write"));
    });
  }

  it("says the replica route is a temporary measure with a TODO, the leader's an arm of its own", () => {
    assert.match(CURRENT_PERSON_WRITE_ROUTES.replica.reason, /temporary measure/);
    assert.match(CURRENT_PERSON_WRITE_ROUTES.replica.reason, /TODO/);
    assert.match(CURRENT_PERSON_WRITE_ROUTES.leader.reason, /match arm/);
  });

  it("ignores the choice for reads and for non-person writes, on both targets", () => {
    const reads: Design[] = TARGETS.flatMap((target) =>
      PERSON_WRITE_BACKENDS.map((side) => ({
        ...EMPTY_DESIGN,
        tables: ["posthog_person"],
        target,
        personWriteBackend: side,
      })),
    );
    const writes = reads.map((d) => ({
      ...cohortWrite,
      target: d.target,
      personWriteBackend: d.personWriteBackend,
    }));
    for (const design of [...reads, ...writes]) {
      const d = derive(design);
      assert.deepEqual(
        [d.leaderWrite, d.replicaPersonWrite, d.choosesPersonWriteSide],
        [false, false, false],
        `${design.target} ${design.operation} ${design.personWriteBackend}`,
      );
      assert.deepEqual(d.route, routeRequest(d.category!, design.operation, design.consistency));
    }
  });

  it("servedByLeader takes the category a caller assumes (rustPlan's PersonData while undecided)", () => {
    const undecided: Design = { ...personWrite, tables: [], personWriteBackend: "leader" };
    assert.equal(derive(undecided).leaderWrite, false);
    assert.equal(servedByLeader(undecided, "PersonData"), true);
    assert.equal(
      servedByLeader({ ...undecided, personWriteBackend: "replica" }, "PersonData"),
      false,
    );
    assert.equal(servedByLeader(undecided, "NonPersonData"), false);
  });
});
