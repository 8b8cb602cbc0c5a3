/** Parts that several rules' findings share. */
import { keyLabel } from "../expressions";
import type { IndexedNode } from "../plan";
import type { RelationFacts } from "../relations";
import type { Fix } from "../verdict";

/** Keys as people write them (`properties->>'email'`), not as the plan prints them. */
export const labels = (keys: readonly string[]) => keys.map(keyLabel);

/** A finding about the statement as a whole: no relation, index or plan node. */
export const STATEMENT_WIDE = {
  index: null,
  matched: [],
  filtered: [],
  nodeIds: [],
  aliases: [],
  fixes: [],
} as const;

/** The parts every finding about one relation shares. */
export function relationBase(f: RelationFacts) {
  return {
    table: f.table.name,
    aliases: [f.use.alias],
    nodeIds: f.use.scans.map((s) => s.entry.id),
  };
}

/** A finding about a relation's partitions: it points at their Append. */
export function partitionsBase(f: RelationFacts, append: IndexedNode) {
  return {
    table: f.table.name,
    aliases: [f.use.alias],
    index: f.choice?.index.name ?? null,
    matched: labels(f.choice?.matched ?? []),
    filtered: [],
    nodeIds: [append.id],
  };
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
