/**
 * Step 3c: router wiring for the guide's typed router (era B): the router method (`call_backend!`,
 * or `call_leader!` for a leader write), the service impl (`route_request!`), the backend's trait
 * method and impls, and their test stubs. The current router is a byte proxy: rust-proxy.ts.
 */
import { routeRequest } from "../catalogue/routing";
import { code, type Block } from "./code";
import type { GenerateInput, Generator } from "./context";
import type { Derived } from "../design/derive";
import { call, chain, signature, unbreakableArg } from "./rust-layout";
import { proxySnippets, testServerStub } from "./rust-proxy";
import { requestSignature } from "./rust-service";
import { routerTest } from "./rust-router-test";
import { rustString } from "../escape/rust";
import { carriesPersonKey, rustPlan, type RustPlan } from "./rust-types";
import { snippet } from "./snippet-builder";
import { ROUTER_FILES, RUST_CRATES, RUST_PATHS } from "../catalogue/paths";

/** The typed router's method shape: `async fn m(&self, request: Req) -> Result<Res, Status>`. */
const typedSig = (d: Derived, end: " {" | ";", pub = "", arg = "request") =>
  signature(
    `${pub}async fn ${d.snake}`,
    ["&self", `${arg}: ${d.requestMessage}`],
    `Result<${d.responseMessage}, Status>`,
    end,
  );

/** `name!(args)`, opened up like any macro call when too wide. */
const macro = (name: string, args: string[]) => call(`${name}!(`, args, ")", { macro: true });

/** A method that hands the request on through `name!(self, method, request)`. */
const forwarding = (d: Derived, signature: Block, name: string) => code`
  ${signature}
      ${macro(name, ["self", d.snake, "request"])}
  }
`;

/** The method in the backend trait backend/mod.rs declares: LeaderOps, or PersonHogBackend. */
const traitDeclaration = (d: Derived, leader: boolean) =>
  snippet({
    id: leader ? "rust-router-leader-ops" : "rust-router-backend-trait",
    file: RUST_PATHS.router.backends,
    anchor: `inside \`pub trait ${leader ? "LeaderOps" : "PersonHogBackend"}\``,
    code: typedSig(d, ";"),
    notes: [leader && "LeaderOps is what call_leader! calls; LeaderBackend implements it."],
  });

/**
 * Era B's router method: person writes go to the leader through `call_leader!`; person reads with
 * read options first refuse STRONG (`require_replica`: only get_person reaches the leader);
 * everything else is a plain `call_backend!` to the replica.
 */
function routerMethod({ d, design }: GenerateInput, plan: RustPlan) {
  const route = routeRequest(plan.category, design.operation, design.consistency);
  const leader = plan.leaderOnly;
  const args = ["self", rustString(d.rpc), d.snake, "request"];
  const guard =
    plan.category === "PersonData" &&
    design.readOptions &&
    call("self.require_replica(", ["DataCategory::PersonData", "&request.read_options"], ")?;");
  return snippet({
    id: "rust-router-method",
    file: ROUTER_FILES.typed,
    anchor: "inside `impl PersonHogRouter`",
    code: code`
      ${typedSig(d, " {", "pub ")}
          ${leader ? macro("call_leader", args) : [guard, macro("call_backend", args)]}
      }
    `,
    notes: [
      plan.categoryAssumed &&
        "The tables do not decide the data category; PersonData is assumed until you choose.",
      `Routes to the ${route.backend}. ${route.reason}`,
      !plan.write &&
        guard &&
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
function leaderOpsSnippets({ d, design }: GenerateInput) {
  const keys = ["request.team_id", "request.person_id", "request"];
  const rpc = { method: d.snake, args: ["request"] };
  const intoInner = { method: "map", args: ["|r| r.into_inner()"] };
  return [
    traitDeclaration(d, true),
    snippet({
      id: "rust-router-leader-backend",
      file: RUST_PATHS.router.leaderBackend,
      anchor: "inside `impl LeaderOps for LeaderBackend`",
      code: code`
        ${typedSig(d, " {")}
            ${call("let (mut client, request) = self.route(", keys, ")?;")}
            ${chain("", "client", [rpc, ".await", intoInner], "")}
        }
      `,
      notes: [
        "route picks the person's partition from team_id and person_id and sends it in the x-partition header.",
        !carriesPersonKey(design.request) &&
          "The request has no team_id and person_id: the leader cannot be chosen. Add them.",
      ],
    }),
  ];
}

/** The service impl hands the request to the router method. */
const serviceSnippet = (d: Derived) =>
  snippet({
    id: "rust-router-service",
    file: RUST_PATHS.router.service,
    anchor: "inside `impl PersonHogService for PersonHogRouterService`",
    code: forwarding(d, requestSignature(d), "route_request"),
    notes: [
      "route_request! (top of this file) forwards to the router method and wraps the answer in a Response.",
    ],
  });

/** The replica backend: its trait method, the retrying impl, MockBackend and the test replica. */
function replicaBackendSnippets(input: GenerateInput) {
  const { d } = input;
  return [
    traitDeclaration(d, false),
    // Shaped like LeaderBackend's impl on purpose: each impl is written out to read like its file.
    snippet({
      id: "rust-router-backend-replica",
      file: RUST_PATHS.router.replicaBackend,
      anchor: "inside `impl PersonHogBackend for ReplicaBackend`",
      code: forwarding(d, typedSig(d, " {"), "retry_call"),
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
    // The test replica implements all of replica.proto, which has no line for a leader write.
    testServerStub(input, false),
  ];
}

export const rustRouterSnippets: Generator = (input) => {
  const plan = rustPlan(input);
  if (input.design.target !== "guide") return proxySnippets(input, plan);
  return [
    routerMethod(input, plan),
    serviceSnippet(input.d),
    ...(plan.leaderOnly ? leaderOpsSnippets(input) : replicaBackendSnippets(input)),
    routerTest(input, plan, plan.leaderOnly),
  ];
};
