/**
 * Shapes of PostHog's real files that once made apply refuse or misplace a snippet, kept as our
 * own fixtures (lib/apply/fixtures/real-shapes/, laid over the current-era checkout): each test
 * failed before the fix it guards.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDesignJson } from "../design/design-json";
import { RPC_GROUPS } from "../catalogue/existing-rpcs";
import { snakeCase } from "../catalogue/naming";
import { field } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { REBUILT_RPCS } from "../design/rebuilt-rpcs";
import type { Design } from "../design/model";
import { validateDesign } from "../design/validate";
import { generateSnippets } from "../generate";
import { headingFit, headingFor, rpcLinePosition } from "./anchors";
import { applySnippets } from "./apply";
import { exampleDesignFiles, fixtureCheckout, realShapesCheckout } from "./fixture-tree";

const SERVICE = "proto/personhog/service/v1/service.proto";
const REPLICA = "proto/personhog/replica/v1/replica.proto";
const REEXPORTS = "posthog/personhog_client/proto/__init__.py";
const FAKE = "posthog/personhog_client/fake_client.py";
const HANDLERS = "rust/personhog-replica/src/service/mod.rs";

function example(name: string): Design {
  const file = exampleDesignFiles().find((f) => f.name === name)!;
  const parsed = parseDesignJson(file.text, name);
  assert.ok(!("error" in parsed));
  return validateDesign(parsed.value).design;
}

/** The design applied to `tree`, checked to land cleanly and to change nothing a second time. */
function applied(design: Design, tree: Map<string, string>): Map<string, string> {
  const snippets = generateSnippets(design);
  const outcome = applySnippets(tree, snippets);
  assert.deepEqual(outcome.problems, []);
  const after = new Map([...tree, ...outcome.changed]);
  assert.equal(applySnippets(after, snippets).changed.size, 0);
  return after;
}

/** The line just before the first line of `text` that contains `needle`. */
function lineBefore(text: string, needle: string): string {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => l.includes(needle));
  assert.ok(at > 0, `${needle} is in the text`);
  return lines[at - 1]!;
}

describe("rpc groups worded differently from file to file", () => {
  it("finds replica.proto's shorter heading (`// Person lookups` for `Person lookups by ID`)", () => {
    const design = DESIGN_FIXTURES["worked-example-current"]!;
    const after = applied(design, realShapesCheckout());
    for (const file of [SERVICE, REPLICA])
      assert.match(lineBefore(after.get(file)!, `rpc ${design.rpcName}(`), /rpc GetPerson\(/, file);
  });

  it("finds a longer heading (`… override support` for `… overrides`) in both service files", () => {
    const design = example("hash-key-override-delete-current");
    const after = applied(design, realShapesCheckout());
    for (const file of [SERVICE, REPLICA])
      assert.match(
        lineBefore(after.get(file)!, `rpc ${design.rpcName}(`),
        /rpc DeleteHashKeyOverridesByTeams\(/,
        file,
      );
  });

  it("never takes a heading that differs by a read/write word, nor one of two loose fits", () => {
    assert.equal(headingFit("Person lookups", "Person lookups by ID"), 1);
    assert.equal(headingFit("Person lookups by ID/UUID", "Person lookups by ID"), 2);
    assert.equal(headingFit("Person lookups by distinct ID", "Person lookups by Distinct ID"), 0);
    assert.equal(headingFit("Group writes (routed to replica)", "Groups"), null);
    assert.equal(headingFit("Groups", "Group writes"), null);
    assert.equal(headingFit("Person lookups by distinct ID", "Person lookups by ID"), null);
    const text = [
      "service S {",
      "  // Person",
      "  rpc A(X) returns (Y);",
      "",
      "  // Person lookups",
      "  rpc B(X) returns (Y);",
      "}",
    ].join("\n");
    assert.equal(rpcLinePosition(text, "S", "Person lookups by ID by team"), null);
  });
});

describe("service.proto's comment groups", () => {
  it("each catalogue group is found by its own heading, as the newest service.proto words it", () => {
    const headings = [
      "Person lookups by ID",
      "Person lookups by distinct ID",
      "Distinct ID operations",
      "Feature flag hash key override support",
      "Cohort membership",
      "Groups",
      "Group type mappings",
      "Group writes (routed to replica — non-person data)",
      "Group type mapping writes (routed to replica — non-person data)",
      "Person property updates (routed to leader)",
      "Lifecycle fence RPCs (routed to leader). Internal: called only by the",
      "Person deletes",
      "Person split",
      "Undelete repair version resets. Same routing caveat as DeletePersons above.",
    ];
    const found = Object.keys(RPC_GROUPS).map((group) => headingFor(headings, (h) => h, group));
    assert.deepEqual(found, headings);
  });
});

describe("re-exports of a domain that has none yet", () => {
  it("adds the domain's block among its siblings, in module order, and fills it", () => {
    const design = example("hash-key-override-delete-current");
    const text = applied(design, realShapesCheckout()).get(REEXPORTS)!;
    const block = /^from [\w.]+\.feature_flag_pb2 import \(\n((?: {4}\w+,\n)+)\)\n/m.exec(text);
    assert.ok(block, text);
    assert.deepEqual(block[1]!.trim().split(/,\s*/).filter(Boolean), [
      `${design.rpcName}Request`,
      `${design.rpcName}Response`,
    ]);
    assert.ok(text.indexOf("cohort_pb2 import") < block.index);
    assert.ok(block.index < text.indexOf("group_pb2 import"));
  });
});

describe("sections inside a class or impl", () => {
  it("puts the fake's method after its rpc group's, in the interface, before the helpers", () => {
    // The real fake's one interface section keeps each group's methods together, in
    // service.proto's order: a person lookup joins get_person, ahead of the groups' methods.
    const design = DESIGN_FIXTURES["worked-example-current"]!;
    const text = applied(design, realShapesCheckout()).get(FAKE)!;
    const method = text.indexOf("def get_person_count(");
    assert.ok(method > text.indexOf("def get_person("));
    assert.ok(method < text.indexOf("def get_group("));
    assert.ok(method < text.indexOf("# ── Assertion helpers"));
  });

  it("puts a hash key override handler in the replica's `// Feature Flag support` section", () => {
    // The banner names no group of ours; the handlers of the group's RPCs already in it do.
    const design = example("hash-key-override-delete-current");
    for (const file of [HANDLERS, "rust/personhog-replica/src/storage/postgres/feature_flag.rs"]) {
      const text = applied(design, fixtureCheckout("current")).get(file)!;
      const fn = text.indexOf("async fn delete_hash_key_overrides_for_persons(");
      assert.ok(fn > text.indexOf("async fn delete_hash_key_overrides_by_teams("), file);
      const next = text.indexOf("// Cohort membership");
      assert.ok(next < 0 || fn < next, file);
      assert.match(text.slice(0, fn), /\n    \}\n\n    $/, `${file}: a blank line before it`);
    }
  });

  it("puts the client's wrapper last in the section its rpc group names", () => {
    const design = DESIGN_FIXTURES["worked-example-current"]!;
    const text = applied(design, fixtureCheckout("current")).get(
      "posthog/personhog_client/client.py",
    )!;
    const method = text.indexOf("def get_person_count(");
    assert.ok(method > text.indexOf("def get_person("));
    assert.ok(method < text.indexOf("# -- Groups --"));
  });

  it("puts the replica handler last in its rpc group's `// ====` banner section", () => {
    const person = applied(DESIGN_FIXTURES["worked-example-current"]!, fixtureCheckout("current"));
    const handlers = person.get(HANDLERS)!;
    const at = handlers.indexOf("async fn get_person_count(");
    assert.ok(at > handlers.indexOf("async fn get_person("));
    assert.ok(at < handlers.indexOf("// Distinct ID operations"));
    const cohort = applied(DESIGN_FIXTURES["cohort-write-current"]!, fixtureCheckout("current"));
    const text = cohort.get(HANDLERS)!;
    const name = snakeCase(DESIGN_FIXTURES["cohort-write-current"]!.rpcName);
    const fn = text.indexOf(`async fn ${name}(`);
    assert.ok(fn > text.indexOf("async fn delete_cohort_member("), name);
    assert.ok(fn < text.indexOf("// Groups"), name);
  });
});

describe("a storage trait headed by lone `// Title` lines", () => {
  const TRAIT = "rust/personhog-replica/src/storage/traits/group.rs";
  const fnAt = (text: string, design: Design) => text.indexOf(`fn ${snakeCase(design.rpcName)}(`);

  it("puts a group read after the group lookups, which two headings fit as well", () => {
    const design = DESIGN_FIXTURES["group-read-current"]!;
    const text = applied(design, realShapesCheckout()).get(TRAIT)!;
    const fn = fnAt(text, design);
    assert.ok(fn > text.indexOf("fn get_groups_batch("), text);
    assert.ok(fn < text.indexOf("// Group writes"), text);
  });

  it("puts a group type mapping read with the mapping lookups, before their writes", () => {
    const design: Design = { ...example("group-type-mapping-read-guide"), target: "current" };
    const text = applied(design, realShapesCheckout()).get(TRAIT)!;
    const fn = fnAt(text, design);
    assert.ok(fn > text.indexOf("fn get_group_type_mappings_by_team_id("), text);
    assert.ok(fn < text.indexOf("// Group type mapping writes"), text);
  });
});

describe("SERVICE_DEFAULTS, which has no headings", () => {
  const DEFAULTS = "nodejs/src/common/personhog/client.test.ts";
  // The stub the design adds, and the one the real object keeps just before it (its group's last).
  const cases: readonly (readonly [string, string, RegExp])[] = [
    ["worked-example-current", "getPersonCount", /^ {4}getPersonsByUuids:/],
    ["cohort-write-current", "removePersonFromCohorts", /^ {4}listCohortMemberIds:/],
    ["group-read-current", "listGroupsByType", /^ {4}listGroups:/],
    [
      "hash-key-override-delete-current",
      "deleteHashKeyOverridesForPersons",
      /^ {4}deleteHashKeyOverridesByTeams:/,
    ],
    ["person-delete-current", "purgeDeletedPerson", /^ {4}deleteTombstonedPersons:/],
  ];
  for (const [name, key, before] of cases)
    it(`puts ${name}'s stub after its rpc group's entries`, () => {
      const design = exampleDesignFiles().some((f) => f.name === name)
        ? example(name)
        : DESIGN_FIXTURES[name]!;
      const text = applied(design, realShapesCheckout()).get(DEFAULTS)!;
      assert.match(lineBefore(text, `    ${key}: `), before);
    });
});

describe("a checkout without the group's RPCs yet", () => {
  it("puts the entry after its domain's: a mapping read's stub after the group stubs", () => {
    const design: Design = { ...example("group-type-mapping-read-guide"), target: "current" };
    const text = applied(design, fixtureCheckout("current")).get(
      "nodejs/src/common/personhog/client.test.ts",
    )!;
    assert.match(lineBefore(text, "    getGroupTypeMappingByIndex: "), /^ {4}getGroup:/);
  });

  it("puts a by-distinct-id lookup after the lookups by id, the group listed before it", () => {
    // The skeleton's handlers have no by-distinct-id section; the distinct id operations, also of
    // the person domain, come after it in service.proto and are not its place.
    const design: Design = {
      ...DESIGN_FIXTURES["worked-example-current"]!,
      rpcName: "GetPersonIdByDistinctId",
      tables: ["posthog_person", "posthog_persondistinctid"],
      sql: "SELECT p.id FROM posthog_person p JOIN posthog_persondistinctid d ON d.person_id = p.id AND d.team_id = p.team_id WHERE d.team_id = $1 AND d.distinct_id = $2",
      request: [field("team_id", "int64"), field("distinct_id", "string")],
      response: { kind: "new", fields: [field("person_id", "int64")] },
    };
    const text = applied(design, fixtureCheckout("current")).get(HANDLERS)!;
    const fn = text.indexOf("async fn get_person_id_by_distinct_id(");
    assert.ok(fn > text.indexOf("async fn get_person("), text);
    assert.ok(fn < text.indexOf("// Distinct ID operations"), text);
  });

  it("puts a group write's client method in the groups' section, not under the person writes", () => {
    // The checkout has the rebuilt RPC's messages: a new name, same shape.
    const rebuilt = REBUILT_RPCS["delete-groups-batch-for-team"]!;
    const design = { ...rebuilt, rpcName: `${rebuilt.rpcName}Again` };
    const text = applied(design, fixtureCheckout("current")).get(
      "posthog/personhog_client/client.py",
    )!;
    const method = text.indexOf("def delete_groups_batch_for_team_again(");
    assert.ok(method > text.indexOf("def get_group("), text);
    assert.ok(method < text.indexOf("# -- Cohorts --"), text);
  });
});

describe("the Node wrapper's imports", () => {
  const PERSONS = "nodejs/src/common/personhog/persons.ts";

  it("joins the generated schema to the file's multi-line import of its module, in order", () => {
    const design: Design = {
      ...DESIGN_FIXTURES["worked-example-current"]!,
      nodeLayout: "common-operations",
    };
    const text = applied(design, realShapesCheckout()).get(PERSONS)!;
    assert.match(
      text,
      /^import \{\n {4}GetPersonCountRequestSchema,\n {4}GetPersonsByDistinctIdsRequestSchema,\n {4}GetPersonsByUuidsRequestSchema,\n\} from '~\/common\/generated\/personhog\/types\/v1\/person_pb'\n/m,
    );
    assert.match(text, /^import type \{ Person as ProtoPerson \} from '[^']+person_pb'$/m);
    assert.equal(text.match(/GetPersonCountRequestSchema/g)!.length, 2);
  });

  it("takes them from the snippet's imports, never from the prose of its notes", () => {
    const design: Design = {
      ...DESIGN_FIXTURES["worked-example-current"]!,
      nodeLayout: "common-operations",
    };
    const wrapper = generateSnippets(design).find((s) => s.id === "node-wrapper")!;
    const tree = realShapesCheckout();
    const textWith = (s: typeof wrapper) => applySnippets(tree, [s]).changed.get(PERSONS)!;
    const schema = /^ {4}GetPersonCountRequestSchema,$/m;
    assert.match(textWith({ ...wrapper, notes: [] }), schema);
    assert.doesNotMatch(textWith({ ...wrapper, imports: [] }), schema);
    assert.ok(wrapper.notes.some((n) => n.includes("GetPersonCountRequestSchema")));
  });
});

describe("the guide's typed router", () => {
  it("puts the router method in its group's banner section, read past the ` - Person data` suffix", () => {
    const design: Design = { ...DESIGN_FIXTURES["worked-example-guide"]!, target: "guide" };
    const text = applied(design, fixtureCheckout("guide")).get(
      "rust/personhog-router/src/router/mod.rs",
    )!;
    const method = text.indexOf("fn get_person_count(");
    assert.ok(method > 0 && method < text.indexOf("// Distinct ID operations - Person data"));
    assert.equal(headingFit("Groups - Non-person data", "Groups"), 0);
  });
});
