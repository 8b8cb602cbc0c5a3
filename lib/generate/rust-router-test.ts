/**
 * The guide's router test: through the typed router with a MockBackend, the new method reaches the
 * replica, or (no leader backend in unit tests) answers UNIMPLEMENTED where the route is the
 * leader; rstest cases cover the consistency levels when the request carries read_options.
 */
import { routeRequest } from "../catalogue/routing";
import { code } from "./code";
import type { GenerateInput } from "./context";
import { chain, signature, testHead } from "./rust-layout";
import { readOptionsLet, requestLiteral } from "./rust-test-values";
import type { RustPlan } from "./rust-types";
import type { Snippet } from "./snippet";
import { snippet } from "./snippet-builder";
import { RUST_CRATES } from "../catalogue/paths";

const ROUTER = RUST_CRATES.router;

const LEVELS = [
  { name: "unspecified", value: "None", level: "eventual" },
  { name: "eventual", value: "Some(ConsistencyLevel::Eventual)", level: "eventual" },
  { name: "strong", value: "Some(ConsistencyLevel::Strong)", level: "strong" },
] as const;

export function routerTest(input: GenerateInput, plan: RustPlan): Snippet {
  const { design, d } = input;
  const byConsistency = design.operation === "read" && design.readOptions;
  const reaches = (level: "eventual" | "strong") =>
    routeRequest(plan.category, design.operation, level).backend === "replica";
  const params = ["#[case] consistency: Option<ConsistencyLevel>", "#[case] to_replica: bool"];
  const head = byConsistency
    ? code`
        #[rstest]
        ${LEVELS.map((l) => `#[case::${l.name}(${l.value}, ${reaches(l.level)})]`)}
        #[tokio::test]
        ${signature(`async fn test_${d.snake}_routes_by_consistency`, params, "", " {")}
      `
    : code`
        #[tokio::test]
        ${testHead(`test_${d.snake}_routes_to_${reaches("eventual") ? "replica" : "leader"}`)}
      `;
  const overrides: Record<string, string> = byConsistency ? { read_options: "read_options" } : {};
  const unimplemented = "assert_eq!(result.unwrap_err().code(), tonic::Code::Unimplemented);";
  const outcome = byConsistency
    ? code`
        if to_replica {
            assert!(result.is_ok());
        } else {
            // No leader backend here: a leader route answers UNIMPLEMENTED.
            ${unimplemented}
        }
      `
    : reaches("eventual")
      ? "assert!(result.is_ok());"
      : unimplemented;
  const rpc = { method: d.snake, args: ["request"] };
  const request = { lead: "let request = ", calls: ["Request::new"], overrides, team: "1" };
  return snippet({
    id: "rust-router-test",
    file: `${ROUTER}/src/service/tests/mod.rs`,
    anchor: "append",
    code: code`
      ${head}
          let service = create_service_with_mock(MockBackend::new());
          ${byConsistency && readOptionsLet()}
          ${requestLiteral(input, request)}

          ${chain("let result = ", "service", [rpc, ".await"], ";")}

          ${outcome}
      }
    `,
    notes: [
      "The guide says router tests go in rust/personhog-router/tests/; the typed router's unit tests (create_service_with_mock, MockBackend) live in src/service/tests/mod.rs.",
      byConsistency &&
        'personhog-router has no rstest dev-dependency in the versions read: add `rstest = "0.26"` (as personhog-replica has) or split the cases into plain tests.',
    ],
  });
}
