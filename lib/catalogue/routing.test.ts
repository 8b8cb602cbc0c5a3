import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { routeRequest, routingSummary } from "./routing";
import { DATA_CATEGORIES } from "./tables";

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

  it("words the guide's routing column from the same function", () => {
    assert.equal(
      routingSummary("PersonData"),
      "Reads: replica (eventual) or leader (strong). Writes: leader.",
    );
    assert.equal(routingSummary("NonPersonData"), "All operations: replica.");
  });
});
