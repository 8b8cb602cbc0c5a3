/**
 * The guide's router tests: through the typed router with a MockBackend, the new method reaches
 * the replica, or answers UNIMPLEMENTED where era B has nowhere to send it (no leader backend in
 * unit tests; a STRONG person read other than get_person). The router has no rstest, so each
 * consistency level a read distinguishes is a plain `#[tokio::test]` of its own.
 */
import { code, paragraphs, type Block } from "./code";
import type { GenerateInput } from "./context";
import { chain, structLiteral, testHead } from "./rust-layout";
import { requestLiteral } from "./rust-test-values";
import type { RustPlan } from "./rust-types";
import type { Snippet } from "./snippet";
import { snippet } from "./snippet-builder";
import { RUST_PATHS } from "../catalogue/paths";

const UNIMPLEMENTED = "assert_eq!(result.unwrap_err().code(), tonic::Code::Unimplemented);";

/** One test: the request (optionally at STRONG), the call through the service, the outcome. */
function oneTest(input: GenerateInput, name: string, strong: boolean, reaches: boolean): Block {
  const { d } = input;
  const rpc = { method: d.snake, args: ["request"] };
  const overrides: Record<string, string> = strong ? { read_options: "read_options" } : {};
  const strongLet =
    strong &&
    structLiteral(
      "let read_options = Some(",
      [],
      "ReadOptions",
      ["consistency: ConsistencyLevel::Strong.into()"],
      ");",
    );
  const request = { lead: "let request = ", calls: ["Request::new"], overrides, team: "1" };
  return code`
    #[tokio::test]
    ${testHead(name)}
        let service = create_service_with_mock(MockBackend::new());
        ${strongLet}
        ${requestLiteral(input, request)}

        ${chain("let result = ", "service", [rpc, ".await"], ";")}

        ${reaches ? "assert!(result.is_ok());" : UNIMPLEMENTED}
    }
  `;
}

export function routerTest(input: GenerateInput, plan: RustPlan, leader: boolean): Snippet {
  const { design, d } = input;
  const base = `test_${d.snake}`;
  const byConsistency = !plan.write && design.readOptions;
  // Era B: a STRONG read of person data other than get_person is refused (require_replica).
  const strongReaches = plan.category === "NonPersonData";
  const tests = leader
    ? [oneTest(input, `${base}_needs_a_leader`, false, false)]
    : [
        oneTest(input, `${base}_routes_to_replica`, false, true),
        byConsistency &&
          oneTest(
            input,
            `${base}_strong_${strongReaches ? "routes_to_replica" : "is_unimplemented"}`,
            true,
            strongReaches,
          ),
      ];
  return snippet({
    id: "rust-router-test",
    file: RUST_PATHS.router.serviceTests,
    anchor: "append",
    code: paragraphs(tests),
    notes: [
      "The guide says router tests go in rust/personhog-router/tests/; the typed router's unit tests (create_service_with_mock, MockBackend) live in src/service/tests/mod.rs.",
      leader &&
        "Unit tests build the router without a leader, so call_leader! answers UNIMPLEMENTED: the test proves the method goes to the leader, not the replica.",
      byConsistency &&
        "The router has no rstest dev-dependency: one plain test per consistency level, as its other tests are written.",
    ],
  });
}
