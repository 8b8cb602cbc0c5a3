/**
 * Service tests for `tests/service_tests.rs`: the handler against a fresh team answers an empty
 * response (rstest over the consistency levels when the request carries read_options: person
 * endpoints refuse STRONG, others serve it), and an oversized batch is refused.
 */
import { code, paragraphs } from "./code";
import type { GenerateInput } from "./context";
import { chain, signature, testHead } from "./rust-layout";
import { assertPair, protoValue, readOptionsLet, requestLiteral } from "./rust-test-values";
import { capValue } from "../design/documented-cap";
import type { FieldDesign } from "../design/model";
import { rustString } from "../escape/rust";
import { isInsert, type RustPlan } from "./rust-types";
import { snippet } from "./snippet-builder";
import { RUST_PATHS } from "../catalogue/paths";

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

function emptyAssertion({ design, d }: GenerateInput) {
  if (design.response.kind === "shared")
    return SHARED_EMPTY[design.response.name] ?? "let _ = response;";
  return assertPair("response", `${d.responseMessage}::default()`);
}

const requestLines = (input: GenerateInput, overrides: Record<string, string>) =>
  requestLiteral(input, { calls: ["Request::new"], overrides });

const serviceCall = (method: string, lead: string, finish: string[]) =>
  chain(lead, "ctx", [".service", { method, args: ["request"] }, ".await", ...finish], ";");

function consistencyTest(input: GenerateInput, plan: RustPlan) {
  const { design, d } = input;
  const params = ["#[case] consistency: Option<ConsistencyLevel>", "#[case] served: bool"];
  const fields = ["consistency: c.into()"];
  if (design.target === "current") fields.push("..Default::default()");
  // The replica refuses STRONG on person endpoints; non-person endpoints read the primary.
  return code`
    #[rstest]
    #[case::unspecified(None, true)]
    #[case::eventual(Some(ConsistencyLevel::Eventual), true)]
    #[case::strong(Some(ConsistencyLevel::Strong), ${String(plan.takesConsistency)})]
    #[tokio::test]
    ${signature(`async fn test_${d.snake}_consistency`, params, "", " {")}
        let ctx = ServiceTestContext::new().await;
        ${readOptionsLet("consistency.map(|c| ", fields)}
        ${requestLines(input, { read_options: "read_options" })}
        ${serviceCall(d.snake, "let result = ", [])}

        if served {
            let response = result.expect("RPC failed").into_inner();
            ${emptyAssertion(input)}
        } else {
            let status = result.expect_err("STRONG should be refused");
            assert_eq!(status.code(), tonic::Code::FailedPrecondition);
        }
        ctx.cleanup().await.ok();
    }
  `;
}

function emptyTest(input: GenerateInput) {
  const { d } = input;
  return code`
    #[tokio::test]
    ${testHead(`test_${d.snake}_finds_nothing`)}
        let ctx = ServiceTestContext::new().await;

        ${requestLines(input, {})}
        ${serviceCall(d.snake, "let response = ", ['.expect("RPC failed")', ".into_inner()"])}

        ${emptyAssertion(input)}
        ctx.cleanup().await.ok();
    }
  `;
}

/** A request one over a repeated field's documented cap is refused. */
function capTest(input: GenerateInput, f: FieldDesign) {
  const { d } = input;
  const cap = capValue(f);
  if (!f.repeated || cap === null) return null;
  const one = protoValue({ ...f, repeated: false });
  const refused = rustString(`over ${cap} should be refused`);
  return code`
    #[tokio::test]
    ${testHead(`test_${d.snake}_rejects_too_many_${f.name}`)}
        let ctx = ServiceTestContext::new().await;

        ${requestLines(input, { [f.name]: `vec![${one}; ${cap + 1n}]` })}
        ${serviceCall(d.snake, "let status = ", [`.expect_err(${refused})`])}

        assert_eq!(status.code(), tonic::Code::InvalidArgument);
        ctx.cleanup().await.ok();
    }
  `;
}

export function serviceTests(input: GenerateInput, plan: RustPlan) {
  const { design } = input;
  const byConsistency = design.operation === "read" && design.readOptions;
  // A fresh team proves nothing about an INSERT: it would insert.
  const empty = byConsistency
    ? consistencyTest(input, plan)
    : !isInsert(design.sql) && emptyTest(input);
  return snippet({
    id: "rust-service-test",
    file: RUST_PATHS.replica.serviceTests,
    anchor: "append, in the section of its domain",
    code: paragraphs([empty, ...design.request.map((f) => capTest(input, f))]),
    notes: [
      design.target === "current" &&
        byConsistency &&
        "Current ReadOptions also carries field_mask: `..Default::default()` fills it.",
      "service_tests.rs defines ServiceTestContext; import the request/response types, and ConsistencyLevel and ReadOptions from personhog_proto::personhog::types::v1 if the file lacks them.",
    ],
  });
}
