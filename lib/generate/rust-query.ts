/**
 * The body of the postgres method after the timing guard: which pool, and how the design's SQL
 * runs — the sqlx macro (`query!` for writes counting rows, `query_as!` for rows of a storage type,
 * `query_scalar!` for single values), the fetch, the rows metric and the returned value.
 */
import { code, type Block } from "./code";
import type { GenerateInput } from "./context";
import { rustSql } from "../escape/rust";
import { call, chain } from "./rust-layout";
import { sqlBinds } from "./rust-binds";
import type { ReturnShape } from "./rust-response";
import { owned, type RustPlan } from "./rust-types";
import { fitScalar, fitSelect, type SelectFit } from "../sql/sqlx-select";
import { STORAGE_ROWS, type RowField, type RowValue } from "../catalogue/storage-rows";
import type { Design, FieldDesign } from "../design/model";

export function poolLines(plan: RustPlan): { label: string; pool: string } {
  if (plan.pool === "pool_for_consistency")
    return {
      label: "PostgresStorage::pool_label(consistency)",
      pool: "self.pool_for_consistency(consistency)",
    };
  if (plan.pool === "bulk_primary_pool")
    return { label: '"bulk_primary"', pool: "&self.bulk_primary_pool" };
  return plan.pool === "replica_pool"
    ? { label: '"replica"', pool: "&self.replica_pool" }
    : { label: '"primary"', pool: "&self.primary_pool" };
}

/** How the query runs: the sqlx macro, its fetch, and what the method returns from it. */
interface QueryPlan {
  readonly kind: "query" | "query_as" | "query_scalar";
  readonly target: string | null;
  readonly variable: string;
  readonly fetch: "execute" | "fetch_all" | "fetch_one" | "fetch_optional";
  /** The row count recorded in DB_ROWS_RETURNED, if any. */
  readonly rows: string | null;
  readonly ok: string;
}

function queryPlan(sql: string, plan: RustPlan, shape: ReturnShape): QueryPlan {
  const t = shape.type;
  if (plan.write && (t.k === "unit" || (t.k === "prim" && t.name !== "f64"))) {
    const ok =
      t.k === "unit"
        ? "()"
        : t.name === "bool"
          ? "result.rows_affected() > 0"
          : `result.rows_affected() as ${t.name}`;
    // Only a write that counts rows records them (delete_groups_batch_for_team); one that says
    // whether it changed anything (delete_group_type_mapping) does not.
    const rows = t.k === "prim" && t.name !== "bool" ? "result.rows_affected() as f64" : null;
    return { kind: "query", target: null, variable: "result", fetch: "execute", rows, ok };
  }
  if (t.k === "vec") {
    const named = t.of.k === "named";
    return {
      kind: named ? "query_as" : "query_scalar",
      target: named ? owned(t.of) : null,
      variable: "rows",
      fetch: "fetch_all",
      rows: "rows.len() as f64",
      ok: "rows",
    };
  }
  if (t.k === "named" || (t.k === "option" && t.of.k === "named")) {
    const fetch = t.k === "option" ? "fetch_optional" : "fetch_one";
    const target = owned(t.k === "option" ? t.of : t);
    return { kind: "query_as", target, variable: "row", fetch, rows: null, ok: "row" };
  }
  if (t.k === "unit")
    return {
      kind: "query",
      target: null,
      variable: "_result",
      fetch: "execute",
      rows: null,
      ok: "()",
    };
  const variable = shape.variable ?? "value";
  const optional = t.k === "option";
  // sqlx cannot prove an expression like COUNT(*) non-null, so it yields an Option unless the SQL
  // says `as "count!"`.
  const ok = optional || /!"/.test(sql) ? variable : `${variable}.unwrap_or_default()`;
  const fetch = optional ? "fetch_optional" : "fetch_one";
  return { kind: "query_scalar", target: null, variable, fetch, rows: null, ok };
}

const PROTO_ROW_VALUES: Readonly<Record<string, RowValue>> = {
  int64: "i64",
  int32: "i32",
  bool: "bool",
  double: "f64",
  string: "String",
  bytes: "Bytes",
};

/** The fields of the struct `query_as!` fills: a storage row type, or the design's result struct. */
function rowFields(target: string, shape: ReturnShape): readonly RowField[] | null {
  if (shape.struct?.name === target) {
    const fields = shape.struct.fields.map((f: FieldDesign) => {
      const value = PROTO_ROW_VALUES[f.type];
      return value && !f.repeated ? { name: f.name, value, nullable: f.optional } : null;
    });
    return fields.every((f) => f !== null) ? fields : null;
  }
  return Object.hasOwn(STORAGE_ROWS, target) ? STORAGE_ROWS[target]! : null;
}

/**
 * The design's SELECT list written for the struct `query_as!` fills (lib/sql/sqlx-select.ts); null when
 * the query is not a `query_as!` into a struct whose fields are known.
 */
export function selectFitOf(design: Design, plan: RustPlan, shape: ReturnShape): SelectFit | null {
  const q = queryPlan(design.sql, plan, shape);
  const fields = q.kind === "query_as" && q.target ? rowFields(q.target, shape) : null;
  return fields && q.target && design.sql.trim() ? fitSelect(design.sql, q.target, fields) : null;
}

/**
 * The design's SQL with its one value made non-null for a `query_scalar!` that returns a plain
 * value or a list of them (`COUNT(*) as "count!"`); null when nothing needs writing.
 */
function scalarSql(design: Design, plan: RustPlan, shape: ReturnShape): string | null {
  const t = shape.type.k === "vec" ? shape.type.of : shape.type;
  const value = t.k === "prim" ? t.name : t.k === "string" ? "String" : null;
  if (!value || queryPlan(design.sql, plan, shape).kind !== "query_scalar") return null;
  return fitScalar(design.sql, shape.variable ?? "value", value);
}

/** The array conversions, the sqlx call with the design's SQL, the rows metric and `Ok(…)`. */
export function queryBody(
  input: GenerateInput,
  plan: RustPlan,
  shape: ReturnShape,
): { code: Block; notes: readonly string[] } {
  const fit = selectFitOf(input.design, plan, shape);
  const sql = fit?.sql ?? scalarSql(input.design, plan, shape) ?? input.design.sql;
  const binds = sqlBinds(input.design);
  const q = queryPlan(sql, plan, shape);
  const prelude =
    binds.prelude.length > 0 &&
    code`
      ${binds.prelude.map((c) => chain(c.lead, c.root, c.children, ";"))}

    `;
  // Macro arguments are comma-separated with no trailing comma; the SQL spans lines.
  const args = [q.target, rustSql(0, sql).join("\n"), ...binds.args].filter((a) => a !== null);
  const rows =
    q.rows && call("common_metrics::histogram(", ["DB_ROWS_RETURNED", "&labels", q.rows], ");");
  return {
    code: code`
      ${prelude}
      let ${q.variable} = sqlx::${q.kind}!(
          ${args.join(",\n")}
      )
      .${q.fetch}(&mut *conn)
      .await?;
      ${rows}

      Ok(${q.ok})
    `,
    notes: [...binds.notes, ...(fit?.problems ?? []), ...(fit?.notes ?? [])],
  };
}
