import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { field } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { TARGETS, type Design } from "../design/model";
import { generateSnippets } from "../generate";
import {
  messageSectionAnchor,
  messageSectionOf,
  rpcGroupOf,
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
      assert.match(outcome.problems[0]!, /traits\/person\.rs: found no `pub trait PersonLookup/);
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

  it("puts a replica-served person write after the person deletes, past the banner's WARNING", () => {
    const snippets = generateSnippets(DESIGN_FIXTURES["person-delete-current"]!);
    const banners = {
      "proto-rpc-service": [
        "  // Person deletes",
        "  // WARNING: served by the replica for now.",
        "  // TODO: move to the leader.",
      ],
      "proto-rpc-replica": [
        "  // Person deletes (temporary: should move to leader once it supports deletes)",
      ],
    };
    for (const [id, banner] of Object.entries(banners)) {
      const text = [
        "service S {",
        "  // Person property updates (routed to leader)",
        "  rpc UpdatePersonProperties(X) returns (Y);",
        "",
        ...banner,
        "  rpc DeletePersons(X) returns (Y);",
        "  rpc DeletePersonsBatchForTeam(X) returns (Y);",
        "",
        "  // Cohort membership",
        "  rpc CountCohortMembers(X) returns (Y);",
        "}",
      ].join("\n");
      const anchor = snippets.find((s) => s.id === id)!.anchor;
      const pos = rpcLinePosition(text, "S", rpcGroupOf(anchor));
      assert.ok(pos && typeof pos !== "string", id);
      assert.equal(
        text.slice(0, pos.at).split("\n").at(-1),
        "  rpc DeletePersonsBatchForTeam(X) returns (Y);",
        id,
      );
    }
  });
});

describe("message anchor: a new pair joins its kin in the types file", () => {
  // The skeleton's types files keep the real files' order: group.proto's reads, then a banner per
  // kind of write; person.proto's reads, then its writes, with no banners.
  const checkout = fixtureCheckout("current");
  /** The message names of a file, in order, after applying the design to it. */
  function messagesAfter(design: Design): string[] {
    const snippets = generateSnippets(design);
    const proto = snippets.find((s) => s.id === "proto-messages")!;
    const tree = new Map([[proto.file, checkout.get(proto.file)!]]);
    const outcome = applySnippets(tree, [proto]);
    assert.deepEqual(outcome.problems, []);
    const text = outcome.changed.get(proto.file)!;
    assert.equal(applySnippets(new Map([[proto.file, text]]), [proto]).changed.size, 0);
    assert.doesNotMatch(text, /\n\n\n/, "one blank line between blocks");
    return [...text.matchAll(/^(?:message|enum) (\w+)|^\/\/ (\w[\w ]*write operations)$/gm)].map(
      (m) => m[1] ?? `== ${m[2]}`,
    );
  }
  /** The two names before and the two after `name`, once placed. */
  const around = (names: string[], name: string) => {
    const i = names.indexOf(name);
    assert.ok(i > 0, `${name} placed`);
    return names.slice(i - 1, i + 3).filter((n) => n !== name);
  };
  const group = DESIGN_FIXTURES["group-read-current"]!;
  const person = DESIGN_FIXTURES["worked-example-current"]!;
  const updated = { kind: "new", fields: [field("updated", "bool")] } as const;
  const write = { operation: "write", readOptions: false, response: updated } as const;
  const mappings = { tables: ["posthog_grouptypemapping"] };

  const CASES: readonly { what: string; design: Design; neighbours: string[] }[] = [
    {
      what: "a group read: after the last group read and its responses, ahead of the mapping reads",
      design: group,
      neighbours: [
        "GroupsResponse",
        "GetGroupTypeMappingsByProjectIdRequest",
        "GroupTypeMappingsResponse",
      ],
    },
    {
      what: "a group type mapping read: after the last mapping read, before the first banner",
      design: {
        ...group,
        ...mappings,
        rpcName: "GetGroupTypeMappingByIndex",
        response: {
          kind: "new",
          fields: [field("mapping", "GroupTypeMapping", { optional: true })],
        },
      },
      neighbours: [
        "GroupTypeMappingsBatchResponse",
        "GetGroupTypeMappingByIndexResponse",
        "== Group write operations",
      ],
    },
    {
      what: "a group write: last in the group write banner's section",
      design: { ...group, ...write, rpcName: "TouchGroups" },
      neighbours: [
        "DeleteGroupsBatchForTeamResponse",
        "TouchGroupsResponse",
        "== GroupTypeMapping write operations",
      ],
    },
    {
      what: "a group type mapping write: last in its own banner's section, the file's end",
      design: { ...group, ...mappings, ...write, rpcName: "RenameGroupType" },
      neighbours: ["DeleteGroupTypeMappingResponse", "RenameGroupTypeResponse"],
    },
    {
      what: "a person read: with the reads, ahead of the writes",
      design: person,
      neighbours: [
        "GetDistinctIdsForPersonResponse",
        "GetPersonCountResponse",
        "UpdatePersonPropertiesRequest",
      ],
    },
    {
      what: "a person write: last, where the file's writes are",
      design: DESIGN_FIXTURES["person-write-guide"]!,
      neighbours: ["UpdatePersonPropertiesResponse", "SetPersonLastSeenResponse"],
    },
  ];

  for (const c of CASES)
    it(c.what, () => {
      const request = `${c.design.rpcName}Request`;
      assert.deepEqual(around(messagesAfter(c.design), request), c.neighbours);
    });

  it("keeps a message's comment on it when the pair goes before it", () => {
    const proto = generateSnippets(person).find((s) => s.id === "proto-messages")!;
    const tree = new Map([[proto.file, checkout.get(proto.file)!]]);
    const text = applySnippets(tree, [proto]).changed.get(proto.file)!;
    assert.match(text, /\n}\n\n\/\/ UpdatePersonPropertiesRequest sets/);
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
