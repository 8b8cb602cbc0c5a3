/**
 * Step 3c: router wiring. The guide's typed router (era A/B) takes four edits: a router method
 * that calls `route_request` then `call_backend!`, the service impl through `route_request!`, the
 * backend trait method and its replica impl (plus the MockBackend stub its unit tests need). The
 * current router is a byte proxy (rust-proxy.ts): a KNOWN_METHODS entry, a leader match arm for
 * person writes, and the test servers' stubs.
 */
import { routeRequest } from "../catalogue/routing";
import type { GenerateInput, Generator } from "./context";
import { atomArg, call, dedent, fnSig, pad } from "./rust-format";
import { proxySnippets } from "./rust-proxy";
import { requestSignature } from "./rust-service";
import { routerTest } from "./rust-router-test";
import { rustString } from "./escape/rust";
import { rustPlan, type RustPlan } from "./rust-types";
import type { Snippet } from "./snippet";
import { RUST_CRATES } from "../catalogue/paths";

const ROUTER = RUST_CRATES.router;

/** The `route_request` arguments: category, operation, and the consistency it reads. */
export function routeArgs({ design }: GenerateInput, plan: RustPlan): string[] {
  const consistency =
    design.operation === "read" && design.readOptions
      ? "get_consistency(&request.read_options)"
      : "None";
  return [
    `DataCategory::${plan.category}`,
    `OperationType::${plan.write ? "Write" : "Read"}`,
    consistency,
  ];
}

function typedSig(
  col: number,
  method: string,
  req: string,
  res: string,
  end: " {" | ";",
  pub = "",
) {
  return fnSig(
    col,
    `${pub}async fn ${method}`,
    ["&self", `request: ${req}`],
    `Result<${res}, Status>`,
    end,
  );
}

function snippet(
  id: string,
  file: string,
  anchor: string,
  lines: string[],
  notes: string[],
): Snippet {
  return {
    id,
    step: "rust",
    file: `${ROUTER}/${file}`,
    language: "rust",
    anchor,
    code: dedent(lines, 4),
    notes,
  };
}

function routerMethod(input: GenerateInput, plan: RustPlan): Snippet {
  const { d } = input;
  const lines = [
    ...typedSig(4, d.snake, d.requestMessage, d.responseMessage, " {", "pub "),
    ...call(8, "let decision = route_request(", routeArgs(input, plan), ")?;"),
    ...call(8, "call_backend!(", ["self", "decision", rustString(d.rpc), d.snake, "request"], ")", {
      macro: true,
    }),
    `${pad(4)}}`,
  ];
  const route = routeRequest(plan.category, input.design.operation, input.design.consistency);
  const notes = [
    `Routes to the ${route.backend}. ${route.reason}`,
    "Add the request and response types to the file's `use personhog_proto::…::types::v1::{…}` list.",
  ];
  if (plan.categoryAssumed)
    notes.unshift(
      "The tables do not decide the data category; PersonData is assumed until you choose.",
    );
  if (route.backend === "leader")
    notes.push(
      `The leader crate (${RUST_CRATES.leader}) must implement it too; the guide does not say so.`,
      "Leader requests can arrive twice (client and router retries): the write must converge or carry an idempotency key.",
    );
  return snippet(
    "rust-router-method",
    "src/router/mod.rs",
    "inside `impl PersonHogRouter`",
    lines,
    notes,
  );
}

function typedSnippets(input: GenerateInput, plan: RustPlan): Snippet[] {
  const { d } = input;
  const service = [
    ...requestSignature(4, d.snake, d.requestMessage, d.responseMessage),
    ...call(8, "route_request!(", ["self", d.snake, "request"], ")", { macro: true }),
    `${pad(4)}}`,
  ];
  const backend = typedSig(4, d.snake, d.requestMessage, d.responseMessage, ";");
  const replica = [
    ...typedSig(4, d.snake, d.requestMessage, d.responseMessage, " {"),
    ...call(8, "retry_call!(", ["self", d.snake, "request"], ")", { macro: true }),
    `${pad(4)}}`,
  ];
  const mock = [
    ...fnSig(
      4,
      `async fn ${d.snake}`,
      ["&self", `_request: ${d.requestMessage}`],
      `Result<${d.responseMessage}, Status>`,
      " {",
    ),
    `${pad(8)}self.check_error()?;`,
    ...atomArg(8, "", ["Ok"], `${d.responseMessage}::default()`, ""),
    `${pad(4)}}`,
  ];
  return [
    routerMethod(input, plan),
    snippet(
      "rust-router-service",
      "src/service/mod.rs",
      "inside `impl PersonHogService for PersonHogRouterService`",
      service,
      [
        "route_request! (top of this file) forwards to the router method and wraps the answer in a Response.",
      ],
    ),
    snippet(
      "rust-router-backend-trait",
      "src/backend/mod.rs",
      "inside `pub trait PersonHogBackend`",
      backend,
      [],
    ),
    snippet(
      "rust-router-backend-replica",
      "src/backend/replica.rs",
      "inside `impl PersonHogBackend for ReplicaBackend`",
      replica,
      ["retry_call! clones the request for each attempt and forwards x-client-name."],
    ),
    snippet(
      "rust-router-mock-backend",
      "src/service/tests/mocks.rs",
      "inside `impl PersonHogBackend for MockBackend`",
      mock,
      ["Not in the guide's list, but the router's unit tests do not compile without it."],
    ),
    routerTest(input, plan),
  ];
}

export const rustRouterSnippets: Generator = (input) => {
  const plan = rustPlan(input);
  return input.design.target === "guide" ? typedSnippets(input, plan) : proxySnippets(input, plan);
};
