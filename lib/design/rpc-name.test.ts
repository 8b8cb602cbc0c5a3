import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { rpcNameProblems } from "./rpc-name";

describe("rpcNameProblems", () => {
  it("accepts PascalCase names", () => {
    assert.deepEqual(rpcNameProblems("GetPersonCount"), []);
  });
  for (const [name, pattern] of [
    ["", /Give the RPC a name/],
    ["get_person_count", /PascalCase/],
    ["GetPerson<script>", /PascalCase/],
    ["GetPersonRequest", /Request\/Response/],
    ["G".repeat(81), /under 80/],
  ] as const) {
    it(`explains what is wrong with ${JSON.stringify(name.slice(0, 20))}`, () => {
      assert.match(rpcNameProblems(name).join(" "), pattern);
    });
  }
});
