/**
 * The shipped examples (content/examples/*.json): what a user tries first, so each must read
 * without a problem, conform to the JSON Schema, generate valid proto for both targets, and pass
 * the SQL lab. The fixtures are shipped as examples too: each fixture's file is derived from it
 * (`UPDATE_EXAMPLES=1` rewrites them), so the two cannot drift.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { format } from "prettier";
import { EXAMPLES_DIR, exampleDesignFiles } from "../apply/fixture-tree";
import { generateSnippets } from "../generate/index";
import { checkSql } from "../sql/session";
import { sharedLabDatabase } from "../sql/test-lab";
import { checkProto } from "../validate/proto";
import { parseDesignJson } from "./design-json";
import { DESIGN_FIXTURES } from "./fixtures";
import { designJsonSchema } from "./json-schema";
import { TARGETS, type Design } from "./model";
import { designProblems } from "./rules";
import { schemaViolations } from "./schema-check";
import { validateDesign } from "./validate";

const getLab = sharedLabDatabase();

function readDesign(name: string, text: string): Design {
  const parsed = parseDesignJson(text, name);
  assert.ok("value" in parsed, `${name}: ${"error" in parsed ? parsed.error : ""}`);
  assert.deepEqual(parsed.warnings, []);
  const { design, problems } = validateDesign(parsed.value);
  assert.deepEqual(problems, [], `${name} reads without a problem`);
  return design;
}

describe("the shipped examples", () => {
  it("include every fixture, each derived from it", async () => {
    if (process.env.UPDATE_EXAMPLES === "1")
      for (const [name, design] of Object.entries(DESIGN_FIXTURES))
        writeFileSync(
          path.join(EXAMPLES_DIR, `${name}.json`),
          await format(JSON.stringify(design), { parser: "json" }),
        );
    const examples = new Map(exampleDesignFiles().map((e) => [e.name, e.text]));
    for (const [name, design] of Object.entries(DESIGN_FIXTURES)) {
      const text = examples.get(name);
      assert.ok(text, `content/examples/${name}.json is missing (run with UPDATE_EXAMPLES=1)`);
      assert.deepEqual(
        JSON.parse(text),
        JSON.parse(JSON.stringify(design)),
        `content/examples/${name}.json differs from the fixture (run with UPDATE_EXAMPLES=1)`,
      );
    }
  });

  it("are at least five, across the domains and both targets", () => {
    const designs = exampleDesignFiles().map((e) => readDesign(e.name, e.text));
    assert.ok(designs.length >= 5, `${designs.length} examples`);
    assert.deepEqual([...new Set(designs.map((d) => d.target))].sort(), ["current", "guide"]);
    assert.deepEqual([...new Set(designs.map((d) => d.domain))].sort(), [
      "cohort",
      "feature_flag",
      "group",
      "person",
    ]);
  });

  for (const { name, text } of exampleDesignFiles()) {
    it(`${name}: valid, schema-conforming, generating for both targets, SQL passing`, async () => {
      const design = readDesign(name, text);
      assert.deepEqual(schemaViolations(designJsonSchema(), JSON.parse(text)), []);
      assert.deepEqual(
        designProblems(design).filter((p) => p.severity === "error"),
        [],
        `${name} breaks no rule`,
      );
      for (const target of TARGETS) {
        const snippets = generateSnippets({ ...design, target });
        const code = (id: string) => snippets.find((s) => s.id === id)?.code ?? "";
        assert.ok(snippets.length > 10, `${name} generates for ${target}`);
        assert.deepEqual(checkProto(code("proto-messages"), code("proto-rpc-service")).errors, []);
      }
      const check = await checkSql(getLab().db, getLab().ctx, design.sql);
      assert.ok(check.ok, `${name}: ${check.ok ? "" : check.error.message}`);
      assert.notEqual(check.status, "error", JSON.stringify(check.verdicts));
    });
  }
});
