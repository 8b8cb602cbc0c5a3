/**
 * The guide's router tests, through the typed router with a MockBackend: the method reaches the
 * replica, or answers UNIMPLEMENTED where era B has nowhere to send it (no leader backend in unit
 * tests; a STRONG person read other than get_person).
 */
import { code, paragraphs } from "./code";
import type { GenerateInput } from "./context";
import { chain, testHead } from "./rust-layout";
import { readOptionsLet, requestLiteral } from "./rust-test-values";
import type { RustPlan } from "./rust-types";
import { snippet } from "./snippet-builder";
import { RUST_PATHS } from "../catalogue/paths";

const UNIMPLEMENTED = "assert_eq!(result.unwrap_err().code(), tonic::Code::Unimplemented);";

/** One test: the request (optionally at STRONG), the call through the service, the outcome. */
function oneTest(input: GenerateInput, strong: boolean, reaches: boolean) {
  const { d } = input;
  const outcome = reaches ? "routes_to_replica" : strong ? "is_unimplemented" : "needs_a_leader";
  const rpc = { method: d.snake, args: ["request"] };
  const overrides: Record<string, string> = strong ? { read_options: "read_options" } : {};
  return code`
    #[tokio::test]
    ${testHead(`test_${d.snake}_${strong ? "strong_" : ""}${outcome}`)}
        let service = create_service_with_mock(MockBackend::new());
        ${strong && readOptionsLet("Some(", ["consistency: ConsistencyLevel::Strong.into()"])}
        ${requestLiteral(input, { calls: ["Request::new"], overrides, team: "1" })}

        ${chain("let result = ", "service", [rpc, ".await"], ";")}

        ${reaches ? "assert!(result.is_ok());" : UNIMPLEMENTED}
    }
  `;
}

export function routerTest(input: GenerateInput, plan: RustPlan, leader: boolean) {
  // The router has no rstest: each consistency level a read distinguishes is a test of its own.
  const byConsistency = !plan.write && input.design.readOptions;
  // Era B: a STRONG read of person data other than get_person is refused (require_replica).
  const tests = leader
    ? [oneTest(input, false, false)]
    : [
        oneTest(input, false, true),
        byConsistency && oneTest(input, true, plan.category === "NonPersonData"),
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
