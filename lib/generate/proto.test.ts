import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { WORKED_EXAMPLE, field } from "../design/defaults";
import { checkProto } from "../validate/proto";
import { generateInput } from "./context";
import { assertGolden } from "./golden";
import { protoSnippets, rpcGroup } from "./proto";
import type { Design } from "../design/model";

describe("protoSnippets", () => {
  it("writes the guide's worked example as the reference page does", () => {
    const [messages, service, replica] = protoSnippets(generateInput(WORKED_EXAMPLE));
    assert.match(
      messages?.code ?? "",
      /message GetPersonCountRequest \{\n {2}int64 team_id = 1;\n {2}ReadOptions read_options = 2;\n\}/,
    );
    assert.match(
      messages?.code ?? "",
      /message GetPersonCountResponse \{\n {2}int64 count = 1;\n\}/,
    );
    assert.equal(
      service?.code,
      "rpc GetPersonCount(personhog.types.v1.GetPersonCountRequest) returns (personhog.types.v1.GetPersonCountResponse);",
    );
    assert.equal(service?.code, replica?.code);
    assert.equal(messages?.file, "proto/personhog/types/v1/person.proto");
  });

  it("declares a leader write in leader.proto and never in replica.proto, in both targets", () => {
    for (const target of ["guide", "current"] as const) {
      const files = protoSnippets(
        generateInput({ ...DESIGN_FIXTURES["person-write-guide"]!, target }),
      ).map((s) => s.file);
      assert.ok(files.includes("proto/personhog/leader/v1/leader.proto"), target);
      assert.ok(!files.includes("proto/personhog/replica/v1/replica.proto"), target);
    }
  });

  it("places the rpc line in its domain's comment group; a leader write goes last", () => {
    const group = (design: Design) => rpcGroup(generateInput(design));
    assert.equal(group(DESIGN_FIXTURES["cohort-write-current"]!), "Cohort membership");
    assert.equal(group(DESIGN_FIXTURES["group-read-current"]!), "Groups");
    const mappings = {
      ...DESIGN_FIXTURES["group-read-current"]!,
      tables: ["posthog_grouptypemapping"],
    };
    assert.equal(group(mappings), "Group type mappings");
    assert.equal(group({ ...mappings, operation: "write" }), "Group type mapping writes");
    assert.equal(group(DESIGN_FIXTURES["person-write-guide"]!), null);
    const rpc = protoSnippets(generateInput(DESIGN_FIXTURES["group-read-current"]!))[1]!;
    assert.equal(rpc.anchor, 'inside service PersonHogService, last in its "// Groups" group');
  });

  it("names each comment group as service.proto and replica.proto spell it", () => {
    const anchors = (design: Design) =>
      protoSnippets(generateInput(design))
        .filter((s) => s.id.startsWith("proto-rpc-"))
        .map((s) => /"\/\/ ([^"]+)" group/.exec(s.anchor)?.[1]);
    // replica.proto drops service.proto's "by ID" from the person lookups' heading.
    assert.deepEqual(anchors(WORKED_EXAMPLE), ["Person lookups by ID", "Person lookups"]);
    const byDistinctId = {
      ...WORKED_EXAMPLE,
      tables: ["posthog_person", "posthog_persondistinctid"],
    };
    assert.deepEqual(anchors(byDistinctId), Array(2).fill("Person lookups by distinct ID"));
    const flags = {
      ...WORKED_EXAMPLE,
      domain: "feature_flag" as const,
      tables: ["posthog_featureflaghashkeyoverride"],
    };
    assert.deepEqual(anchors(flags), Array(2).fill("Feature flag hash key override support"));
  });

  for (const [name, design] of Object.entries(DESIGN_FIXTURES)) {
    it(`${name}: matches its golden file and parses with protobufjs`, () => {
      const snippets = protoSnippets(generateInput(design));
      assertGolden(
        `proto/${name}.txt`,
        snippets.map((s) => `// --- ${s.id} ${s.file} (${s.anchor})\n${s.code}\n`).join("\n"),
      );
      const check = checkProto(snippets[0]?.code ?? "", snippets[1]?.code ?? "");
      assert.deepEqual(check.errors, []);
    });
  }

  it("reports a reference to a type that does not exist", () => {
    const design = {
      ...WORKED_EXAMPLE,
      request: [field("team_id", "int64"), field("widget", "Widget")],
    };
    const [messages, service] = protoSnippets(generateInput(design));
    const check = checkProto(messages?.code ?? "", service?.code ?? "");
    assert.equal(check.ok, false);
    assert.match(check.errors.join(" "), /Widget/);
  });

  it("reports a message that already exists", () => {
    const check = checkProto(
      "message PersonsResponse { int64 n = 1; }",
      "rpc X(personhog.types.v1.PersonsResponse) returns (personhog.types.v1.PersonsResponse);",
    );
    assert.match(check.errors.join(" "), /PersonsResponse already exists/);
  });
});
