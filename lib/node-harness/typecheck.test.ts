/**
 * The Node compile harness over every fixture and shipped example, in both Node layouts: the
 * wrapper and SERVICE_DEFAULTS entry, placed in the stand-in of the layout's client module, must
 * type-check against the design's generated `_pb` types. Broken variants of a compiling case prove
 * the harness fails, each with the compiler's own diagnostic.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { exampleDesignFiles } from "../apply/fixture-tree";
import { parseDesignJson } from "../design/design-json";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { NODE_LAYOUTS, type Design } from "../design/model";
import { validateDesign } from "../design/validate";
import { generateSnippets } from "../generate/index";
import type { Snippet } from "../generate/snippet";
import type { NodeLayout } from "./client-module";
import { harnessReport, typecheckDesign } from "./harness-files";

function exampleDesign(name: string, text: string): Design {
  const parsed = parseDesignJson(text, name);
  assert.ok("value" in parsed, `content/examples/${name}.json does not read`);
  return validateDesign(parsed.value).design;
}

const DESIGNS: Readonly<Record<string, Design>> = {
  ...Object.fromEntries(exampleDesignFiles().map((e) => [e.name, exampleDesign(e.name, e.text)])),
  ...DESIGN_FIXTURES,
};

/** The design as a checkout of that layout would generate it: the guide target is the ingestion one. */
const inLayout = (design: Design, layout: NodeLayout): Design =>
  layout === "common-operations"
    ? { ...design, target: "current", nodeLayout: layout }
    : { ...design, nodeLayout: layout };

const check = typecheckDesign;

describe("the Node compile harness", () => {
  for (const [name, design] of Object.entries(DESIGNS)) {
    for (const layout of NODE_LAYOUTS) {
      it(`${name}, ${layout}: the wrapper and SERVICE_DEFAULTS entry type-check in place`, () => {
        const result = check(inLayout(design, layout), layout);
        assert.equal(harnessReport(result), "");
      });
    }
  }
});

function edit(snippets: readonly Snippet[], id: string, from: string, to: string): Snippet[] {
  return snippets.map((s) => {
    if (s.id !== id) return s;
    assert.ok(s.code.includes(from), `${id} no longer contains ${from}: update the broken variant`);
    return { ...s, code: s.code.replace(from, to) };
  });
}

const BASE = DESIGN_FIXTURES["worked-example-current"]!;
const baseSnippets = generateSnippets(BASE);
const guideSnippets = generateSnippets(DESIGN_FIXTURES["worked-example-guide"]!);

/** Broken variants of a compiling case: what is broken, the layout, and the compiler's diagnostic. */
const BROKEN: readonly { what: string; layout: NodeLayout; snippets: Snippet[]; expect: RegExp }[] =
  [
    {
      what: "a request field under its proto spelling (team_id for teamId)",
      layout: "common-operations",
      snippets: edit(
        baseSnippets,
        "node-wrapper",
        "teamId: BigInt(teamId)",
        "team_id: BigInt(teamId)",
      ),
      expect:
        /persons\.ts:\d+:\d+ TS2561: Object literal may only specify known properties, but 'team_id' does not exist in type 'GetPersonCountRequest \| MessageInit<GetPersonCountRequest>'\. Did you mean to write 'teamId'\?/,
    },
    {
      what: "a number where SERVICE_DEFAULTS needs an int64's bigint",
      layout: "common-operations",
      snippets: edit(baseSnippets, "node-service-default", "count: 0n", "count: 0"),
      expect: /client\.test\.ts:\d+:\d+ TS2322: Type 'number' is not assignable to type 'bigint'/,
    },
    {
      what: "no SERVICE_DEFAULTS entry for the new RPC",
      layout: "common-operations",
      snippets: baseSnippets.filter((s) => s.id !== "node-service-default"),
      expect: /client\.test\.ts:\d+:\d+ TS2741: Property 'getPersonCount' is missing/,
    },
    {
      what: "a response field that does not exist",
      layout: "common-operations",
      snippets: edit(baseSnippets, "node-wrapper", "response.count", "response.total"),
      expect: /TS2339: Property 'total' does not exist on type/,
    },
    {
      what: "the wrapper in PersonHogClient, as the written guide says, where it has no this.client",
      layout: "ingestion-client",
      snippets: guideSnippets.map((s) =>
        s.id === "node-wrapper"
          ? {
              ...s,
              file: "nodejs/src/ingestion/personhog/client.ts",
              anchor: "inside class PersonHogClient",
            }
          : s,
      ),
      expect:
        /ingestion\/personhog\/client\.ts:\d+:\d+ TS2339: Property 'client' does not exist on type 'PersonHogClient'/,
    },
  ];

describe("the Node compile harness fails a broken snippet", () => {
  for (const b of BROKEN) {
    it(b.what, () => {
      const design =
        b.layout === "ingestion-client" ? DESIGN_FIXTURES["worked-example-guide"]! : BASE;
      const result = check(design, b.layout, b.snippets);
      assert.deepEqual(result.problems, []);
      assert.match(result.diagnostics.join("\n"), b.expect);
    });
  }

  it("fails nothing else in the unbroken case (the variants' base compiles)", () => {
    assert.deepEqual(check(BASE, "common-operations", baseSnippets).diagnostics, []);
  });
});
