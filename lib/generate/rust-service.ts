/**
 * Step 3b: the replica's RPC handler, its service test and the storage mocks the compiler demands.
 * A person write the leader serves gets the leader crate's handler instead; one the current target
 * leaves on the replica (as person deletes are today) gets the replica's.
 */
import { code, paragraphs, type Block } from "./code";
import type { GenerateInput, Generator } from "./context";
import type { Derived } from "../design/derive";
import { chain, ifAny, letMatch, signature, structLiteral, unbreakableArg } from "./rust-layout";
import { returnShape, type ReturnShape } from "./rust-response";
import { serviceTests } from "./rust-service-tests";
import { storageSignature } from "./rust-storage";
import { documentedCap } from "../design/documented-cap";
import { rustComment, rustIdent, rustString } from "../escape/rust";
import {
  baseType,
  carriesPersonKey,
  emptyValue,
  fieldType,
  handlerArg,
  rustPlan,
  viaStorage,
  type RustPlan,
} from "./rust-types";
import type { Design, FieldDesign } from "../design/model";
import { snippet } from "./snippet-builder";
import { RUST_PATHS } from "../catalogue/paths";

/** `if condition { return Err(Status::invalid_argument(message)); }` */
const refuse = (condition: string, message: string) => code`
  if ${condition} {
      ${unbreakableArg("return ", ["Err", "Status::invalid_argument"], rustString(message), ";")}
  }
`;

/**
 * Request validation: reject oversized batches and a write's out-of-range batch_size (as
 * delete_persons_batch_for_team does), clamp list limits (as ListGroups does), and a note for each
 * documented cap the generated code cannot enforce.
 */
function validation(design: Design, plan: RustPlan) {
  const checks: Block[] = [];
  const notes: string[] = [];
  const clamped = new Set<string>();
  // MAX_BATCH_DELETE_SIZE is an i64: an int32 batch_size without a documented cap keeps only the
  // storage's early return for a size of 0 or less.
  if (plan.batchSize?.type === "int64" && documentedCap(plan.batchSize).kind !== "cap") {
    checks.push(code`
      if req.batch_size <= 0 || req.batch_size > MAX_BATCH_DELETE_SIZE {
          return Err(Status::invalid_argument(format!(
              "batch_size must be between 1 and {MAX_BATCH_DELETE_SIZE}"
          )));
      }
    `);
    notes.push(
      'batch_size documents no cap, so the check uses the replica\'s MAX_BATCH_DELETE_SIZE (50,000), as delete_persons_batch_for_team does; a comment such as "Must be > 0 and <= 10000." writes that cap instead.',
    );
  }
  for (const f of design.request) {
    const documented = documentedCap(f);
    if (documented.kind === "ignored") notes.push(documented.note);
    if (documented.kind !== "cap") continue;
    const cap = documented.value.toString();
    const req = `req.${rustIdent(f.name)}`;
    if (f === plan.batchSize)
      checks.push(
        refuse(`${req} <= 0 || ${req} > ${cap}`, `${f.name} must be between 1 and ${cap}`),
      );
    else if (f.repeated)
      checks.push(refuse(`${req}.len() > ${cap}`, `Maximum ${cap} ${f.name} per request`));
    else if ((f.type === "int64" || f.type === "int32") && !f.optional) {
      clamped.add(f.name);
      checks.push(letMatch(rustIdent(f.name), req, [`1..=${cap} => ${req},`, `_ => ${cap},`]));
    }
  }
  return { checks, notes, clamped };
}

const INVALID_UUID = {
  method: "map_err",
  param: "|e|",
  fn: "Status::invalid_argument",
  args: ['format!("Invalid UUID: {e}")'],
  suffix: "?",
};

/** A uuid field parsed before storage sees it, refused as INVALID_ARGUMENT when malformed. */
function parseUuid(f: FieldDesign): Block {
  const name = rustIdent(f.name);
  if (f.repeated)
    return chain(
      `let ${name}: Vec<Uuid> = `,
      "req",
      [
        `.${name}`,
        ".iter()",
        ".map(|s| Uuid::parse_str(s))",
        ".collect::<Result<Vec<_>, _>>()",
        INVALID_UUID,
      ],
      ";",
    );
  if (f.optional)
    return chain(
      `let ${name} = `,
      "req",
      [`.${name}`, ".as_deref()", ".map(Uuid::parse_str)", ".transpose()", INVALID_UUID],
      ";",
    );
  return chain(`let ${name} = `, `Uuid::parse_str(&req.${name})`, [INVALID_UUID], ";");
}

/** tonic's handler: `async fn m(&self, request: Request<Req>) -> Result<Response<Res>, Status>`. */
export const requestSignature = (d: Derived, arg = "request") =>
  signature(
    `async fn ${d.snake}`,
    ["&self", `${arg}: Request<${d.requestMessage}>`],
    `Result<Response<${d.responseMessage}>, Status>`,
    " {",
  );

function consistencyLine(design: Design, plan: RustPlan): string | null {
  if (plan.write) return null;
  if (plan.takesConsistency)
    return design.readOptions
      ? "let consistency = to_storage_consistency(&req.read_options);"
      : "let consistency = storage::postgres::ConsistencyLevel::Eventual;";
  // Person endpoints on the replica refuse STRONG: the leader serves strong person reads.
  return design.readOptions ? "reject_strong_consistency(&req.read_options)?;" : null;
}

/**
 * An empty repeated input answers zero counts before storage where the domain's handlers do
 * (count_cohort_members; check_cohort_membership, whose response lists each cohort, leaves it to
 * storage, as every other domain does).
 */
function emptyReturn({ design, d }: GenerateInput, plan: RustPlan): Block | false {
  const fields = design.response.kind === "new" ? design.response.fields : [];
  const counts = fields.length > 0 && fields.every((f) => fieldType(f).k === "prim");
  if (!counts || plan.repeated.length === 0 || !d.domain.emptyInputInHandler) return false;
  const zeros = fields.map((f) => `${rustIdent(f.name)}: ${emptyValue(fieldType(f))}`);
  return code`
    ${ifAny(plan.repeated.map((f) => `req.${rustIdent(f.name)}.is_empty()`))}
        ${structLiteral("return ", ["Ok", "Response::new"], d.responseMessage, zeros, ";")}
    }
  `;
}

function handler(input: GenerateInput, plan: RustPlan, shape: ReturnShape) {
  const { design, d } = input;
  const check = validation(design, plan);
  const args = plan.params.map(({ field, uuid }) => {
    if (!field) return "consistency";
    if (uuid) return field.repeated ? `&${rustIdent(field.name)}` : rustIdent(field.name);
    return check.clamped.has(field.name) ? rustIdent(field.name) : handlerArg(field);
  });
  const parses = plan.params.flatMap((p) => (p.uuid && p.field ? [parseUuid(p.field)] : []));
  const consistency = consistencyLine(design, plan);
  const early = emptyReturn(input, plan);
  const usesReq =
    early ||
    consistency ||
    check.checks.length ||
    parses.length ||
    args.some((a) => a.includes("req."));
  const mapErr = { method: "map_err", param: "|e|", fn: "log_and_convert_error", suffix: "?" };
  const logged = { ...mapErr, args: ["e", rustString(plan.method)] };
  const calls = [".storage", { method: plan.method, args }, ".await", logged];
  const names = d.newResponse ? `${d.requestMessage} and ${d.responseMessage}` : d.requestMessage;
  return snippet({
    id: "rust-service-handler",
    file: RUST_PATHS.replica.service,
    anchor: "inside `impl PersonHogReplica for PersonHogReplicaService`, in its domain's section",
    // Spaced as the real handlers are: the consistency line stays with `let req` unless an early
    // return comes between them; each guard is a paragraph of its own.
    code: code`
      ${requestSignature(d)}
          ${paragraphs([
            code`
              let ${usesReq ? "req" : "_req"} = request.into_inner();
              ${!early && consistency}
            `,
            early,
            early && consistency,
            ...check.checks,
            ...parses,
            chain(`let ${shape.variable || "()"} = `, "self", calls, ";"),
            structLiteral("", ["Ok", "Response::new"], d.responseMessage, shape.responseFields, ""),
          ])}
      }
    `,
    notes: [
      `Add ${names} to the \`use personhog_proto::personhog::types::v1::{…}\` list.`,
      ...shape.notes,
      ...check.notes,
      design.request.some((f) => baseType(f.type).k === "named") &&
        "Message fields arrive as proto types: convert them to the storage types the trait takes (TeamDistinctId → (i64, String), as get_persons_by_distinct_ids does).",
      parses.length > 0 &&
        "A malformed uuid is refused with INVALID_ARGUMENT before storage is called, as get_person_by_uuid does.",
      design.readOptions &&
        !plan.write &&
        !plan.takesConsistency &&
        "Person endpoints refuse STRONG with FAILED_PRECONDITION (reject_strong_consistency).",
      d.replicaPersonWrite &&
        "The replica serves this person write as a temporary measure, as it does delete_persons: service.proto's WARNING says so and its TODO moves these writes to the leader once the leader serves them. Put it beside the person deletes.",
    ],
  });
}

function mock({ d }: GenerateInput, plan: RustPlan, shape: ReturnShape, failing: boolean) {
  const who = failing ? "FailingStorage" : "SuccessStorage";
  return snippet({
    id: failing ? "rust-mock-failing" : "rust-mock-success",
    file: RUST_PATHS.replica.serviceMocks,
    anchor: `inside \`impl storage::${d.domain.rustTrait} for ${who}\``,
    code: code`
      ${storageSignature(plan, shape, " {", viaStorage, true)}
          ${failing ? "Err(self.error.clone())" : `Ok(${emptyValue(shape.type, viaStorage)})`}
      }
    `,
    notes: [
      failing
        ? "Every storage mock must implement the new method or the crate's tests do not compile."
        : "Older checkouts also have ConsistencyTrackingStorage: give it the same method.",
    ],
  });
}

const SAFETY: Readonly<Record<string, string>> = {
  "read-only": "it only reads",
  "re-appliable-merge": "it re-applies the same merge",
  "tombstone-delete": "it deletes by tombstone",
  "max-merge-floor": "it only raises a floor (max merge)",
};

function leaderHandler({ design, d }: GenerateInput) {
  const keyed = carriesPersonKey(design.request);
  const safety = design.leaderSafety;
  const why =
    safety.kind === "convergent"
      ? (SAFETY[safety.shape] ?? safety.shape)
      : safety.kind === "idempotency-key"
        ? `it dedupes on ${safety.field}`
        : "answer the at-least-once rule first";
  // The leader writes its own state (the partition cache): the stub's message says what goes there.
  const unimplemented = rustString(
    `${d.snake} is a stub: write the change through the partition's person cache and emit its record here, as update_person_properties does`,
  );
  return snippet({
    id: "rust-leader-handler",
    file: RUST_PATHS.leader.service,
    anchor: "inside `impl PersonHogLeader for PersonHogLeaderService`",
    code: code`
      ${requestSignature(d)}
          let partition = partition_from_metadata(&request)?;
          let ${keyed ? "req" : "_req"} = request.into_inner();
          ${keyed && "self.validate_partition(partition, req.team_id, req.person_id)?;"}
          self.check_authority(partition)?;

          ${rustComment(`Redelivery must converge: ${why}.`)}
          ${unbreakableArg("", ["Err", "Status::unimplemented"], unimplemented, "")}
      }
    `,
    notes: [
      !keyed &&
        "The router routes by person: the request needs team_id and person_id (and clients send them as x-team-id/x-person-id headers).",
      "The leader writes through its partition cache and emits documents; it does not run the design's SQL, which shows the intended effect.",
      "The router replays fence- and transport-bounced requests, so this handler may see the same request twice: the write must converge or dedupe on an idempotency key (the at-least-once rule). The router finds the partition from the x-team-id and x-person-id headers every client must send.",
      "The replica does not serve this RPC (replica.proto has no line for it), so there is no replica storage, handler or mock.",
      "Path inferred from the leader crate's layout: check it in your checkout.",
    ],
  });
}

export const rustServiceSnippets: Generator = (input) => {
  const plan = rustPlan(input);
  if (plan.leaderOnly) return [leaderHandler(input)];
  const shape = returnShape(input.design, input.d.rpc);
  return [
    handler(input, plan, shape),
    serviceTests(input, plan),
    // Both eras' replicas have the storage mocks: a new trait method does not compile without them.
    mock(input, plan, shape, true),
    mock(input, plan, shape, false),
  ];
};
