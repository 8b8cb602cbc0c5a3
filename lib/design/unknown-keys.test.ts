import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { WORKED_EXAMPLE } from "./defaults";
import { closestKey, unknownKeyProblems } from "./unknown-keys";
import { validateDesign } from "./validate";

const KEYS = Object.keys(WORKED_EXAMPLE);
const messages = (input: unknown) => validateDesign(input).problems.map((p) => p.message);

describe("unknown design keys", () => {
  it("suggests the key a misspelling most likely meant", () => {
    assert.equal(closestKey("rpcname", KEYS), "rpcName");
    assert.equal(closestKey("rpc_name", KEYS), "rpcName");
    assert.equal(closestKey("requests", KEYS), "request");
    assert.equal(closestKey("tabels", KEYS), "tables");
    assert.equal(closestKey("Response", KEYS), "response");
    assert.equal(closestKey("colour", KEYS), null);
    assert.equal(closestKey("id", KEYS), null);
  });

  it("warns for every unknown key of a design, with no error, so the design is still used", () => {
    const { design, problems } = validateDesign({ ...WORKED_EXAMPLE, rpcname: "X", requests: [] });
    assert.deepEqual(design, WORKED_EXAMPLE);
    assert.deepEqual(
      problems.map((p) => [p.severity, p.path, p.message]),
      [
        ["warning", "rpcname", 'Unknown field "rpcname" was ignored; did you mean "rpcName"?'],
        ["warning", "requests", 'Unknown field "requests" was ignored; did you mean "request"?'],
      ],
    );
  });

  it("warns for unknown keys inside fields, the response and the leader answer", () => {
    const found = messages({
      ...WORKED_EXAMPLE,
      request: [{ nmae: "team_id", name: "team_id", type: "int64", comments: "x" }],
      response: { kind: "new", fields: [], name: "PersonsResponse" },
      leaderSafety: { kind: "convergent", shape: "read-only", field: "team_id" },
    });
    assert.deepEqual(found, [
      'Unknown field "nmae" was ignored; did you mean "name"?',
      'Unknown field "comments" was ignored; did you mean "comment"?',
      'Unknown field "name" was ignored.',
      'Unknown field "field" was ignored.',
    ]);
    const paths = validateDesign({
      ...WORKED_EXAMPLE,
      request: [{ name: "a", tpye: "int64" }],
    }).problems;
    assert.equal(paths[0]?.path, "request.0.tpye");
  });

  it("names ten unknown keys and counts the rest", () => {
    const input = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
    const problems = unknownKeyProblems(input, KEYS, "");
    assert.equal(problems.length, 11);
    assert.equal(problems[10]?.message, "…and 4990 more unknown fields were ignored.");
  });

  it("cuts a long key in its message and its path", () => {
    const [p] = unknownKeyProblems({ ["x".repeat(100_000)]: 1 }, KEYS, "");
    assert.equal(p?.message, `Unknown field "${"x".repeat(40)}" was ignored.`);
    assert.equal(p?.path, "x".repeat(40));
    const [inField] = validateDesign({
      ...WORKED_EXAMPLE,
      request: [{ name: "team_id", type: "int64", ["y".repeat(100_000)]: 1 }],
    }).problems;
    assert.equal(inField?.path, `request.0.${"y".repeat(40)}`);
  });

  it("says when tables are dropped: repeated ones kept once (a warning), past 20 (an error)", () => {
    const twice = validateDesign({
      ...WORKED_EXAMPLE,
      tables: ["posthog_person", "posthog_person"],
    });
    assert.deepEqual(twice.design.tables, ["posthog_person"]);
    assert.deepEqual(
      twice.problems.map((p) => p.severity),
      ["warning"],
    );
    const many = Array.from({ length: 25 }, (_, i) => `t${i}`);
    const over = validateDesign({ ...WORKED_EXAMPLE, tables: many });
    assert.equal(over.design.tables.length, 20);
    assert.match(over.problems[0]?.message ?? "", /Only the first 20 tables were kept/);
    assert.equal(over.problems[0]?.severity, "error");
  });

  it("shows a wrong value without walking it, however deep", () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    assert.deepEqual(messages({ ...WORKED_EXAMPLE, target: deep }), [
      "target must be one of guide, current; got a list.",
    ]);
  });
});
