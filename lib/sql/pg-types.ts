/**
 * PostgreSQL's built-in types by OID, as a described parameter reports them: the name people read
 * and the family a request field must belong to for `$n` to take it.
 */

/** What a value is, coarsely: a request field binds to a parameter of its own family. */
export type TypeFamily = "integer" | "float" | "text" | "bool" | "bytes" | "timestamp";

export interface PgType {
  readonly name: string;
  readonly family: TypeFamily;
  readonly array: boolean;
}

const SCALARS: Readonly<Record<number, readonly [string, TypeFamily]>> = {
  16: ["boolean", "bool"],
  17: ["bytea", "bytes"],
  19: ["name", "text"],
  20: ["bigint", "integer"],
  21: ["smallint", "integer"],
  23: ["integer", "integer"],
  25: ["text", "text"],
  114: ["json", "bytes"],
  700: ["real", "float"],
  701: ["double precision", "float"],
  1042: ["character", "text"],
  1043: ["character varying", "text"],
  1082: ["date", "timestamp"],
  1114: ["timestamp", "timestamp"],
  1184: ["timestamptz", "timestamp"],
  1700: ["numeric", "float"],
  2950: ["uuid", "text"],
  3802: ["jsonb", "bytes"],
};

/** Array type OID → its element's OID (PostgreSQL's pg_type.typelem), for every reader of OIDs. */
export const ARRAY_ELEMENT_OIDS: Readonly<Record<number, number>> = {
  199: 114,
  1000: 16,
  1001: 17,
  1003: 19,
  1005: 21,
  1007: 23,
  1009: 25,
  1014: 1042,
  1015: 1043,
  1016: 20,
  1021: 700,
  1022: 701,
  1115: 1114,
  1182: 1082,
  1185: 1184,
  1231: 1700,
  2951: 2950,
  3807: 3802,
};

/** The type for an OID, or null for one the lab does not know (no claim is made about it). */
export function pgType(oid: number): PgType | null {
  const element = ARRAY_ELEMENT_OIDS[oid];
  const scalar = SCALARS[element ?? oid];
  if (!scalar) return null;
  const [name, family] = scalar;
  return element === undefined
    ? { name, family, array: false }
    : { name: `${name}[]`, family, array: true };
}
