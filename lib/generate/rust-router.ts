/**
 * Step 3c: router wiring. The guide's target is the typed router's era B: a router method that
 * forwards with `call_backend!(self, "Name", method, request)` (or `call_leader!` for a person
 * write), the service impl through `route_request!`, then either the replica backend's trait
 * method, its `retry_call!` impl and the MockBackend stub, or for a leader write the LeaderOps
 * method and LeaderBackend's impl; and the stub the test replica needs. The current router is a
 * byte proxy (rust-proxy.ts): a KNOWN_METHODS entry, a leader match arm for a person write that
 * chose the leader, and the test servers' stubs.
 */
import { routeRequest } from "../catalogue/routing";
import { code, type Block } from "./code";
import type { GenerateInput, Generator } from "./context";
import { call, chain, signature, unbreakableArg } from "./rust-layout";
import { proxySnippets, testServerStub } from "./rust-proxy";
import { requestSignature } from "./rust-service";
import { routerTest } from "./rust-router-test";
import { rustString } from "../escape/rust";
import { carriesPersonKey, rustPlan, type RustPlan } from "./rust-types";
import type { Snippet } from "./snippet";
import { snippet } from "./snippet-builder";
import { ROUTER_FILES, RUST_CRATES, RUST_PATHS } from "../catalogue/paths";

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

/** The method in one of the backend traits, which backend/mod.rs declares (LeaderOps, PersonHogBackend). */
function traitDeclaration(
  d: GenerateInput["d"],
  id: string,
  trait: string,
  notes: readonly string[],
): Snippet {
  const file = RUST_PATHS.router.backends;
  return snippet({
    id,
    file,
    anchor: `inside \`pub trait ${trait}\``,
    code: typedSig(d, ";"),
    notes,
  });
}

/**
 * The body of the router method, as era B writes it: person writes go to the leader through
 * `call_leader!`; person reads with read options first refuse STRONG (`require_replica`: only
 * get_person reaches the leader); everything else is a plain `call_backend!` to the replica.
 */
function routerBody(input: GenerateInput, plan: RustPlan): Block {
  const { d, design } = input;
  const args = ["self", rustString(d.rpc), d.snake, "request"];
  if (plan.leaderOnly) return call("call_leader!(", args, ")", { macro: true });
  const guard =
    plan.category === "PersonData" &&
    design.readOptions &&
    call("self.require_replica(", ["DataCategory::PersonData", "&request.read_options"], ")?;");
  return code`
    ${guard}
    ${call("call_backend!(", args, ")", { macro: true })}
  `;
}

function routerMethod(input: GenerateInput, plan: RustPlan): Snippet {
  const { d, design } = input;
  const route = routeRequest(plan.category, design.operation, design.consistency);
  const leader = plan.leaderOnly;
  const strongRefused = !plan.write && plan.category === "PersonData" && design.readOptions;
  return snippet({
    id: "rust-router-method",
    file: ROUTER_FILES.typed,
    anchor: "inside `impl PersonHogRouter`",
    code: code`
      ${typedSig(d, " {", "pub ")}
          ${routerBody(input, plan)}
      }
    `,
    notes: [
      plan.categoryAssumed &&
        "The tables do not decide the data category; PersonData is assumed until you choose.",
      `Routes to the ${route.backend}. ${route.reason}`,
      strongRefused &&
        "The guide calls route_request(…) here; at the router's typed era only get_person matches on it, and other person reads refuse STRONG through require_replica (UNIMPLEMENTED).",
      "Add the request and response types to the file's `use personhog_proto::…::types::v1::{…}` list.",
      leader &&
        `call_leader! answers UNIMPLEMENTED when the router has no leader; the leader crate (${RUST_CRATES.leader}) must implement the RPC too, which the guide does not say.`,
      leader &&
        "Leader requests can arrive twice (client and router retries): the write must converge or carry an idempotency key.",
    ],
  });
}

/** LeaderOps (the router's view of the leader) and LeaderBackend, which routes by person. */
function leaderOpsSnippets(input: GenerateInput): Snippet[] {
  const { d } = input;
  const route = call(
    "let (mut client, request) = self.route(",
    ["request.team_id", "request.person_id", "request"],
    ")?;",
  );
  const forward = chain(
    "",
    "client",
    [
      { method: d.snake, args: ["request"] },
      ".await",
      {
        method: "map",
        args: ["|r| r.into_inner()"],
      },
    ],
    "",
  );
  return [
    traitDeclaration(d, "rust-router-leader-ops", "LeaderOps", [
      "LeaderOps is what call_leader! calls; LeaderBackend implements it.",
    ]),
    snippet({
      id: "rust-router-leader-backend",
      file: RUST_PATHS.router.leaderBackend,
      anchor: "inside `impl LeaderOps for LeaderBackend`",
      code: code`
        ${typedSig(d, " {")}
            ${route}
            ${forward}
        }
      `,
      notes: [
        "route picks the person's partition from team_id and person_id and sends it in the x-partition header.",
        !carriesPersonKey(input.design.request) &&
          "The request has no team_id and person_id: the leader cannot be chosen. Add them.",
      ],
    }),
  ];
}

function serviceSnippet(input: GenerateInput): Snippet {
  const { d } = input;
  return snippet({
    id: "rust-router-service",
    file: RUST_PATHS.router.service,
    anchor: "inside `impl PersonHogService for PersonHogRouterService`",
    code: code`
      ${requestSignature(d.snake, d.requestMessage, d.responseMessage)}
          ${call("route_request!(", ["self", d.snake, "request"], ")", { macro: true })}
      }
    `,
    notes: [
      "route_request! (top of this file) forwards to the router method and wraps the answer in a Response.",
    ],
  });
}

/** The replica backend: its trait method, the retrying impl, and the unit tests' MockBackend. */
function replicaBackendSnippets(input: GenerateInput): Snippet[] {
  const { d } = input;
  return [
    traitDeclaration(d, "rust-router-backend-trait", "PersonHogBackend", []),
    // Shaped like LeaderBackend's impl on purpose: each impl is written out to read like its file.
    snippet({
      id: "rust-router-backend-replica",
      file: RUST_PATHS.router.replicaBackend,
      anchor: "inside `impl PersonHogBackend for ReplicaBackend`",
      code: code`
        ${typedSig(d, " {")}
            ${call("retry_call!(", ["self", d.snake, "request"], ")", { macro: true })}
        }
      `,
      notes: ["retry_call! clones the request for each attempt and forwards x-client-name."],
    }),
    snippet({
      id: "rust-router-mock-backend",
      file: RUST_PATHS.router.serviceMocks,
      anchor: "inside `impl PersonHogBackend for MockBackend`",
      code: code`
        ${typedSig(d, " {", "", "_request")}
            self.check_error()?;
            ${unbreakableArg("", ["Ok"], `${d.responseMessage}::default()`, "")}
        }
      `,
      notes: ["Not in the guide's list, but the router's unit tests do not compile without it."],
    }),
  ];
}

function typedSnippets(input: GenerateInput, plan: RustPlan): Snippet[] {
  const leader = plan.leaderOnly;
  return [
    routerMethod(input, plan),
    serviceSnippet(input),
    ...(leader ? leaderOpsSnippets(input) : replicaBackendSnippets(input)),
    // The test replica implements all of replica.proto, which has no line for a leader write.
    ...(leader ? [] : [testServerStub(input, false)]),
    routerTest(input, plan, leader),
  ];
}

export const rustRouterSnippets: Generator = (input) => {
  const plan = rustPlan(input);
  return input.design.target === "guide" ? typedSnippets(input, plan) : proxySnippets(input, plan);
};
