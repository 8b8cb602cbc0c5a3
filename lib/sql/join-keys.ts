/**
 * What a column means, for judging a join: the column its chain of foreign keys and references
 * (schema/types.ts) ends at. `posthog_cohortpeople.person_id` and `posthog_persondistinctid.person_id`
 * both end at `posthog_person.id`; `posthog_persondistinctid.id` ends at itself. Two columns belong
 * in one join key when they end at the same column. A column that points nowhere and that nothing
 * points at (a version, a timestamp, a distinct id) has no known meaning and is not judged.
 */
import { SCHEMA } from "./schema";
import type { TableSpec } from "./schema/types";

export interface Meaning {
  readonly table: string;
  readonly column: string;
}

interface Link {
  readonly from: Meaning;
  readonly to: Meaning;
}

function linksOf(table: TableSpec): Link[] {
  return [...(table.foreignKeys ?? []), ...(table.references ?? [])].flatMap((key) =>
    key.columns.map((column, i) => ({
      from: { table: table.name, column },
      to: { table: key.references.table, column: key.references.columns[i] ?? "" },
    })),
  );
}

const LINKS = SCHEMA.flatMap(linksOf);
const key = (m: Meaning) => `${m.table}.${m.column}`;
/** Each column's link; reversed so that, as with find, a column's first link wins. */
const NEXT = new Map(LINKS.map((l) => [key(l.from), l.to] as const).reverse());
const POINTED_AT = new Set(LINKS.map((l) => key(l.to)));

export const sameMeaning = (a: Meaning, b: Meaning) => a.table === b.table && a.column === b.column;

/** A table's own id: the one column of its primary key. */
function ownId(table: TableSpec, column: string): boolean {
  const primary = table.indexes.find((i) => i.kind === "primary");
  return primary?.columns.length === 1 && primary.columns[0] === column;
}

/** Follows a column's links to the column it ends at (null when nothing ties it to another). */
function follow(table: TableSpec, column: string): Meaning | null {
  const start = { table: table.name, column };
  let at: Meaning = start;
  // Every step leaves a column for the one it references; a cycle stops at its first repeat.
  for (let step = 0; step < LINKS.length; step++) {
    const next = NEXT.get(key(at));
    if (!next) break;
    at = next;
  }
  const known = at !== start || POINTED_AT.has(key(start)) || ownId(table, column);
  return known ? at : null;
}

/** Every schema column's meaning, worked out once: the schema does not change. */
const MEANINGS = new Map(
  SCHEMA.flatMap((t) => t.columns.map((c) => [`${t.name}.${c.name}`, follow(t, c.name)] as const)),
);

/** The column `table.column` ends at, or null when nothing ties it to another column. */
export function meaningOf(table: string, column: string): Meaning | null {
  return MEANINGS.get(`${table}.${column}`) ?? null;
}

const OWN_IDS = new Set(
  SCHEMA.flatMap((t) =>
    t.columns.filter((c) => ownId(t, c.name)).map((c) => `${t.name}.${c.name}`),
  ),
);

/** A row's own id that nothing points at: no other table's row is named by it. */
function ownRowId(m: Meaning): boolean {
  return OWN_IDS.has(key(m)) && !POINTED_AT.has(key(m));
}

/** How a meaning reads in a message: `posthog_person.id`, or a table's own row id. */
export function meaningLabel(m: Meaning): string {
  return ownRowId(m) ? `${m.table}'s own row id` : `${m.table}.${m.column}`;
}

/**
 * The columns of `table` that mean `m`: what a join key paired with `m` should name instead. A
 * row's own id is never offered: pairing it with itself (`d2.id = d1.id`) joins a row to itself.
 */
export function columnsMeaning(table: TableSpec, m: Meaning): string[] {
  if (ownRowId(m)) return [];
  return table.columns
    .map((c) => c.name)
    .filter((name) => {
      const own = meaningOf(table.name, name);
      return own !== null && sameMeaning(own, m);
    });
}
