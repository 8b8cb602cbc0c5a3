/** Per-relation verdicts: is it looked up through an index, and how much of the index is used. */
import { keyLabel } from "../expressions";
import { relationFixes, starvedFixes, type FixContext } from "../fixes";
import type { Starved } from "../join-order";
import {
  chooseIndex,
  filteredColumns,
  predicatesFor,
  rowCount,
  type IndexChoice,
  type Predicates,
} from "../index-match";
import type { RelationUse } from "../relations";
import type { IndexSpec, TableSpec } from "../schema/types";
import { BROAD_KEYS, selectiveColumns } from "../selectivity";
import { distinctFixes, type Fix, type Verdict } from "../verdict";
import { describeRows, isAre, listKeys } from "../wording";

export interface RelationFacts {
  readonly use: RelationUse;
  readonly table: TableSpec;
  readonly predicates: Predicates;
  readonly choice: IndexChoice | null;
  /** Hypothetical indexes (index advice) on this table. */
  readonly extra: readonly IndexSpec[];
}

export function relationFacts(
  use: RelationUse,
  table: TableSpec,
  extra: readonly IndexSpec[],
  bound: (alias: string | null) => boolean,
): RelationFacts {
  const predicates = predicatesFor(use.atoms, use.alias, table, bound);
  return { use, table, predicates, choice: chooseIndex(table, predicates, extra), extra };
}

const nodeIds = (f: RelationFacts) => f.use.scans.map((s) => s.entry.id);
const labels = (keys: readonly string[]) => keys.map(keyLabel);

/** The parts every verdict about one relation shares. */
function relationBase(f: RelationFacts) {
  return { table: f.table.name, aliases: [f.use.alias], nodeIds: nodeIds(f) };
}

/** The first fix's sentence, and the key of the first index fix (the index advice tries it). */
export function withFixes(fixes: readonly Fix[], fallback: string) {
  const index = fixes.find((x) => x.index)?.index;
  return {
    fixes,
    advice: fixes[0]?.sentence ?? fallback,
    ...(index ? { proposedIndex: index.columns } : {}),
  };
}

function plannerIgnoredLeadingColumn(f: RelationFacts): string {
  const walked = f.use.scans.find(
    (s) => s.index && s.indexEntry && !s.indexEntry.node["Index Cond"],
  );
  if (walked) return ` The planner could only walk all of ${walked.index}.`;
  const skipped = f.use.scans.find((s) => s.index && s.indexEntry?.node["Index Cond"]);
  if (skipped)
    return ` PostgreSQL 18 can skip-scan ${skipped.index} without its leading column, but that still reads the whole index.`;
  return "";
}

export function seqScanVerdict(f: RelationFacts, ctx: FixContext): Verdict | null {
  const seq = f.use.scans.some((s) => s.entry.node["Node Type"] === "Seq Scan");
  if (f.choice && !seq) return null;
  const filtered = labels(filteredColumns(f.predicates, null));
  const predicate = filtered.length
    ? ` Its predicates on ${listKeys(filtered)} match the leading column of no index.`
    : " It has no predicate an index could use.";
  const fixes = relationFixes(f, ctx, { predicates: true, index: true });
  return {
    severity: "error",
    rule: "seq-scan",
    ...relationBase(f),
    index: null,
    matched: [],
    filtered,
    message: `${f.table.name} is read row by row: no index can serve this query.${predicate}${plannerIgnoredLeadingColumn(f)}`,
    ...withFixes(
      fixes,
      "Add a predicate on the leading columns of an existing index (see the database indexes reference).",
    ),
  };
}

/** Every row of a team (project, cohort) is read, and what it is filtered or joined on. */
function broadMessage(
  f: RelationFacts,
  choice: IndexChoice,
  selective: string[],
  starved: Starved[],
) {
  const head =
    `${f.table.name} is looked up through ${choice.index.name} on ${listKeys(choice.matched)} only, ` +
    `so every row of that ${choice.matched.join(" + ")} is read`;
  if (selective.length > 0) {
    return `${head} and ${listKeys(selective)} ${isAre(selective)} filtered afterwards.`;
  }
  const others = starved.map((s) => {
    const keys = labels(s.keys);
    return `${s.facts.table.name}'s ${listKeys(keys)}`;
  });
  return (
    `${head} and joined: ${others.join(" and ")} cannot be looked up first (no index leads with ` +
    "it), so it is only checked after the join."
  );
}

/**
 * A lookup on a broad key only (a whole team, project or cohort) with selective predicates left
 * to filter, its own or those of a relation the join reaches only through it (`starved`).
 */
export function broadPrefixVerdict(
  f: RelationFacts,
  ctx: FixContext,
  starved: Starved[] = [],
): Verdict | null {
  const choice = f.choice;
  if (!choice || choice.index.fewRowsPerKey || !choice.matched.every((c) => BROAD_KEYS.has(c)))
    return null;
  const filtered = filteredColumns(f.predicates, choice);
  const selective = labels(selectiveColumns(f.table, filtered));
  if (selective.length === 0 && starved.length === 0) return null;
  const fixes = distinctFixes([
    ...(selective.length === 0 ? starvedFixes(starved, ctx) : []),
    ...relationFixes(f, ctx, { predicates: true, index: selective.length > 0 }),
  ]);
  return {
    severity: "warning",
    rule: "broad-index-prefix",
    ...relationBase(f),
    index: choice.index.name,
    matched: labels(choice.matched),
    filtered: labels(filtered),
    message: broadMessage(f, choice, selective, starved),
    ...withFixes(
      fixes,
      `No index can serve ${listKeys(selective.length ? selective : starved.flatMap((s) => labels(s.keys)))} as written: narrow the query by an indexed key, or discuss an index with the team.`,
    ),
  };
}

export function lookupVerdicts(f: RelationFacts): Verdict[] {
  const choice = f.choice;
  if (!choice) return [];
  const filtered = labels(filteredColumns(f.predicates, choice));
  const planner = f.use.scans.find((s) => s.index)?.index;
  // A partition's copy of a proposed index has a generated name: no point naming it.
  const known = planner && [...f.table.indexes].some((ix) => ix.name === planner);
  const differs =
    known && planner !== choice.index.name
      ? ` (the empty sandbox's planner picked ${planner}; with real data the better-matching index wins)`
      : "";
  const rows = rowCount(choice, f.predicates);
  const verdicts: Verdict[] = [
    {
      severity: "info",
      rule: "index-lookup",
      ...relationBase(f),
      index: choice.index.name,
      matched: labels(choice.matched),
      filtered,
      message: `${f.table.name} is looked up through ${choice.index.name} on ${listKeys(labels(choice.matched))}: ${describeRows(rows)}${filtered.length ? `, then ${listKeys(filtered)} ${isAre(filtered)} filtered` : ""}${differs}.`,
      advice: "",
      fixes: [],
      rows,
    },
  ];
  const indexOnly = f.use.scans.filter((s) => s.entry.node["Node Type"] === "Index Only Scan");
  if (indexOnly.length > 0) {
    verdicts.push({
      severity: "info",
      rule: "index-only",
      ...relationBase(f),
      index: indexOnly[0]?.index ?? null,
      matched: labels(choice.matched),
      filtered: [],
      message: `${f.table.name} can be answered from ${indexOnly[0]?.index} alone, without visiting the table.`,
      advice: "",
      fixes: [],
      nodeIds: indexOnly.map((s) => s.entry.id),
    });
  }
  return verdicts;
}
