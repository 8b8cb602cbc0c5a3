/**
 * The guide's router test: through the typed router with a MockBackend, the new method reaches the
 * replica, or (no leader backend in unit tests) answers UNIMPLEMENTED where the route is the
 * leader; rstest cases cover the consistency levels when the request carries read_options.
 */
import { routeRequest } from "../catalogue/routing";
import type { GenerateInput } from "./context";
import { chain, fnSig, pad, structExpr, testHead } from "./rust-format";
import { requestLiteral } from "./rust-test-values";
import type { RustPlan } from "./rust-types";
import type { Snippet } from "./snippet";
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
  const head = byConsistency
    ? [
        "#[rstest]",
        ...LEVELS.map((l) => `#[case::${l.name}(${l.value}, ${reaches(l.level)})]`),
        "#[tokio::test]",
        ...fnSig(
          0,
          `async fn test_${d.snake}_routes_by_consistency`,
          ["#[case] consistency: Option<ConsistencyLevel>", "#[case] to_replica: bool"],
          "",
          " {",
        ),
      ]
    : [
        "#[tokio::test]",
        ...testHead(`test_${d.snake}_routes_to_${reaches("eventual") ? "replica" : "leader"}`),
      ];
  const readOptions = byConsistency
    ? structExpr(
        4,
        "let read_options = consistency.map(|c| ",
        [],
        "ReadOptions",
        ["consistency: c.into()"],
        ");",
      )
    : [];
  const overrides: Record<string, string> = byConsistency ? { read_options: "read_options" } : {};
  const outcome = byConsistency
    ? [
        `${pad(4)}if to_replica {`,
        `${pad(8)}assert!(result.is_ok());`,
        `${pad(4)}} else {`,
        `${pad(8)}// No leader backend here: a leader route answers UNIMPLEMENTED.`,
        `${pad(8)}assert_eq!(result.unwrap_err().code(), tonic::Code::Unimplemented);`,
        `${pad(4)}}`,
      ]
    : reaches("eventual")
      ? [`${pad(4)}assert!(result.is_ok());`]
      : [`${pad(4)}assert_eq!(result.unwrap_err().code(), tonic::Code::Unimplemented);`];
  const lines = [
    ...head,
    `${pad(4)}let service = create_service_with_mock(MockBackend::new());`,
    ...readOptions,
    ...requestLiteral(input, 4, {
      lead: "let request = ",
      calls: ["Request::new"],
      overrides,
      team: "1",
    }),
    "",
    ...chain(
      4,
      "let result = ",
      "service",
      [{ method: d.snake, args: ["request"] }, ".await"],
      ";",
    ),
    "",
    ...outcome,
    "}",
  ];
  const notes = [
    "The guide says router tests go in rust/personhog-router/tests/; the typed router's unit tests (create_service_with_mock, MockBackend) live in src/service/tests/mod.rs.",
  ];
  if (byConsistency)
    notes.push(
      'personhog-router has no rstest dev-dependency in the versions read: add `rstest = "0.26"` (as personhog-replica has) or split the cases into plain tests.',
    );
  return {
    id: "rust-router-test",
    step: "rust",
    file: `${ROUTER}/src/service/tests/mod.rs`,
    language: "rust",
    anchor: "append",
    code: lines.join("\n"),
    notes,
  };
}
