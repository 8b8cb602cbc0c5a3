/**
 * Representative values for `$n` placeholders. The statement is prepared as a generic plan and
 * explained with these values, so partition pruning on a parameterised team_id shows as it would
 * at run time (EXPLAIN (GENERIC_PLAN) would list all 64 partitions). Values must be non-null:
 * NULL hashes to no partition at all.
 */

const SCALARS: Record<string, string> = {
  smallint: "2",
  integer: "2",
  bigint: "3",
  numeric: "3",
  boolean: "true",
  text: "'workbench'",
  "character varying": "'workbench'",
  uuid: "'0190a8c4-5b7e-7c3d-9e1f-2a3b4c5d6e7f'",
  "timestamp with time zone": "'2026-01-01T00:00:00Z'",
  "timestamp without time zone": "'2026-01-01T00:00:00'",
  jsonb: "'{}'",
  json: "'{}'",
  bytea: "'\\x00'",
};

const ARRAYS: Record<string, string> = {
  smallint: "{2,3}",
  integer: "{2,3}",
  bigint: "{3,4}",
  text: "{workbench,bench}",
  "character varying": "{workbench,bench}",
  uuid: "{0190a8c4-5b7e-7c3d-9e1f-2a3b4c5d6e7f,0190a8c4-5b7e-7c3d-9e1f-2a3b4c5d6e80}",
  boolean: "{true,false}",
};

/** Type names come from pg_prepared_statements (regtype text), never from user input. */
const TYPE_NAME = /^[a-z][a-z0-9 ]*(\[\])?$/;

export function representativeValue(type: string): string {
  if (!TYPE_NAME.test(type)) return "NULL";
  if (type.endsWith("[]")) {
    const element = type.slice(0, -2);
    const literal = ARRAYS[element];
    return literal ? `'${literal}'::${type}` : `'{}'::${type}`;
  }
  const literal = SCALARS[type];
  return literal ? `${literal}::${type}` : `NULL::${type}`;
}
