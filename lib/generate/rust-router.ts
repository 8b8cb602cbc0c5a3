/**
 * Step 3c: router wiring. The guide's typed router (era A/B) takes four edits: a router method
 * that calls `route_request` then `call_backend!`, the service impl through `route_request!`, the
 * backend trait method and its replica impl (plus the MockBackend stub its unit tests need). The
 * current router is a byte proxy (rust-proxy.ts): a KNOWN_METHODS entry, a leader match arm for
 * person writes, and the test servers' stubs.
 */
import { routeRequest } from "../catalogue/routing";
import { code } from "./code";
import type { GenerateInput, Generator } from "./context";
import { call, signature, unbreakableArg } from "./rust-layout";
import { proxySnippets } from "./rust-proxy";
import { requestSignature } from "./rust-service";
import { routerTest } from "./rust-router-test";
import { rustString } from "./escape/rust";
import { rustPlan, type RustPlan } from "./rust-types";
import type { Snippet } from "./snippet";
import { snippet } from "./snippet-builder";
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

/** The typed router's method shape: `async fn m(&self, request: Req) -> Result<Res, Status>`. */
function typedSig(d: GenerateInput["d"], end: " {" | ";", pub = "", arg = "request") {
  const params = ["&self", `${arg}: ${d.requestMessage}`];
  return signature(
    `${pub}async fn ${d.snake}`,
    params,
    `Result<${d.responseMessage}, Status>`,
    end,
  );
}

function routerMethod(input: GenerateInput, plan: RustPlan): Snippet {
  const { d } = input;
  const backendArgs = ["self", "decision", rustString(d.rpc), d.snake, "request"];
  const route = routeRequest(plan.category, input.design.operation, input.design.consistency);
  const leader = route.backend === "leader";
  return snippet({
    id: "rust-router-method",
    file: `${ROUTER}/src/router/mod.rs`,
    anchor: "inside `impl PersonHogRouter`",
    code: code`
      ${typedSig(d, " {", "pub ")}
          ${call("let decision = route_request(", routeArgs(input, plan), ")?;")}
          ${call("call_backend!(", backendArgs, ")", { macro: true })}
      }
    `,
    notes: [
      plan.categoryAssumed &&
        "The tables do not decide the data category; PersonData is assumed until you choose.",
      `Routes to the ${route.backend}. ${route.reason}`,
      "Add the request and response types to the file's `use personhog_proto::…::types::v1::{…}` list.",
      leader &&
        `The leader crate (${RUST_CRATES.leader}) must implement it too; the guide does not say so.`,
      leader &&
        "Leader requests can arrive twice (client and router retries): the write must converge or carry an idempotency key.",
    ],
  });
}

function typedSnippets(input: GenerateInput, plan: RustPlan): Snippet[] {
  const { d } = input;
  const forward = ["self", d.snake, "request"];
  return [
    routerMethod(input, plan),
    snippet({
      id: "rust-router-service",
      file: `${ROUTER}/src/service/mod.rs`,
      anchor: "inside `impl PersonHogService for PersonHogRouterService`",
      code: code`
        ${requestSignature(d.snake, d.requestMessage, d.responseMessage)}
            ${call("route_request!(", forward, ")", { macro: true })}
        }
      `,
      notes: [
        "route_request! (top of this file) forwards to the router method and wraps the answer in a Response.",
      ],
    }),
    snippet({
      id: "rust-router-backend-trait",
      file: `${ROUTER}/src/backend/mod.rs`,
      anchor: "inside `pub trait PersonHogBackend`",
      code: typedSig(d, ";"),
      notes: [],
    }),
    snippet({
      id: "rust-router-backend-replica",
      file: `${ROUTER}/src/backend/replica.rs`,
      anchor: "inside `impl PersonHogBackend for ReplicaBackend`",
      code: code`
        ${typedSig(d, " {")}
            ${call("retry_call!(", forward, ")", { macro: true })}
        }
      `,
      notes: ["retry_call! clones the request for each attempt and forwards x-client-name."],
    }),
    snippet({
      id: "rust-router-mock-backend",
      file: `${ROUTER}/src/service/tests/mocks.rs`,
      anchor: "inside `impl PersonHogBackend for MockBackend`",
      code: code`
        ${typedSig(d, " {", "", "_request")}
            self.check_error()?;
            ${unbreakableArg("", ["Ok"], `${d.responseMessage}::default()`, "")}
        }
      `,
      notes: ["Not in the guide's list, but the router's unit tests do not compile without it."],
    }),
    routerTest(input, plan),
  ];
}

export const rustRouterSnippets: Generator = (input) => {
  const plan = rustPlan(input);
  return input.design.target === "guide" ? typedSnippets(input, plan) : proxySnippets(input, plan);
};
