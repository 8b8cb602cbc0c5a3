/**
 * Step 3c: router wiring. The guide's typed router (era A/B) takes four edits: a router method
 * that calls `route_request` then `call_backend!`, the service impl through `route_request!`, the
 * backend trait method and its replica impl (plus the MockBackend stub its unit tests need). The
 * current router is a byte proxy (rust-proxy.ts): a KNOWN_METHODS entry, a leader match arm for
 * person writes, and the test servers' stubs.
 */
import { routeRequest } from "../catalogue/routing";
import { code, type Part } from "./code";
import type { GenerateInput, Generator } from "./context";
import { call, signature, unbreakableArg } from "./rust-layout";
import { proxySnippets } from "./rust-proxy";
import { requestSignature } from "./rust-service";
import { routerTest } from "./rust-router-test";
import { rustString } from "./escape/rust";
import { rustPlan, type RustPlan } from "./rust-types";
import type { Snippet } from "./snippet";
import { snippet, type SnippetSource } from "./snippet-builder";
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

function typedSig(method: string, req: string, res: string, end: " {" | ";", pub = "") {
  return signature(
    `${pub}async fn ${method}`,
    ["&self", `request: ${req}`],
    `Result<${res}, Status>`,
    end,
  );
}

function routerSnippet(
  id: string,
  file: string,
  anchor: string,
  body: Part,
  notes: SnippetSource["notes"],
): Snippet {
  return snippet({ id, file: `${ROUTER}/${file}`, anchor, code: body, notes });
}

function routerMethod(input: GenerateInput, plan: RustPlan): Snippet {
  const { d } = input;
  const backendArgs = ["self", "decision", rustString(d.rpc), d.snake, "request"];
  const method = code`
    ${typedSig(d.snake, d.requestMessage, d.responseMessage, " {", "pub ")}
        ${call("let decision = route_request(", routeArgs(input, plan), ")?;")}
        ${call("call_backend!(", backendArgs, ")", { macro: true })}
    }
  `;
  const route = routeRequest(plan.category, input.design.operation, input.design.consistency);
  const leader = route.backend === "leader";
  return routerSnippet(
    "rust-router-method",
    "src/router/mod.rs",
    "inside `impl PersonHogRouter`",
    method,
    [
      plan.categoryAssumed &&
        "The tables do not decide the data category; PersonData is assumed until you choose.",
      `Routes to the ${route.backend}. ${route.reason}`,
      "Add the request and response types to the file's `use personhog_proto::…::types::v1::{…}` list.",
      leader &&
        `The leader crate (${RUST_CRATES.leader}) must implement it too; the guide does not say so.`,
      leader &&
        "Leader requests can arrive twice (client and router retries): the write must converge or carry an idempotency key.",
    ],
  );
}

function typedSnippets(input: GenerateInput, plan: RustPlan): Snippet[] {
  const { d } = input;
  const { snake, requestMessage: req, responseMessage: res } = d;
  const service = code`
    ${requestSignature(snake, req, res)}
        ${call("route_request!(", ["self", snake, "request"], ")", { macro: true })}
    }
  `;
  const replica = code`
    ${typedSig(snake, req, res, " {")}
        ${call("retry_call!(", ["self", snake, "request"], ")", { macro: true })}
    }
  `;
  const mock = code`
    ${signature(`async fn ${snake}`, ["&self", `_request: ${req}`], `Result<${res}, Status>`, " {")}
        self.check_error()?;
        ${unbreakableArg("", ["Ok"], `${res}::default()`, "")}
    }
  `;
  return [
    routerMethod(input, plan),
    routerSnippet(
      "rust-router-service",
      "src/service/mod.rs",
      "inside `impl PersonHogService for PersonHogRouterService`",
      service,
      [
        "route_request! (top of this file) forwards to the router method and wraps the answer in a Response.",
      ],
    ),
    routerSnippet(
      "rust-router-backend-trait",
      "src/backend/mod.rs",
      "inside `pub trait PersonHogBackend`",
      typedSig(snake, req, res, ";"),
      [],
    ),
    routerSnippet(
      "rust-router-backend-replica",
      "src/backend/replica.rs",
      "inside `impl PersonHogBackend for ReplicaBackend`",
      replica,
      ["retry_call! clones the request for each attempt and forwards x-client-name."],
    ),
    routerSnippet(
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
