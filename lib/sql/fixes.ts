/**
 * The fixes a reviewer would give for a flagged relation, most preferred first: a cast (or
 * arithmetic or a COALESCE that can be undone) taken off an indexed column, a predicate that lets an existing index serve the query (the request's team_id, or the missing leading column of
 * an index whose next column is constrained), with the statement rewritten; then a new index, or an
 * expression index for a JSON key, with the DDL "try it" creates inside a rolled-back transaction.
 */
import { createIndexSql, proposeIndexColumns, proposedIndex } from "./proposed-index";
import { isExpressionKey, jsonKey, keyLabel, type ExprRef } from "./expressions";
import {
  chooseIndex,
  filteredColumns,
  matchIndex,
  rowCount,
  score,
  withEqualities,
  withKeyAs,
  type IndexChoice,
  type Predicates,
} from "./index-match";
import { addPredicate, type Rewritten, type Target } from "./rewrite";
import { dropColumnCast } from "./rewrite-cast";
import { unwrapColumn } from "./rewrite-unwrap";
import { isZeroAmount, unwrapOf } from "./unwrap";
import { orBranches, servedBy, type Branch } from "./or-branches";
import type { Starved } from "./join-order";
import type { RelationFacts } from "./relations";
import type { TableSpec } from "./schema/types";
import { BROAD_KEYS, isBoolean, onlyBroadKeys, selectiveColumns } from "./selectivity";
import { describeRows, listKeys } from "./wording";
import type { AddedPredicate, Fix } from "./verdict";

export interface FixContext {
  /** The statement as checked; predicate fixes rewrite it. */
  readonly sql: string;
  /** The placeholder a predicate fix adds: one past the highest the statement uses. */
  readonly placeholder: string;
  /**
   * Every relation with a team_id that nothing fixes: the team fix adds the same team to all of
   * them, since fixing one alone leaves the others flagged.
   */
  readonly teamless: readonly Target[];
  /** What the team fix compares team_id with: the team the statement already names, if any. */
  readonly team: string;
}

/** The column every personhog request carries: adding it narrows a read to one team. */
const TENANT = "team_id";

/** Would the relation still be flagged with these predicates and this index? */
function stillFlagged(table: TableSpec, p: Predicates, choice: IndexChoice | null): boolean {
  if (!choice) return true;
  const key = table.partitions?.key;
  if (key && !(p.equal.has(key) && !p.lists.has(key))) return true;
  if (choice.index.fewRowsPerKey || !onlyBroadKeys(choice, p)) return false;
  const filtered = filteredColumns(p, choice);
  return selectiveColumns(table, filtered).length > 0;
}

/**
 * Columns worth adding: the team, and the missing leading column of an index whose next column
 * the query already narrows. A broad next column (the team) does not count: adding a person's id
 * to a read of a whole team would change what the query asks, not how it is served.
 */
function candidateColumns(f: RelationFacts): string[] {
  const p = f.predicates;
  const constrained = (c: string) => p.equal.has(c) || p.range.has(c);
  const narrowed = (c: string) => p.equal.has(c) && !BROAD_KEYS.has(c);
  const columns = new Set<string>();
  if (f.table.columns.some((c) => c.name === TENANT) && !p.equal.has(TENANT)) columns.add(TENANT);
  for (const index of f.table.indexes) {
    const [lead, next] = index.columns;
    if (lead && next && !constrained(lead) && narrowed(next) && !isBoolean(f.table, lead)) {
      columns.add(lead);
    }
  }
  return [...columns];
}

interface PredicateOption {
  readonly column: string;
  readonly predicates: Predicates;
  readonly choice: IndexChoice;
  readonly resolves: boolean;
  readonly fix: Fix;
}

/** Adds `column = value` to each target in turn; null if any cannot be placed. */
function rewriteAll(ctx: FixContext, targets: readonly Target[], column: string) {
  const value = column === TENANT ? ctx.team : ctx.placeholder;
  let sql: string | null = ctx.sql;
  const added: AddedPredicate[] = [];
  for (const target of targets) {
    const rewritten: Rewritten | null = sql ? addPredicate(sql, target, column, value) : null;
    sql = rewritten?.sql ?? null;
    const qualified = target.alias === target.table ? column : `${target.alias}.${column}`;
    added.push({ column, text: rewritten?.predicate ?? `${qualified} = ${value}` });
  }
  return { sql, added };
}

/** The team a statement already names (`team_id = $1` or a number), for the team fix to reuse. */
export function namedTeam(relations: readonly RelationFacts[]): string | null {
  for (const f of relations) {
    const value = f.predicates.equal.get(TENANT);
    if (value && /^(\$\d+|\d+)$/.test(value) && !f.predicates.lists.has(TENANT)) return value;
  }
  return null;
}

const rank = (ctx: FixContext, t: Target) =>
  ctx.teamless.findIndex((u) => u.table === t.table && u.alias === t.alias);

/** What a predicate or cast fix buys: the index that then serves the relation, and how well. */
function outcome(
  choice: IndexChoice,
  predicates: Predicates,
  resolves: boolean,
  branches?: readonly Branch[],
): string {
  const filtered = filteredColumns(predicates, choice).map(keyLabel);
  if (branches && resolves) {
    const names = [...new Set(branches.map((b) => b.choice.index.name))];
    return `each branch of the OR is then looked up through ${names.join(" or ")}.`;
  }
  return resolves
    ? `${choice.index.name} then serves it: ${describeRows(rowCount(choice, predicates))}.`
    : `${choice.index.name} then serves it on ${listKeys(choice.matched)} only` +
        (filtered.length ? `; ${listKeys(filtered)} still filtered.` : ".");
}

/** The statement with the column bare, and the sentence saying so, for a cast or an undoable wrap. */
function bareColumn(f: RelationFacts, ctx: FixContext, key: string, expr: ExprRef) {
  const own: Target = { table: f.table.name, alias: f.use.alias };
  const type = f.table.columns.find((c) => c.name === expr.column)?.type ?? "its type";
  const label = `\`${keyLabel(key)}\``;
  if (expr.cast) {
    return {
      kind: "drop-cast" as const,
      sql: dropColumnCast(ctx.sql, own, expr.column),
      why: `Compare \`${expr.column}\` itself, not ${label}, and bind the value as ${type}: no index sees a column through a cast.`,
    };
  }
  const unwrap = unwrapOf(f.table, expr);
  if (!unwrap) return null;
  const bare = `Compare \`${expr.column}\` itself, not ${label}`;
  const why =
    unwrap.kind === "coalesce"
      ? `${bare}: it is never null, so the COALESCE changes nothing but hides the column from its indexes.`
      : isZeroAmount(unwrap.amount)
        ? `${bare}: adding nothing hides the column from its indexes all the same.`
        : `${bare}, and shift the value the other way (\`${unwrap.op === "+" ? "-" : "+"} ${unwrap.amount}\`): no index sees a column inside arithmetic.`;
  return {
    kind: "unwrap-column" as const,
    sql: unwrapColumn(ctx.sql, own, expr.column, type, unwrap),
    why,
  };
}

/**
 * A column compared through a cast (`uuid::text = $2`) or inside arithmetic or a function that can
 * be undone (`id + 1 = $2`, unwrap.ts) that its own index would serve once bare. Only for
 * comparisons with a value; a join key's other side would need the change instead.
 */
function bareColumnOptions(f: RelationFacts, ctx: FixContext): PredicateOption[] {
  const p = f.predicates;
  const options: PredicateOption[] = [];
  for (const [key, expr] of p.expressions) {
    const valued = (p.equal.has(key) && !p.joins.has(key)) || p.range.has(key);
    if (!valued) continue;
    const predicates = withKeyAs(p, key, expr.column);
    const choice = chooseIndex(f.table, predicates);
    if (!choice) continue;
    const resolves = !stillFlagged(f.table, predicates, choice);
    if (score(choice) <= score(f.choice) && !resolves) continue;
    const bare = bareColumn(f, ctx, key, expr);
    if (!bare?.sql) continue;
    options.push({
      column: expr.column,
      predicates,
      choice,
      resolves,
      fix: {
        kind: bare.kind,
        sentence: `${bare.why} ${outcome(choice, predicates, resolves)}`,
        table: f.table.name,
        alias: f.use.alias,
        sql: bare.sql,
        uses: choice.index.name,
      },
    });
  }
  return options;
}

function predicateOptions(f: RelationFacts, ctx: FixContext): PredicateOption[] {
  const options: PredicateOption[] = [];
  const own: Target = { table: f.table.name, alias: f.use.alias };
  const sameRelation = (t: Target) => t.table === own.table && t.alias === own.alias;
  for (const column of candidateColumns(f)) {
    // An OR beside it is looked up branch by branch once the column narrows every branch.
    const { predicates, choice, branches } = servedBy(
      withEqualities(f.predicates, [column]),
      chooseIndex(f.table, withEqualities(f.predicates, [column])),
      orBranches(f.use, f.table, f.extra, () => true, [column]),
    );
    if (!choice) continue;
    // Better means a longer match, or a flag gone (team_id can prune without a longer match).
    const resolves = !stillFlagged(f.table, predicates, choice);
    if (score(choice) <= score(f.choice) && !resolves) continue;
    // One team for every relation that lacks it, written in the same order whichever is flagged.
    const others = column === TENANT ? ctx.teamless.filter((t) => !sameRelation(t)) : [];
    const targets = [own, ...others].sort((a, b) => rank(ctx, a) - rank(ctx, b));
    const { sql, added } = rewriteAll(ctx, targets, column);
    const texts = added.map((a) => `\`${a.text}\``);
    const first = texts[targets.indexOf(own)] ?? "";
    const rest = texts.filter((t) => t !== first);
    const also = rest.length ? ` (and ${rest.join(", ")}: the same team)` : "";
    const carried = column === TENANT ? "" : " (if the request carries it)";
    options.push({
      column,
      predicates,
      choice,
      resolves,
      fix: {
        kind: "add-predicate",
        sentence: `Add ${first}${also}${carried}: ${outcome(choice, predicates, resolves, branches)}`,
        table: f.table.name,
        alias: f.use.alias,
        sql,
        added,
        uses: choice.index.name,
      },
    });
  }
  return options.sort(
    (a, b) =>
      Number(b.resolves) - Number(a.resolves) ||
      score(b.choice) - score(a.choice) ||
      Number(b.column === TENANT) - Number(a.column === TENANT),
  );
}

/** A key a proposed index may hold: a column of the table, or a JSON chain on a jsonb column. */
function buildable(table: TableSpec, p: Predicates, key: string): boolean {
  if (!isExpressionKey(key)) return table.columns.some((c) => c.name === key);
  const json = p.expressions.get(key)?.json;
  const column = json && table.columns.find((c) => c.name === json.column);
  return Boolean(json && column?.type === "jsonb" && jsonKey(json) === key);
}

function indexFix(
  f: RelationFacts,
  p: Predicates,
  sql: string | null,
  orderBy: readonly string[],
  /** The predicate this index builds on, when it needs one added first. */
  after: string | null,
): Fix | null {
  const columns = proposeIndexColumns(f.table, p, orderBy).filter((k) => buildable(f.table, p, k));
  const index = proposedIndex(f.table, columns);
  // Useful only when it looks up more than the best existing index does (or gives the order).
  const reach = (choice: IndexChoice | null) => choice?.matched.length ?? 0;
  const better = reach(matchIndex(index, p)) > reach(chooseIndex(f.table, p)) || orderBy.length > 0;
  if (columns.length === 0 || !better) return null;
  const expression = columns.some(isExpressionKey);
  const shown = columns.map((c) => (isExpressionKey(c) ? `(${keyLabel(c)})` : c)).join(", ");
  const what = expression ? "an expression index" : "a new index";
  const why = expression ? " so the JSON key is looked up, not read from every document" : "";
  return {
    kind: expression ? "expression-index" : "new-index",
    sentence:
      `${after ? `With ${after} added, propose` : "Propose"} ${what} on (${shown})${why}: ` +
      "a migration in rust/persons_migrations, agreed with the team, and a cost on every write.",
    table: f.table.name,
    alias: f.use.alias,
    sql,
    index,
    ddl: createIndexSql(f.table, index),
  };
}

export interface FixOptions {
  /** Offer predicates that let an existing index serve the relation. */
  readonly predicates?: boolean;
  /** Offer a new index (for a sort: led by the equality columns, then these ORDER BY keys). */
  readonly index?: boolean;
  readonly orderBy?: readonly string[];
}

/** The fixes for one flagged relation, most preferred first. */
export function relationFixes(f: RelationFacts, ctx: FixContext, opts: FixOptions): Fix[] {
  const casts = opts.predicates ? bareColumnOptions(f, ctx) : [];
  // Taking the cast (or the wrap) off is the smallest edit: when it clears the flag, nothing else is offered.
  if (casts.some((o) => o.resolves)) return casts.map((o) => o.fix);
  const options = opts.predicates ? predicateOptions(f, ctx) : [];
  const fixes = [...casts, ...options].map((o) => o.fix);
  if (!opts.index || options.some((o) => o.resolves)) return fixes;
  // Without the team the index would lead with anything but team_id: build on the team fix.
  const team = options.find((o) => o.column === TENANT && o.fix.sql !== null);
  const orderBy = opts.orderBy ?? [];
  const index = team
    ? indexFix(f, team.predicates, team.fix.sql, orderBy, `\`${team.fix.added?.[0]?.text}\``)
    : indexFix(f, f.predicates, ctx.sql, orderBy, null);
  return index ? [...fixes, index] : fixes;
}

/**
 * For relations the join reaches too late (join-order.ts): the team, added where it is missing,
 * lets them be looked up first; else an index on their own predicates.
 */
export function starvedFixes(starved: readonly Starved[], ctx: FixContext): Fix[] {
  return starved.flatMap((s) => {
    const f = s.facts;
    const teamless = ctx.teamless.some((t) => t.table === f.table.name && t.alias === f.use.alias);
    if (teamless) {
      const predicates = withEqualities(s.constant, [TENANT]);
      const choice = chooseIndex(f.table, predicates);
      if (choice && s.keys.every((k) => choice.matched.includes(k))) {
        const { sql, added } = rewriteAll(ctx, ctx.teamless, TENANT);
        const texts = listKeys(added.map((a) => a.text)).replaceAll("`, `", "` and `");
        return [
          {
            kind: "add-predicate" as const,
            sentence:
              `Add ${texts} to ${f.table.name} (the same team): ${choice.index.name} then finds its rows first ` +
              `(${describeRows(rowCount(choice, predicates))}), and the join follows from them.`,
            table: f.table.name,
            alias: f.use.alias,
            sql,
            added,
            uses: choice.index.name,
          },
        ];
      }
    }
    const index = indexFix(f, s.constant, ctx.sql, [], null);
    return index ? [index] : [];
  });
}
