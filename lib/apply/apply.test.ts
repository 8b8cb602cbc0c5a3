import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { field } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { TARGETS, type Design } from "../design/model";
import { generateSnippets } from "../generate";
import {
  messageSectionAnchor,
  messageSectionOf,
  type MessageSection,
} from "../generate/snippet-placement";
import { byteOrderBreak, knownMethods, messagePosition, rpcLinePosition } from "./anchors";
import { applySnippets, filesNamed } from "./apply";
import { fixtureCheckout } from "./fixture-tree";

const PROXY = "rust/personhog-router/src/proxy.rs";

function applied(design: Design, tree: Map<string, string>) {
  const snippets = generateSnippets(design);
  const outcome = applySnippets(tree, snippets);
  return { snippets, outcome, after: new Map([...tree, ...outcome.changed]) };
}

for (const target of TARGETS) {
  describe(`apply, ${target} checkout`, () => {
    for (const [name, fixture] of Object.entries(DESIGN_FIXTURES)) {
      const design: Design = { ...fixture, target };
      it(`${name}: lands every snippet, touches only the files it names, then changes nothing`, () => {
        const tree = fixtureCheckout(target);
        const { snippets, outcome, after } = applied(design, tree);
        assert.deepEqual(outcome.problems, []);
        assert.ok(outcome.changed.size > 0);
        const named = new Set(filesNamed(snippets));
        for (const file of outcome.changed.keys()) assert.ok(named.has(file), file);
        for (const [file, text] of outcome.changed)
          assert.ok(text.length > tree.get(file)!.length, `${file} only grows`);
        const again = applySnippets(after, snippets);
        assert.deepEqual(again.problems, []);
        assert.equal(again.changed.size, 0);
        assert.deepEqual(again.added, []);
        assert.equal(again.present.length, outcome.added.length);
      });
    }

    it("says what it looked for when an anchor is missing, and changes nothing", () => {
      const tree = fixtureCheckout(target);
      const file = "rust/personhog-replica/src/storage/traits/person.rs";
      tree.set(file, tree.get(file)!.replace("pub trait PersonLookup", "pub trait PersonFinder"));
      const { outcome } = applied({ ...DESIGN_FIXTURES["worked-example-current"]!, target }, tree);
      assert.equal(outcome.changed.size, 0);
      assert.equal(outcome.problems.length, 1);
      assert.match(
        outcome.problems[0]!,
        /traits\/person\.rs: looked for no `pub trait PersonLookup/,
      );
    });

    it("refuses a name that exists with another shape, and never duplicates it", () => {
      const base: Design = { ...DESIGN_FIXTURES["worked-example-current"]!, target };
      const { after } = applied(base, fixtureCheckout(target));
      const reshaped: Design = {
        ...base,
        request: [
          ...base.request,
          { name: "limit", type: "int32", optional: false, repeated: false, comment: "" },
        ],
      };
      const { outcome } = applied(reshaped, after);
      assert.equal(outcome.changed.size, 0);
      assert.ok(
        outcome.problems.some((p) => p.startsWith("proto/personhog/types/v1/person.proto")),
      );
      const existing: Design = { ...base, rpcName: "GetPerson" };
      const clash = applied(existing, fixtureCheckout(target)).outcome;
      assert.equal(clash.changed.size, 0);
      assert.match(clash.problems.join("\n"), /person\.proto: proto-messages declares a name/);
    });
  });
}

describe("KNOWN_METHODS anchor", () => {
  // The guide's typed router takes no KNOWN_METHODS snippet: the current era adds the name.
  it("keeps KNOWN_METHODS byte-ordered and puts the name at its place", () => {
    const design: Design = { ...DESIGN_FIXTURES["worked-example-current"]!, target: "current" };
    const { after } = applied(design, fixtureCheckout("current"));
    const known = knownMethods(after.get(PROXY)!);
    assert.ok(typeof known !== "string");
    assert.ok(known.names.includes(design.rpcName));
    assert.equal(byteOrderBreak(known.names), null);
  });

  it("refuses a list that is not in byte order", () => {
    const tree = fixtureCheckout("current");
    const text = tree.get(PROXY)!;
    tree.set(
      PROXY,
      text
        .replace('    "CheckCohortMembership",\n', "")
        .replace(
          '    "CountCohortMembers",\n',
          '    "CountCohortMembers",\n    "CheckCohortMembership",\n',
        ),
    );
    const { outcome } = applied(DESIGN_FIXTURES["worked-example-current"]!, tree);
    assert.match(
      outcome.problems.join("\n"),
      /KNOWN_METHODS in byte order \(it has "CountCohortMembers" before "CheckCohortMembership"\)/,
    );
  });
});

describe("rpc line anchor", () => {
  const SERVICE = "proto/personhog/service/v1/service.proto";

  it("puts the line last in its comment group, in service.proto and replica.proto alike", () => {
    const design = DESIGN_FIXTURES["cohort-write-current"]!;
    const { after } = applied(design, fixtureCheckout("current"));
    for (const file of [SERVICE, "proto/personhog/replica/v1/replica.proto"]) {
      const lines = after.get(file)!.split("\n");
      const at = lines.findIndex((l) => l.includes(`rpc ${design.rpcName}(`));
      assert.match(lines[at - 1]!, /^ {2}rpc DeleteCohortMember\(/, file);
      assert.equal(lines[at + 1], "", file);
    }
  });

  it("reads a group with a suffixed heading, and goes last when the file has no such group", () => {
    const text = [
      "service S {",
      "  // Group writes (routed to replica - non-person data)",
      "  rpc A(X) returns (Y);",
      "",
      "  rpc B(X) returns (Y);",
      "",
      "  // Other",
      "  rpc C(X) returns (Y);",
      "}",
    ].join("\n");
    const pos = rpcLinePosition(text, "S", "Group writes");
    assert.ok(pos && typeof pos !== "string");
    assert.equal(text.slice(0, pos.at).split("\n").at(-1), "  rpc B(X) returns (Y);");
    assert.equal(rpcLinePosition(text, "S", "Groups"), null);
    assert.equal(rpcLinePosition(text, "S", "Group"), null);
    assert.match(String(rpcLinePosition(text, "T", "Other")), /no `service T/);
  });
});

describe("message anchor: a new pair joins its kin in the types file", () => {
  const TYPES = path.join(import.meta.dirname, "fixtures", "types");
  const real = (domain: string) => readFileSync(path.join(TYPES, `${domain}.proto`), "utf8");
  /** The message names of a file, in order, after applying the design to it. */
  function messagesAfter(design: Design): string[] {
    const snippets = generateSnippets(design);
    const proto = snippets.find((s) => s.id === "proto-messages")!;
    const tree = new Map([[proto.file, real(design.domain)]]);
    const outcome = applySnippets(tree, [proto]);
    assert.deepEqual(outcome.problems, []);
    const text = outcome.changed.get(proto.file)!;
    assert.equal(applySnippets(new Map([[proto.file, text]]), [proto]).changed.size, 0);
    assert.doesNotMatch(text, /\n\n\n/, "one blank line between blocks");
    return [...text.matchAll(/^(?:message|enum) (\w+)|^\/\/ (\w[\w ]*write operations)$/gm)].map(
      (m) => m[1] ?? `== ${m[2]}`,
    );
  }
  const around = (names: string[], name: string) => {
    const i = names.indexOf(name);
    assert.ok(i > 0, `${name} placed`);
    return [names[i - 1], names[i + 1], names[i + 2]];
  };
  const group = DESIGN_FIXTURES["group-read-current"]!;
  const person = DESIGN_FIXTURES["worked-example-current"]!;

  it("a group read goes after the last group read and its response, ahead of the mapping reads", () => {
    const names = messagesAfter(group);
    assert.deepEqual(around(names, "ListGroupsByTypeRequest"), [
      "GetGroupResponse",
      "GetGroupTypeMappingsByTeamIdRequest",
      "GroupTypeMappingsResponse",
    ]);
  });

  it("a group type mapping read goes after the last mapping read, before the first banner", () => {
    const read: Design = {
      ...group,
      rpcName: "GetGroupTypeMappingByIndex",
      tables: ["posthog_grouptypemapping"],
      response: { kind: "new", fields: [field("mapping", "GroupTypeMapping", { optional: true })] },
    };
    assert.deepEqual(around(messagesAfter(read), "GetGroupTypeMappingByIndexRequest"), [
      "GroupTypeMappingsResponse",
      "GetGroupTypeMappingByIndexResponse",
      "== Group write operations",
    ]);
  });

  it("a group write goes last in the group write banner's section", () => {
    const write: Design = {
      ...group,
      rpcName: "TouchGroups",
      operation: "write",
      readOptions: false,
      response: { kind: "new", fields: [field("updated", "bool")] },
    };
    const names = messagesAfter(write);
    assert.deepEqual(around(names, "TouchGroupsRequest"), [
      "DeleteGroupsBatchForTeamResponse",
      "TouchGroupsResponse",
      "== GroupTypeMapping write operations",
    ]);
  });

  it("a group type mapping write goes last in its own banner's section", () => {
    const write: Design = {
      ...group,
      rpcName: "RenameGroupType",
      tables: ["posthog_grouptypemapping"],
      operation: "write",
      readOptions: false,
      response: { kind: "new", fields: [field("updated", "bool")] },
    };
    assert.deepEqual(messagesAfter(write).slice(-3), [
      "DeleteGroupTypeMappingResponse",
      "RenameGroupTypeRequest",
      "RenameGroupTypeResponse",
    ]);
  });

  it("a person read joins the reads, ahead of the writes and their comments", () => {
    const names = messagesAfter(person);
    assert.deepEqual(around(names, "GetPersonCountRequest"), [
      "GetDistinctIdsForPersonResponse",
      "GetPersonCountResponse",
      "UpdatePersonPropertiesRequest",
    ]);
    const snippets = generateSnippets(person);
    const proto = snippets.find((s) => s.id === "proto-messages")!;
    const text = applySnippets(new Map([[proto.file, real("person")]]), [proto]).changed.get(
      proto.file,
    )!;
    assert.match(
      text,
      /\n}\n\n\/\/ UpdatePersonPropertiesRequest sets/,
      "the comment stays on its message",
    );
  });

  it("a person write goes last, where the file's writes are", () => {
    const write = DESIGN_FIXTURES["person-write-guide"]!;
    assert.deepEqual(messagesAfter(write).slice(-3), [
      "ReleaseFenceResponse",
      "SetPersonLastSeenRequest",
      "SetPersonLastSeenResponse",
    ]);
  });

  it("reads every section back from the anchor it writes", () => {
    const sections: MessageSection[] = [
      { kind: "reads" },
      { kind: "reads", kin: { word: "GroupTypeMapping", has: true } },
      { kind: "reads", kin: { word: "GroupTypeMapping", has: false } },
      { kind: "writes", banner: "Group write operations" },
      { kind: "writes", banner: null },
    ];
    for (const section of sections)
      assert.deepEqual(messageSectionOf(messageSectionAnchor(section)), section);
  });

  it("a file without read requests or banners takes the pair at its end", () => {
    const text =
      'syntax = "proto3";\npackage personhog.types.v1;\n\nmessage A {\n  int64 x = 1;\n}\n';
    assert.equal(messagePosition(text, { kind: "reads" }), text.length - 1);
    assert.equal(
      messagePosition(text, { kind: "writes", banner: "Group write operations" }),
      text.length - 1,
    );
  });
});
