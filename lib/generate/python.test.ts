import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { field } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import type { Design } from "../design/model";
import { generateInput } from "./context";
import { assertGolden } from "./golden";
import { bracketed, pythonSnippets } from "./python";
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

/**
 * Runs both methods against stand-ins for the stub, the generated modules and `_Call`, and prints
 * what they did: proves the code runs, not only parses.
 */
const HARNESS = String.raw`
import json, sys
from dataclasses import dataclass
from typing import Any

@dataclass
class _Call:
    method: str
    request: Any
    response: Any = None

class _Message:
    def __init__(self, **fields):
        self.fields = fields

class _Module:
    def __getattr__(self, name):
        return type(name, (_Message,), {})

class _Stub:
    def __getattr__(self, rpc):
        return lambda request, timeout: {"rpc": rpc, "timeout": timeout}

client_code, fake_code = sys.stdin.read().split("\n#SPLIT\n")
names = {n: _Module() for n in ("person_pb2", "group_pb2", "cohort_pb2", "feature_flag_pb2", "common_pb2")}
scope = {"_Call": _Call, "float": float, **names}
exec("from __future__ import annotations\nclass Client:\n" + client_code + "\nclass Fake:\n" + fake_code, scope)
method = sys.argv[1]
client = scope["Client"]()
client._stub, client._timeout = _Stub(), 5.0
fake = scope["Fake"]()
fake.calls = []
response = getattr(fake, method)("req")
out = {
    "client": getattr(client, method)("req"),
    "call": [fake.calls[0].method, fake.calls[0].request, len(fake.calls)],
    "response": [type(response).__name__, response.fields],
}
if "timeout" in getattr(client, method).__code__.co_varnames:
    out["client_timeout"] = getattr(client, method)("req", timeout=30.0)["timeout"]
print(json.dumps(out))
`;

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

    it(`${name}: the wrapper calls the stub and the fake records the call`, () => {
      const client = byId(snippets, "python-client-method").code;
      const fake = byId(snippets, "python-fake-method").code;
      const { d } = generateInput(design);
      const result = python(HARNESS, `${client}\n#SPLIT\n${fake}`, d.snake);
      assert.equal(result.status, 0, result.stderr);
      const out = JSON.parse(result.stdout) as Record<string, unknown>;
      assert.deepEqual(out.client, { rpc: design.rpcName, timeout: 5.0 });
      assert.deepEqual(out.call, [d.snake, "req", 1]);
      assert.equal((out.response as unknown[])[0], d.responseMessage);
      if (design.operation === "write") assert.equal(out.client_timeout, 30.0);
      else assert.equal(out.client_timeout, undefined);
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

  it("does not re-export a shared response and returns it empty from the fake", () => {
    const snippets = generate(DESIGN_FIXTURES["group-read-current"]!);
    assert.equal(byId(snippets, "python-reexports").code, "    ListGroupsByTypeRequest,");
    assert.match(byId(snippets, "python-reexports").notes.join(" "), /GroupsResponse is shared/);
    assert.match(
      byId(snippets, "python-fake-method").code,
      /return group_pb2\.GroupsResponse\(\)$/,
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

  it("points the fake's TODO at the in-memory data of the design's tables", () => {
    const read = byId(generate(DESIGN_FIXTURES["worked-example-guide"]!), "python-fake-method");
    assert.match(read.code, /# TODO: compute the answer from self\._persons_by_id/);
    const write = byId(generate(DESIGN_FIXTURES["cohort-write-current"]!), "python-fake-method");
    assert.match(write.code, /# TODO: apply the change to self\._cohort_members so later reads/);
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
});
