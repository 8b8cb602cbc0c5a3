/**
 * Representative values for `$n` placeholders. The statement is prepared as a generic plan and
 * explained with these values, so partition pruning on a parameterised team_id shows as it would
 * at run time (EXPLAIN (GENERIC_PLAN) would list all 64 partitions). A generic plan does not
 * depend on the values otherwise, so each only has to be valid input for its parameter's type and
 * non-null (NULL hashes to no partition at all).
 *
 * The values are untyped literals, coerced by the parameter's own type, chosen from the types the
 * server described for the prepared statement: the check waits for that answer anyway before it
 * runs anything with the statement (see session.ts), so nothing has to be guessed from the text.
 */
import { tokenize, type Token } from "./tokens";

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

/**
 * The number of a `$n` token. Digits are compared by length first: `$` and 400 nines is not a
 * number worth parsing, and any number of leading zeros is still the same placeholder.
 */
export function placeholderNumber(token: Token): number {
  let zeros = 0;
  while (token.lower[zeros] === "0") zeros++;
  const digits = token.lower.slice(zeros);
  return digits.length > 15 ? Infinity : Number(digits);
}

/** The highest `$n` in the text (a `$1` in a string, a comment or `a$1` is not a placeholder). */
export function placeholderCount(sql: string): number {
  let highest = 0;
  for (const t of tokenize(sql).tokens) {
    if (t.kind === "param") highest = Math.max(highest, placeholderNumber(t));
  }
  return highest;
}
