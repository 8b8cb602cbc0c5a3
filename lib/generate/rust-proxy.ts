/**
 * The current router (era C) forwards request bytes unchanged: a new RPC needs its name in
 * KNOWN_METHODS (byte-sorted, binary-searched, tested against service.proto), a
 * `raw_proxy_to_leader` arm when the leader serves it (other person writes take the `_` arm to the
 * replica, as DeletePersons does), and a stub in the test server.
 */
import { EXISTING_RPCS } from "../catalogue/existing-rpcs";
import { code } from "./code";
import type { GenerateInput } from "./context";
import { chain, testHead, unbreakableArg } from "./rust-layout";
import { requestSignature } from "./rust-service";
import { assertPair, requestLiteral } from "./rust-test-values";
import { rustString } from "../escape/rust";
import { carriesPersonKey, type RustPlan } from "./rust-types";
import { snippet } from "./snippet-builder";
import { ROUTER_FILES, RUST_PATHS } from "../catalogue/paths";

/** Where the name goes in KNOWN_METHODS: after `after`, or before `before` when it is first. */
export function knownMethodsPosition(rpc: string) {
  const existing: readonly string[] = EXISTING_RPCS;
  // Byte order, as Rust compares &str: RPC names are ASCII, where sort()'s UTF-16 order agrees.
  const names = [...new Set([...existing, rpc])].sort();
  const i = names.indexOf(rpc);
  return {
    after: names[i - 1] ?? null,
    before: names[i + 1] ?? null,
    exists: existing.includes(rpc),
  };
}

function knownMethod({ d: { rpc }, design }: GenerateInput, plan: RustPlan) {
  const pos = knownMethodsPosition(rpc);
  const where = pos.after ? `after "${pos.after}"` : `first, before "${pos.before}"`;
  const strongPersonRead =
    !plan.write && plan.category === "PersonData" && design.consistency === "strong";
  const replicaPersonWrite = plan.write && plan.category === "PersonData" && !plan.leaderOnly;
  return snippet({
    id: "rust-proxy-known-method",
    file: ROUTER_FILES.proxy,
    anchor: `in \`pub const KNOWN_METHODS\`, insert ${where}`,
    code: `${rustString(rpc)},`,
    notes: [
      pos.exists && `${rpc} already exists: pick another name.`,
      "KNOWN_METHODS is sorted by byte order (binary_search), so uppercase letters sort before lowercase: known_methods_is_sorted fails otherwise.",
      "known_methods_matches_service_proto compares it with service.proto's rpc lines: cargo test -p personhog-router fails until both agree.",
      `Position computed against service.proto's ${EXISTING_RPCS.length} RPCs; if your checkout lacks that neighbour, keep the byte order.`,
      strongPersonRead &&
        "Only GetPerson goes to the leader on STRONG in current code; this RPC reaches the replica, which refuses STRONG person reads.",
      replicaPersonWrite &&
        "No match arm: the `_` arm forwards this person write to the replica, which serves it on its primary pool as a temporary measure (as DeletePersons and SplitPerson, which service.proto's TODO moves to the leader). Moving it later takes a leader arm, a leader.proto line instead of the replica.proto one, and the leader's handler.",
    ],
  });
}

function leaderArm({ d: { rpc }, design }: GenerateInput) {
  const proxy = { method: "raw_proxy_to_leader", args: ["req", rustString(rpc)] };
  return snippet({
    id: "rust-proxy-leader-arm",
    file: ROUTER_FILES.proxy,
    anchor: 'in `RawProxyInner::handle`, `match method_name`, next to the "FencePerson" arm',
    code: code`
      ${rustString(rpc)} => {
          ${chain("let (resp, call_ms) = ", "self", [proxy, ".await"], ";")}
          (resp, "leader", call_ms)
      }
    `,
    notes: [
      !carriesPersonKey(design.request) &&
        "The request has no team_id and person_id: the leader cannot be chosen. Add them.",
      "raw_proxy_to_leader routes by the x-team-id and x-person-id request headers (INVALID_ARGUMENT without them), never the body: every client must stamp them for this method (Node's resolvePersonRoutingKey, the Rust clients' stamp_person_routing_headers).",
      "Without this arm the `_` arm forwards it to the replica, which does not serve it.",
      "The router replays fence- and transport-bounced requests, so the leader may apply this write more than once: the design's at-least-once answer says how it converges.",
    ],
  });
}

export function testServerStub({ d }: GenerateInput, leader: boolean) {
  const answer = leader
    ? unbreakableArg("", ["Err", "Status::unimplemented"], '"not exercised by router tests"', "")
    : unbreakableArg("", ["Ok", "Response::new"], `${d.responseMessage}::default()`, "");
  const service = leader ? "TestLeaderService" : "TestReplicaService";
  return snippet({
    id: leader ? "rust-router-test-leader" : "rust-router-test-replica",
    file: RUST_PATHS.router.proxyTestsCommon,
    anchor: `inside \`impl ${leader ? "PersonHogLeader" : "PersonHogReplica"} for ${service}\``,
    code: code`
      ${requestSignature(d, leader ? "request" : "_request")}
          ${leader && "require_partition_metadata(&request)?;"}
          ${answer}
      }
    `,
    notes: [
      `${service} implements the whole backend trait, so the router's tests do not compile without this stub.`,
    ],
  });
}

function integrationTest(input: GenerateInput, leader: boolean) {
  const { d } = input;
  const router = leader
    ? "start_test_router_raw_with_leader(replica_addr, leader_addr, 1)"
    : "start_test_router_raw(replica_addr)";
  const rpc = { method: d.snake, args: ["request"] };
  const lead = leader ? "let status = " : "let response = ";
  const finish = leader
    ? ['.expect_err("the leader route needs the person key headers")']
    : ['.expect("RPC failed")', ".into_inner()"];
  const assertion = leader
    ? "assert_eq!(status.code(), tonic::Code::InvalidArgument);"
    : assertPair("response", `${d.responseMessage}::default()`);
  return snippet({
    id: "rust-router-integration-test",
    file: RUST_PATHS.router.proxyTests,
    anchor: "append",
    code: code`
      #[tokio::test]
      ${testHead(`raw_proxy_${d.snake}_${leader ? "needs_person_key" : "routes_to_replica"}`)}
          let replica_addr = start_test_replica(TestReplicaService::new()).await;
          ${leader && "let leader_addr = start_test_leader(TestLeaderService::new()).await;"}
          let router_addr = ${router}.await;
          let mut client = create_client(router_addr).await;

          ${requestLiteral(input, { calls: [], team: "1" })}
          ${chain(lead, "client", [rpc, ".await", ...finish], ";")}

          ${assertion}
      }
    `,
    notes: [
      leader
        ? "Sent without x-team-id/x-person-id, so the router must refuse it before reaching the leader: proof the leader arm exists."
        : "The test replica answers the default response: the test proves the router forwards the method.",
      leader &&
        "Check TestLeaderService's constructor in your checkout; the helpers' names are from the newest tests/common/mod.rs read.",
    ],
  });
}

export function proxySnippets(input: GenerateInput, plan: RustPlan) {
  const leader = plan.leaderOnly;
  return [
    knownMethod(input, plan),
    ...(leader ? [leaderArm(input)] : []),
    testServerStub(input, leader),
    integrationTest(input, leader),
  ];
}
