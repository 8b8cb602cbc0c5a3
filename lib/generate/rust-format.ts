/**
 * Layout helpers that reproduce rustfmt's default decisions for the shapes the Rust generators
 * emit, so a pasted snippet is already formatted (`cargo fmt --check` passes). Every helper takes
 * the absolute column the code sits at in its real file, because rustfmt's width limits count
 * from there; generators dedent the result for display.
 *
 * The limits are rustfmt's `use_small_heuristics = "Default"` values; the test suite runs the real
 * rustfmt over every snippet, so a wrong guess here fails loudly.
 */

export const MAX_WIDTH = 100;
/** fn_call_width and chain_width: wider argument lists, tuples and chains go vertical. */
const CALL_WIDTH = 60;
/** struct_lit_width: a struct literal's body stays on one line up to this width. */
const STRUCT_BODY_WIDTH = 18;

export function pad(col: number): string {
  return " ".repeat(col);
}

const fits = (line: string): boolean => line.length <= MAX_WIDTH;
/** `Ok(Response::new(` from ["Ok", "Response::new"]. */
const opened = (calls: readonly string[]): string => calls.map((c) => `${c}(`).join("");

/** Removes `col` leading spaces from every line (generated code is shown at column 0). */
export function dedent(lines: readonly string[], col: number): string {
  return lines.map((l) => (l.startsWith(pad(col)) ? l.slice(col) : l.trimStart())).join("\n");
}

/** `head(args)tail`: one line when the arguments fit, else one argument per line. */
export function call(
  col: number,
  head: string,
  args: readonly string[],
  tail: string,
  opts: { macro?: boolean } = {},
): string[] {
  const joined = args.join(", ");
  const one = `${pad(col)}${head}${joined}${tail}`;
  // A single argument stays on the line whenever the line fits.
  if ((args.length === 1 || joined.length <= CALL_WIDTH) && fits(one)) return [one];
  // rustfmt adds a trailing comma in function calls but not in macro invocations.
  const last = args.length - 1;
  const body = args.map((a, i) => `${pad(col + 4)}${a}${i === last && opts.macro ? "" : ","}`);
  return [`${pad(col)}${head}`, ...body, `${pad(col)}${tail}`];
}

/**
 * A function signature: one line when it fits, else one parameter per line. `end` is " {" for a
 * definition or ";" for a trait declaration.
 */
export function fnSig(
  col: number,
  head: string,
  params: readonly string[],
  ret: string,
  end: " {" | ";",
): string[] {
  const arrow = ret ? ` -> ${ret}` : "";
  const one = `${pad(col)}${head}(${params.join(", ")})${arrow}${end}`;
  // rustfmt measures a declaration as if it ended in " {", one column more than ";": at exactly
  // the limit its parameters still fit, so only the return type moves down.
  if (one.length <= (end === ";" ? MAX_WIDTH - 1 : MAX_WIDTH)) return [one];
  // With no parameters the brace moves down first.
  if (params.length === 0 && end === " {" && !ret && fits(`${pad(col)}${head}()`))
    return [`${pad(col)}${head}()`, `${pad(col)}{`];
  if (end === ";" && ret && one.length === MAX_WIDTH)
    return [`${pad(col)}${head}(${params.join(", ")})`, `${pad(col + 4)}-> ${ret};`];
  const lines = [`${pad(col)}${head}(`, ...params.map((p) => `${pad(col + 4)}${p},`)];
  const close = `${pad(col)})${arrow}${end}`;
  // Measured: rustfmt moves the brace down once `) -> R {` passes 96 columns.
  if (end === ";" || close.length <= MAX_WIDTH - 4) return [...lines, close];
  return [...lines, `${pad(col)})${arrow}`, `${pad(col)}{`];
}

/** `async fn name() {` for a test, opened up like any signature when the name is too long. */
export function testHead(name: string): string[] {
  return fnSig(0, `async fn ${name}`, [], "", " {");
}

/**
 * `lead calls(Name { fields })end`, e.g. `Ok(Response::new(X { count }))`. Mirrors rustfmt: one
 * line when the body is short and the outermost call's arguments fit the call width; else the
 * literal opens up after the calls ("overflow") while its head fits the call width; else the
 * literal moves to its own line inside the calls.
 */
export function structExpr(
  col: number,
  lead: string,
  calls: readonly string[],
  name: string,
  fields: readonly string[],
  end: string,
): string[] {
  const open = opened(calls);
  const close = ")".repeat(calls.length);
  const body = fields.join(", ");
  const literal = fields.length ? `${name} { ${body} }` : `${name} {}`;
  const short = body.length <= STRUCT_BODY_WIDTH;
  const outerArgs = opened(calls.slice(1)) + literal + close.slice(1);
  // The call width binds only a nested call; a literal directly inside one call may run longer.
  const argsFit = calls.length <= 1 || outerArgs.length <= CALL_WIDTH;
  const one = `${pad(col)}${lead}${open}${literal}${close}${end}`;
  if (short && argsFit && fits(one)) return [one];
  // A `let` whose right side fits one line on the next line goes there.
  const next = `${pad(col + 4)}${open}${literal}${close}${end}`;
  if (short && argsFit && lead.startsWith("let ") && fits(next))
    return [`${pad(col)}${lead.trimEnd()}`, next];
  if (fields.length === 0) return atomArg(col, lead, calls, literal, end);
  const vertical = (at: number, tail: string) => [
    `${pad(at)}${name} {`,
    ...fields.flatMap((f) => fieldLines(at + 4, f)),
    `${pad(at)}}${tail}`,
  ];
  // Inside calls, the literal's head plus the inner calls' closing parens must fit the call width.
  const head = `${opened(calls.slice(1))}${name} {`;
  const overflow = calls.length === 0 || head.length + calls.length - 1 <= CALL_WIDTH;
  if (overflow && fits(`${pad(col)}${lead}${open}${name} {`)) {
    const [first, ...rest] = vertical(col, `${close}${end}`);
    return [`${pad(col)}${lead}${open}${first!.trimStart()}`, ...rest];
  }
  const own = `${pad(col + 4)}${literal},`;
  const inner = short && fits(own) ? [own] : vertical(col + 4, ",");
  return [`${pad(col)}${lead}${open}`, ...inner, `${pad(col)}${close}${end}`];
}

/** Splits `a.b(c).d` at the dots outside parentheses: the root and its `.children`. */
function splitChain(expr: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i];
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (ch === "." && depth === 0 && i > start) {
      parts.push(expr.slice(start, i));
      start = i;
    }
  }
  parts.push(expr.slice(start));
  return parts;
}

/** One field initialiser of a vertical literal; a long method chain breaks like any chain. */
function fieldLines(col: number, field: string): string[] {
  // A `..base` update takes no trailing comma.
  if (field.startsWith("..")) return [`${pad(col)}${field}`];
  const m = /^([\w#]+): (.*)$/.exec(field);
  const parts = m ? splitChain(m[2]!) : [];
  if (!m || parts.length < 2) return [`${pad(col)}${field},`];
  return chain(col, `${m[1]}: `, parts[0]!, parts.slice(1), ",");
}

/** `lead calls(atom)end` where the atom cannot break: it moves to its own line when too wide. */
export function atomArg(
  col: number,
  lead: string,
  calls: readonly string[],
  atom: string,
  end: string,
): string[] {
  const open = opened(calls);
  const close = ")".repeat(calls.length);
  const outerArgs = opened(calls.slice(1)) + atom + close.slice(1);
  const one = `${pad(col)}${lead}${open}${atom}${close}${end}`;
  // The call width binds only a nested call; measured, an atom ending in `()` gets one column
  // more (rustfmt 1.9).
  const width = CALL_WIDTH + (atom.endsWith("()") ? 1 : 0);
  if ((calls.length <= 1 || outerArgs.length <= width) && fits(one)) return [one];
  return [`${pad(col)}${lead}${open}`, `${pad(col + 4)}${atom},`, `${pad(col)}${close}${end}`];
}

/** One array element that is a pair: `(a, b),`, opened up when the pair is too wide. */
export function pair(col: number, a: string, b: string): string[] {
  const one = `${pad(col)}(${a}, ${b}),`;
  if (`${a}, ${b}`.length <= CALL_WIDTH && fits(one)) return [one];
  return [`${pad(col)}(`, `${pad(col + 4)}${a},`, `${pad(col + 4)}${b},`, `${pad(col)}),`];
}

/** A method call inside a chain; its arguments break open like any call's. */
export interface ChainCall {
  readonly method: string;
  readonly args: readonly string[];
}
type ChainChild = string | ChainCall;

const childText = (c: ChainChild): string =>
  typeof c === "string" ? c : `.${c.method}(${c.args.join(", ")})`;

/**
 * A method chain `lead root.c1.c2…end`. One line when the chain is short; otherwise one element
 * per line, with a short root (a statement starting `ctx`) keeping its first element beside it.
 */
export function chain(
  col: number,
  lead: string,
  root: string,
  children: readonly ChainChild[],
  end: string,
): string[] {
  const oneChain = root + children.map(childText).join("");
  const one = `${pad(col)}${lead}${oneChain}${end}`;
  const argsFit = children.every(
    (c) => typeof c === "string" || c.args.join(", ").length <= CALL_WIDTH,
  );
  if (argsFit && oneChain.length <= CALL_WIDTH && fits(one)) return [one];
  // A `let` whose right side fits one line on the next line goes there rather than breaking.
  const next = `${pad(col + 4)}${oneChain}${end}`;
  if (argsFit && lead.startsWith("let ") && oneChain.length <= CALL_WIDTH && fits(next))
    return [`${pad(col)}${lead.trimEnd()}`, next];
  const lines: string[] = [];
  let rest = children;
  // A statement whose root is no wider than one indent keeps the first child on its line.
  if (!lead && root.length <= 4 && children.length > 0) {
    lines.push(`${pad(col)}${root}${childText(children[0]!)}`);
    rest = children.slice(1);
  } else {
    lines.push(`${pad(col)}${lead}${root}`);
  }
  for (const c of rest) {
    if (typeof c === "string") lines.push(`${pad(col + 4)}${c}`);
    else lines.push(...call(col + 4, `.${c.method}(`, c.args, ")"));
  }
  lines[lines.length - 1] += end;
  return lines;
}
