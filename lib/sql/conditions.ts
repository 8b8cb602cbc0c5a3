/**
 * Reads the conditions PostgreSQL prints in EXPLAIN (Index Cond, Filter, Join Filter, …) into
 * atoms the index reasoning can use. PostgreSQL deparses expressions in a regular way (operators
 * spaced, sub-expressions parenthesised, casts as `::type`), so a small scanner is enough; anything
 * it does not recognise becomes an `other` atom whose columns count as filtered, never as indexed.
 */

export interface ColumnRef {
  /** Table alias when the plan qualifies the column; null when it is the node's own relation. */
  readonly alias: string | null;
  readonly column: string;
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
  /** The column the atom constrains (for every shape but `other`). */
  readonly column?: ColumnRef;
  /** For `eq-column`: the column on the other side. */
  readonly other?: ColumnRef;
  /** For `eq-value`: the literal as printed, when it is one (`false`, `'x'::text`, `$1`). */
  readonly value?: string;
  /** Every column the atom mentions. */
  readonly refs: readonly ColumnRef[];
}

const IDENT = "[a-z_][a-z0-9_]*";
const COLUMN_OPERAND = new RegExp(
  `^\\(?(?:(${IDENT})\\.)?(${IDENT})\\)?(?:::[a-z_ ]+(?:\\(\\d+\\))?(?:\\[\\])?)*$`,
  "i",
);
const LITERAL_WORDS = new Set(["true", "false", "null", "not", "and", "or", "any", "row", "array"]);
const COMPARISONS = [
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

/**
 * The offsets of `s` that stand at top level: outside quotes and parentheses. `visit` sees each
 * with the depth after that character; returning true stops the scan.
 */
function scanTopLevel(s: string, visit: (i: number, depth: number) => boolean | void): void {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")") depth--;
    if (!quoted && visit(i, depth)) return;
  }
}

function splitTopLevel(s: string, separator: string): string[] {
  const cuts: number[] = [];
  scanTopLevel(s, (i, depth) => {
    const last = cuts[cuts.length - 1] ?? -separator.length;
    if (depth === 0 && i >= last + separator.length && s.startsWith(separator, i)) cuts.push(i);
  });
  const parts: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    parts.push(s.slice(start, cut));
    start = cut + separator.length;
  }
  parts.push(s.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** For each `(` outside quotes, the index of its `)` (or -1): one scan, however deep the nesting. */
function closingParens(s: string): Int32Array {
  const closes = new Int32Array(s.length).fill(-1);
  const open: number[] = [];
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === "(") open.push(i);
    else if (!quoted && ch === ")") {
      const from = open.pop();
      if (from !== undefined) closes[from] = i;
    }
  }
  return closes;
}

const isBlank = (ch: string | undefined) => ch !== undefined && ch.trim() === "";

/** Removes parentheses that wrap the whole expression, however many, in linear time. */
export function stripOuterParens(s: string): string {
  const text = s.trim();
  const closes = closingParens(text);
  let start = 0;
  let end = text.length - 1;
  while (start < end && text[start] === "(" && closes[start] === end) {
    start++;
    end--;
    while (start <= end && isBlank(text[start])) start++;
    while (end >= start && isBlank(text[end])) end--;
  }
  return text.slice(start, end + 1);
}

/** Top-level AND terms of a condition, flattened. */
export function conjuncts(condition: string): string[] {
  const parts = splitTopLevel(stripOuterParens(condition), " AND ");
  if (parts.length === 1) return [stripOuterParens(parts[0] ?? "")];
  return parts.flatMap(conjuncts);
}

function columnOperand(operand: string): ColumnRef | undefined {
  const match = COLUMN_OPERAND.exec(operand.trim());
  if (!match || LITERAL_WORDS.has((match[2] ?? "").toLowerCase())) return undefined;
  return { alias: match[1] ?? null, column: match[2] ?? "" };
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

function compareAtom(text: string, left: string, op: string, right: string): Atom {
  const refs = columnRefs(text);
  const rowMatch = /^ROW\((.*)\)$/i.exec(left.trim());
  if (rowMatch && RANGE_OPS.has(op)) {
    const first = columnOperand(splitTopLevel(rowMatch[1] ?? "", ",")[0] ?? "");
    return first ? { text, shape: "range", column: first, refs } : { text, shape: "other", refs };
  }
  let column = columnOperand(left);
  let otherSide = right;
  if (!column) {
    column = columnOperand(right);
    otherSide = left;
  }
  if (!column) return { text, shape: "other", refs };
  const other = columnOperand(otherSide);
  if (op === "=") {
    if (other) return { text, shape: "eq-column", column, other, refs };
    if (/^ANY\s*\(/i.test(otherSide.trim())) return { text, shape: "eq-any", column, refs };
    return { text, shape: "eq-value", column, value: otherSide.trim(), refs };
  }
  if (RANGE_OPS.has(op) && !other) return { text, shape: "range", column, refs };
  return { text, shape: "other", refs };
}

/** One conjunct → one atom. */
export function parseAtom(conjunct: string): Atom {
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
