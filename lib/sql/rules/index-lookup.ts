/** A table read through an index lookup, and how many rows one lookup returns. */
import { filteredColumns, rowCount } from "../index-match";
import type { RowCount } from "../verdict";
import { describeRows, isAre, listKeys } from "../wording";
import { labels, relationBase } from "./findings";
import { defineRule } from "./rule";

export const indexLookup = defineRule({
  id: "index-lookup",
  severity: "info",
  scope: "relation",
  summary:
    "A table is read through an index lookup: at most one row for one value of a unique key, one row per value for a list.",
  check(f) {
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
    const branches = f.branches?.map(
      (b) =>
        `through ${b.choice.index.name} on ${listKeys(labels(b.choice.matched))} (${describeRows(rowCount(b.choice, b.predicates))})`,
    );
    // Several branches' rows add up: no single lookup's count holds for the whole.
    const rows: RowCount = branches ? { kind: "range" } : rowCount(choice, f.predicates);
    const how = branches
      ? `once per OR branch, the row sets combined: ${branches.join(", and ")}`
      : `through ${choice.index.name} on ${listKeys(labels(choice.matched))}: ${describeRows(rows)}`;
    return [
      {
        ...relationBase(f),
        index: choice.index.name,
        matched: labels(choice.matched),
        filtered,
        message: `${f.table.name} is looked up ${how}${filtered.length ? `, then ${listKeys(filtered)} ${isAre(filtered)} filtered` : ""}${differs}.`,
        advice: "",
        fixes: [],
        rows,
      },
    ];
  },
});
