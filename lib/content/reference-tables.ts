/** Reference tables for the guide, generated from the catalogue so the text cannot drift from it. */
import { currentRoutingSummary, routingSummary } from "../catalogue/routing";
import { PERSONHOG_TABLES, personhogTable } from "../catalogue/tables";
import { RULES } from "../sql/rules";
import type { Scope } from "../sql/rules/rule";
import { SCHEMA } from "../sql/schema";
import type { IndexSpec, TableSpec } from "../sql/schema/types";
import { markdownTable } from "./markdown-blocks";

export function eligibilityTable(): string {
  return markdownTable(
    ["Table", "Holds", "Data category", "Routing, the written guide", "Routing, today's code"],
    PERSONHOG_TABLES.map((t) => [
      `\`${t.name}\``,
      t.holds,
      t.category,
      routingSummary(t.category),
      t.unusedToday ? `No RPC uses it (${t.unusedToday}).` : currentRoutingSummary(t.category),
    ]),
  );
}

function indexKind(index: IndexSpec): string {
  if (index.kind === "primary") return "primary key";
  return index.unique ? "unique" : "no";
}

function tableSection(table: TableSpec): string {
  const category = personhogTable(table.name)?.category ?? "not a personhog table";
  const partitions = table.partitions
    ? `, hash-partitioned on \`${table.partitions.key}\` into ${table.partitions.count}`
    : "";
  const rows = table.indexes.map((ix) => [
    `\`${ix.name}\``,
    `(${ix.columns.join(", ")})`,
    indexKind(ix),
    ix.include?.length ? `(${ix.include.join(", ")})` : "",
    ix.where ? `\`${ix.where}\`` : "",
    ix.note ?? "",
  ]);
  return [
    `### ${table.name}`,
    "",
    `${category}${partitions}.`,
    "",
    ...(table.notes ?? []).map((n) => `- ${n}`),
    "",
    markdownTable(["Index", "Columns", "Unique", "Include", "Partial (WHERE)", "Notes"], rows),
  ].join("\n");
}

/** Every table of the lab's schema with its indexes, straight from the schema objects. */
export function indexReference(): string {
  return SCHEMA.map(tableSection).join("\n\n");
}

const SCOPE_WORDS: Record<Scope, string> = {
  statement: "the statement",
  relation: "each table read",
  "plan-node": "each plan step",
};

/** Every rule the SQL lab applies, from the registry the check runs. */
export function sqlRulesTable(): string {
  return markdownTable(
    ["Rule", "Severity", "Judges", "What it means"],
    RULES.map((r) => [`\`${r.id}\``, r.severity, SCOPE_WORDS[r.scope], r.summary]),
  );
}
