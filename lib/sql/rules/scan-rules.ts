/** Per-relation verdicts: is it looked up through an index, and how much of the index is used. */
import { BROAD_KEYS, proposeIndexColumns, selectiveColumns } from "../advice";
import {
  chooseIndex,
  filteredColumns,
  predicatesFor,
  type IndexChoice,
  type Predicates,
} from "../index-match";
import type { RelationUse } from "../relations";
import type { IndexSpec, TableSpec } from "../schema/types";
import type { Verdict } from "../verdict";

export interface RelationFacts {
  readonly use: RelationUse;
  readonly table: TableSpec;
  readonly predicates: Predicates;
  readonly choice: IndexChoice | null;
}

export function relationFacts(
  use: RelationUse,
  table: TableSpec,
  extra: readonly IndexSpec[],
  bound: (alias: string | null) => boolean,
): RelationFacts {
  const predicates = predicatesFor(use.atoms, use.alias, table, bound);
  return { use, table, predicates, choice: chooseIndex(table, predicates, extra) };
}

const list = (cols: readonly string[]) => cols.map((c) => `\`${c}\``).join(", ");
const isAre = (cols: readonly string[]) => (cols.length === 1 ? "is" : "are");

/** A proposal only helps when it constrains more than the index already matched. */
function usefulProposal(
  proposal: readonly string[],
  matched: readonly string[],
): readonly string[] | undefined {
  return proposal.length > matched.length ? proposal : undefined;
}
const nodeIds = (f: RelationFacts) => f.use.scans.map((s) => s.entry.id);

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

export function seqScanVerdict(f: RelationFacts): Verdict | null {
  const seq = f.use.scans.some((s) => s.entry.node["Node Type"] === "Seq Scan");
  if (f.choice && !seq) return null;
  const filtered = filteredColumns(f.predicates, null);
  const proposal = proposeIndexColumns(f.table, f.predicates);
  const predicate = filtered.length
    ? ` Its predicates on ${list(filtered)} match the leading column of no index.`
    : " It has no predicate an index could use.";
  return {
    severity: "error",
    rule: "seq-scan",
    table: f.table.name,
    index: null,
    matched: [],
    filtered,
    message: `${f.table.name} is read row by row: no index can serve this query.${predicate}${plannerIgnoredLeadingColumn(f)}`,
    advice: proposal.length
      ? `Filter on the leading columns of an existing index, or propose an index on (${proposal.join(", ")}).`
      : "Add a predicate on the leading columns of an existing index (see the database indexes reference).",
    nodeIds: nodeIds(f),
    proposedIndex: usefulProposal(proposal, []),
  };
}

export function broadPrefixVerdict(f: RelationFacts): Verdict | null {
  const choice = f.choice;
  if (!choice || choice.index.fewRowsPerKey || !choice.matched.every((c) => BROAD_KEYS.has(c)))
    return null;
  const filtered = filteredColumns(f.predicates, choice);
  const selective = selectiveColumns(f.table, filtered);
  if (selective.length === 0) return null;
  const proposal = proposeIndexColumns(f.table, f.predicates);
  return {
    severity: "warning",
    rule: "broad-index-prefix",
    table: f.table.name,
    index: choice.index.name,
    matched: choice.matched,
    filtered,
    message:
      `${f.table.name} is looked up through ${choice.index.name} on ${list(choice.matched)} only, so every row of that ` +
      `${choice.matched.join(" + ")} is read and ${list(selective)} ${isAre(selective)} filtered afterwards.`,
    advice: usefulProposal(proposal, choice.matched)
      ? `Match more leading columns of an index, or propose an index on (${proposal.join(", ")}).`
      : `No plain index can serve ${list(selective)} as written (an expression or JSON lookup): narrow the query by an indexed key, or discuss an expression index with the team.`,
    nodeIds: nodeIds(f),
    proposedIndex: usefulProposal(proposal, choice.matched),
  };
}

export function lookupVerdicts(f: RelationFacts): Verdict[] {
  const choice = f.choice;
  if (!choice) return [];
  const filtered = filteredColumns(f.predicates, choice);
  const planner = f.use.scans.find((s) => s.index)?.index;
  const differs =
    planner && planner !== choice.index.name
      ? ` (the empty sandbox's planner picked ${planner}; with real data the better-matching index wins)`
      : "";
  const rows = choice.singleRow ? "at most one row" : "an index range";
  const verdicts: Verdict[] = [
    {
      severity: "info",
      rule: "index-lookup",
      table: f.table.name,
      index: choice.index.name,
      matched: choice.matched,
      filtered,
      message: `${f.table.name} is looked up through ${choice.index.name} on ${list(choice.matched)}: ${rows}${filtered.length ? `, then ${list(filtered)} ${isAre(filtered)} filtered` : ""}${differs}.`,
      advice: "",
      nodeIds: nodeIds(f),
    },
  ];
  const indexOnly = f.use.scans.filter((s) => s.entry.node["Node Type"] === "Index Only Scan");
  if (indexOnly.length > 0) {
    verdicts.push({
      severity: "info",
      rule: "index-only",
      table: f.table.name,
      index: indexOnly[0]?.index ?? null,
      matched: choice.matched,
      filtered: [],
      message: `${f.table.name} can be answered from ${indexOnly[0]?.index} alone, without visiting the table.`,
      advice: "",
      nodeIds: indexOnly.map((s) => s.entry.id),
    });
  }
  return verdicts;
}
