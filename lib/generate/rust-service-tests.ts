/**
 * Service tests for `tests/service_tests.rs`: the handler against a fresh team answers an empty
 * response (rstest over the consistency levels when the request carries read_options: person
 * endpoints refuse STRONG, others serve it), and an oversized batch is refused.
 */
import type { GenerateInput } from "./context";
import { call, chain, fnSig, pad, structExpr, testHead } from "./rust-format";
import { protoValue, requestLiteral } from "./rust-test-values";
import { capValue } from "./documented-cap";
import { rustString } from "./escape/rust";
import { isInsert, type RustPlan } from "./rust-types";
import type { Snippet } from "./snippet";
import { RUST_CRATES } from "../catalogue/paths";

/** How to tell a shared response carries nothing (some hold one entry per requested key). */
const SHARED_EMPTY: Readonly<Record<string, string>> = {
  GetPersonResponse: "assert!(response.person.is_none());",
  PersonsResponse: "assert!(response.persons.is_empty());",
  GroupsResponse: "assert!(response.groups.is_empty());",
  GroupTypeMappingsResponse: "assert!(response.mappings.is_empty());",
  GroupTypeMappingsBatchResponse:
    "assert!(response.results.iter().all(|r| r.mappings.is_empty()));",
  CohortMembershipResponse: "assert!(response.memberships.iter().all(|m| !m.is_member));",
};

function emptyAssertion({ design, d }: GenerateInput, col: number): string[] {
  if (design.response.kind === "shared")
    return [`${pad(col)}${SHARED_EMPTY[design.response.name] ?? "let _ = response;"}`];
  return call(col, "assert_eq!(", ["response", `${d.responseMessage}::default()`], ");", {
    macro: true,
  });
}

const requestLines = (input: GenerateInput, col: number, overrides: Record<string, string>) =>
  requestLiteral(input, col, { lead: "let request = ", calls: ["Request::new"], overrides });

const serviceCall = (method: string, lead: string, finish: string[]) =>
  chain(4, lead, "ctx", [".service", { method, args: ["request"] }, ".await", ...finish], ";");

function consistencyTest(input: GenerateInput, plan: RustPlan): string[] {
  const { d } = input;
  // The replica refuses STRONG on person endpoints; non-person endpoints read the primary.
  const strongServed = plan.takesConsistency;
  const readOptions = input.design.target === "current" ? ["..Default::default()"] : [];
  return [
    "#[rstest]",
    "#[case::unspecified(None, true)]",
    "#[case::eventual(Some(ConsistencyLevel::Eventual), true)]",
    `#[case::strong(Some(ConsistencyLevel::Strong), ${strongServed})]`,
    "#[tokio::test]",
    ...fnSig(
      0,
      `async fn test_${d.snake}_consistency`,
      ["#[case] consistency: Option<ConsistencyLevel>", "#[case] served: bool"],
      "",
      " {",
    ),
    `${pad(4)}let ctx = ServiceTestContext::new().await;`,
    ...structExpr(
      4,
      "let read_options = consistency.map(|c| ",
      [],
      "ReadOptions",
      ["consistency: c.into()", ...readOptions],
      ");",
    ),
    ...requestLines(input, 4, { read_options: "read_options" }),
    ...serviceCall(d.snake, "let result = ", []),
    "",
    `${pad(4)}if served {`,
    `${pad(8)}let response = result.expect("RPC failed").into_inner();`,
    ...emptyAssertion(input, 8),
    `${pad(4)}} else {`,
    `${pad(8)}let status = result.expect_err("STRONG should be refused");`,
    `${pad(8)}assert_eq!(status.code(), tonic::Code::FailedPrecondition);`,
    `${pad(4)}}`,
    `${pad(4)}ctx.cleanup().await.ok();`,
    "}",
  ];
}

function emptyTest(input: GenerateInput): string[] {
  const { d } = input;
  return [
    "#[tokio::test]",
    ...testHead(`test_${d.snake}_finds_nothing`),
    `${pad(4)}let ctx = ServiceTestContext::new().await;`,
    "",
    ...requestLines(input, 4, {}),
    ...serviceCall(d.snake, "let response = ", ['.expect("RPC failed")', ".into_inner()"]),
    "",
    ...emptyAssertion(input, 4),
    `${pad(4)}ctx.cleanup().await.ok();`,
    "}",
  ];
}

function capTests(input: GenerateInput): string[][] {
  const { design, d } = input;
  return design.request.flatMap((f) => {
    const cap = capValue(f);
    if (!f.repeated || cap === null) return [];
    const one = protoValue({ ...f, repeated: false }, "missing").expr;
    return [
      [
        "#[tokio::test]",
        ...testHead(`test_${d.snake}_rejects_too_many_${f.name}`),
        `${pad(4)}let ctx = ServiceTestContext::new().await;`,
        "",
        ...requestLines(input, 4, { [f.name]: `vec![${one}; ${cap + 1n}]` }),
        ...serviceCall(d.snake, "let status = ", [
          `.expect_err(${rustString(`over ${cap} should be refused`)})`,
        ]),
        "",
        `${pad(4)}assert_eq!(status.code(), tonic::Code::InvalidArgument);`,
        `${pad(4)}ctx.cleanup().await.ok();`,
        "}",
      ],
    ];
  });
}

export function serviceTests(input: GenerateInput, plan: RustPlan): Snippet[] {
  const { design } = input;
  const blocks: string[][] = [];
  if (design.operation === "read" && design.readOptions) blocks.push(consistencyTest(input, plan));
  else if (!isInsert(design.sql)) blocks.push(emptyTest(input));
  blocks.push(...capTests(input));
  const notes = [
    ...(design.target === "current" && design.readOptions && design.operation === "read"
      ? ["Current ReadOptions also carries field_mask: `..Default::default()` fills it."]
      : []),
    "service_tests.rs defines ServiceTestContext; import the request/response types, and ConsistencyLevel and ReadOptions from personhog_proto::personhog::types::v1 if the file lacks them.",
  ];
  return [
    {
      id: "rust-service-test",
      step: "rust",
      file: `${RUST_CRATES.replica}/tests/service_tests.rs`,
      language: "rust",
      anchor: "append, in the section of its domain",
      code: blocks.map((b) => b.join("\n")).join("\n\n"),
      notes,
    },
  ];
}
