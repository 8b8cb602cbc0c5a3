/**
 * Step 3a: the storage trait method, its postgres implementation (empty-batch early return,
 * query timing, the route's pool, `acquire_timed`, a checked `sqlx` macro with the design's SQL,
 * rows metric) and the storage tests. Person writes in the current code live in the leader crate,
 * so the current target gets no replica storage for them (rust-service.ts says where they go).
 */
import type { GenerateInput, Generator } from "./context";
import { dedent, fnSig, MAX_WIDTH, pad, pair } from "./rust-format";
import { poolLines, queryLines } from "./rust-query";
import { returnShape, type ReturnShape } from "./rust-response";
import { storageTests } from "./rust-storage-tests";
import { rustDocComment, rustIdent, rustString } from "./escape/rust";
import {
  bare,
  emptyValue,
  fieldType,
  owned,
  rustPlan,
  type Qualify,
  type RustPlan,
} from "./rust-types";
import type { Snippet } from "./snippet";
import { RUST_CRATES } from "../catalogue/paths";

const REPLICA = RUST_CRATES.replica;

/** `async fn m(&self, …) -> StorageResult<T>` at `col`, as a declaration or a definition. */
export function storageSignature(
  plan: RustPlan,
  shape: ReturnShape,
  col: number,
  end: " {" | ";",
  q: Qualify = bare,
  unused = false,
): string[] {
  const params = plan.params.map(
    (p) => `${unused ? `_${p.name.replace(/^r#/, "")}` : p.name}: ${p.type(q)}`,
  );
  const ret = `${q("StorageResult")}<${owned(shape.type, q)}>`;
  // clippy's too_many_arguments counts `self` and fires above seven.
  const attr = params.length + 1 > 7 ? [`${pad(col)}#[allow(clippy::too_many_arguments)]`] : [];
  return [...attr, ...fnSig(col, `async fn ${plan.method}`, ["&self", ...params], ret, end)];
}

/** `if a.is_empty() || b.is_empty() {`, one condition per line when it is too long. */
function emptyCheck(plan: RustPlan, col: number): string[] {
  const conds = plan.repeated.map((f) => `${rustIdent(f.name)}.is_empty()`);
  const one = `${pad(col)}if ${conds.join(" || ")}`;
  if (one.length + 2 <= MAX_WIDTH) return [`${one} {`];
  // Too long with the brace: the brace moves down first, then the condition breaks.
  if (one.length <= MAX_WIDTH) return [one, `${pad(col)}{`];
  return [
    `${pad(col)}if ${conds[0]}`,
    ...conds.slice(1).map((c) => `${pad(col + 4)}|| ${c}`),
    `${pad(col)}{`,
  ];
}

function postgresImpl(input: GenerateInput, plan: RustPlan, shape: ReturnShape): Snippet {
  const col = 4;
  const body = col + 4;
  const { label, pool } = poolLines(plan);
  const early = plan.repeated.length
    ? [
        ...emptyCheck(plan, body),
        `${pad(body + 4)}return Ok(${emptyValue(shape.type)});`,
        `${pad(body)}}`,
        "",
      ]
    : [];
  const query = queryLines(input, plan, shape, body);
  const lines = [
    ...storageSignature(plan, shape, col, " {"),
    ...early,
    `${pad(body)}let client = current_client_name();`,
    `${pad(body)}let method = current_method_name();`,
    `${pad(body)}let pool_label = ${label};`,
    `${pad(body)}let labels = [`,
    ...pair(body + 4, '"operation".to_string()', `${rustString(plan.method)}.to_string()`),
    `${pad(body + 4)}("pool".to_string(), pool_label.to_string()),`,
    `${pad(body + 4)}("client".to_string(), client.to_string()),`,
    `${pad(body + 4)}("method".to_string(), method.to_string()),`,
    `${pad(body)}];`,
    `${pad(body)}let _timer = common_metrics::timing_guard(DB_QUERY_DURATION, &labels);`,
    "",
    `${pad(body)}let pool = ${pool};`,
    `${pad(body)}let mut conn = PostgresStorage::acquire_timed(pool, pool_label).await?;`,
    "",
    ...query.lines,
    `${pad(col)}}`,
  ];
  const { design } = input;
  const notes = [
    `Pool: ${poolReason(plan)}`,
    "Binds follow the request's field order ($1 = first field): check each one against the SQL; sqlx checks their types at compile time.",
    ...query.notes,
    `A new query! needs its offline metadata: run \`cargo sqlx prepare\` in ${REPLICA} and commit the .sqlx file.`,
    "Older checkouts label without `method` (no current_method_name): match the labels of the methods around it.",
  ];
  const rowType = shape.type.k === "vec" || shape.type.k === "option" ? shape.type.of : shape.type;
  if (rowType.k === "named")
    notes.push(
      `query_as!(${rowType.name}, …) maps columns to fields by name: the SELECT must return every field of ${rowType.name}, aliased and typed as the struct (copy the SELECT list of a method returning it).`,
    );
  if (plan.write && plan.repeated.length)
    notes.push(
      "Large batch work in current code uses bulk_primary_pool with chunking; see delete_groups_batch_for_team.",
    );
  if (design.sql.trim() === "") notes.push("The design has no SQL yet: the query is empty.");
  return {
    id: "rust-storage-postgres",
    step: "rust",
    file: `${REPLICA}/src/storage/postgres/${input.d.domain.rustModule}.rs`,
    language: "rust",
    anchor: `inside \`impl ${input.d.domain.rustTrait} for PostgresStorage\``,
    code: dedent(lines, col),
    notes,
  };
}

function poolReason(plan: RustPlan): string {
  if (plan.pool === "primary_pool") return "writes always use the primary pool.";
  if (plan.pool === "replica_pool")
    return "person reads on the replica are eventual (the router sends STRONG person reads to the leader), so they use the replica pool.";
  return "non-person reads take the caller's consistency: STRONG reads the primary, EVENTUAL the replica.";
}

function traitMethod(input: GenerateInput, plan: RustPlan, shape: ReturnShape): Snippet {
  const { design, d } = input;
  const verb = plan.write ? "writes" : "reads";
  const doc = [
    rustDocComment(`Backs ${d.rpc}: ${verb} ${design.tables.join(", ") || "personhog data"}.`),
  ];
  if (plan.repeated.length)
    doc.push(
      rustDocComment(
        `An empty ${plan.repeated.map((f) => `\`${f.name}\``).join(" or ")} returns at once.`,
      ),
    );
  const lines = [...doc.map((l) => `${pad(4)}${l}`), ...storageSignature(plan, shape, 4, ";")];
  const notes = [
    "Named types come from crate::storage::types; ConsistencyLevel is crate::storage::postgres::ConsistencyLevel, not the proto enum.",
  ];
  if (plan.categoryAssumed)
    notes.unshift(
      "The tables do not decide the data category; this code assumes PersonData until you choose.",
    );
  return {
    id: "rust-storage-trait",
    step: "rust",
    file: `${REPLICA}/src/storage/traits/${d.domain.rustModule}.rs`,
    language: "rust",
    anchor: `inside \`pub trait ${d.domain.rustTrait}\``,
    code: dedent(lines, 4),
    notes,
  };
}

function resultStruct(input: GenerateInput, shape: ReturnShape): Snippet[] {
  if (!shape.struct) return [];
  const { name, fields } = shape.struct;
  const lines = [
    rustDocComment(
      `What ${input.d.snake} returns: one value per field of ${input.d.responseMessage}.`,
    ),
    "#[derive(Debug, Clone, Default, PartialEq)]",
    `pub struct ${name} {`,
    ...fields.map((f) => `    pub ${rustIdent(f.name)}: ${owned(fieldType(f))},`),
    "}",
  ];
  return [
    {
      id: "rust-storage-type",
      step: "rust",
      file: `${REPLICA}/src/storage/types/${input.d.domain.rustModule}.rs`,
      language: "rust",
      anchor: "append; then re-export it from src/storage/mod.rs (`pub use types::{…}`)",
      code: lines.join("\n"),
      notes: ["query_as! fills it by column name: alias the SELECT columns to these field names."],
    },
  ];
}

export const rustStorageSnippets: Generator = (input) => {
  const plan = rustPlan(input);
  if (plan.leaderOnly) return [];
  const shape = returnShape(input.design, input.d.rpc);
  return [
    traitMethod(input, plan, shape),
    ...resultStruct(input, shape),
    postgresImpl(input, plan, shape),
    ...storageTests(input, plan, shape),
  ];
};
