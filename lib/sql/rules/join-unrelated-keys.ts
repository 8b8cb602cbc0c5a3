/**
 * A join key should equate columns that mean the same thing. `c.person_id = d.id` pairs a person's
 * id with a distinct id's own row id: an index serves it and it returns rows, the wrong ones. What
 * a column means comes from the schema's foreign keys and references (join-keys.ts).
 */
import { columnsMeaning, meaningLabel, meaningOf, sameMeaning } from "../join-keys";
import type { RelationFacts } from "../relations";
import { BROAD_KEYS } from "../selectivity";
import type { Finding, Fix } from "../verdict";
import { writtenEqualities, type WrittenColumn } from "../written-joins";
import { defineRule } from "./rule";

interface Side {
  readonly f: RelationFacts;
  readonly column: string;
  /** The WITH query's column it was read through, as the statement names it. */
  readonly via?: { readonly alias: string; readonly column: string };
  /** As the statement writes it, when the key is read from the text: its name's place too. */
  readonly written?: { readonly alias: string; readonly start: number; readonly end: number };
}

const named = (s: Side, column?: string) =>
  `\`${s.via?.alias ?? s.written?.alias ?? s.f.use.alias}.${column ?? s.via?.column ?? s.column}\``;

/** The smallest change: the column of one side's table that means what the other side means. */
function fixFor(own: Side, other: Side, sql: string): Fix | null {
  // Keep a broad key (a team) last: rejoined on it alone, the join would pair a whole team.
  const broad = (x: Side) => Number(BROAD_KEYS.has(x.column));
  for (const keep of [own, other].sort((a, b) => broad(a) - broad(b))) {
    const swap = keep === own ? other : own;
    const meaning = meaningOf(keep.f.table.name, keep.column);
    const instead = meaning && columnsMeaning(swap.f.table, meaning)[0];
    // On one row (`d.person_id = d.id`) the same column on both sides would be always true.
    if (!meaning || !instead || (swap.f === keep.f && instead === keep.column)) continue;
    return {
      kind: "join-key",
      sentence: `Join ${named(keep)} to ${named(swap, instead)} instead of ${named(swap)}: both mean ${meaningLabel(meaning)}.`,
      table: swap.f.table.name,
      alias: swap.f.use.alias,
      // A WITH query's column is renamed only in the WITH query itself: no rewrite here.
      sql:
        swap.written && !swap.via
          ? sql.slice(0, swap.written.start) + instead + sql.slice(swap.written.end)
          : null,
    };
  }
  return null;
}

/** Is `plan` the plan's name for `alias`: itself, or renamed `alias_n` for reuse? */
const renamed = (plan: string, alias: string) =>
  plan === alias || (plan.startsWith(`${alias}_`) && /^\d+$/.test(plan.slice(alias.length + 1)));

function finding(own: Side, other: Side, sql: string): Finding | null {
  const a = meaningOf(own.f.table.name, own.column);
  const b = meaningOf(other.f.table.name, other.column);
  if (!a || !b || sameMeaning(a, b)) return null;
  const fix = fixFor(own, other, sql);
  return {
    table: null,
    aliases: [own.f.use.alias, other.f.use.alias],
    index: null,
    matched: [],
    filtered: [],
    nodeIds: [...own.f.use.scans, ...other.f.use.scans].map((s) => s.entry.id),
    message:
      `${own.f === other.f ? "The query" : "The join"} equates ${named(own)} (${meaningLabel(a)}) with ${named(other)} (${meaningLabel(b)}): ` +
      "they mean different things, so the rows it pairs match only by coincidence, however well an index serves it.",
    advice:
      fix?.sentence ??
      "Join on columns that mean the same thing (a foreign key or reference in the schema names them); if this pairing is meant, say why in the review.",
    fixes: fix ? [fix] : [],
  };
}

export const joinUnrelatedKeys = defineRule({
  id: "join-unrelated-keys",
  severity: "error",
  scope: "statement",
  summary:
    "A join equates columns that mean different things (by the schema's foreign keys and references), so it pairs unrelated rows.",
  check(_tables, ctx) {
    const byAlias = new Map(ctx.relations.map((f) => [f.use.alias, f]));
    const side = (alias: string | null | undefined, column: string): Side | null => {
      const f = byAlias.get(alias ?? "");
      return f ? { f, column } : null;
    };
    // The plan renames an alias a subquery reuses (x, x_1); the text's scopes say which table
    // the written one names. Two of one table under one name stay unresolved.
    const writtenSide = (c: WrittenColumn): Side | null => {
      const named = ctx.relations.filter((f) => renamed(f.use.alias, c.alias));
      const found = named.length > 1 ? named.filter((f) => f.table.name === c.table) : named;
      const f = found.length === 1 ? found[0] : undefined;
      const written = { alias: c.alias, start: c.start, end: c.end };
      return f ? { f, column: c.column, written, ...(c.via ? { via: c.via } : {}) } : null;
    };
    // The written join keys (named as written, through a WITH query too), and the plan's, which
    // also holds keys the text writes unqualified or through USING.
    const pairs = [
      ...writtenEqualities(ctx.fixes.sql).map((e) => [writtenSide(e.left), writtenSide(e.right)]),
      ...ctx.relations.flatMap((f) =>
        f.use.atoms.map((a) =>
          a.shape === "eq-column" && a.column?.alias === f.use.alias && a.other
            ? [side(f.use.alias, a.column.column), side(a.other.alias, a.other.column)]
            : [],
        ),
      ),
    ];
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const [own, other] of pairs) {
      if (!own || !other) continue;
      // One pair of table columns, however it was reached.
      const base = (x: Side) => `${x.f.use.alias}.${x.column}`;
      const key = [base(own), base(other)].sort().join("=");
      if (seen.has(key) || base(own) === base(other)) continue;
      seen.add(key);
      const found = finding(own, other, ctx.fixes.sql);
      if (found) findings.push(found);
    }
    return findings;
  },
});
