/**
 * The Node compile harness over every fixture and shipped example, in both Node layouts: the
 * wrapper and SERVICE_DEFAULTS entry, placed in the stand-in of the layout's client module, must
 * type-check against the design's generated `_pb` types. Broken variants of a compiling case prove
 * the harness fails, each with the compiler's own diagnostic.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { KNOWN_MESSAGES, SHARED_RESPONSES } from "../catalogue/existing-rpcs";
import { exampleDesignFiles } from "../apply/fixture-tree";
import { parseDesignJson } from "../design/design-json";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { NODE_LAYOUTS, SCALAR_TYPES, type Design, type FieldDesign } from "../design/model";
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

/** Field names reserved somewhere in TypeScript, protobuf-es or the wrapper itself, and plain ones. */
const NAMES = (
  "team_id person_id limit delete class new this void function var case catch default switch " +
  "throw export extends implements interface package private protected public arguments eval " +
  "undefined constructor to_string value_of to_j_s_o_n create response caller_tag type enum " +
  "const in if else return yield await async let static import field_1_name"
).split(" ");
const TYPES = [...SCALAR_TYPES, ...Object.keys(KNOWN_MESSAGES)];

const fieldsArb = fc.uniqueArray(
  fc
    .record({
      name: fc.constantFrom(...NAMES),
      type: fc.constantFrom(...TYPES),
      optional: fc.boolean(),
      repeated: fc.boolean(),
    })
    .map((f): FieldDesign => ({ ...f, optional: f.optional && !f.repeated, comment: "" })),
  { selector: (f) => f.name, minLength: 1, maxLength: 5 },
);
const designArb = fc
  .record({
    nodeLayout: fc.constantFrom(...NODE_LAYOUTS),
    domain: fc.constantFrom("person" as const, "group" as const, "cohort" as const),
    operation: fc.constantFrom("read" as const, "write" as const),
    consistency: fc.constantFrom("eventual" as const, "strong" as const),
    request: fieldsArb,
    response: fc.oneof(
      fieldsArb.map((fields) => ({ kind: "new" as const, fields })),
      fc
        .constantFrom(...Object.keys(SHARED_RESPONSES))
        .map((name) => ({ kind: "shared" as const, name })),
    ),
  })
  .map((d): Design => ({
    ...DESIGN_FIXTURES["worked-example-current"]!,
    ...d,
    readOptions: d.operation === "read",
  }));

describe("the Node compile harness over designs with reserved field names", () => {
  const designs = fc
    .sample(designArb, { numRuns: 16, seed: 20_261 })
    .map((d, i) => ({ ...d, rpcName: `ReservedNames${i}` }));
  const generated = designs
    .map((design) => ({ design, snippets: generateSnippets(design) }))
    .filter((g) => g.snippets.some((s) => s.id === "node-wrapper"));

  it("generates Node code for most of them (the rest are refused for their names)", () => {
    assert.ok(generated.length >= 10, `${generated.length} of ${designs.length}`);
  });

  for (const { design, snippets } of generated)
    it(`${design.rpcName} (${design.request.map((f) => f.name).join(", ")}): type-checks`, () => {
      assert.equal(harnessReport(check(design, design.nodeLayout, snippets)), "");
    });
});
