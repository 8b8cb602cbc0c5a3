/**
 * The compile harness over every fixture: each design's proto and Rust snippets pasted into the
 * skeleton of its target's crates, all type-checked by one `cargo check --offline --tests`
 * (rust-harness/README.md). Fixtures that do not compile today are listed with the reason; the
 * list is asserted both ways, so it shrinks as generators are fixed. A few deliberately broken
 * variants of a compiling fixture prove the harness can fail.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { PGlite } from "@electric-sql/pglite";
import { applySnippets } from "../apply/apply";
import { exampleDesignFiles, fixtureCheckout } from "../apply/fixture-tree";
import { parseDesignJson } from "../design/design-json";
import { validateDesign } from "../design/validate";
import { DESIGN_FIXTURES } from "../design/fixtures";
import { REBUILT_RPCS } from "../design/rebuilt-rpcs";
import { TARGETS, type Design } from "../design/model";
import { generateSnippets } from "../generate/index";
import type { Snippet } from "../generate/snippet";
import { createSchemaDatabase } from "../sql/boot";
import { cachedDescribe, findCargo, runHarness, type HarnessCase, type HarnessRun } from "./cargo";

/** Fixtures whose generated Rust does not compile today, and why (from the compiler's errors). */
const KNOWN_FAILURES: Readonly<Record<string, string>> = {};

function exampleDesign(name: string, text: string): Design {
  const parsed = parseDesignJson(text, name);
  assert.ok("value" in parsed, `content/examples/${name}.json does not read`);
  return validateDesign(parsed.value).design;
}

/** A compiling fixture the broken variants are made from. */
const BASE = "worked-example-current";

function edit(snippets: readonly Snippet[], id: string, from: string, to: string): Snippet[] {
  return snippets.map((s) => {
    if (s.id !== id) return s;
    assert.ok(s.code.includes(from), `${id} no longer contains ${from}: update the broken variant`);
    return { ...s, code: s.code.replace(from, to) };
  });
}

const base = DESIGN_FIXTURES[BASE]!;
const baseSnippets = generateSnippets(base);
/** The guide target's compiling base: its era's broken variants show the era is one. */
const GUIDE_BASE = "worked-example-guide";
const guideSnippets = generateSnippets(DESIGN_FIXTURES[GUIDE_BASE]!);

const without = (snippets: readonly Snippet[], id: string) => snippets.filter((s) => s.id !== id);
/** What rustc says when a trait impl lacks the design's method. */
const MISSING_METHOD = /E0046\]: not all trait items implemented, missing: `get_person_count`/;

/** Broken variants: what is broken, and an error the compiler must give for it. */
const BROKEN: readonly {
  name: string;
  what: string;
  snippets: Snippet[];
  expect: RegExp;
  target?: "guide";
}[] = [
  {
    name: "harness-broken-bind",
    what: "a bind of the wrong type (i64 for an int4 parameter)",
    snippets: edit(baseSnippets, "rust-storage-postgres", "team_id as i32", "team_id"),
    expect: /type mismatch resolving `<i64 as Encode>::Param == i32`/,
  },
  {
    name: "harness-broken-mock",
    what: "a missing mock method",
    snippets: without(baseSnippets, "rust-mock-success"),
    expect: MISSING_METHOD,
  },
  {
    name: "harness-broken-field",
    what: "a proto field of the wrong type",
    snippets: edit(baseSnippets, "proto-messages", "int64 count = 1;", "int32 count = 1;"),
    expect: /E0308\]: mismatched types[\s\S]*expected `i32`, found `i64`/,
  },
  // The guide target is one era (B): its router takes four-argument call_backend! only, and
  // its replica already has the storage mocks, so era A's call or a missing mock fails.
  {
    name: "harness-broken-guide-era-a-call",
    what: "the guide target's router given era A's five-argument call_backend!",
    snippets: edit(
      guideSnippets,
      "rust-router-method",
      'call_backend!(self, "GetPersonCount"',
      'call_backend!(self, decision, "GetPersonCount"',
    ),
    expect: /no rules expected/,
    target: "guide",
  },
  {
    name: "harness-broken-guide-mock",
    what: "the guide target without its replica's storage mock",
    snippets: without(guideSnippets, "rust-mock-failing"),
    expect: MISSING_METHOD,
    target: "guide",
  },
  {
    name: "harness-broken-guide-mock-backend",
    what: "the guide target without its router's MockBackend stub",
    snippets: without(guideSnippets, "rust-router-mock-backend"),
    expect: MISSING_METHOD,
    target: "guide",
  },
];

/** The design fixtures and the shipped examples (content/examples), which include them. */
const DESIGNS: Readonly<Record<string, Design>> = {
  ...Object.fromEntries(exampleDesignFiles().map((e) => [e.name, exampleDesign(e.name, e.text)])),
  ...DESIGN_FIXTURES,
};

/** Every design under its own target, and again under the other one (`<name>-as-<target>`). */
const fixtureCases: HarnessCase[] = Object.entries(DESIGNS).flatMap(([name, design]) => {
  const other = TARGETS.find((t) => t !== design.target)!;
  return [
    { name, target: design.target, snippets: generateSnippets(design) },
    {
      name: `${name}-as-${other}`,
      target: other,
      snippets: generateSnippets({ ...design, target: other }),
    },
  ];
});
/**
 * The existing RPCs rebuilt as designs (compared with PostHog's code in rebuilt-rpcs.test.ts),
 * under a new name since the skeleton may already hold the real method, on both targets.
 */
const rebuiltCases: HarnessCase[] = Object.entries(REBUILT_RPCS).flatMap(([name, design]) =>
  TARGETS.map((target) => ({
    name: `rebuilt-${name}-${target}`,
    target,
    snippets: generateSnippets({ ...design, rpcName: `${design.rpcName}Rebuilt`, target }),
  })),
);
/** Rebuilt RPCs whose generated Rust does not compile today, and why (asserted both ways). */
const REBUILT_FAILURES: Readonly<Record<string, string>> = {
  "rebuilt-delete-persons-batch-for-team-guide":
    "the guide target sends a person write to the leader, found by team_id and person_id, and a team-wide batch delete names no person: the design rule leader-person-key refuses it there",
};
const skeletonCases: HarnessCase[] = (["current", "guide"] as const).map((target) => ({
  name: `skeleton-${target}`,
  target,
  snippets: [],
}));
const brokenCases: HarnessCase[] = BROKEN.map((b) => ({
  name: b.name,
  target: b.target ?? base.target,
  snippets: b.snippets,
}));

/**
 * `apply` lands compiling code: per target, every fixture of that target that compiles on its own
 * is applied in turn to one fixture checkout (lib/apply/fixture-tree.ts), checked as a whole.
 */
const applied = TARGETS.map((target) => {
  let checkout = fixtureCheckout(target);
  const names: string[] = [];
  const problems: string[] = [];
  for (const [name, design] of Object.entries(DESIGNS)) {
    if (design.target !== target || Object.hasOwn(KNOWN_FAILURES, name)) continue;
    const outcome = applySnippets(checkout, generateSnippets(design));
    problems.push(...outcome.problems.map((p) => `${name}: ${p}`));
    checkout = new Map([...checkout, ...outcome.changed]);
    names.push(name);
  }
  const harnessCase: HarnessCase = {
    name: `applied-${target}`,
    target,
    snippets: [],
    tree: checkout,
  };
  return { harnessCase, names, problems };
});

const cargo = findCargo();

/** A case's problems, each as its message and where rustc points: placement first. */
function firstProblems(run: HarnessRun, name: string, count = 4): string {
  const r = run.results.get(name)!;
  const errors = r.errors.map((e) => e.split("\n").slice(0, 2).join(" "));
  return [...r.placement, ...errors].slice(0, count).join("\n");
}

const failed = (run: HarnessRun, name: string) => {
  const r = run.results.get(name)!;
  return r.placement.length > 0 || r.errors.length > 0;
};

describe(
  "the Rust compile harness",
  { skip: cargo ? false : "cargo is not installed: the compile harness needs a Rust toolchain" },
  () => {
    let db: PGlite | undefined;
    let run: HarnessRun;

    before(async () => {
      const describeSql = cachedDescribe(async () => (db = await createSchemaDatabase()));
      const appliedCases = applied.map((a) => a.harnessCase);
      const cases = [
        ...skeletonCases,
        ...fixtureCases,
        ...rebuiltCases,
        ...brokenCases,
        ...appliedCases,
      ];
      run = await runHarness(cargo!, cases, describeSql);
      assert.equal(run.cargoError, null, run.cargoError ?? "");
    });

    after(async () => {
      await db?.close();
    });

    it("every known failure names a fixture", () => {
      for (const name of Object.keys(KNOWN_FAILURES))
        assert.ok(
          fixtureCases.some((c) => c.name === name),
          `${name} is not a case of a fixture or example`,
        );
      for (const name of [BASE, GUIDE_BASE])
        assert.ok(
          !Object.hasOwn(KNOWN_FAILURES, name),
          "the broken variants need a compiling base",
        );
    });

    for (const c of skeletonCases)
      it(`the bare ${c.name} compiles`, () => {
        assert.ok(!failed(run, c.name), firstProblems(run, c.name, 10));
      });

    // A listed case must still fail (so the list shrinks as generators are fixed); others compile.
    const listed: [HarnessCase[], Readonly<Record<string, string>>, string][] = [
      [fixtureCases, KNOWN_FAILURES, "KNOWN_FAILURES"],
      [rebuiltCases, REBUILT_FAILURES, "REBUILT_FAILURES"],
    ];
    for (const [cases, failures, list] of listed)
      for (const c of cases) {
        const known = failures[c.name];
        it(`${c.name} ${known ? "still fails to compile, as listed" : "compiles"}`, (t) => {
          if (!known) {
            assert.ok(!failed(run, c.name), firstProblems(run, c.name, 10));
            return;
          }
          assert.ok(
            failed(run, c.name),
            `${c.name} compiles now: remove it from ${list} (${known})`,
          );
          t.diagnostic(`${c.name} (known: ${known}):\n${firstProblems(run, c.name)}`);
        });
      }

    for (const a of applied)
      it(
        `${a.harnessCase.name}: the compiling fixtures applied to one checkout compile together`,
        {
          skip: a.names.length ? false : "no fixture of this target compiles yet (KNOWN_FAILURES)",
        },
        () => {
          assert.deepEqual(a.problems, []);
          assert.ok(!failed(run, a.harnessCase.name), firstProblems(run, a.harnessCase.name, 10));
        },
      );

    for (const b of BROKEN)
      it(`fails on ${b.what}`, () => {
        const errors = run.results.get(b.name)!.errors.join("\n");
        assert.match(errors, b.expect, `no such error for ${b.name}:\n${errors}`);
      });
  },
);
