import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as prettier from "prettier";
import ts from "typescript";
import { WORKED_EXAMPLE, field } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import type { Design } from "../design/model";
import { harnessReport, typecheckDesign } from "../node-harness/harness-files";
import { generateInput } from "./context";
import { assertGolden } from "./golden";
import { nodeSnippets } from "./node";
import type { Snippet } from "./snippet";

/** Designs the fixtures leave out: reserved names, optional and message fields, no fields. */
const EDGES: Readonly<Record<string, Design>> = {
  "strong-many-fields": {
    ...WORKED_EXAMPLE,
    target: "current",
    rpcName: "GetPersonBundle",
    consistency: "strong",
    request: [
      field("team_id", "int64"),
      field("delete", "bool"),
      field("cursor", "int64", { optional: true }),
      field("keys", "TeamDistinctId", { repeated: true }),
      field("response", "string"),
      field("payload", "bytes", { optional: true }),
    ],
    response: {
      kind: "new",
      fields: [
        field("person", "Person"),
        field("person_ids", "int64", { repeated: true }),
        field("next_cursor", "int64", { optional: true }),
        field("total", "int64"),
        field("data", "bytes"),
        field("name", "string"),
        field("ok", "bool"),
        field("ratio", "double"),
      ],
    },
  },
  "void-batch-write": {
    ...WORKED_EXAMPLE,
    target: "current",
    nodeLayout: "ingestion-client",
    rpcName: "TouchGroups",
    domain: "group",
    operation: "write",
    readOptions: false,
    request: [field("team_id", "int64"), field("group_keys", "string", { repeated: true })],
    response: { kind: "new", fields: [] },
  },
  "shared-batch-read": {
    ...WORKED_EXAMPLE,
    target: "current",
    rpcName: "GetGroupsByKeys",
    domain: "group",
    request: [field("keys", "GroupKey", { repeated: true })],
    response: { kind: "shared", name: "GroupsResponse" },
  },
  "no-request-fields": {
    ...WORKED_EXAMPLE,
    rpcName: "CountAllPersons",
    readOptions: false,
    request: [],
  },
};
const ALL = { ...DESIGN_FIXTURES, ...EDGES };

const generate = (design: Design) => nodeSnippets(generateInput(design));
const byId = (snippets: Snippet[], id: string): Snippet => {
  const found = snippets.find((s) => s.id === id);
  assert.ok(found, `no ${id} snippet`);
  return found;
};

/** The snippets inside the smallest file that makes each one a complete TS program. */
const wrapClass = (code: string) => `class C {\n${code}\n}\n`;
const wrapDefaults = (code: string) => `const SERVICE_DEFAULTS = {\n${code}\n}\n`;
const wrapped = (s: Snippet) =>
  s.id === "node-wrapper" ? wrapClass(s.code) : wrapDefaults(s.code);

describe("nodeSnippets", () => {
  for (const [name, design] of Object.entries(DESIGN_FIXTURES)) {
    it(`matches golden/node/${name}.txt`, () => {
      const text = generate(design)
        .map((s) => {
          const imports = (s.imports ?? []).map(
            (i) => `// import { ${i.names.join(", ")} } from '${i.from}'\n`,
          );
          return `// --- ${s.id} ${s.file} (${s.anchor})\n${imports.join("")}${s.code}`;
        })
        .join("\n\n");
      assertGolden(`node/${name}.txt`, `${text}\n`);
    });
  }

  it("puts the code where each target's checkout keeps it", () => {
    const files = (design: Design) => generate(design).map((s) => s.file);
    assert.deepEqual(files(DESIGN_FIXTURES["worked-example-guide"]!), [
      "(terminal)",
      "nodejs/src/ingestion/personhog/persons.ts",
      "nodejs/src/ingestion/personhog/client.test.ts",
    ]);
    assert.deepEqual(files(DESIGN_FIXTURES["worked-example-current"]!).slice(1), [
      "nodejs/src/common/personhog/persons.ts",
      "nodejs/src/common/personhog/client.test.ts",
    ]);
    assert.equal(
      files(DESIGN_FIXTURES["group-read-current"]!)[1],
      "nodejs/src/common/personhog/groups.ts",
    );
    assert.equal(files(EDGES["void-batch-write"]!)[1], "nodejs/src/ingestion/personhog/groups.ts");
    const current = byId(generate(DESIGN_FIXTURES["group-read-current"]!), "node-wrapper");
    assert.equal(current.anchor, "inside class PersonHogGroupOperations");
  });

  it("calls the lowerCamel method and keys the default by it", () => {
    for (const design of Object.values(ALL)) {
      const { d } = generateInput(design);
      const snippets = generate(design);
      const wrapper = byId(snippets, "node-wrapper").code;
      assert.match(wrapper, new RegExp(`^    async ${d.camel}\\(`));
      assert.ok(wrapper.includes(`this.client.${d.camel}(`), d.rpc);
      assert.ok(wrapper.includes(`create(${d.requestMessage}Schema`), d.rpc);
      assert.ok(byId(snippets, "node-service-default").code.startsWith(`    ${d.camel}: () => (`));
    }
  });

  it("converts int64 with BigInt on the way in and Number on the way out", () => {
    const cohort = generate(DESIGN_FIXTURES["cohort-write-current"]!);
    const wrapper = byId(cohort, "node-wrapper").code;
    assert.ok(wrapper.includes("personId: BigInt(personId),"));
    assert.ok(wrapper.includes("cohortIds: cohortIds.map(BigInt),"));
    assert.ok(wrapper.includes("return Number(response.deletedCount)"));
    assert.equal(
      byId(cohort, "node-service-default").code,
      "    removePersonFromCohorts: () => ({ deletedCount: 0n }),",
    );
    const group = byId(generate(DESIGN_FIXTURES["group-read-current"]!), "node-wrapper").code;
    assert.ok(
      group.includes("                groupTypeIndex,\n"),
      "int32 passes through as number",
    );
    const edge = byId(generate(EDGES["strong-many-fields"]!), "node-wrapper").code;
    assert.ok(edge.includes("cursor: cursor === undefined ? undefined : BigInt(cursor),"));
    assert.ok(edge.includes("personIds: response.personIds.map(Number),"));
  });

  it("sends read options on reads that carry them, and only there", () => {
    for (const design of Object.values(ALL)) {
      const wrapper = byId(generate(design), "node-wrapper").code;
      const expected =
        design.operation === "read" && design.readOptions
          ? design.consistency === "strong"
            ? "readOptions: strongReadOptions(),"
            : "readOptions: eventualReadOptions(),"
          : null;
      if (expected) assert.ok(wrapper.includes(expected), design.rpcName);
      else assert.ok(!wrapper.includes("readOptions"), design.rpcName);
    }
  });

  it("returns early on an empty batch, and only for batches", () => {
    for (const design of Object.values(ALL)) {
      const wrapper = byId(generate(design), "node-wrapper").code;
      assert.equal(
        wrapper.includes(".length === 0) {"),
        design.request.some((f) => f.repeated),
      );
    }
    const shared = byId(generate(EDGES["shared-batch-read"]!), "node-wrapper").code;
    assert.ok(shared.includes("return []"));
  });

  it("renames parameters that are reserved words or the wrapper's own names", () => {
    const wrapper = byId(generate(EDGES["strong-many-fields"]!), "node-wrapper").code;
    assert.ok(wrapper.includes("delete: deleteValue,"));
    assert.ok(wrapper.includes("response: responseValue,"));
    assert.ok(wrapper.includes("cursor: number | undefined,"), "optional before a required field");
    assert.ok(wrapper.includes("payload?: Uint8Array,"), "trailing optional field");
  });

  it("notes that a missing typed default is a compile error in the current layout", () => {
    const notes = byId(
      generate(DESIGN_FIXTURES["worked-example-current"]!),
      "node-service-default",
    ).notes;
    assert.ok(notes.some((n) => n.includes("ServiceImpl") && n.includes("compile")));
  });

  it("notes the routing-key headers for leader calls", () => {
    const leader = byId(generate(DESIGN_FIXTURES["person-write-guide"]!), "node-wrapper").notes;
    assert.ok(leader.some((n) => n.includes("x-person-id")));
    const replica = byId(generate(DESIGN_FIXTURES["cohort-write-current"]!), "node-wrapper").notes;
    assert.ok(!replica.some((n) => n.includes("x-person-id")));
  });

  for (const [name, design] of Object.entries(ALL)) {
    it(`${name}: TypeScript parses every snippet`, () => {
      for (const s of generate(design).filter((s) => s.language === "typescript")) {
        const source = ts.createSourceFile(
          `${s.id}.ts`,
          wrapped(s),
          ts.ScriptTarget.Latest,
          true,
          ts.ScriptKind.TS,
        );
        const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] })
          .parseDiagnostics;
        assert.deepEqual(
          diagnostics.map((diag) => ts.flattenDiagnosticMessageText(diag.messageText, "\n")),
          [],
          s.code,
        );
      }
    });

    it(`${name}: type-checks in the Node compile harness`, () => {
      assert.equal(harnessReport(typecheckDesign(design)), "");
    });

    it(`${name}: is already in PostHog's nodejs Prettier style`, async () => {
      for (const s of generate(design).filter((s) => s.language === "typescript")) {
        const formatted = await prettier.format(wrapped(s), {
          parser: "typescript",
          printWidth: 120,
          tabWidth: 4,
          semi: false,
          singleQuote: true,
          trailingComma: "es5",
        });
        assert.equal(formatted, wrapped(s));
      }
    });
  }
});
