/**
 * Expressions over one column (`properties ->> 'email'`, `lower(email)`) as the index reasoning
 * sees them: a key to match expression indexes on, a label that reads the way people write it, and
 * for a JSON key chain its parts, the only expression the lab builds a proposed index from.
 */
import { matchingParens, scanTopLevel, stripOuterParens } from "./printed";

export interface JsonPath {
  readonly column: string;
  readonly steps: readonly { readonly op: "->" | "->>"; readonly key: string }[];
}

export interface ExprRef {
  /** Table alias when the plan qualifies the column; null when it is the node's own relation. */
  readonly alias: string | null;
  /** The one column the expression reads. */
  readonly column: string;
  /** What index columns are matched against: the expression, normalized, in parentheses. */
  readonly key: string;
  /** A JSON key chain with literal keys: an expression index can be proposed for it. */
  readonly json?: JsonPath;
  /** A cast that hides the column from its indexes (`::text` on a uuid), as casts.ts decides. */
  readonly cast?: string;
}

/** Longest JSON key the lab puts into a proposed index. */
const MAX_KEY_LENGTH = 200;
const QUALIFIED_COLUMN = /^(?:([a-z_][a-z0-9_]*)\.)?([a-z_][a-z0-9_]*)$/i;

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A key that names an expression rather than a column. */
export function isExpressionKey(key: string): boolean {
  return key.startsWith("(");
}

/** The canonical key of a JSON chain; also valid as an index column in DDL. */
export function jsonKey(path: JsonPath): string {
  const steps = path.steps.map((s) => ` ${s.op} ${quoteLiteral(s.key)}`).join("");
  return `(${path.column}${steps})`;
}

/** `'it''s'` or `'it''s'::text` → `it's`; anything else → undefined. */
function literal(text: string): string | undefined {
  const m = /^'((?:[^']|'')*)'(?:::text)?$/.exec(text.trim());
  return m ? (m[1] ?? "").replaceAll("''", "'") : undefined;
}

/** The last top-level ` -> ` / ` ->> ` of a chain (they associate to the left). */
function lastArrow(text: string): { at: number; op: "->" | "->>" } | undefined {
  let found: { at: number; op: "->" | "->>" } | undefined;
  scanTopLevel(text, (i, depth) => {
    if (depth !== 0 || text[i] !== " ") return;
    if (text.startsWith(" ->> ", i)) found = { at: i, op: "->>" };
    else if (text.startsWith(" -> ", i)) found = { at: i, op: "->" };
  });
  return found;
}

/** `((p.properties -> 'a'::text) ->> 'b'::text)` → properties, [-> a, ->> b] (alias aside). */
export function parseJsonChain(text: string): { alias: string | null; path: JsonPath } | undefined {
  const steps: { op: "->" | "->>"; key: string }[] = [];
  let rest = stripOuterParens(text);
  for (let arrow = lastArrow(rest); arrow; arrow = lastArrow(rest)) {
    const key = literal(rest.slice(arrow.at + arrow.op.length + 2));
    if (key === undefined || key.length > MAX_KEY_LENGTH) return undefined;
    steps.unshift({ op: arrow.op, key });
    rest = stripOuterParens(rest.slice(0, arrow.at));
  }
  const column = QUALIFIED_COLUMN.exec(rest);
  if (!column || steps.length === 0) return undefined;
  return { alias: column[1] ?? null, path: { column: column[2] ?? "", steps } };
}

/**
 * Printed text normalized outside quotes: outer parentheses gone, whitespace collapsed, and the
 * `::text` PostgreSQL appends to string literals dropped, so `properties->>'email'` as written and
 * as printed agree.
 */
export function normalizeExpression(text: string): string {
  const s = stripOuterParens(text);
  let out = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? "";
    if (ch === "'") {
      out += ch;
      quoted = !quoted;
      if (!quoted && s[i + 1] !== "'" && /^::text(?![a-z0-9_[])/i.test(s.slice(i + 1, i + 8))) {
        i += 6;
      }
      continue;
    }
    if (!quoted && /\s/.test(ch)) {
      if (!out.endsWith(" ")) out += " ";
      continue;
    }
    out += ch;
  }
  return out.trim();
}

/** The key of an expression: a JSON chain's canonical form, else its normal form. */
export function expressionKey(text: string): string {
  const chain = parseJsonChain(text);
  return chain ? jsonKey(chain.path) : `(${normalizeExpression(text)})`;
}

/** An expression over one column, keyed; a JSON chain on that column keeps its parts. */
export function expressionRef(text: string, column: { alias: string | null; column: string }) {
  const chain = parseJsonChain(text);
  if (chain && chain.path.column === column.column) {
    return { ...column, key: jsonKey(chain.path), json: chain.path } satisfies ExprRef;
  }
  return { ...column, key: `(${normalizeExpression(text)})` } satisfies ExprRef;
}

/** How a key reads to a person: `(properties ->> 'email')` → `properties->>'email'`; columns as they are. */
export function keyLabel(key: string): string {
  if (!isExpressionKey(key)) return key;
  const s = normalizeExpression(key);
  const pairs = matchingParens(s);
  // `lower((x))`: the inner pair that wraps exactly a function's argument adds nothing.
  const drop = new Set<number>();
  for (const [open, close] of pairs) {
    if (s[open + 1] === "(" && pairs.get(open + 1) === close - 1) {
      drop.add(open + 1);
      drop.add(close - 1);
    }
  }
  let out = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? "";
    if (ch === "'") quoted = !quoted;
    if (!quoted && drop.has(i)) continue;
    if (!quoted && ch === " " && (s.startsWith(" ->> ", i) || s.startsWith(" -> ", i))) {
      const op = s.startsWith(" ->> ", i) ? "->>" : "->";
      out += op;
      i += op.length + 1;
      continue;
    }
    out += ch;
  }
  return out;
}
