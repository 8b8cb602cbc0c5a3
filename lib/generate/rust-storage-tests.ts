/**
 * Storage tests for `tests/storage_tests.rs`: one test that seeds rows with the TestContext
 * fixtures and expects the query to find them, and one that expects nothing from a fresh team,
 * an unknown key or an empty batch (rstest cases, also over both consistency levels where the
 * method takes one).
 */
import { RUST_PATHS } from "../catalogue/paths";
import type { FieldDesign } from "../design/model";
import type { GenerateInput } from "./context";
import { code, paragraphs, type Block, type Part } from "./code";
import { chain, signature, testHead, type ChainCall } from "./rust-layout";
import type { ReturnShape } from "./rust-response";
import { assertPair, batchCases, seedLines, storageArg, type Mode } from "./rust-test-values";
import { rustIdent, rustString } from "../escape/rust";
import { isInsert, type RustPlan, type RustType } from "./rust-types";
import type { Snippet } from "./snippet";
import { snippet } from "./snippet-builder";

/** An assertion on the storage result, for rows found (seeded) or none (missing). */
function expectation(t: RustType, v: string, mode: Mode): Part {
  const found = mode === "seeded";
  switch (t.k) {
    case "unit":
      return null;
    case "prim":
      if (t.name === "bool") return found ? `assert!(${v});` : `assert!(!${v});`;
      if (t.name === "f64") return found ? `assert!(${v} > 0.0);` : assertPair(v, "0.0");
      return assertPair(v, found ? "1" : "0");
    case "vec":
      return found ? assertPair(`${v}.len()`, "1") : `assert!(${v}.is_empty());`;
    case "string":
    case "bytes":
      return found ? `assert!(!${v}.is_empty());` : `assert!(${v}.is_empty());`;
    case "option":
      return found ? `assert!(${v}.is_some());` : `assert!(${v}.is_none());`;
    case "named":
      return assertPair(v, `${t.name}::default()`, found ? "assert_ne" : "assert_eq");
  }
}

/** `let result = ctx.storage.m(args).await.expect(…);` and its assertion. */
function callAndAssert(plan: RustPlan, shape: ReturnShape, args: string[], mode: Mode): Block {
  const unit = shape.type.k === "unit";
  const lead = unit ? "let () = " : "let result = ";
  const calls: (string | ChainCall)[] = [
    ".storage",
    { method: plan.method, args },
    ".await",
    `.expect(${rustString(`${plan.method} failed`)})`,
  ];
  return code`
    ${chain(lead, "ctx", calls, ";")}

    ${expectation(shape.type, "result", mode)}
    ctx.cleanup().await.ok();
  `;
}

function seededTest(input: GenerateInput, plan: RustPlan, shape: ReturnShape): Block | null {
  const values = plan.params.map((p) =>
    p.field ? storageArg(p.field, "seeded") : { expr: "ConsistencyLevel::Eventual", known: true },
  );
  if (values.some((v) => v === null || !v.known)) return null;
  const args = values.map((v) => v!.expr);
  const seed = seedLines(
    input.design,
    args.some((a) => a.includes("person.")),
  );
  if (!seed) return null;
  return code`
    #[tokio::test]
    ${testHead(`test_${plan.method}`)}
        let ctx = TestContext::new().await;
        ${seed}

        // The arguments point at the seeded rows; adjust the expectation if the query skips them.
        ${callAndAssert(plan, shape, args, "seeded")}
    }
  `;
}

interface Case {
  readonly name: string;
  readonly values: readonly string[];
}

function missingTest(plan: RustPlan, shape: ReturnShape): Block {
  const batch: FieldDesign | undefined = plan.repeated[0];
  const params: string[] = [];
  let cases: Case[] = [];
  if (batch) {
    const c = batchCases(batch);
    params.push(`#[case] ${rustIdent(batch.name)}: ${c.type}`);
    cases = [
      { name: "unknown_keys", values: [c.unknown] },
      { name: "empty_batch", values: ["vec![]"] },
    ];
  }
  if (plan.takesConsistency) {
    params.push("#[case] consistency: ConsistencyLevel");
    const levels = ["Eventual", "Strong"];
    cases = batch
      ? cases.map((c, i) => ({
          name: `${c.name}_${levels[i]!.toLowerCase()}`,
          values: [...c.values, `ConsistencyLevel::${levels[i]}`],
        }))
      : levels.map((l) => ({ name: l.toLowerCase(), values: [`ConsistencyLevel::${l}`] }));
  }
  const args = plan.params.map((p) => {
    if (p.field === batch && batch) return `&${rustIdent(batch.name)}`;
    if (!p.field) return "consistency";
    return storageArg(p.field, "missing")?.expr ?? "Default::default()";
  });
  const rstest = cases.length > 0 && [
    "#[rstest]",
    ...cases.map((c) => `#[case::${c.name}(${c.values.join(", ")})]`),
  ];
  return code`
    ${rstest}
    #[tokio::test]
    ${signature(`async fn test_${plan.method}_finds_nothing`, params, "", " {")}
        let ctx = TestContext::new().await;

        ${callAndAssert(plan, shape, args, "missing")}
    }
  `;
}

export function storageTests(input: GenerateInput, plan: RustPlan, shape: ReturnShape): Snippet[] {
  const seeded = seededTest(input, plan, shape);
  // A fresh team proves nothing about an INSERT: it would insert.
  const missing = isInsert(input.design.sql) ? null : missingTest(plan, shape);
  return [
    snippet({
      id: "rust-storage-test",
      file: RUST_PATHS.replica.storageTests,
      anchor: "append, next to the tests of the same domain",
      code: paragraphs([seeded, missing]),
      notes: [
        "storage_tests.rs already imports TestContext, ConsistencyLevel and rstest.",
        !seeded &&
          "No seeded test: a request field or table has no fixture value. Insert rows with TestContext's helpers and assert what the query returns.",
        input.design.tables.includes("posthog_cohortpeople") &&
          "Cohort ids are not scoped by team: a query by cohort id alone also sees other tests' rows.",
      ],
    }),
  ];
}
