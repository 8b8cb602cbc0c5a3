import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { EMPTY_DESIGN, field } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import type { Design } from "../design/model";
import { designProblems } from "../design/rules";
import { generateSnippets } from "./index";

describe("generateSnippets", () => {
  for (const [name, design] of Object.entries(DESIGN_FIXTURES)) {
    it(`${name}: covers every step with unique ids and uses one spelling of the RPC everywhere`, () => {
      const snippets = generateSnippets(design);
      assert.deepEqual(
        [...new Set(snippets.map((s) => s.step))],
        ["proto", "clients", "rust", "verify"],
      );
      assert.equal(new Set(snippets.map((s) => s.id)).size, snippets.length);
      const all = snippets.map((s) => s.code).join("\n");
      assert.match(all, new RegExp(`\\b${design.rpcName}Request\\b`));
      // TypeScript's own `: undefined` is fine; a stringified missing value is not.
      const text = all.replace(/: undefined/g, "");
      assert.ok(!/NaN|\[object Object\]|undefined/.test(text), "no stringified placeholders");
    });
  }

  it("lists the guide's router files on the guide target and KNOWN_METHODS on current code", () => {
    const guide = generateSnippets(DESIGN_FIXTURES["worked-example-guide"]!).map((s) => s.file);
    const current = generateSnippets(DESIGN_FIXTURES["worked-example-current"]!).map((s) => s.file);
    assert.ok(guide.some((f) => f.endsWith("personhog-router/src/router/mod.rs")));
    assert.ok(current.some((f) => f.endsWith("personhog-router/src/proxy.rs")));
    assert.ok(!current.some((f) => f.endsWith("personhog-router/src/router/mod.rs")));
  });

  it("generates nothing for a design without a valid name", () => {
    assert.deepEqual(generateSnippets(EMPTY_DESIGN), []);
  });

  it("generates nothing for names no language can spell, and each is a design problem", () => {
    const example = DESIGN_FIXTURES["worked-example-guide"]!;
    const designs: Design[] = [
      { ...example, rpcName: "Self" },
      { ...example, rpcName: "Try" },
      { ...example, request: [field("team_id", "int64"), field("a b", "int64")] },
      { ...example, request: [field("x}\nfn pwned(){}", "int64")] },
      { ...example, response: { kind: "new", fields: [field("count", "Widget { }")] } },
    ];
    for (const design of designs) {
      assert.deepEqual(generateSnippets(design), [], JSON.stringify(design.request));
      assert.ok(
        designProblems(design).some((p) => p.severity === "error"),
        JSON.stringify(design.request),
      );
    }
  });

  it("generates keyword field names in every language's own spelling", () => {
    const design: Design = {
      ...DESIGN_FIXTURES["worked-example-guide"]!,
      request: [field("team_id", "int64"), field("self", "int64"), field("type", "string")],
      response: { kind: "new", fields: [field("try", "int64"), field("from", "bool")] },
    };
    const code = (id: string) => generateSnippets(design).find((s) => s.id === id)?.code ?? "";
    assert.match(code("proto-messages"), /int64 self = 2;\n {2}string type = 3;/);
    assert.match(code("rust-storage-trait"), /self_: i64,\n {4}r#type: &str,/);
    assert.match(code("rust-storage-type"), /pub r#try: i64,\n {4}pub from: bool,/);
    assert.match(code("python-fake-method"), /\*\*\{"try": 0\}, \*\*\{"from": False\}/);
    assert.match(code("node-wrapper"), /self: number,\n {8}type: string,/);
    assert.match(code("node-wrapper"), /Promise<\{ try: number; from: boolean \}>/);
  });
});
