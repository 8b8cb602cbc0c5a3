/**
 * Reads the conditions PostgreSQL prints in EXPLAIN (Index Cond, Filter, Join Filter, …) into
 * atoms the index reasoning can use. PostgreSQL deparses expressions in a regular way (operators
 * spaced, sub-expressions parenthesised, casts as `::type`), so a small scanner is enough; anything
 * it does not recognise becomes an `other` atom whose columns count as filtered, never as indexed.
 * A comparison of an expression over one column with a value (`properties ->> 'email' = $2`) keeps
 * the expression, so expression indexes can match it and messages can name it.
 */
import { expressionRef, normalizeExpression, type ExprRef } from "./expressions";
import { scanTopLevel, splitTopLevel, stripOuterParens } from "./printed";

export { stripOuterParens } from "./printed";

export interface ColumnRef {
  /** Table alias when the plan qualifies the column; null when it is the node's own relation. */
  readonly alias: string | null;
  readonly column: string;
  /** Casts printed on the column (`::text`), which may hide it from its indexes (casts.ts). */
  readonly cast?: string;
}

export type AtomShape =
  | "eq-value" // col = constant or parameter (or a boolean test)
  | "eq-any" // col = ANY (array)
  | "eq-column" // col = other_alias.col (a join key)
  | "range" // col < > <= >= value, or a row comparison led by col
  | "is-null"
  | "not-null"
  | "other";

export interface Atom {
  readonly text: string;
  readonly shape: AtomShape;
  /** The column the atom constrains (for every shape but `other`, unless `expr` is set). */
  readonly column?: ColumnRef;
  /** Instead of `column`: the expression over one column the atom constrains or filters. */
  readonly expr?: ExprRef;
  /** For `eq-column`: the column on the other side. */
  readonly other?: ColumnRef;
  /** For `eq-column`: the expression on the other side, when it is one rather than a column. */
  readonly otherExpr?: ExprRef;
  /** For `eq-value` and `range`: the value as printed (`false`, `'x'::text`, `$1`). */
  readonly value?: string;
  /** For `other`: a LIKE or regular-expression match on `column`. */
  readonly pattern?: boolean;
  /** For `range`: which end it bounds the column from (`id > $2` is a lower bound). */
  readonly bound?: "lower" | "upper";
  /** For `eq-any`: the array as printed (`$2`, `'{1,2}'::bigint[]`, `ARRAY[$2, $3]`). */
  readonly list?: string;
  /** Every column the atom mentions. */
  readonly refs: readonly ColumnRef[];
  /** For an OR (`other`): each branch's AND-ed atoms, which a BitmapOr may look up one by one. */
  readonly arms?: readonly (readonly Atom[])[];
}

const IDENT = "[a-z_][a-z0-9_]*";
const COLUMN_OPERAND = new RegExp(
  `^\\(?(?:(${IDENT})\\.)?(${IDENT})\\)?((?:::[a-z_ ]+(?:\\(\\d+\\))?(?:\\[\\])?)*)$`,
  "i",
);
const LITERAL_WORDS = new Set(["true", "false", "null", "not", "and", "or", "any", "row", "array"]);
/** jsonb operators that filter a document: no btree index serves them. */
const JSON_OPS = ["@>", "<@", "?|", "?&", "?", "@?", "@@"];
const COMPARISONS = [
  ...JSON_OPS,
  "<>",
  "<=",
  ">=",
  "=",
  "<",
  ">",
  "!~~*",
  "~~*",
  "!~~",
  "~~",
  "!~*",
  "~*",
  "!~",
  "~",
];
const RANGE_OPS = new Set(["<", "<=", ">", ">="]);

/** The end a range comparison bounds its column from, the column on the left or not. */
const boundOf = (op: string, columnOnLeft: boolean) =>
  op.startsWith(">") === columnOnLeft ? ("lower" as const) : ("upper" as const);
/** LIKE, ILIKE and regular expressions, as PostgreSQL prints them. */
const PATTERN_OPS = new Set(["!~~*", "~~*", "!~~", "~~", "!~*", "~*", "!~", "~"]);

/** Top-level AND terms of a condition, flattened. */
export function conjuncts(condition: string): string[] {
  const parts = splitTopLevel(stripOuterParens(condition), " AND ");
  if (parts.length === 1) return [stripOuterParens(parts[0] ?? "")];
  return parts.flatMap(conjuncts);
}

function columnOperand(operand: string): ColumnRef | undefined {
  const match = COLUMN_OPERAND.exec(operand.trim());
  if (!match || LITERAL_WORDS.has((match[2] ?? "").toLowerCase())) return undefined;
  const column = { alias: match[1] ?? null, column: match[2] ?? "" };
  return match[3] ? { ...column, cast: match[3] } : column;
}

/** Every column reference in an expression: qualified ones, and bare identifiers that are not keywords, functions or types. */
const COLUMN_REF = new RegExp(`(?<![:$\\w.])(?:(${IDENT})\\.)?(${IDENT})\\b(?!\\s*\\()`, "gi");

export function columnRefs(text: string): ColumnRef[] {
  const withoutStrings = text.replace(/'(?:[^']|'')*'/g, "''");
  const refs: ColumnRef[] = [];
  for (const m of withoutStrings.matchAll(COLUMN_REF)) {
    const column = m[2] ?? "";
    if (LITERAL_WORDS.has(column.toLowerCase())) continue;
    refs.push({ alias: m[1] ?? null, column });
  }
  return refs;
}

function findOperator(expr: string): { left: string; op: string; right: string } | undefined {
  let found: { left: string; op: string; right: string } | undefined;
  scanTopLevel(expr, (i, depth) => {
    if (depth !== 0 || expr[i] !== " ") return false;
    const op = COMPARISONS.find((candidate) => expr.startsWith(` ${candidate} `, i));
    if (op) found = { left: expr.slice(0, i), op, right: expr.slice(i + op.length + 2) };
    return Boolean(found);
  });
  return found;
}

/** The one column an operand reads, when it reads exactly one. */
function soleColumn(operand: string): ColumnRef | undefined {
  const refs = columnRefs(operand);
  const first = refs[0];
  const same = (r: ColumnRef) => r.alias === first?.alias && r.column === first?.column;
  return first && refs.every(same) ? first : undefined;
}

/** An expression over one column compared with a value: what it constrains, and how. */
function expressionAtom(text: string, left: string, op: string, right: string): Atom | undefined {
  const refs = columnRefs(text);
  const leftColumn = soleColumn(left);
  const rightColumn = soleColumn(right);
  const onLeft = leftColumn && columnRefs(right).length === 0;
  const column = onLeft ? leftColumn : columnRefs(left).length === 0 ? rightColumn : undefined;
  if (!column) return undefined;
  const operand = onLeft ? left : right;
  const value = (onLeft ? right : left).trim();
  if (JSON_OPS.includes(op)) {
    // The document filter as a whole (`properties @> $2`): nothing to match, but a name for it.
    const whole = `(${normalizeExpression(operand)} ${op} ${normalizeExpression(value)})`;
    return { text, shape: "other", expr: { ...column, key: whole }, refs };
  }
  const expr = expressionRef(operand, column);
  if (op === "=" && /^ANY\s*\(/i.test(value))
    return { text, shape: "eq-any", expr, list: value, refs };
  if (op === "=") return { text, shape: "eq-value", expr, value, refs };
  if (RANGE_OPS.has(op)) {
    return { text, shape: "range", expr, bound: boundOf(op, Boolean(onLeft)), refs };
  }
  return { text, shape: "other", expr, refs };
}

/**
 * A join key where one side or both are expressions over one column of different relations
 * (`(p2.properties ->> 'email') = (p1.properties ->> 'email')`): an expression index on the probed
 * side could serve it.
 */
function expressionJoin(text: string, left: string, op: string, right: string): Atom | undefined {
  const own = soleColumn(left);
  const other = soleColumn(right);
  if (op !== "=" || !own || !other || own.alias === other.alias) return undefined;
  const ownPlain = columnOperand(left);
  const otherPlain = columnOperand(right);
  if (ownPlain && otherPlain) return undefined;
  return {
    text,
    shape: "eq-column",
    ...(ownPlain ? { column: ownPlain } : { expr: expressionRef(left, own) }),
    other: otherPlain ?? other,
    ...(otherPlain ? {} : { otherExpr: expressionRef(right, other) }),
    refs: columnRefs(text),
  };
}

function compareAtom(text: string, left: string, op: string, right: string): Atom {
  const refs = columnRefs(text);
  const rowMatch = /^ROW\((.*)\)$/i.exec(left.trim());
  if (rowMatch && RANGE_OPS.has(op)) {
    const first = columnOperand(splitTopLevel(rowMatch[1] ?? "", ",")[0] ?? "");
    return first
      ? { text, shape: "range", column: first, bound: boundOf(op, true), refs }
      : { text, shape: "other", refs };
  }
  const joined = expressionJoin(text, left, op, right);
  if (joined) return joined;
  let column = columnOperand(left);
  let otherSide = right;
  const onLeft = Boolean(column);
  if (!column) {
    column = columnOperand(right);
    otherSide = left;
  }
  if (!column || JSON_OPS.includes(op)) {
    return expressionAtom(text, left, op, right) ?? { text, shape: "other", refs };
  }
  const other = columnOperand(otherSide);
  if (op === "=") {
    if (other) return { text, shape: "eq-column", column, other, refs };
    const list = otherSide.trim();
    if (/^ANY\s*\(/i.test(list)) return { text, shape: "eq-any", column, list, refs };
    return { text, shape: "eq-value", column, value: otherSide.trim(), refs };
  }
  if (RANGE_OPS.has(op) && !other) {
    const bound = boundOf(op, onLeft);
    return { text, shape: "range", column, value: otherSide.trim(), bound, refs };
  }
  if (PATTERN_OPS.has(op)) return { text, shape: "other", column, pattern: true, refs };
  return { text, shape: "other", refs };
}

/** One conjunct → one atom. */
export function parseAtom(conjunct: string): Atom {
  return parseOne(conjunct, true);
}

function parseOne(conjunct: string, withArms: boolean): Atom {
  const text = stripOuterParens(conjunct);
  const refs = columnRefs(text);
  const nullTest = /^(.*) IS (NOT )?NULL$/i.exec(text);
  if (nullTest) {
    const column = columnOperand(nullTest[1] ?? "");
    if (column) return { text, shape: nullTest[2] ? "not-null" : "is-null", column, refs };
    return { text, shape: "other", refs };
  }
  const negated = /^NOT (.*)$/i.exec(text);
  if (negated) {
    const column = columnOperand(negated[1] ?? "");
    return column
      ? { text, shape: "eq-value", column, value: "false", refs }
      : { text, shape: "other", refs };
  }
  const branches = splitTopLevel(text, " OR ");
  if (branches.length > 1) {
    // One level of branches: an OR nested in a branch stays one `other` atom (bounded work).
    const arms = branches.map((b) => conjuncts(b).map((c) => parseOne(c, false)));
    return { text, shape: "other", refs, ...(withArms ? { arms } : {}) };
  }
  const bare = columnOperand(text);
  if (bare) return { text, shape: "eq-value", column: bare, value: "true", refs };
  const parts = findOperator(text);
  return parts
    ? compareAtom(text, parts.left, parts.op, parts.right)
    : { text, shape: "other", refs };
}

export function parseCondition(condition: string | undefined): Atom[] {
  return condition ? conjuncts(condition).map(parseAtom) : [];
}
