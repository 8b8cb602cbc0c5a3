/**
 * Writes a wrapped column back bare where the statement wraps it (unwrap.ts), the smallest edit
 * that gives the column back to its indexes: `COALESCE(team_id, 0)` → `team_id`, and
 * `id + 1 = $2` → `id = $2::bigint - 1` (the value shifted the other way; a placeholder keeps the
 * column's type, which it would otherwise lose to the arithmetic). Works on tokens (tokens.ts),
 * with every parenthesis matched in one pass, so it stays linear in the text.
 */
import { bareColumnsOf, lex } from "./levels";
import type { Target } from "./rewrite";
import { COMPARISONS, nameOf, type Token } from "./tokens";
import { isZeroAmount, type Unwrap } from "./unwrap";
import { BESIDE } from "./written-joins";

interface Span {
  readonly first: number;
  readonly last: number;
}

/** Rewrites over one statement's tokens. */
class Text {
  readonly tokens: readonly Token[];
  /** Each bracket's partner, by token index. */
  readonly partner: ReadonlyMap<number, number>;
  /** How many placeholders come before each token. */
  readonly paramsBefore: number[] = [];

  /** Where a bare column is the target's (levels.ts). */
  readonly bare: (k: number) => boolean;

  constructor(
    readonly sql: string,
    target: Target,
  ) {
    const lx = lex(sql);
    this.tokens = lx.tokens;
    this.partner = lx.partner;
    this.bare = bareColumnsOf(lx, target.table, target.alias);
    let params = 0;
    for (const token of this.tokens) {
      this.paramsBefore.push(params);
      if (token.kind === "param") params++;
    }
  }

  at(i: number): string {
    const t = this.tokens[i];
    return t ? this.sql.slice(t.start, t.end) : "";
  }
  is(i: number, punct: string): boolean {
    return this.tokens[i]?.kind === "punct" && this.at(i) === punct;
  }
  name(i: number): string | null {
    return nameOf(this.sql, this.tokens[i]);
  }
  /** May an operand end (or start) beside token i: nothing there, a word, or a bracket/comma. */
  free(i: number): boolean {
    const t = this.tokens[i];
    return !t || t.kind !== "punct" || BESIDE.has(this.at(i));
  }
  text(span: Span): string {
    return this.sql.slice(this.tokens[span.first]?.start, this.tokens[span.last]?.end);
  }
  /** A value starting at i: a placeholder, number or string, with any `::type` after it. */
  valueFrom(i: number): Span | null {
    const kind = this.tokens[i]?.kind;
    if (kind !== "param" && kind !== "number" && kind !== "string") return null;
    let last = i;
    while (this.is(last + 1, "::") && this.tokens[last + 2]?.kind === "word") last += 2;
    return { first: i, last };
  }
}

/** The reference to `column` of `target` at token k (`column` or `alias.column`), as a span. */
function columnAt(t: Text, k: number, target: Target, column: string): Span | null {
  if (t.name(k) !== column || t.is(k + 1, "(") || t.is(k + 1, ".")) return null;
  if (!t.is(k - 1, ".")) return t.bare(k) ? { first: k, last: k } : null;
  return t.name(k - 2) === target.alias ? { first: k - 2, last: k } : null;
}

/** The span of `COALESCE(column, …)` around the column, or null. */
function coalesceAround(t: Text, col: Span): Span | null {
  const open = col.first - 1;
  const close = t.partner.get(open);
  if (t.name(open - 1) !== "coalesce" || !t.is(open, "(") || !t.is(col.last + 1, ",")) return null;
  return close !== undefined && t.is(close, ")") ? { first: open - 1, last: close } : null;
}

const wholeNumber = (text: string) => /^'?(-?\d+)'?(?:::\w+)?$/.exec(text)?.[1];

/** The value shifted the other way, keeping a placeholder's type: `$2::bigint - 1`, or a folded number. */
function shiftedValue(value: string, inverse: "+" | "-", amount: string, type: string): string {
  if (isZeroAmount(amount)) return value;
  const v = wholeNumber(value);
  const a = wholeNumber(amount);
  if (v !== undefined && a !== undefined) {
    return String(inverse === "+" ? BigInt(v) + BigInt(a) : BigInt(v) - BigInt(a));
  }
  const typed = (x: string) => (/^\$\d+$/.test(x) ? `${x}::${type}` : x);
  return `${typed(value)} ${inverse} ${typed(amount)}`;
}

/** `column ± amount` (or `amount + column`) around the column, its parentheses included. */
function shiftAround(t: Text, col: Span, op: "+" | "-"): { span: Span; amount: Span } | null {
  let found: { span: Span; amount: Span } | null = null;
  const after = t.is(col.last + 1, op) ? t.valueFrom(col.last + 2) : null;
  if (after) found = { span: { first: col.first, last: after.last }, amount: after };
  const before = col.first - 2;
  const kind = t.tokens[before]?.kind;
  if (!found && op === "+" && t.is(col.first - 1, "+") && (kind === "param" || kind === "number")) {
    found = { span: { first: before, last: col.last }, amount: { first: before, last: before } };
  }
  if (!found) return null;
  let span = found.span;
  while (t.is(span.first - 1, "(") && t.partner.get(span.first - 1) === span.last + 1) {
    span = { first: span.first - 1, last: span.last + 1 };
  }
  return { span, amount: found.amount };
}

/**
 * `sql` with every wrapped comparison of `target`'s `column` written on the bare column, or null
 * when the statement writes none this rewrite can place.
 */
export function unwrapColumn(
  sql: string,
  target: Target,
  column: string,
  type: string,
  unwrap: Unwrap,
): string | null {
  const t = new Text(sql, target);
  const cuts: { span: Span; text: string }[] = [];
  t.tokens.forEach((_, k) => {
    const col = columnAt(t, k, target, column);
    if (!col) return;
    const bare = t.text(col);
    if (unwrap.kind === "coalesce") {
      const call = coalesceAround(t, col);
      // A placeholder in the fallback would vanish from the statement, and the request's binds with it.
      const params = call && t.paramsBefore[call.last]! - t.paramsBefore[call.first]!;
      if (call && !params) cuts.push({ span: call, text: bare });
      return;
    }
    const shift = shiftAround(t, col, unwrap.op);
    if (!shift) return;
    const amount = t.text(shift.amount);
    const inverse = unwrap.op === "+" ? "-" : "+";
    const { span } = shift;
    // The value on the other side of the comparison: one operand with nothing else bound to it.
    if (COMPARISONS.has(t.at(span.last + 1)) && t.free(span.first - 1)) {
      const value = t.valueFrom(span.last + 2);
      if (!value || !t.free(value.last + 1)) return;
      const moved = shiftedValue(t.text(value), inverse, amount, type);
      cuts.push({ span, text: bare }, { span: value, text: moved });
      return;
    }
    const op = span.first - 1;
    const valueKind = t.tokens[op - 1]?.kind;
    if (!COMPARISONS.has(t.at(op)) || !t.free(span.last + 1)) return;
    if ((valueKind !== "param" && valueKind !== "number") || !t.free(op - 2)) return;
    const value = { first: op - 1, last: op - 1 };
    cuts.push(
      { span: value, text: shiftedValue(t.text(value), inverse, amount, type) },
      { span, text: bare },
    );
  });
  if (cuts.length === 0) return null;
  // A cut inside one already made (a COALESCE nested in another) goes with the outer one.
  const kept: typeof cuts = [];
  for (const cut of cuts.sort((a, b) => a.span.first - b.span.first)) {
    if (cut.span.first > (kept.at(-1)?.span.last ?? -1)) kept.push(cut);
  }
  let out = sql;
  for (const cut of kept.reverse()) {
    const from = t.tokens[cut.span.first]?.start ?? 0;
    const to = t.tokens[cut.span.last]?.end ?? from;
    out = out.slice(0, from) + cut.text + out.slice(to);
  }
  return out;
}
