/** PersonData and NonPersonData route differently: a query over both needs a decision. */
import { STATEMENT_WIDE } from "./findings";
import { defineRule } from "./rule";

export const mixedCategories = defineRule({
  id: "mixed-categories",
  severity: "warning",
  scope: "statement",
  summary:
    "The query touches PersonData and NonPersonData tables: routing follows the RPC's purpose.",
  check(tables) {
    const categories = new Set(tables.map((t) => t.category).filter(Boolean));
    if (categories.size <= 1) return [];
    return [
      {
        table: null,
        ...STATEMENT_WIDE,
        message:
          "This query reads PersonData and NonPersonData tables together; the guide does not decide which routing applies.",
        advice:
          "Classify the RPC by its purpose (as GetHashKeyOverrideContext is NonPersonData) and say why in the review.",
      },
    ];
  },
});
