/**
 * Representative values for `$n` placeholders. The statement is prepared as a generic plan and
 * explained with these values, so partition pruning on a parameterised team_id shows as it would
 * at run time (EXPLAIN (GENERIC_PLAN) would list all 64 partitions). A generic plan does not
 * depend on the values otherwise, so each only has to be valid input for its parameter's type and
 * non-null (NULL hashes to no partition at all).
 *
 * The values are untyped literals, coerced by the parameter's own type. They are first guessed
 * from the SQL and the schema (so the check needs no round trip to learn the types); when a guess
 * is wrong the server says so and the values are taken from the described types instead.
 */
import { SCHEMA } from "./schema";

type Family = "plain" | "boolean" | "uuid" | "timestamp";

/** '2' is valid input for every integer, numeric, text, varchar, json and bytea parameter. */
const SCALAR: Record<Family, string> = {
  plain: "2",
  boolean: "true",
  uuid: "0190a8c4-5b7e-7c3d-9e1f-2a3b4c5d6e7f",
  timestamp: "2026-01-01T00:00:00Z",
};

const ARRAY: Record<Family, string> = {
  plain: "{2,3}",
  boolean: "{true,false}",
  uuid: "{0190a8c4-5b7e-7c3d-9e1f-2a3b4c5d6e7f,0190a8c4-5b7e-7c3d-9e1f-2a3b4c5d6e80}",
  timestamp: "{2026-01-01T00:00:00Z}",
};

interface TypeShape {
  readonly family: Family;
  readonly array: boolean;
}

/** Built-in type OIDs (stable across PostgreSQL versions) of the types a persons query binds. */
const OID_SHAPES: Record<number, TypeShape> = {
  16: { family: "boolean", array: false },
  17: { family: "plain", array: false },
  20: { family: "plain", array: false },
  21: { family: "plain", array: false },
  23: { family: "plain", array: false },
  25: { family: "plain", array: false },
  114: { family: "plain", array: false },
  1043: { family: "plain", array: false },
  1114: { family: "timestamp", array: false },
  1184: { family: "timestamp", array: false },
  1700: { family: "plain", array: false },
  2950: { family: "uuid", array: false },
  3802: { family: "plain", array: false },
  1000: { family: "boolean", array: true },
  1005: { family: "plain", array: true },
  1007: { family: "plain", array: true },
  1009: { family: "plain", array: true },
  1015: { family: "plain", array: true },
  1016: { family: "plain", array: true },
  1115: { family: "timestamp", array: true },
  1185: { family: "timestamp", array: true },
  1231: { family: "plain", array: true },
  2951: { family: "uuid", array: true },
  3807: { family: "plain", array: true },
};

function quoted(shape: TypeShape): string {
  return `'${(shape.array ? ARRAY : SCALAR)[shape.family]}'`;
}

/** The value for a described parameter type; NULL (which fits any type) when we do not know it. */
export function literalForOid(oid: number): string {
  const shape = OID_SHAPES[oid];
  return shape ? quoted(shape) : "NULL";
}

function familyOf(type: string): Family {
  const base = type.toLowerCase().replace(/\[\]$/u, "");
  if (base === "boolean" || base === "bool") return "boolean";
  if (base === "uuid") return "uuid";
  if (base.startsWith("timestamp")) return "timestamp";
  return "plain";
}

function shapeOfType(type: string): TypeShape {
  return { family: familyOf(type), array: type.trim().endsWith("[]") };
}

/** Column name → its family, when every table that has the column agrees. */
const COLUMN_FAMILIES: ReadonlyMap<string, Family> = (() => {
  const seen = new Map<string, Family | null>();
  for (const table of SCHEMA) {
    for (const col of table.columns) {
      const family = familyOf(col.type);
      const before = seen.get(col.name);
      seen.set(col.name, before === undefined || before === family ? family : null);
    }
  }
  const agreed = new Map<string, Family>();
  for (const [name, family] of seen) if (family) agreed.set(name, family);
  return agreed;
})();

/** PostgreSQL's limit on parameters: a `$n` beyond it is refused by the server anyway. */
const MAX_PARAMETERS = 65_535;

/** The `$n` numbers the statement uses. */
function placeholders(statement: string): Set<number> {
  return new Set([...statement.matchAll(/\$(\d+)/gu)].map((m) => Number(m[1])));
}

/** The highest `$n` in the statement: EXECUTE needs exactly that many values. */
export function placeholderCount(statement: string): number {
  return highest(placeholders(statement));
}

function highest(numbers: Iterable<number>): number {
  let max = 0;
  for (const n of numbers) max = Math.max(max, n);
  return max;
}

const COMPARE = String.raw`(?:=|<>|!=|<=|>=|<|>|\bLIKE\b|\bILIKE\b)`;

function guessShape(statement: string, n: number, paired: ReadonlyMap<number, string>): TypeShape {
  const p = String.raw`\$${n}(?!\d)`;
  const cast = new RegExp(String.raw`${p}\s*::\s*([a-z_][a-z0-9_ ]*(?:\[\])?)`, "iu").exec(
    statement,
  );
  if (cast?.[1]) return shapeOfType(cast[1]);
  const before = new RegExp(
    String.raw`([a-z_][a-z0-9_]*)"?\s*${COMPARE}\s*(ANY\s*\(|ALL\s*\()?\s*${p}`,
    "iu",
  ).exec(statement);
  const after = new RegExp(
    String.raw`${p}\s*${COMPARE}\s*(?:[a-z_][a-z0-9_]*\.)?([a-z_][a-z0-9_]*)`,
    "iu",
  ).exec(statement);
  const column = before?.[1] ?? after?.[1] ?? paired.get(n);
  const family = column ? COLUMN_FAMILIES.get(column.toLowerCase()) : undefined;
  if (family) return { family, array: Boolean(before?.[2]) };
  // A flag: `CASE WHEN $3`, `NOT $3`, `$3 OR …` (not `AND`, which BETWEEN also uses).
  const flag = new RegExp(String.raw`\b(?:WHEN|NOT|OR)\s+${p}|${p}\s+(?:THEN|OR)\b`, "iu");
  if (!column && flag.test(statement)) return { family: "boolean", array: false };
  return { family: "plain", array: Boolean(before?.[2]) };
}

/** Splits a parenthesised list at its top-level commas (lists here hold no nested commas). */
function listItems(list: string): string[] {
  return list.split(",").map((item) => item.trim().replace(/"/gu, "").replace(/^.*\./u, ""));
}

/**
 * Placeholders that fill a column by position: `INSERT INTO t (a, b) VALUES ($1, $2)` and row
 * comparisons such as `(created_at, id) < ($9, $10)`.
 */
function pairedColumns(statement: string): Map<number, string> {
  const found = new Map<number, string>();
  const lists = [
    /\binsert\s+into\s+[a-z0-9_."]+\s*\(([^()]*)\)\s*values\s*\(([^()]*)\)/giu,
    new RegExp(String.raw`\(([^()]*)\)\s*${COMPARE}\s*\(([^()]*)\)`, "giu"),
  ];
  for (const pattern of lists) {
    for (const m of statement.matchAll(pattern)) {
      const columns = listItems(m[1] ?? "");
      listItems(m[2] ?? "").forEach((value, i) => {
        const slot = /^\$(\d+)$/u.exec(value);
        const column = columns[i];
        if (slot?.[1] && column) found.set(Number(slot[1]), column);
      });
    }
  }
  return found;
}

/**
 * Guessed values for `$1 … $n`, read from casts, the column each placeholder is compared with or
 * fills by position, and flags. Wrong guesses cost a second round trip, never a wrong verdict.
 */
export function guessedLiterals(statement: string): string[] {
  const used = placeholders(statement);
  const count = highest(used);
  // A typed `$99999999` must not become a hundred million values: the server refuses it as it is.
  if (count > MAX_PARAMETERS) return [];
  const paired = pairedColumns(statement);
  // Unused numbers below the highest are refused by the server too ("could not determine data type").
  return Array.from({ length: count }, (_, i) =>
    used.has(i + 1) ? quoted(guessShape(statement, i + 1, paired)) : "NULL",
  );
}
