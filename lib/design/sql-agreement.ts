/**
 * The design and its SQL must agree, from what the lab learnt when it checked the SQL: the tables
 * the statement touches are the design's tables, and each `$n` takes a request field (the n-th,
 * as the generated Rust binds them) of a type PostgreSQL can take there.
 */
import { pgType, type TypeFamily } from "../sql/pg-types";
import { tokenize, type Token } from "../sql/tokens";
import type { SqlFacts } from "../sql/summary";
import type { Design, FieldDesign } from "./model";
import type { Problem } from "./problem";

export const TABLES_RULE = "design-matches-sql";
export const BINDS_RULE = "sql-binds";
/** The SELECT cannot be written to decode into the struct `query_as!` fills (lib/sql/sqlx-select.ts). */
export const ROW_RULE = "sqlx-row-type";

/** Each proto scalar and the parameter families its Rust value binds to (int64 also as epoch ms). */
const BINDS_TO: Readonly<Record<string, readonly TypeFamily[]>> = {
  int64: ["integer", "timestamp"],
  int32: ["integer"],
  string: ["text"],
  bool: ["bool"],
  double: ["float"],
  bytes: ["bytes"],
};

/** Operators a placeholder is compared with a column by. */
const COMPARISONS = new Set(["=", "<>", "!=", "<", ">", "<=", ">="]);

/** The longest stretch of SQL quoted in a message. */
const MAX_QUOTE = 60;

function tableProblems(design: Design, facts: SqlFacts): Problem[] {
  const touched = new Set(facts.tables);
  const named = new Set(design.tables);
  const problem = (message: string): Problem => ({
    path: "tables",
    severity: "error",
    message,
    rule: TABLES_RULE,
  });
  return [
    ...facts.tables
      .filter((t) => !named.has(t))
      .map((t) =>
        problem(
          `The SQL touches ${t}, which the design does not name: add it to the tables, or change the SQL.`,
        ),
      ),
    ...design.tables
      .filter((t) => !touched.has(t))
      .map((t) =>
        problem(
          `The design names ${t}, but the SQL never touches it: take it out of the tables, or change the SQL.`,
        ),
      ),
  ];
}

/** Where `$n` first appears, as written: `distinct_id = $1`, `= ANY($2)`, `LIMIT $3`, or `$n`. */
function placeholderInContext(sql: string, tokens: readonly Token[], at: number): string {
  const param = tokens[at]!;
  const text = (i: number) => (tokens[i] ? sql.slice(tokens[i].start, tokens[i].end) : "");
  let from = at;
  let end = param.end;
  if (text(from - 1) === "(" && text(from - 2).toUpperCase() === "ANY") {
    from -= 2;
    if (text(at + 1) === ")") end = tokens[at + 1]!.end;
  }
  if (COMPARISONS.has(tokens[from - 1]?.lower ?? "")) {
    from -= 1;
    // The compared column, with its qualifier: `d.distinct_id`.
    if (tokens[from - 1]?.kind === "word" || tokens[from - 1]?.kind === "quoted") from -= 1;
    while (text(from - 1) === "." && tokens[from - 2]) from -= 2;
  } else if (["LIMIT", "OFFSET"].includes(text(from - 1).toUpperCase())) from -= 1;
  return sql.slice(tokens[from]!.start, end).replace(/\s+/gu, " ").replace(/\(\s/gu, "(");
}

/** `$n`, or `$n in \`distinct_id = $n\`` when its first use can be quoted. */
function placeholderWhere(sql: string, n: number): string {
  const { tokens } = tokenize(sql);
  const at = tokens.findIndex((t) => t.kind === "param" && Number(t.lower) === n);
  if (at < 0) return `$${n}`;
  const quoted = placeholderInContext(sql, tokens, at);
  // Quoted in backticks in the message: text that would break out of them is not quoted.
  if (quoted === `$${n}` || quoted.length > MAX_QUOTE || quoted.includes("`")) return `$${n}`;
  return `$${n} in \`${quoted}\``;
}

/** What is wrong with binding `field` to a parameter of type `oid`, or null. */
function bindMismatch(field: FieldDesign, oid: number): string | null {
  const families = BINDS_TO[field.type];
  const bound = `${field.name} (${field.repeated ? "repeated " : ""}${field.type})`;
  if (!families) return `is bound to ${bound}, a message, which no query parameter takes.`;
  const param = pgType(oid);
  // A type the lab does not know makes no claim either way.
  if (!param) return null;
  if (param.array !== field.repeated) {
    return param.array
      ? `takes a list (${param.name}), but is bound to ${bound}: make the field repeated, or compare with one value.`
      : `takes one ${param.name}, but is bound to ${bound}: compare with = ANY(…), or make the field single.`;
  }
  if (families.includes(param.family)) return null;
  return `takes ${param.name}, but is bound to ${bound}: $n takes the n-th request field, so reorder the fields or change the SQL.`;
}

function bindProblems(design: Design, facts: SqlFacts): Problem[] {
  // At most one per request field (a design has at most MAX_FIELDS), each placed in the SQL.
  const problems = facts.params.flatMap((oid, i): Problem[] => {
    const field = design.request[i];
    const mismatch = field && bindMismatch(field, oid);
    if (!mismatch) return [];
    return [
      {
        path: `request.${i}.type`,
        severity: "error",
        message: `${placeholderWhere(design.sql, i + 1)} ${mismatch}`,
        rule: BINDS_RULE,
      },
    ];
  });
  const fields = design.request.length;
  const count = facts.params.length;
  if (count > fields) {
    const range = count === fields + 1 ? `$${count} has` : `$${fields + 1}…$${count} have`;
    problems.push({
      path: "request",
      severity: "error",
      message: `${range} no request field to take: $n takes the n-th request field, and the request has ${fields}. Add one per placeholder.`,
      rule: BINDS_RULE,
    });
  }
  return problems;
}

/** Problems only a check of the SQL can show; pass the facts of a check of `design.sql` as it stands. */
export function sqlAgreementProblems(design: Design, facts: SqlFacts): Problem[] {
  return [...tableProblems(design, facts), ...bindProblems(design, facts)];
}
