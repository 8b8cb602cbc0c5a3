/** A table that is not personhog data does not belong in personhog, whatever the query does. */
import { STATEMENT_WIDE } from "./findings";
import { defineRule } from "./rule";

export const notEligible = defineRule({
  id: "not-eligible",
  severity: "error",
  scope: "statement",
  summary: "A table the query touches is not personhog data.",
  check: (tables) =>
    tables
      .filter((t) => t.category === null)
      .map((t) => ({
        table: t.name,
        ...STATEMENT_WIDE,
        message: `${t.name} is not a personhog table, so this data does not belong in personhog.`,
        advice:
          "Keep this access in the service that owns the table; personhog serves only the tables in the eligibility list.",
      })),
});
