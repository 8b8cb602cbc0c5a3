import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { rpcNameProblems } from "./rpc-name";

describe("rpcNameProblems", () => {
  it("accepts PascalCase names", () => {
    assert.deepEqual(rpcNameProblems("GetPersonCount"), []);
    // Reserved only in TypeScript where a method name is a property: fine.
    assert.deepEqual(rpcNameProblems("Delete"), []);
    assert.deepEqual(rpcNameProblems("Case"), [], "a Python soft keyword");
  });
  for (const [name, pattern] of [
    ["", /Give the RPC a name/],
    ["get_person_count", /PascalCase/],
    ["GetPerson<script>", /PascalCase/],
    ["GetPersonRequest", /Request\/Response/],
    ["G".repeat(81), /under 80/],
    ["Self", /self is a keyword in Rust/],
    ["Type", /type is a keyword in Rust/],
    ["Try", /try is a keyword in Rust/],
    ["Gen", /gen is a keyword in Rust/],
    ["Crate", /crate is a keyword in Rust/],
    ["Async", /async is a keyword in Rust, async is a keyword in Python/],
    ["Class", /class is a keyword in Python/],
    ["None", /None is a keyword in Python/],
    ["ToString", /protobuf-es renames the method toString/],
  ] as const) {
    it(`explains what is wrong with ${JSON.stringify(name.slice(0, 20))}`, () => {
      assert.match(rpcNameProblems(name).join(" "), pattern);
    });
  }
});
