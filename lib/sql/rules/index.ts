/**
 * Every SQL rule, in the order the analysis runs them within a scope (statement, then each
 * relation in join order, then each plan node). The analysis, the CLI's `rules` and the guide's
 * rule list all read this list; the corpus must prove every rule in it. A new rule is one module
 * here plus corpus rows.
 */
import { broadIndexPrefix } from "./broad-index-prefix";
import { indexLookup } from "./index-lookup";
import { indexOnly } from "./index-only";
import { joinUnrelatedKeys } from "./join-unrelated-keys";
import { mixedCategories } from "./mixed-categories";
import { noPartitionPruning } from "./no-partition-pruning";
import { notEligible } from "./not-eligible";
import { nothingChecked } from "./nothing-checked";
import type { Rule, Scope } from "./rule";
import { runtimePruning } from "./runtime-pruning";
import { seqScan } from "./seq-scan";
import { sortNotFromIndex } from "./sort-not-from-index";
import { unboundedBroadKey } from "./unbounded-broad-key";
import { unboundedRecursion } from "./unbounded-recursion";

export const RULES = [
  nothingChecked,
  notEligible,
  mixedCategories,
  joinUnrelatedKeys,
  seqScan,
  noPartitionPruning,
  runtimePruning,
  broadIndexPrefix,
  unboundedBroadKey,
  indexLookup,
  indexOnly,
  sortNotFromIndex,
  unboundedRecursion,
] as const;

export type RuleId = (typeof RULES)[number]["id"];

/** The registry by scope, each in registry order: what the analysis runs. */
export const RULES_BY_SCOPE: { readonly [S in Scope]: readonly Rule<S, RuleId>[] } = {
  statement: RULES.filter((rule) => rule.scope === "statement"),
  relation: RULES.filter((rule) => rule.scope === "relation"),
  "plan-node": RULES.filter((rule) => rule.scope === "plan-node"),
};
