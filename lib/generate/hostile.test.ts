/**
 * Property test: designs with hostile text in every text field (field comments, the idempotency
 * key, the SQL, table names) and keyword names in every name field go through every generator,
 * both targets and both Node layouts, and the output through real parsers: rustfmt (edition
 * 2024) and rustc's lexer, Python's ast and tokenize, the TypeScript parser and scanner,
 * protobufjs and buf. Everything must parse, and the marker planted in the hostile text must
 * never be an identifier token: it may only sit inside a comment or a string literal. Each
 * parser runs once over a whole batch of designs.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import protobuf from "protobufjs";
import ts from "typescript";
import { KNOWN_MESSAGES, SHARED_RESPONSES } from "../catalogue/existing-rpcs";
import { WORKED_EXAMPLE } from "../design/defaults";
import {
  NODE_LAYOUTS,
  SCALAR_TYPES,
  TARGETS,
  type Design,
  type FieldDesign,
} from "../design/model";
import { checkProto } from "../validate/proto";
import { STAND_IN_ENUMS, STAND_IN_MESSAGES } from "../validate/personhog-stand-in";
import { isUnsafe } from "../escape/chars";
import { HOSTILE_PIECES, MARKER, hostileText } from "../escape/hostile";
import { generateSnippets } from "./index";
import { rustMarkerFailures } from "../rust-harness/rustc-lexer";
import { assertAllRustfmtClean } from "../rust-harness/rustfmt-clean";
import type { Snippet } from "./snippet";

/** Field names the validator lets through that are reserved somewhere, and a few plain ones. */
const NAMES = (
  "team_id person_id person_ids distinct_id limit self super crate extern try gen async await " +
  "type match fn let loop yield dyn abstract become box do final macro override priv typeof " +
  "unsized virtual static ref mut move impl where while use unsafe trait struct return pub mod " +
  "in if else enum const continue break as false true and assert class def del elif except " +
  "finally from global import is lambda nonlocal not or pass raise with new this void " +
  "instanceof function var case catch default switch throw debugger export extends implements " +
  "interface package private protected public arguments eval undefined constructor to_string " +
  "value_of create response caller_tag message option optional repeated syntax service rpc " +
  "returns reserved map oneof string bytes int64 bool double"
).split(" ");
const TYPES = [...SCALAR_TYPES, ...Object.keys(KNOWN_MESSAGES)];
const SHAPES = [
  {
    domain: "person",
    tables: ["posthog_person"],
    sql: "SELECT COUNT(*) FROM posthog_person WHERE team_id = $1 AND id = ANY($2)",
  },
  {
    domain: "group",
    tables: ["posthog_group"],
    sql: "SELECT id FROM posthog_group WHERE team_id = $1 AND group_type_index = $2 LIMIT $3",
  },
  {
    domain: "cohort",
    tables: ["posthog_cohortpeople"],
    sql: "DELETE FROM posthog_cohortpeople WHERE person_id = $1 AND cohort_id = ANY($2)",
  },
] as const;

function fieldsOf(names: readonly string[], comments: readonly string[], seed: number) {
  return names.map((name, i): FieldDesign => ({
    name,
    type: TYPES[(seed + i) % TYPES.length]!,
    repeated: (seed + i) % 3 === 0,
    optional: (seed + i) % 3 === 1,
    comment: comments[i % comments.length] ?? "",
  }));
}

/** Every hostile piece in every text field at once, across targets, layouts and operations. */
function pieceDesign(piece: string, k: number): Design {
  const shape = SHAPES[k % SHAPES.length]!;
  const others = NAMES.filter((n) => n !== "team_id" && n !== "person_id");
  const names = others
    .slice((k * 5) % others.length)
    .concat(others)
    .slice(0, 5);
  const personWrite = k % 2 === 1;
  return {
    ...WORKED_EXAMPLE,
    rpcName: `HostilePiece${k}`,
    target: TARGETS[(k >> 1) % 2]!,
    nodeLayout: NODE_LAYOUTS[(k >> 2) % 2]!,
    domain: personWrite ? "person" : shape.domain,
    tables: [...(personWrite ? ["posthog_person"] : shape.tables), piece.slice(0, 60)],
    categoryOverride: "PersonData",
    operation: personWrite ? "write" : "read",
    readOptions: !personWrite,
    sql: `${shape.sql} -- ${piece}\n${piece}`,
    request: fieldsOf(["team_id", "person_id", ...names], [piece, `Max 10 ${piece}`], k),
    response:
      k % 5 === 4
        ? { kind: "shared", name: Object.keys(SHARED_RESPONSES)[k % 6]! }
        : { kind: "new", fields: fieldsOf(names.slice(1), [piece], k + 1) },
    leaderSafety: personWrite
      ? { kind: "idempotency-key", field: piece.slice(0, 64) }
      : { kind: "unanswered" },
  };
}

const fieldArb = fc
  .record({
    name: fc.constantFrom(...NAMES),
    type: fc.constantFrom(...TYPES),
    optional: fc.boolean(),
    repeated: fc.boolean(),
    comment: fc.oneof(fc.constant(""), hostileText()),
  })
  .map((f) => ({ ...f, optional: f.optional && !f.repeated }));
const fieldsArb = fc.uniqueArray(fieldArb, { selector: (f) => f.name, maxLength: 6 });

const designArb = fc
  .record({
    target: fc.constantFrom(...TARGETS),
    nodeLayout: fc.constantFrom(...NODE_LAYOUTS),
    shape: fc.constantFrom(...SHAPES),
    extraTable: fc.option(hostileText(60), { nil: undefined }),
    operation: fc.constantFrom("read" as const, "write" as const),
    consistency: fc.constantFrom("eventual" as const, "strong" as const),
    batch: fc.constantFrom("single" as const, "batch-in-team" as const),
    readOptions: fc.boolean(),
    request: fieldsArb,
    response: fc.oneof(
      fieldsArb.map((fields) => ({ kind: "new" as const, fields })),
      fc
        .constantFrom(...Object.keys(SHARED_RESPONSES))
        .map((name) => ({ kind: "shared" as const, name })),
    ),
    sqlTail: hostileText(2000),
    key: hostileText(64),
  })
  .map(({ shape, extraTable, sqlTail, key, ...rest }): Omit<Design, "rpcName"> => ({
    ...WORKED_EXAMPLE,
    ...rest,
    domain: shape.domain,
    tables: [...shape.tables, ...(extraTable === undefined ? [] : [extraTable])],
    categoryOverride: null,
    sql: `${shape.sql}\n${sqlTail}`,
    leaderSafety: { kind: "idempotency-key", field: key },
  }));

const SEED = Number(process.env.HOSTILE_SEED ?? 20_241);
const DESIGNS: readonly Design[] = [
  ...HOSTILE_PIECES.map(pieceDesign),
  ...fc
    .sample(designArb, { numRuns: 24, seed: SEED })
    .map((d, i) => ({ ...d, rpcName: `HostileRandom${i}` })),
];

interface Generated {
  readonly design: Design;
  readonly snippets: readonly Snippet[];
}
const GENERATED: readonly Generated[] = DESIGNS.map((design) => ({
  design,
  snippets: generateSnippets(design),
}));
const label = (g: Generated, s: Snippet) => `${g.design.rpcName}-${s.id}`;
const of = (language: Snippet["language"]) =>
  GENERATED.flatMap((g) =>
    g.snippets.filter((s) => s.language === language).map((s) => ({ g, s })),
  );

describe("hostile designs through every generator and real parsers", () => {
  it("cover both targets, both Node layouts, reads and writes, and every hostile piece", () => {
    for (const target of TARGETS) assert.ok(DESIGNS.some((d) => d.target === target));
    for (const layout of NODE_LAYOUTS)
      assert.ok(DESIGNS.some((d) => d.target === "current" && d.nodeLayout === layout));
    assert.ok(GENERATED.some((g) => g.snippets.some((s) => s.id === "rust-leader-handler")));
    for (const g of GENERATED) assert.ok(g.snippets.length > 0, `no code for ${g.design.rpcName}`);
    for (const piece of HOSTILE_PIECES) assert.ok(DESIGNS.some((d) => d.sql.includes(piece)));
  });

  it("write no control, separator, bidi or lone surrogate character into any file", () => {
    for (const g of GENERATED)
      for (const s of g.snippets) {
        const bad = [...s.code].find((ch) => ch !== "\n" && isUnsafe(ch.codePointAt(0)!));
        assert.equal(bad, undefined, `${label(g, s)} holds U+${bad?.codePointAt(0)?.toString(16)}`);
      }
  });

  it("Rust: rustfmt parses every snippet and leaves it unchanged", () => {
    for (const g of GENERATED)
      assertAllRustfmtClean(
        g.snippets.filter((s) => s.language === "rust"),
        g.design,
      );
  });

  it("Rust: rustc's lexer finds the marker in no identifier", () => {
    const files = of("rust").map(({ g, s }) => ({ name: label(g, s), code: s.code }));
    assert.ok(files.length > 300);
    assert.deepEqual(rustMarkerFailures(files, MARKER), []);
  });

  it("Python: ast parses every snippet and tokenize finds the marker in no NAME", () => {
    const items = of("python").map(({ g, s }) => [
      label(g, s),
      s.id === "python-reexports" ? `from x import (\n${s.code}\n)\n` : `class _C:\n${s.code}\n`,
    ]);
    const script = [
      "import ast, io, json, sys, tokenize",
      `marker = ${JSON.stringify(MARKER)}`,
      "failures = []",
      "for label, source in json.load(sys.stdin):",
      "    try:",
      "        ast.parse(source)",
      "        names = [t.string for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type == tokenize.NAME]",
      "    except Exception as e:",
      "        failures.append(f'{label}: does not parse: {e}')",
      "        continue",
      "    if marker in names:",
      "        failures.append(f'{label}: {marker} is a name')",
      "print(json.dumps([len(failures)] + failures))",
    ].join("\n");
    const run = spawnSync("python3", ["-c", script], {
      input: JSON.stringify(items),
      encoding: "utf8",
    });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [0]);
  });

  it("TypeScript: the parser accepts every snippet and the scanner finds the marker in no identifier", () => {
    const failures: string[] = [];
    for (const { g, s } of of("typescript")) {
      const text =
        s.id === "node-wrapper" ? `class C {\n${s.code}\n}\n` : `const D = {\n${s.code}\n}\n`;
      const file = ts.createSourceFile(
        "s.ts",
        text,
        ts.ScriptTarget.Latest,
        true,
        ts.ScriptKind.TS,
      );
      const parse = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
      for (const d of parse)
        failures.push(`${label(g, s)}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
      const scanner = ts.createScanner(
        ts.ScriptTarget.Latest,
        true,
        ts.LanguageVariant.Standard,
        text,
      );
      for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan())
        if (t === ts.SyntaxKind.Identifier && scanner.getTokenValue() === MARKER)
          failures.push(`${label(g, s)}: ${MARKER} is an identifier`);
    }
    assert.deepEqual(failures, []);
  });

  it("proto: protobufjs parses and resolves every design; its tokenizer finds the marker in no token", () => {
    const failures: string[] = [];
    for (const g of GENERATED) {
      const messages = g.snippets.find((s) => s.id === "proto-messages")!.code;
      const rpc = g.snippets.find((s) => s.id.startsWith("proto-rpc-"))!.code;
      for (const e of checkProto(messages, rpc).errors) failures.push(`${g.design.rpcName}: ${e}`);
      const tokens = protobuf.tokenize(`${messages}\n${rpc}`, false);
      let inString = false;
      for (let t = tokens.next(); t !== null; t = tokens.next()) {
        if (t === '"' || t === "'") inString = !inString;
        else if (!inString && t === MARKER)
          failures.push(`${g.design.rpcName}: ${MARKER} is a token`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it("proto: buf builds every design's messages and rpc lines in one module", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "workbench-hostile-buf-"));
    try {
      const types = path.join(dir, "personhog", "types", "v1");
      const service = path.join(dir, "personhog", "service", "v1");
      mkdirSync(types, { recursive: true });
      mkdirSync(service, { recursive: true });
      writeFileSync(path.join(dir, "buf.yaml"), "version: v2\n");
      const header = 'syntax = "proto3";\n\npackage personhog.types.v1;\n';
      const standIn = [STAND_IN_ENUMS, ...Object.values(STAND_IN_MESSAGES)].join("\n");
      writeFileSync(path.join(types, "stand_in.proto"), `${header}\n${standIn}\n`);
      const rpcs = GENERATED.map((g, i) => {
        const messages = g.snippets.find((s) => s.id === "proto-messages")!.code;
        writeFileSync(
          path.join(types, `d${i}.proto`),
          `${header}\nimport "personhog/types/v1/stand_in.proto";\n\n${messages}\n`,
        );
        return g.snippets.find((s) => s.id.startsWith("proto-rpc-"))!.code;
      });
      const imports = GENERATED.map((_, i) => `import "personhog/types/v1/d${i}.proto";`);
      writeFileSync(
        path.join(service, "service.proto"),
        [
          'syntax = "proto3";',
          "package personhog.service.v1;",
          'import "personhog/types/v1/stand_in.proto";',
          ...imports,
          "service PersonHogService {",
          ...rpcs.map((r) => `  ${r}`),
          "}",
        ].join("\n"),
      );
      const buf = path.join(import.meta.dirname, "..", "..", "node_modules", ".bin", "buf");
      try {
        execFileSync(buf, ["build"], { cwd: dir, encoding: "utf8", stdio: "pipe" });
      } catch (err) {
        const e = err as { stdout?: string; stderr?: string };
        // Unused imports are lint, not build, errors: only real failures count.
        assert.fail(`buf build failed:\n${e.stdout ?? ""}${e.stderr ?? ""}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
