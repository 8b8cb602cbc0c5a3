/** Reference tables for the guide, generated from the catalogue so the text cannot drift from it. */
import { PERSONHOG_TABLES } from "../catalogue/tables";

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(escape).join(" | ")} |`),
  ].join("\n");
}

export function eligibilityTable(): string {
  return markdownTable(
    ["Table", "Holds", "Data category", "Routing"],
    PERSONHOG_TABLES.map((t) => [`\`${t.name}\``, t.holds, t.category, t.routing]),
  );
}

/** Directives a content file may use, each replaced by a generated table. */
export const GENERATED_TABLES: Readonly<Record<string, () => string>> = {
  eligibility: eligibilityTable,
};
