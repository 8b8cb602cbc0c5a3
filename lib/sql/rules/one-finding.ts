/**
 * One message per finding. An index-lookup or index-only info on a relation that already has a
 * warning or error restates it (the same lookup, seen twice), so it is dropped; and verdicts that
 * say the same thing about the same table (a self-join's references) become one, covering every
 * alias, plan node and fix.
 */
import { distinctFixes, type Verdict } from "../verdict";

const RESTATING = new Set(["index-lookup", "index-only"]);

const relationKey = (table: string | null, alias: string) => `${table ?? ""}|${alias}`;

export function oneMessagePerFinding(verdicts: readonly Verdict[]): Verdict[] {
  const flagged = new Set<string>();
  for (const v of verdicts) {
    if (v.severity === "info") continue;
    for (const alias of v.aliases) flagged.add(relationKey(v.table, alias));
  }
  const kept = verdicts.filter(
    (v) => !(RESTATING.has(v.rule) && v.aliases.some((a) => flagged.has(relationKey(v.table, a)))),
  );
  const merged = new Map<string, Verdict>();
  for (const v of kept) {
    const key = JSON.stringify([v.severity, v.rule, v.table, v.index, v.message]);
    const seen = merged.get(key);
    merged.set(
      key,
      seen
        ? {
            ...seen,
            aliases: [...new Set([...seen.aliases, ...v.aliases])],
            nodeIds: [...new Set([...seen.nodeIds, ...v.nodeIds])],
            fixes: distinctFixes([...seen.fixes, ...v.fixes]),
          }
        : v,
    );
  }
  return [...merged.values()];
}
