/**
 * Storage tests for `tests/storage_tests.rs`: one seeds rows with the TestContext fixtures and
 * expects the query to find them, one expects nothing from a fresh team, an unknown key or an
 * empty batch (rstest cases, also over both consistency levels where the method takes one).
 */
import { RUST_PATHS } from "../catalogue/paths";
import type { GenerateInput } from "./context";
import { code, paragraphs, type Part } from "./code";
import { chain, signature, testHead } from "./rust-layout";
import type { ReturnShape } from "./rust-response";
import { assertPair, unknownBatch, seedLines, storageArg, type Mode } from "./rust-test-values";
import { rustIdent, rustString } from "../escape/rust";
import { fieldType, isInsert, owned, type RustPlan, type RustType } from "./rust-types";
import { snippet } from "./snippet-builder";

/** An assertion on the storage `result`, for rows found (seeded) or none (missing). */
function expectation(t: RustType, mode: Mode): Part {
  const found = mode === "seeded";
  switch (t.k) {
    case "unit":
      return null;
    case "prim":
      if (t.name === "bool") return found ? "assert!(result);" : "assert!(!result);";
      if (t.name === "f64") return found ? "assert!(result > 0.0);" : assertPair("result", "0.0");
      return assertPair("result", found ? "1" : "0");
    case "vec":
      return found ? assertPair("result.len()", "1") : "assert!(result.is_empty());";
    case "string":
    case "bytes":
      return found ? "assert!(!result.is_empty());" : "assert!(result.is_empty());";
    case "option":
      return found ? "assert!(result.is_some());" : "assert!(result.is_none());";
    case "named":
      return assertPair("result", `${t.name}::default()`, found ? "assert_ne" : "assert_eq");
  }
}

/** `let result = ctx.storage.m(args).await.expect(…);` and its assertion. */
function callAndAssert(plan: RustPlan, shape: ReturnShape, args: string[], mode: Mode) {
  const expect = `.expect(${rustString(`${plan.method} failed`)})`;
  const calls = [".storage", { method: plan.method, args }, ".await", expect];
  return code`
    ${chain(shape.type.k === "unit" ? "let () = " : "let result = ", "ctx", calls, ";")}

    ${expectation(shape.type, mode)}
    ctx.cleanup().await.ok();
  `;
}

function seededTest(input: GenerateInput, plan: RustPlan, shape: ReturnShape) {
  const values = plan.params.map((p) =>
    p.field
      ? storageArg(p.field, "seeded", p.uuid)
      : { expr: "ConsistencyLevel::Eventual", known: true },
  );
  if (!values.every((v) => v?.known)) return null;
  const args = values.map((v) => v!.expr);
  const seed = seedLines(input.design, args);
  if (!seed) return null;
  return code`
    #[tokio::test]
    ${testHead(`test_${plan.method}`)}
        let ctx = TestContext::new().await;
        ${seed}

        ${callAndAssert(plan, shape, args, "seeded")}
    }
  `;
}

function missingTest(plan: RustPlan, shape: ReturnShape) {
  const batch = plan.repeated[0];
  const uuids = plan.params.some((p) => p.uuid && p.field === batch);
  const params: string[] = [];
  let cases: { name: string; values: string[] }[] = [];
  if (batch) {
    const type = uuids ? "Vec<Uuid>" : owned(fieldType(batch));
    params.push(`#[case] ${rustIdent(batch.name)}: ${type}`);
    cases = [
      { name: "unknown_keys", values: [unknownBatch(batch, uuids)] },
      { name: "empty_batch", values: ["vec![]"] },
    ];
  }
  if (plan.takesConsistency) {
    params.push("#[case] consistency: ConsistencyLevel");
    // With a batch too, its two cases run one at each level.
    cases = ["Eventual", "Strong"].map((level, i) => ({
      name: cases[i] ? `${cases[i].name}_${level.toLowerCase()}` : level.toLowerCase(),
      values: [...(cases[i]?.values ?? []), `ConsistencyLevel::${level}`],
    }));
  }
  const rstest = cases.length > 0 && [
    "#[rstest]",
    ...cases.map((c) => `#[case::${c.name}(${c.values.join(", ")})]`),
  ];
  const args = plan.params.map((p) => {
    if (!p.field) return "consistency";
    if (p.field === batch) return `&${rustIdent(batch.name)}`;
    return storageArg(p.field, "missing", p.uuid)?.expr ?? "Default::default()";
  });
  return code`
    ${rstest}
    #[tokio::test]
    ${signature(`async fn test_${plan.method}_finds_nothing`, params, "", " {")}
        let ctx = TestContext::new().await;

        ${callAndAssert(plan, shape, args, "missing")}
    }
  `;
}

export function storageTests(input: GenerateInput, plan: RustPlan, shape: ReturnShape) {
  const seeded = seededTest(input, plan, shape);
  return [
    snippet({
      id: "rust-storage-test",
      file: RUST_PATHS.replica.storageTests,
      anchor: "append, next to the tests of the same domain",
      // A fresh team proves nothing about an INSERT: it would insert.
      code: paragraphs([seeded, !isInsert(input.design.sql) && missingTest(plan, shape)]),
      notes: [
        "storage_tests.rs already imports TestContext, ConsistencyLevel and rstest.",
        seeded &&
          "The seeded test calls the method with the seeded rows' keys: if the query leaves those rows out (a filter the fixtures do not meet), adjust the expected result.",
        !seeded &&
          "No seeded test: a request field or table has no fixture value. Insert rows with TestContext's helpers and assert what the query returns.",
        input.design.tables.includes("posthog_cohortpeople") &&
          "Cohort ids are not scoped by team: a query by cohort id alone also sees other tests' rows.",
      ],
    }),
  ];
}
