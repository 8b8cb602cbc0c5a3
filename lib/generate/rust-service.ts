/**
 * Step 3b: the replica's RPC handler (consistency handling, batch caps, the storage call, the proto
 * response), the service test and, for the current code, the FailingStorage/SuccessStorage mock
 * methods the compiler demands. A person write in the current code is a leader RPC instead: the
 * replica never serves it, so the handler goes to the leader crate.
 */
import type { GenerateInput, Generator } from "./context";
import { atomArg, call, chain, dedent, fnSig, MAX_WIDTH, pad, structExpr } from "./rust-format";
import { returnShape, type ReturnShape } from "./rust-response";
import { serviceTests } from "./rust-service-tests";
import { storageSignature } from "./rust-storage";
import { documentedCap } from "./documented-cap";
import { rustComment, rustIdent, rustString } from "./escape/rust";
import {
  baseType,
  carriesPersonKey,
  emptyValue,
  handlerArg,
  rustPlan,
  viaStorage,
  type RustPlan,
} from "./rust-types";
import type { FieldDesign } from "../design/model";
import type { Snippet } from "./snippet";
import { RUST_CRATES } from "../catalogue/paths";

const isInt = (f: FieldDesign) => f.type === "int64" || f.type === "int32";

/**
 * Request validation: reject oversized batches, clamp list limits (as ListGroups does), and a
 * note for each documented cap the generated code cannot enforce.
 */
function validation(design: GenerateInput["design"], col: number) {
  const lines: string[] = [];
  const notes: string[] = [];
  const clamped = new Set<string>();
  for (const f of design.request) {
    const documented = documentedCap(f);
    if (documented.kind === "ignored") notes.push(documented.note);
    if (documented.kind !== "cap") continue;
    const cap = documented.value.toString();
    const name = rustIdent(f.name);
    if (f.repeated) {
      lines.push(
        `${pad(col)}if req.${name}.len() > ${cap} {`,
        ...atomArg(
          col + 4,
          "return ",
          ["Err", "Status::invalid_argument"],
          rustString(`Maximum ${cap} ${f.name} per request`),
          ";",
        ),
        `${pad(col)}}`,
      );
    } else if (isInt(f) && !f.optional) {
      clamped.add(f.name);
      const head = `${pad(col)}let ${name} = match req.${name} {`;
      // Too long for one line: rustfmt moves the match under the `let`.
      const at = head.length <= MAX_WIDTH ? col : col + 4;
      lines.push(
        ...(at === col ? [head] : [`${pad(col)}let ${name} =`, `${pad(at)}match req.${name} {`]),
        `${pad(at + 4)}1..=${cap} => req.${name},`,
        `${pad(at + 4)}_ => ${cap},`,
        `${pad(at)}};`,
      );
    }
  }
  return { lines, notes, clamped };
}

export function requestSignature(
  col: number,
  method: string,
  req: string,
  res: string,
  arg = "request",
) {
  return fnSig(
    col,
    `async fn ${method}`,
    ["&self", `${arg}: Request<${req}>`],
    `Result<Response<${res}>, Status>`,
    " {",
  );
}

function consistencyLines(input: GenerateInput, plan: RustPlan, col: number): string[] {
  if (plan.write) return [];
  const { design } = input;
  if (plan.takesConsistency)
    return design.readOptions
      ? [`${pad(col)}let consistency = to_storage_consistency(&req.read_options);`]
      : [`${pad(col)}let consistency = storage::postgres::ConsistencyLevel::Eventual;`];
  // Person endpoints on the replica refuse STRONG: the leader serves strong person reads.
  return design.readOptions ? [`${pad(col)}reject_strong_consistency(&req.read_options)?;`] : [];
}

function handler(input: GenerateInput, plan: RustPlan, shape: ReturnShape): Snippet {
  const { design, d } = input;
  const col = 8;
  const check = validation(design, col);
  const args = plan.params.map((p) => {
    if (!p.field) return "consistency";
    return check.clamped.has(p.field.name) ? rustIdent(p.field.name) : handlerArg(p.field);
  });
  const lead = shape.variable ? `let ${shape.variable} = ` : "let () = ";
  const storageCall = chain(
    col,
    lead,
    "self",
    [
      ".storage",
      { method: plan.method, args },
      ".await",
      `.map_err(|e| log_and_convert_error(e, ${rustString(plan.method)}))?`,
    ],
    ";",
  );
  // rustfmt wraps a closure body in a block when the line would reach the width limit.
  const last = storageCall.length - 1;
  if (storageCall[last]!.length >= MAX_WIDTH)
    storageCall.splice(
      last,
      1,
      `${pad(col + 4)}.map_err(|e| {`,
      ...call(col + 8, "log_and_convert_error(", ["e", rustString(plan.method)], ")"),
      `${pad(col + 4)}})?;`,
    );
  const pre = [...consistencyLines(input, plan, col), ...check.lines];
  const usesReq = pre.length > 0 || args.some((a) => a.includes("req."));
  const lines = [
    ...requestSignature(4, d.snake, d.requestMessage, d.responseMessage),
    `${pad(col)}let ${usesReq ? "req" : "_req"} = request.into_inner();`,
    ...pre,
    "",
    ...storageCall,
    "",
    ...structExpr(col, "", ["Ok", "Response::new"], d.responseMessage, shape.responseFields, ""),
    `${pad(4)}}`,
  ];
  const names = d.newResponse ? `${d.requestMessage} and ${d.responseMessage}` : d.requestMessage;
  return {
    id: "rust-service-handler",
    step: "rust",
    file: `${RUST_CRATES.replica}/src/service/mod.rs`,
    language: "rust",
    anchor: "inside `impl PersonHogReplica for PersonHogReplicaService`, in its domain's section",
    code: dedent(lines, 4),
    notes: [
      `Add ${names} to the \`use personhog_proto::personhog::types::v1::{…}\` list.`,
      ...shape.notes,
      ...check.notes,
      ...(design.request.some((f) => baseType(f.type).k === "named")
        ? [
            "Message fields arrive as proto types: convert them to the storage types the trait takes (TeamDistinctId → (i64, String), as get_persons_by_distinct_ids does).",
          ]
        : []),
      ...(design.readOptions && !plan.write && !plan.takesConsistency
        ? ["Person endpoints refuse STRONG with FAILED_PRECONDITION (reject_strong_consistency)."]
        : []),
    ],
  };
}

function mock(input: GenerateInput, plan: RustPlan, shape: ReturnShape, failing: boolean): Snippet {
  const who = failing ? "FailingStorage" : "SuccessStorage";
  const body = failing ? "Err(self.error.clone())" : `Ok(${emptyValue(shape.type, viaStorage)})`;
  const lines = [
    ...storageSignature(plan, shape, 4, " {", viaStorage, true),
    `${pad(8)}${body}`,
    `${pad(4)}}`,
  ];
  return {
    id: failing ? "rust-mock-failing" : "rust-mock-success",
    step: "rust",
    file: `${RUST_CRATES.replica}/src/service/tests/mocks.rs`,
    language: "rust",
    anchor: `inside \`impl storage::${input.d.domain.rustTrait} for ${who}\``,
    code: dedent(lines, 4),
    notes: failing
      ? ["Every storage mock must implement the new method or the crate's tests do not compile."]
      : ["Older checkouts also have ConsistencyTrackingStorage: give it the same method."],
  };
}

const SAFETY: Readonly<Record<string, string>> = {
  "read-only": "it only reads",
  "re-appliable-merge": "it re-applies the same merge",
  "tombstone-delete": "it deletes by tombstone",
  "max-merge-floor": "it only raises a floor (max merge)",
};

function leaderHandler(input: GenerateInput): Snippet {
  const { design, d } = input;
  const keyed = carriesPersonKey(design.request);
  const safety = design.leaderSafety;
  const why =
    safety.kind === "convergent"
      ? (SAFETY[safety.shape] ?? safety.shape)
      : safety.kind === "idempotency-key"
        ? `it dedupes on ${safety.field}`
        : "answer the at-least-once rule first";
  const lines = [
    ...requestSignature(4, d.snake, d.requestMessage, d.responseMessage),
    `${pad(8)}let partition = partition_from_metadata(&request)?;`,
    ...(keyed
      ? [
          `${pad(8)}let req = request.into_inner();`,
          `${pad(8)}self.validate_partition(partition, req.team_id, req.person_id)?;`,
        ]
      : [`${pad(8)}let _req = request.into_inner();`]),
    `${pad(8)}self.check_authority(partition)?;`,
    "",
    `${pad(8)}// Apply the write to the partition's cached person and commit the document,`,
    `${pad(8)}// as update_person_properties does.`,
    `${pad(8)}${rustComment(`Redelivery must converge: ${why}.`)}`,
    ...atomArg(
      8,
      "",
      ["Err", "Status::unimplemented"],
      rustString(`${d.snake} is not implemented yet`),
      "",
    ),
    `${pad(4)}}`,
  ];
  const notes = [
    "Current code routes person writes to personhog-leader, which writes through its partition cache and emits documents; it does not run the design's SQL, which shows the intended effect.",
    "The replica does not serve this RPC (replica.proto has no line for it), so there is no replica storage, handler or mock.",
    "Path inferred from the leader crate's layout: check it in your checkout.",
  ];
  if (!keyed)
    notes.unshift(
      "The router routes by person: the request needs team_id and person_id (and clients send them as x-team-id/x-person-id headers).",
    );
  return {
    id: "rust-leader-handler",
    step: "rust",
    file: `${RUST_CRATES.leader}/src/service.rs`,
    language: "rust",
    anchor: "inside `impl PersonHogLeader for PersonHogLeaderService`",
    code: dedent(lines, 4),
    notes,
  };
}

export const rustServiceSnippets: Generator = (input) => {
  const plan = rustPlan(input);
  if (plan.leaderOnly) return [leaderHandler(input)];
  const shape = returnShape(input.design, input.d.rpc);
  const out = [handler(input, plan, shape), ...serviceTests(input, plan)];
  if (input.design.target === "current")
    out.push(mock(input, plan, shape, true), mock(input, plan, shape, false));
  return out;
};
