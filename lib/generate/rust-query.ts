/**
 * The body of the postgres method after the pool is acquired: how the design's SQL runs — the sqlx
 * macro (`query!` for writes counting rows, `query_as!` for rows of a storage type, `query_scalar!`
 * for single values), the fetch, the rows metric and the returned value.
 */
import { code, type Block } from "./code";
import type { GenerateInput } from "./context";
import { rustSql } from "../escape/rust";
import { call } from "./rust-layout";
import { sqlBinds } from "./rust-binds";
import type { ReturnShape } from "./rust-response";
import type { RustPlan } from "./rust-types";
import { fitScalar, fitSelect, type SelectFit } from "../sql/sqlx-select";
import { STORAGE_ROWS, type RowField, type RowValue } from "../catalogue/storage-rows";
import type { Design } from "../design/model";

interface QueryPlan {
  readonly kind: "query" | "query_as" | "query_scalar";
  /** The struct `query_as!` fills. */
  readonly target?: string;
  readonly variable: string;
  readonly fetch: "execute" | "fetch_all" | "fetch_one" | "fetch_optional";
  /** The row count recorded in DB_ROWS_RETURNED, if any. */
  readonly rows?: string;
  readonly ok: string;
}

function queryPlan(sql: string, plan: RustPlan, shape: ReturnShape): QueryPlan {
  const t = shape.type;
  const row = t.k === "vec" || t.k === "option" ? t.of : t;
  const fetch = t.k === "vec" ? "fetch_all" : t.k === "option" ? "fetch_optional" : "fetch_one";
  if (t.k === "vec" || row.k === "named") {
    const variable = t.k === "vec" ? "rows" : "row";
    const rows = t.k === "vec" ? "rows.len() as f64" : undefined;
    if (row.k === "named")
      return { kind: "query_as", target: row.name, variable, fetch, rows, ok: variable };
    return { kind: "query_scalar", variable, fetch, rows, ok: variable };
  }
  if (t.k === "unit") {
    const variable = plan.write ? "result" : "_result";
    return { kind: "query", variable, fetch: "execute", ok: "()" };
  }
  if (plan.write && t.k === "prim" && t.name !== "f64") {
    // Only a write that counts rows records them (delete_groups_batch_for_team); one that says
    // whether it changed anything (delete_group_type_mapping) does not.
    const counts = t.name !== "bool";
    const ok = counts ? `result.rows_affected() as ${t.name}` : "result.rows_affected() > 0";
    const rows = counts ? "result.rows_affected() as f64" : undefined;
    return { kind: "query", variable: "result", fetch: "execute", rows, ok };
  }
  const variable = shape.variable ?? "value";
  // sqlx cannot prove an expression like COUNT(*) non-null, so it yields an Option unless the SQL
  // says `as "count!"`.
  const ok = t.k === "option" || /!"/.test(sql) ? variable : `${variable}.unwrap_or_default()`;
  return { kind: "query_scalar", variable, fetch, ok };
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
  if (shape.struct?.name !== target)
    return Object.hasOwn(STORAGE_ROWS, target) ? STORAGE_ROWS[target]! : null;
  const fields = shape.struct.fields.map((f) => {
    const value = PROTO_ROW_VALUES[f.type];
    return value && !f.repeated ? { name: f.name, value, nullable: f.optional } : null;
  });
  return fields.every((f) => f !== null) ? fields : null;
}

/**
 * The design's SELECT list written for the struct `query_as!` fills (lib/sql/sqlx-select.ts);
 * null when the query is not a `query_as!` into a struct whose fields are known.
 */
export function selectFitOf(design: Design, plan: RustPlan, shape: ReturnShape): SelectFit | null {
  const { target } = queryPlan(design.sql, plan, shape);
  const fields = target && design.sql.trim() && rowFields(target, shape);
  return target && fields ? fitSelect(design.sql, target, fields) : null;
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

/**
 * The array conversions, the sqlx call with the design's SQL, the rows metric and `Ok(…)`;
 * `unfitted` names the struct of a `query_as!` whose SELECT list could not be written for it.
 */
export function queryBody(
  input: GenerateInput,
  plan: RustPlan,
  shape: ReturnShape,
): { code: Block; notes: readonly string[]; unfitted?: string } {
  const fit = selectFitOf(input.design, plan, shape);
  const sql = fit?.sql ?? scalarSql(input.design, plan, shape) ?? input.design.sql;
  const binds = sqlBinds(input.design);
  const q = queryPlan(sql, plan, shape);
  const prelude =
    binds.prelude.length > 0 &&
    code`
      ${binds.prelude}

    `;
  // Macro arguments are comma-separated with no trailing comma; the SQL spans lines.
  const args = [q.target, rustSql(0, sql).join("\n"), ...binds.args].filter((a) => a !== undefined);
  return {
    code: code`
      ${prelude}
      let ${q.variable} = sqlx::${q.kind}!(
          ${args.join(",\n")}
      )
      .${q.fetch}(&mut *conn)
      .await?;
      ${q.rows && call("common_metrics::histogram(", ["DB_ROWS_RETURNED", "&labels", q.rows], ");")}

      Ok(${q.ok})
    `,
    notes: [...binds.notes, ...(fit?.problems ?? []), ...(fit?.notes ?? [])],
    unfitted: fit ? undefined : q.target,
  };
}
