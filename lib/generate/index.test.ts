import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { EMPTY_DESIGN } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
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
});
