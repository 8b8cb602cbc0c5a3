import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { field } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import type { Design } from "../design/model";
import { generateInput } from "./context";
import { assertGolden } from "./golden";
import { bracketed, comprehension, nextOf } from "./python-layout";
import { pythonSnippets } from "./python";
import type { Snippet } from "./snippet";

function generate(design: Design): Snippet[] {
  return pythonSnippets(generateInput(design));
}

function byId(snippets: Snippet[], id: string): Snippet {
  const found = snippets.find((s) => s.id === id);
  assert.ok(found, `no snippet ${id}`);
  return found;
}

function python(script: string, stdin: string, ...args: string[]) {
  return spawnSync("python3", ["-c", script, ...args], { input: stdin, encoding: "utf8" });
}

/** Real Python code as it would sit in its file: methods inside a class, names inside an import. */
function asModule(s: Snippet): string {
  return s.id === "python-reexports" ? `from x import (\n${s.code}\n)\n` : `class _C:\n${s.code}\n`;
}

describe("pythonSnippets", () => {
  for (const [name, design] of Object.entries(DESIGN_FIXTURES)) {
    const snippets = generate(design);

    it(`${name}: matches its golden file`, () => {
      const text = snippets
        .map((s) => `# --- ${s.id} ${s.file} (${s.anchor})\n${s.code}\n`)
        .join("\n");
      assertGolden(`python/${name}.txt`, text);
    });

    it(`${name}: every Python snippet parses with Python's ast`, () => {
      for (const s of snippets.filter((x) => x.language === "python")) {
        const result = python("import ast,sys; ast.parse(sys.stdin.read())", asModule(s));
        assert.equal(result.status, 0, `${s.id} does not parse:\n${result.stderr}`);
      }
    });
  }

  it("uses the read shape for reads and the timeout parameter for writes", () => {
    const read = byId(generate(DESIGN_FIXTURES["worked-example-guide"]!), "python-client-method");
    assert.equal(
      read.code,
      [
        "    def get_person_count(self, request: GetPersonCountRequest) -> GetPersonCountResponse:",
        "        return self._stub.GetPersonCount(request, timeout=self._timeout)",
      ].join("\n"),
    );
    const write = generate(DESIGN_FIXTURES["person-write-guide"]!);
    for (const id of ["python-client-method", "python-fake-method"])
      assert.match(byId(write, id).code, /, timeout: float \| None = None\n {4}\) -> /);
    assert.match(
      byId(write, "python-client-method").code,
      /return self\._stub\.SetPersonLastSeen\(request, timeout=timeout or self\._timeout\)$/,
    );
  });

  it("names both methods and the recorded call in snake_case", () => {
    const rpcName = "CountPersonsByDistinctIdsInTeam";
    const snippets = generate({ ...DESIGN_FIXTURES["worked-example-guide"]!, rpcName });
    const snake = "count_persons_by_distinct_ids_in_team";
    for (const id of ["python-client-method", "python-fake-method"])
      assert.match(byId(snippets, id).code, new RegExp(`^ {4}def ${snake}\\(`));
    assert.match(
      byId(snippets, "python-fake-method").code,
      new RegExp(`^ {8}self\\.calls\\.append\\(_Call\\("${snake}", request\\)\\)$`, "m"),
    );
  });

  it("re-exports a new response with the request, alphabetically", () => {
    const reexports = byId(generate(DESIGN_FIXTURES["worked-example-guide"]!), "python-reexports");
    assert.equal(reexports.code, "    GetPersonCountRequest,\n    GetPersonCountResponse,");
    assert.match(reexports.anchor, /types\.v1\.person_pb2 import/);
  });

  it("does not re-export a shared response and fills it from the fake's store", () => {
    const snippets = generate(DESIGN_FIXTURES["group-read-current"]!);
    assert.equal(byId(snippets, "python-reexports").code, "    ListGroupsByTypeRequest,");
    assert.match(byId(snippets, "python-reexports").notes.join(" "), /GroupsResponse is shared/);
    assert.match(
      byId(snippets, "python-fake-method").code,
      /return group_pb2\.GroupsResponse\(groups=groups\)$/,
    );
  });

  it("fills a new response with zero values and leaves optional and message fields unset", () => {
    const design: Design = {
      ...DESIGN_FIXTURES["worked-example-guide"]!,
      response: {
        kind: "new",
        fields: [
          field("count", "int64"),
          field("has_more", "bool"),
          field("next_cursor", "string"),
          field("properties", "bytes"),
          field("person_ids", "int64", { repeated: true }),
          field("next", "int64", { optional: true }),
          field("person", "Person"),
          field("from", "int32"),
        ],
      },
    };
    const fake = byId(generate(design), "python-fake-method").code;
    assert.match(
      fake,
      /return person_pb2\.GetPersonCountResponse\(\n {12}count=0, has_more=False, next_cursor="", properties=b"", person_ids=\[\], \*\*\{"from": 0\}\n {8}\)$/,
    );
  });

  it("keeps a TODO naming the stores and the reason where the SQL cannot be mirrored", () => {
    const worked = DESIGN_FIXTURES["worked-example-guide"]!;
    const sql = `${worked.sql} AND properties ->> 'email' = $2`;
    const read = byId(generate({ ...worked, sql }), "python-fake-method");
    assert.match(
      read.code,
      /# TODO: compute the answer from self\._persons_by_id \(keyed \(team_id, person_id\)\) \(not generated: .+\)\.\n/,
    );
    const cohort = DESIGN_FIXTURES["cohort-write-current"]!;
    const write = byId(
      generate({ ...cohort, sql: cohort.sql.replace(" AND ", " OR ") }),
      "python-fake-method",
    );
    assert.match(
      write.code,
      /# TODO: apply the change to self\._cohort_members \(keyed \(cohort_id, person_id\)\) and self\._cohort_memberships \(keyed person_id\) so later reads see it \(not generated: the conditions use OR\)\./,
    );
    assert.match(write.code, /deleted_count=0\)$/);
    assert.match(
      byId(generate(cohort), "python-fake-method").notes.join(" "),
      /kept in step in the other dicts that hold them or hang off them: self\._cohort_memberships\./,
    );
    assert.match(
      byId(generate(worked), "python-fake-method").notes.join(" "),
      /Computed from self\._persons_by_id .* is_deleted = false holds for every row it has/,
    );
    const flags = generate({
      ...DESIGN_FIXTURES["worked-example-guide"]!,
      domain: "feature_flag",
      tables: ["posthog_featureflaghashkeyoverride"],
    });
    assert.match(
      byId(flags, "python-fake-method").code,
      /no posthog_featureflaghashkeyoverride rows/,
    );
  });

  it("breaks long lines the way ruff format does, counting from the column the code lands at", () => {
    assert.equal(bracketed("def f", ["self"], ":")(4), "def f(self):");
    const long = ["self", `request: ${"X".repeat(60)}`, "timeout: float | None = None"];
    assert.equal(bracketed("def f", long, " -> Y:")(0), `def f(${long.join(", ")}) -> Y:`);
    assert.equal(bracketed("def f", long, " -> Y:")(4), `def f(\n    ${long.join(", ")}\n) -> Y:`);
    const longer = [...long, "z".repeat(60)];
    assert.equal(
      bracketed("f", longer, "")(0),
      ["f(", ...longer.map((x) => `    ${x},`), ")"].join("\n"),
    );
  });

  it("breaks comprehensions and next(…) as ruff does: one line, the clauses on one, one per line", () => {
    const clauses = [
      "row",
      `for row in self.${"x".repeat(30)}.values()`,
      `if row.${"y".repeat(30)}`,
    ];
    const inner = clauses.join(" ");
    assert.equal(comprehension("rows = ", "[]", clauses)(0), `rows = [${inner}]`);
    assert.equal(comprehension("rows = ", "[]", clauses)(16), `rows = [\n    ${inner}\n]`);
    assert.equal(
      comprehension("rows = ", "[]", clauses, "[:n]")(40),
      ["rows = [", ...clauses.map((c) => `    ${c}`), "][:n]"].join("\n"),
    );
    assert.equal(nextOf("row", clauses)(0), `row = next((${inner}), None)`);
    assert.equal(nextOf("row", clauses)(8), `row = next(\n    (${inner}), None\n)`);
    assert.equal(
      nextOf("row", clauses)(40),
      [
        "row = next(",
        "    (",
        ...clauses.map((c) => `        ${c}`),
        "    ),",
        "    None,",
        ")",
      ].join("\n"),
    );
  });
});
