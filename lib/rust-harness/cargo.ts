/**
 * Node-only test helper (like rustfmt-clean.ts): builds each case — a target's
 * skeleton of PostHog's crates with a design's snippets pasted in — under
 * rust-harness/target/work/<case>/, as members of one Cargo workspace over the stand-in crates,
 * and type-checks them all in one `cargo check --offline --tests --keep-going`. Files are only
 * rewritten when their text changes, so cargo rebuilds only the cases that changed.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import type { Target } from "../design/model";
import type { Snippet } from "../generate/snippet";
import { schemaDdl } from "../sql/ddl";
import type { SqlDatabase } from "../sql/session";
import { placeSnippets, type Tree } from "./place";
import { protoToRust } from "./proto-to-rust";
import { describeQueries, renderDescribeFile, sqlxQueries, type QueryTypes } from "./sqlx-describe";

const HARNESS_DIR = path.join(import.meta.dirname, "..", "..", "rust-harness");
const SKELETON = path.join(HARNESS_DIR, "skeleton");
const WORK = path.join(HARNESS_DIR, "target", "work");
const CARGO_TARGET = path.join(HARNESS_DIR, "target", "cargo");
const STAND_INS = path.join(HARNESS_DIR, "stand-ins");
const DESCRIBE_CACHE = path.join(HARNESS_DIR, "target", "describe-cache.json");
const CARGO_TIMEOUT_MS = 15 * 60 * 1000;

/** cargo, from $CARGO, ~/.cargo/bin or PATH; null when it is not installed. */
export function findCargo(): string | null {
  const candidates = [process.env.CARGO, path.join(homedir(), ".cargo/bin/cargo")];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return spawnSync("cargo", ["--version"]).status === 0 ? "cargo" : null;
}

export interface HarnessCase {
  /** A folder and package-name suffix: lowercase letters, digits and dashes. */
  readonly name: string;
  readonly target: Target;
  readonly snippets: readonly Snippet[];
  /** A finished checkout (an applied one): used instead of the target's skeleton. */
  readonly tree?: ReadonlyMap<string, string>;
}

export interface CaseResult {
  /** Snippets whose anchor the skeleton does not have. */
  readonly placement: readonly string[];
  /** rustc's errors, rendered as it prints them. */
  readonly errors: readonly string[];
}

export interface HarnessRun {
  readonly results: ReadonlyMap<string, CaseResult>;
  /** cargo's own failure (a manifest it cannot read, a timeout): every case is then unproven. */
  readonly cargoError: string | null;
  readonly cargoMs: number;
}

function readTree(dir: string, tree: Tree, prefix = ""): Tree {
  if (!existsSync(dir)) return tree;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) readTree(path.join(dir, entry.name), tree, rel);
    else tree.set(rel, readFileSync(path.join(dir, entry.name), "utf8"));
  }
  return tree;
}

/** The target's skeleton: the shared base with the era's own files over it. */
function skeletonTree(target: Target): Tree {
  return readTree(path.join(SKELETON, target), readTree(path.join(SKELETON, "base"), new Map()));
}

/** The proto and Rust of a checkout: what cargo needs of it. */
function onlyCrates(checkout: ReadonlyMap<string, string>): Tree {
  return new Map([...checkout].filter(([file]) => /^(proto|rust)\//.test(file)));
}

/** Unique package names per case (`personhog-replica--<case>`), lib names unchanged. */
function renameCrates(tree: Tree, name: string): void {
  for (const [file, text] of tree) {
    if (!file.endsWith("Cargo.toml")) continue;
    const crate = /^name = "(personhog-[a-z-]+)"$/m.exec(text)?.[1];
    if (!crate) continue;
    const renamed = text
      .replace(`name = "${crate}"`, `name = "${crate}--${name}"`)
      .replace(
        /^(personhog-[a-z-]+) = \{ path = "([^"]+)" \}$/gm,
        (_, dep: string, p: string) => `${dep} = { path = "${p}", package = "${dep}--${name}" }`,
      );
    tree.set(file, `${renamed}\n[lib]\nname = "${crate.replace(/-/g, "_")}"\n`);
  }
}

/** src/generated/<package>.rs of the proto crate, from every proto file in the tree. */
function generateProto(tree: Tree): string | null {
  const sources = [...tree]
    .filter(([file]) => file.endsWith(".proto"))
    .map(([file, text]) => ({ path: file, text }));
  try {
    for (const [pkg, code] of protoToRust(sources))
      tree.set(`rust/personhog-proto/src/generated/${pkg}.rs`, code);
    return null;
  } catch (err) {
    return `the proto does not convert: ${err instanceof Error ? err.message : err}`;
  }
}

/** Each SQL statement's types (or PostgreSQL's error), as sqlx's macros would learn them. */
export type Describe = (sqls: readonly string[]) => Promise<Map<string, QueryTypes | string>>;

/**
 * Describes through a database booted only on a cache miss: results are kept in target/ with a
 * hash of the schema's DDL, so a run whose queries and schema are unchanged needs no PGlite.
 */
export function cachedDescribe(boot: () => Promise<SqlDatabase>): Describe {
  const schema = createHash("sha256").update(schemaDdl()).digest("hex");
  let db: Promise<SqlDatabase> | null = null;
  return async (sqls) => {
    let cache: Record<string, QueryTypes | string> = {};
    if (existsSync(DESCRIBE_CACHE)) {
      const saved = JSON.parse(readFileSync(DESCRIBE_CACHE, "utf8")) as {
        schema: string;
        entries: Record<string, QueryTypes | string>;
      };
      if (saved.schema === schema) cache = saved.entries;
    }
    const missing = sqls.filter((sql) => !Object.hasOwn(cache, sql));
    if (missing.length) {
      db ??= boot();
      for (const [sql, types] of await describeQueries(await db, missing)) cache[sql] = types;
      mkdirSync(path.dirname(DESCRIBE_CACHE), { recursive: true });
      writeFileSync(DESCRIBE_CACHE, JSON.stringify({ schema, entries: cache }));
    }
    return new Map(sqls.map((sql) => [sql, cache[sql]!]));
  };
}

/** Every crate's describe file, from the sqlx queries in its Rust files. */
async function describeCrates(tree: Tree, describe: Describe): Promise<void> {
  const byCrate = new Map<string, { literal: string; sql: string }[]>();
  for (const [file, text] of tree) {
    const crate = /^(rust\/[^/]+)\//.exec(file)?.[1];
    if (!crate || !file.endsWith(".rs")) continue;
    const found = sqlxQueries(text);
    if (found.length) byCrate.set(crate, [...(byCrate.get(crate) ?? []), ...found]);
  }
  for (const [crate, queries] of byCrate) {
    const types = await describe(queries.map((q) => q.sql));
    const unique = [...new Map(queries.map((q) => [q.literal, q])).values()];
    const entries = unique.map((q) => ({ literal: q.literal, types: types.get(q.sql)! }));
    tree.set(`${crate}/.sqlx/harness-describe.rs`, renderDescribeFile(entries));
  }
}

/** Writes the tree under `dir`, leaving unchanged files untouched and removing stale ones. */
function syncDir(dir: string, tree: Tree): void {
  const existing = readTree(dir, new Map());
  for (const file of existing.keys())
    if (!tree.has(file)) rmSync(path.join(dir, file), { force: true });
  for (const [file, text] of tree) {
    if (existing.get(file) === text) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

function writeIfChanged(file: string, text: string): void {
  if (existsSync(file) && readFileSync(file, "utf8") === text) return;
  writeFileSync(file, text);
}

function workspaceManifest(members: readonly string[]): string {
  const standIns = readdirSync(STAND_INS).sort();
  const rel = path.relative(WORK, STAND_INS);
  return [
    "# Written by lib/rust-harness/cargo.ts: every case's crates over the stand-ins.",
    "[workspace]",
    'resolver = "2"',
    "members = [",
    ...members.map((m) => `    "${m}",`),
    "]",
    "",
    "[workspace.dependencies]",
    ...standIns.map((s) => `${s} = { path = "${rel}/${s}" }`),
    "",
  ].join("\n");
}

interface CargoMessage {
  readonly reason?: string;
  readonly manifest_path?: string;
  readonly message?: { readonly level?: string; readonly rendered?: string };
}

/** Builds every case and type-checks them together; `describe` types their SQL. */
export async function runHarness(
  cargo: string,
  cases: readonly HarnessCase[],
  describe: Describe,
): Promise<HarnessRun> {
  mkdirSync(WORK, { recursive: true });
  const placement = new Map<string, string[]>();
  const members: string[] = [];
  for (const c of cases) {
    const tree: Tree = c.tree ? onlyCrates(c.tree) : skeletonTree(c.target);
    const problems = placeSnippets(tree, c.snippets);
    const proto = generateProto(tree);
    if (proto) problems.push(proto);
    await describeCrates(tree, describe);
    renameCrates(tree, c.name);
    syncDir(path.join(WORK, c.name), tree);
    placement.set(c.name, problems);
    for (const file of tree.keys())
      if (file.endsWith("/Cargo.toml")) members.push(`${c.name}/${path.dirname(file)}`);
  }
  for (const stale of readdirSync(WORK, { withFileTypes: true }))
    if (stale.isDirectory() && !cases.some((c) => c.name === stale.name))
      rmSync(path.join(WORK, stale.name), { recursive: true, force: true });
  writeIfChanged(path.join(WORK, "Cargo.toml"), workspaceManifest(members));

  const started = performance.now();
  const run = spawnSync(
    cargo,
    ["check", "--offline", "--tests", "--workspace", "--keep-going", "--message-format=json"],
    {
      cwd: WORK,
      env: { ...process.env, CARGO_TARGET_DIR: CARGO_TARGET, CARGO_TERM_COLOR: "never" },
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      timeout: CARGO_TIMEOUT_MS,
    },
  );
  const cargoMs = performance.now() - started;

  // A file compiled both as the library and as its tests reports an error twice: keep one.
  const errors = new Map<string, Set<string>>(cases.map((c) => [c.name, new Set()]));
  for (const line of (run.stdout ?? "").split("\n")) {
    if (!line.startsWith("{")) continue;
    const msg = JSON.parse(line) as CargoMessage;
    if (msg.reason !== "compiler-message" || msg.message?.level !== "error") continue;
    const rel = path.relative(WORK, msg.manifest_path ?? "");
    errors.get(rel.split(path.sep)[0] ?? "")?.add(msg.message.rendered ?? "");
  }
  const compiled = [...errors.values()].some((e) => e.size) || run.status === 0;
  const cargoError = run.error
    ? `cargo did not finish: ${run.error.message}`
    : compiled
      ? null
      : `cargo failed before compiling:\n${run.stderr}`;
  return {
    results: new Map(
      cases.map((c) => [
        c.name,
        { placement: placement.get(c.name)!, errors: [...errors.get(c.name)!] },
      ]),
    ),
    cargoError,
    cargoMs,
  };
}
