/**
 * Step 3a: the storage trait method, its postgres implementation and the storage tests. A person
 * write the leader serves gets none: it lives in the leader crate (rust-service.ts). One the
 * replica serves (the current target's default, as DeletePersons is) is a write like any other.
 */
import { code, type Block } from "./code";
import type { GenerateInput, Generator } from "./context";
import { call, ifAny, signature } from "./rust-layout";
import { queryBody } from "./rust-query";
import { returnShape, type ReturnShape } from "./rust-response";
import { storageTests } from "./rust-storage-tests";
import { rustIdent, rustString } from "../escape/rust";
import { bare, emptyValue, fieldType, owned, rustPlan } from "./rust-types";
import type { Qualify, RustPlan } from "./rust-types";
import type { Snippet } from "./snippet";
import { snippet } from "./snippet-builder";
import { DOMAIN_FACTS } from "../catalogue/domains";
import { RUST_CRATES, RUST_PATHS } from "../catalogue/paths";

/** `async fn m(&self, …) -> StorageResult<T>`, as a declaration or a definition. */
export function storageSignature(
  plan: RustPlan,
  shape: ReturnShape,
  end: " {" | ";",
  q: Qualify = bare,
  unused = false,
): Block {
  const params = plan.params.map(
    (p) => `${unused ? `_${p.name.replace(/^r#/, "")}` : p.name}: ${p.type(q)}`,
  );
  const ret = `${q("StorageResult")}<${owned(shape.type, q)}>`;
  // clippy's too_many_arguments counts `self` and fires above seven.
  return code`
    ${params.length + 1 > 7 && "#[allow(clippy::too_many_arguments)]"}
    ${signature(`async fn ${plan.method}`, ["&self", ...params], ret, end)}
  `;
}

function postgresImpl(input: GenerateInput, plan: RustPlan, shape: ReturnShape): Snippet {
  // A fixed pool is the field named for it, labelled without `_pool`.
  const [label, pool] =
    plan.pool === "pool_for_consistency"
      ? ["PostgresStorage::pool_label(consistency)", "self.pool_for_consistency(consistency)"]
      : [`"${plan.pool.replace(/_pool$/, "")}"`, `&self.${plan.pool}`];
  const nothingToDo = [
    ...plan.repeated.map((f) => `${rustIdent(f.name)}.is_empty()`),
    ...(plan.batchSize ? [`${rustIdent(plan.batchSize.name)} <= 0`] : []),
  ];
  const early =
    nothingToDo.length > 0 &&
    code`
      ${ifAny(nothingToDo)}
          return Ok(${emptyValue(shape.type)});
      }

    `;
  const query = queryBody(input, plan, shape);
  return snippet({
    id: "rust-storage-postgres",
    file: RUST_PATHS.replica.storage(input.d.domain.rustModule),
    anchor: `inside \`impl ${input.d.domain.rustTrait} for PostgresStorage\``,
    code: code`
      ${storageSignature(plan, shape, " {")}
          ${early}
          let client = current_client_name();
          let method = current_method_name();
          let pool_label = ${label};
          let labels = [
              ${call("(", ['"operation".to_string()', `${rustString(plan.method)}.to_string()`], "),")}
              ("pool".to_string(), pool_label.to_string()),
              ("client".to_string(), client.to_string()),
              ("method".to_string(), method.to_string()),
          ];
          let _timer = common_metrics::timing_guard(DB_QUERY_DURATION, &labels);

          let pool = ${pool};
          let mut conn = PostgresStorage::acquire_timed(pool, pool_label).await?;

          ${query.code}
      }
    `,
    notes: [
      `Pool: ${poolReason(plan)}`,
      "Binds follow the request's field order ($1 = first field): check each one against the SQL; sqlx checks their types at compile time.",
      ...query.notes,
      `A new query! needs its offline metadata: run \`cargo sqlx prepare\` in ${RUST_CRATES.replica} and commit the .sqlx file.`,
      "Older checkouts label without `method` (no current_method_name): match the labels of the methods around it.",
      query.unfitted &&
        `query_as!(${query.unfitted}, …) maps columns to fields by name: the SELECT must return every field of ${query.unfitted}, aliased and typed as the struct (copy the SELECT list of a method returning it).`,
      plan.write &&
        plan.repeated.length > 0 &&
        !plan.batchSize &&
        "Large batch work in current code uses bulk_primary_pool with chunking; see delete_groups_batch_for_team.",
      input.design.sql.trim() === "" && "The design has no SQL yet: the query is empty.",
    ],
  });
}

function poolReason(plan: RustPlan): string {
  const personWrite =
    plan.write && plan.category === "PersonData"
      ? " The replica serves this person write as a temporary measure, as it does delete_persons (TODO: move it to the leader once the leader serves it)."
      : "";
  if (plan.pool === "primary_pool") return `writes always use the primary pool.${personWrite}`;
  if (plan.pool === "bulk_primary_pool")
    return `a batch delete (its batch_size) runs on the bulk primary pool, as delete_groups_batch_for_team and delete_hash_key_overrides_by_teams do.${personWrite}`;
  if (plan.pool === "replica_pool")
    return "person reads on the replica are eventual (the router sends STRONG person reads to the leader), so they use the replica pool.";
  const who = plan.category === "PersonData" ? "distinct-id reads" : "non-person reads";
  return `${who} take the caller's consistency: STRONG reads the primary, EVENTUAL the replica.`;
}

function traitMethod(input: GenerateInput, plan: RustPlan, shape: ReturnShape): Snippet {
  const { d } = input;
  return snippet({
    id: "rust-storage-trait",
    file: RUST_PATHS.replica.storageTrait(d.domain.rustModule),
    anchor: `inside \`pub trait ${d.domain.rustTrait}\``,
    code: storageSignature(plan, shape, ";"),
    notes: [
      plan.categoryAssumed &&
        "The tables do not decide the data category; this code assumes PersonData until you choose.",
      "Named types come from crate::storage::types; ConsistencyLevel is crate::storage::postgres::ConsistencyLevel, not the proto enum.",
      plan.params.some((p) => p.uuid) &&
        "A string compared with a uuid column arrives parsed, as uuid::Uuid (sqlx binds no text as a uuid): the person files import Uuid already; elsewhere add `use uuid::Uuid;`.",
    ],
  });
}

function resultStruct(input: GenerateInput, struct: NonNullable<ReturnShape["struct"]>): Snippet {
  return snippet({
    id: "rust-storage-type",
    // Result types live per proto domain (DistinctIdWithVersion is in types/person.rs).
    file: RUST_PATHS.replica.storageTypes(DOMAIN_FACTS[input.design.domain].rustModule),
    anchor: "append; then re-export it from src/storage/mod.rs (`pub use types::{…}`)",
    code: code`
      #[derive(Debug, Clone, Default, PartialEq)]
      pub struct ${struct.name} {
          ${struct.fields.map((f) => `pub ${rustIdent(f.name)}: ${owned(fieldType(f))},`)}
      }
    `,
    notes: ["query_as! fills it by column name: alias the SELECT columns to these field names."],
  });
}

export const rustStorageSnippets: Generator = (input) => {
  const plan = rustPlan(input);
  if (plan.leaderOnly) return [];
  const shape = returnShape(input.design, input.d.rpc);
  return [
    traitMethod(input, plan, shape),
    ...(shape.struct ? [resultStruct(input, shape.struct)] : []),
    postgresImpl(input, plan, shape),
    ...storageTests(input, plan, shape),
  ];
};
