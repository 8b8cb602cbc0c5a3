import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { EXISTING_RPC_KINDS, EXISTING_RPCS, LEADER_METHODS } from "./existing-rpcs";
import {
  CURRENT_PERSON_WRITE_ROUTES,
  STRONG_READ_REPLICA_PERSON_READS,
  currentRoute,
  currentRoutingSummary,
  existingRpcsOf,
  replicaPersonWrites,
  routeRequest,
  routingSummary,
} from "./routing";
import { DATA_CATEGORIES, type DataCategory } from "./tables";

describe("routeRequest", () => {
  const cases = [
    ["PersonData", "read", "eventual", "replica"],
    ["PersonData", "read", "strong", "leader"],
    ["PersonData", "write", "eventual", "leader"],
    ["PersonData", "write", "strong", "leader"],
    ["NonPersonData", "read", "eventual", "replica"],
    ["NonPersonData", "read", "strong", "replica"],
    ["NonPersonData", "write", "eventual", "replica"],
  ] as const;
  for (const [category, operation, consistency, backend] of cases) {
    it(`${category} ${operation} (${consistency}) → ${backend}`, () => {
      assert.equal(routeRequest(category, operation, consistency).backend, backend);
    });
  }

  it("a strong non-person read stays on the replica service but reads the primary pool", () => {
    const route = routeRequest("NonPersonData", "read", "strong");
    assert.equal(route.backend, "replica");
    assert.equal(route.pool, "primary_pool");
    assert.equal(routeRequest("NonPersonData", "read", "eventual").pool, "replica_pool");
  });

  it("writes always use the primary pool", () => {
    for (const category of DATA_CATEGORIES)
      assert.equal(routeRequest(category, "write").pool, "primary_pool");
  });

  it("words the guide's routing column from the same function, for every category", () => {
    const words: Record<DataCategory, string> = {
      PersonData: "Reads: replica (eventual) or leader (strong). Writes: leader.",
      NonPersonData: "All operations: replica.",
    };
    for (const category of DATA_CATEGORIES)
      assert.equal(routingSummary(category), words[category], category);
  });
});

describe("currentRoute: today's raw proxy and replica", () => {
  it("sends only GetPerson's strong reads to the leader; the replica refuses other strong person reads", () => {
    assert.deepEqual(currentRoute("GetPerson", "strong"), {
      served: true,
      backend: "leader",
      pool: null,
    });
    assert.deepEqual(currentRoute("GetPersons", "strong"), {
      served: false,
      code: "FAILED_PRECONDITION",
    });
    assert.deepEqual(currentRoute("GetPersonByDistinctId", "eventual"), {
      served: true,
      backend: "replica",
      pool: "replica_pool",
    });
  });

  it("serves strong distinct-id reads from the replica's primary pool", () => {
    for (const rpc of STRONG_READ_REPLICA_PERSON_READS)
      assert.deepEqual(currentRoute(rpc, "strong"), {
        served: true,
        backend: "replica",
        pool: "primary_pool",
      });
  });

  it("sends the leader methods to the leader and leaves the other person writes on the replica", () => {
    for (const rpc of LEADER_METHODS) {
      assert.deepEqual(EXISTING_RPC_KINDS[rpc], { category: "PersonData", operation: "write" });
      assert.equal((currentRoute(rpc) as { backend: string }).backend, "leader");
    }
    // Spelled out, not filtered from EXISTING_RPCS: which writes stay on the replica is the fact
    // under test.
    assert.deepEqual(replicaPersonWrites(), [
      "DeletePersons",
      "DeletePersonsBatchForTeam",
      "DeleteTombstonedPersons",
      "AckPersonTombstones",
      "SplitPerson",
      "SetPersonDistinctIdVersionFloor",
      "SetPersonVersionFloor",
    ]);
  });

  it("routes a new person write as today's code routes the existing ones of the side it chose", () => {
    for (const rpc of replicaPersonWrites()) {
      const today = currentRoute(rpc);
      assert.ok(today.served);
      assert.equal(today.backend, CURRENT_PERSON_WRITE_ROUTES.replica.backend, rpc);
      assert.equal(today.pool, CURRENT_PERSON_WRITE_ROUTES.replica.pool, rpc);
    }
    for (const rpc of LEADER_METHODS)
      assert.equal(
        (currentRoute(rpc) as { backend: string }).backend,
        CURRENT_PERSON_WRITE_ROUTES.leader.backend,
      );
  });

  it("agrees with the written guide's rule wherever the two layouts do not differ", () => {
    for (const rpc of EXISTING_RPCS) {
      const { category, operation } = EXISTING_RPC_KINDS[rpc];
      for (const consistency of ["eventual", "strong"] as const) {
        const guide = routeRequest(category, operation, consistency);
        const today = currentRoute(rpc, consistency);
        const personSpecial =
          category === "PersonData" && (operation === "write" || consistency === "strong");
        if (personSpecial) continue;
        assert.deepEqual(
          today,
          { served: true, backend: guide.backend, pool: guide.pool },
          `${rpc} ${consistency}`,
        );
      }
    }
  });

  it("classifies every existing RPC, and the hash-key override context as non-person data", () => {
    assert.deepEqual(Object.keys(EXISTING_RPC_KINDS).sort(), [...EXISTING_RPCS].sort());
    assert.equal(EXISTING_RPC_KINDS.GetHashKeyOverrideContext.category, "NonPersonData");
    assert.deepEqual(existingRpcsOf("PersonData", "read").slice(0, 2), ["GetPerson", "GetPersons"]);
  });

  it("words today's routing per category from the same function", () => {
    assert.equal(currentRoutingSummary("NonPersonData"), "All operations: replica.");
    const person = currentRoutingSummary("PersonData");
    assert.match(person, /leader for GetPerson,/);
    assert.match(
      person,
      /served by the replica for GetDistinctIdsForPerson and GetDistinctIdsForPersons/,
    );
    assert.match(person, new RegExp(`leader for ${LEADER_METHODS.length} methods`));
    assert.match(person, new RegExp(`replica for the other ${replicaPersonWrites().length}\\.`));
  });
});
