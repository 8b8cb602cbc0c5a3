/**
 * Every designed query decodes into the Rust it lands in: for each fixture (whose generated Rust
 * is its golden file), each shipped example and each rebuilt RPC, the statement of every sqlx
 * macro is described by PGlite over personhog's schema, its columns typed as sqlx types them, and
 * each compared with the struct field or return type the generated code decodes it into. Designs
 * that do not fit today are listed with the reason and asserted to still fail, so the list
 * shrinks as the generators learn the casts and overrides.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { PGlite } from "@electric-sql/pglite";
import { parseDesignJson } from "../design/design-json";
import { DESIGN_FIXTURES } from "../design/fixtures";
import type { Design } from "../design/model";
import { REBUILT_RPCS } from "../design/rebuilt-rpcs";
import { validateDesign } from "../design/validate";
import { generateInput } from "../generate/context";
import { generateSnippets } from "../generate/index";
import { rustPlan } from "../generate/rust-types";
import { createSchemaDatabase } from "../sql/boot";
import {
  canonicalType,
  decodeMismatches,
  sqlxCalls,
  structFields,
  type SqlxCall,
} from "./decoded-types";
import { describeQueries, type QueryTypes } from "./sqlx-describe";

const ROOT = path.join(import.meta.dirname, "..", "..");
const STORAGE_TYPES = path.join(
  ROOT,
  "rust-harness/skeleton/base/rust/personhog-replica/src/storage/types",
);
const EXAMPLES = path.join(ROOT, "content/examples");
const RUST_GOLDENS = path.join(ROOT, "lib/generate/golden/rust");

/**
 * Designs whose generated query does not decode into its target today, and why. Each must still
 * fail: when the generators write the casts and overrides, remove the entry.
 */
const KNOWN_MISMATCHES: Readonly<Record<string, string>> = {};

function exampleDesigns(): [string, Design][] {
  return readdirSync(EXAMPLES)
    .filter((f) => f.endsWith(".json"))
    .map((f) => {
      const parsed = parseDesignJson(readFileSync(path.join(EXAMPLES, f), "utf8"), f);
      assert.ok("value" in parsed, f);
      return [f.replace(/\.json$/, ""), validateDesign(parsed.value).design];
    });
}

/** Fixtures, then the examples not derived from one, then the rebuilt RPCs. */
const CASES: [string, Design][] = [
  ...Object.entries(DESIGN_FIXTURES),
  ...exampleDesigns().filter(([name]) => !Object.hasOwn(DESIGN_FIXTURES, name)),
  ...Object.entries(REBUILT_RPCS),
];

/** The storage types personhog already has (the harness skeleton's, written from the facts). */
function skeletonStructs(): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const f of readdirSync(STORAGE_TYPES))
    for (const [k, v] of structFields(readFileSync(path.join(STORAGE_TYPES, f), "utf8")))
      out.set(k, v);
  return out;
}

interface CaseCalls {
  readonly calls: SqlxCall[];
  readonly structs: Map<string, Map<string, string>>;
}

function caseCalls(design: Design, known: ReadonlyMap<string, Map<string, string>>): CaseCalls {
  const rust = generateSnippets(design).filter((s) => s.language === "rust");
  const structs = new Map(known);
  for (const s of rust) for (const [k, v] of structFields(s.code)) structs.set(k, v);
  return { calls: rust.flatMap((s) => sqlxCalls(s.code)), structs };
}

describe("decoded column types", () => {
  let db: PGlite | undefined;
  let described: Map<string, QueryTypes | string>;
  const known = skeletonStructs();
  const cases = new Map(CASES.map(([name, design]) => [name, caseCalls(design, known)]));

  before(async () => {
    db = await createSchemaDatabase();
    const sqls = [...cases.values()].flatMap((c) => c.calls.map((call) => call.sql));
    described = await describeQueries(db, [...sqls, MAPPING_SQL]);
  });

  after(async () => {
    await db?.close();
  });

  const mismatches = (name: string): string[] => {
    const { calls, structs } = cases.get(name)!;
    return calls.flatMap((call) => {
      const types = described.get(call.sql)!;
      if (typeof types === "string") return [`the statement does not describe: ${types}`];
      return decodeMismatches(call, types.columns, structs);
    });
  };

  it("cover every golden's fixture, and every known mismatch names a case", () => {
    for (const f of readdirSync(RUST_GOLDENS))
      assert.ok(cases.has(f.replace(/\.txt$/, "")), `golden/rust/${f} has no case`);
    for (const name of Object.keys(KNOWN_MISMATCHES))
      assert.ok(cases.has(name), `${name} in KNOWN_MISMATCHES is not a case`);
  });

  it("type columns as sqlx does: int4 → i32, int8 → i64, jsonb → Value, nullable → Option, overrides", () => {
    const types = described.get(MAPPING_SQL);
    assert.ok(types && typeof types !== "string", String(types));
    assert.deepEqual(
      types.columns.map((c) => `${c.name}: ${canonicalType(c.rust)}`),
      [
        "id: i32",
        "id_bigint: Option<i64>",
        "id_forced: i64",
        "group_properties: serde_json::Value",
        "json_expression: Option<serde_json::Value>",
        "group_properties_nullable: Option<serde_json::Value>",
        "created_at: DateTime<Utc>",
        "group_key: String",
        "count: Option<i64>",
        "count_forced: i64",
      ],
    );
  });

  for (const [name, design] of CASES) {
    const known = KNOWN_MISMATCHES[name];
    it(`${name} ${known ? "still does not decode into its target, as listed" : "decodes every column into its target's type"}`, (t) => {
      // A person write is the leader's: the replica, and so sqlx, never runs its SQL.
      const runs = design.sql.trim() !== "" && !rustPlan(generateInput(design)).leaderOnly;
      assert.ok(cases.get(name)!.calls.length > 0 || !runs, `${name}: no sqlx call found`);
      const found = mismatches(name);
      if (!known) {
        assert.deepEqual(found, [], `${name}:\n${found.join("\n")}`);
        return;
      }
      assert.notDeepEqual(found, [], `${name} decodes now: remove it from KNOWN_MISMATCHES`);
      t.diagnostic(`${name} (known: ${known}): ${found.join("; ")}`);
    });
  }
});

/** One statement showing each mapping rule on posthog_group's columns. */
const MAPPING_SQL = `SELECT id, id::bigint AS id_bigint, id::bigint AS "id_forced!", group_properties,
  group_properties -> 'a' AS json_expression, group_properties AS "group_properties_nullable?", created_at, group_key,
  COUNT(*) OVER () AS count, COUNT(*) OVER () AS "count_forced!" FROM posthog_group`;

describe("reading the generated Rust", () => {
  const rust = `
    async fn list(&self, team_id: i64) -> StorageResult<Vec<Thing>> {
        let rows = sqlx::query_as!(
            Thing,
            r#"SELECT id FROM t WHERE team_id = $1"#,
            team_id as i32
        )
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows)
    }
    async fn count(&self) -> StorageResult<i64> {
        let n = sqlx::query_scalar!("SELECT COUNT(*) FROM t").fetch_one(&mut *conn).await?;
        Ok(n.unwrap_or_default())
    }
    pub struct Thing {
        pub id: i64,
        pub r#type: Option<serde_json::Value>,
    }`;

  it("finds each macro, its target, its fetch and the enclosing return type", () => {
    assert.deepEqual(
      sqlxCalls(rust).map((c) => [c.macro, c.target, c.sql, c.fetch, c.returns]),
      [
        ["query_as", "Thing", "SELECT id FROM t WHERE team_id = $1", "fetch_all", "Vec<Thing>"],
        ["query_scalar", null, "SELECT COUNT(*) FROM t", "fetch_one", "i64"],
      ],
    );
    assert.deepEqual(
      [...structFields(rust).get("Thing")!],
      [
        ["id", "i64"],
        ["type", "Option<serde_json::Value>"],
      ],
    );
  });

  it("names every column that does not fit, and every field no column fills", () => {
    const [asCall, scalarCall] = sqlxCalls(rust) as [SqlxCall, SqlxCall];
    const structs = structFields(rust);
    assert.deepEqual(decodeMismatches(asCall, [{ name: "id", rust: "i32" }], structs), [
      "id: decodes as i32, Thing.id is i64",
      "Thing.type: no column fills it",
    ]);
    assert.deepEqual(
      decodeMismatches(
        asCall,
        [
          { name: "id", rust: "i64" },
          { name: "type", rust: "::core::option::Option<::sqlx::types::JsonValue>" },
        ],
        structs,
      ),
      [],
    );
    assert.deepEqual(
      decodeMismatches(
        scalarCall,
        [{ name: "count", rust: "::core::option::Option<i64>" }],
        structs,
      ),
      ["count: decodes as Option<i64>, the method returns i64"],
    );
  });
});
