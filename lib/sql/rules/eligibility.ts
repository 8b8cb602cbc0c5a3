/** The tables a statement touches decide whether it belongs in personhog at all. */
import { personhogTable, type DataCategory } from "../../catalogue/tables";
import type { Verdict } from "../verdict";

export interface TableTouched {
  readonly name: string;
  /** null when the table is not personhog data. */
  readonly category: DataCategory | null;
}

export function tablesTouched(names: Iterable<string>): TableTouched[] {
  return [...new Set(names)]
    .sort()
    .map((name) => ({ name, category: personhogTable(name)?.category ?? null }));
}

export function eligibilityVerdicts(tables: readonly TableTouched[]): Verdict[] {
  const base = { index: null, matched: [], filtered: [], nodeIds: [], aliases: [], fixes: [] };
  const verdicts: Verdict[] = tables
    .filter((t) => t.category === null)
    .map((t) => ({
      severity: "error",
      rule: "not-eligible",
      table: t.name,
      ...base,
      message: `${t.name} is not a personhog table, so this data does not belong in personhog.`,
      advice:
        "Keep this access in the service that owns the table; personhog serves only the tables in the eligibility list.",
    }));
  const categories = new Set(tables.map((t) => t.category).filter(Boolean));
  if (categories.size > 1) {
    verdicts.push({
      severity: "warning",
      rule: "mixed-categories",
      table: null,
      ...base,
      message:
        "This query reads PersonData and NonPersonData tables together; the guide does not decide which routing applies.",
      advice:
        "Classify the RPC by its purpose (as GetHashKeyOverrideContext is NonPersonData) and say why in the review.",
    });
  }
  return verdicts;
}
