/**
 * rustfmt's layout decisions for the shapes the Rust generators write, so a pasted snippet is
 * already formatted (`cargo fmt --check` passes). Each rule returns a Block: widths count from
 * the column the code lands at in its file, which the template around it supplies. The limits
 * are rustfmt's `use_small_heuristics = "Default"` values; rust.test.ts runs the real rustfmt
 * over every snippet, so a wrong guess fails loudly. The rules:
 *
 * - Max width: no line passes 100 columns.
 * - Call width: arguments wider than 60 columns (fn_call_width) go one per line, with a trailing
 *   comma in a function call and none in a macro; a single argument stays while its line fits.
 * - Signature: one wider than 100 columns puts each parameter on its own line; a declaration is
 *   measured as if it ended in ` {`; one exactly 100 wide moves only its return type down; with
 *   no parameters the brace moves down first; `) -> R {` past 96 columns puts `{` on a new line.
 * - Chain width: a chain wider than 60 columns (chain_width) puts each element on its own line; a
 *   root no wider than one indent keeps its first element beside it.
 * - Let on the next line: a `let` whose right side fits one line on the next line goes there
 *   rather than breaking.
 * - Struct literal: its body stays on one line up to 18 columns (struct_lit_width); otherwise it
 *   opens up after the calls around it while its head fits the call width, else it moves to its
 *   own line inside them. A field holding a long chain breaks like any chain.
 * - Unbreakable argument: an argument that cannot break moves to its own line when too wide.
 * - Closure block: a closure whose line would reach 100 columns gets a block body.
 * - If condition: an `if` whose brace would pass 100 columns moves the brace down first, then
 *   breaks the condition before each `||`.
 * - Let match: a `let x = match …` too wide moves the match under the `let`.
 */
import { code, type Block } from "./code";

const MAX_WIDTH = 100;
/** fn_call_width and chain_width. */
const CALL_WIDTH = 60;
/** struct_lit_width. */
const STRUCT_BODY_WIDTH = 18;

const fits = (column: number, line: string): boolean => column + line.length <= MAX_WIDTH;
/** `Ok(Response::new(` from ["Ok", "Response::new"]. */
const opened = (calls: readonly string[]): string => calls.map((c) => `${c}(`).join("");

/** Let on the next line: `let x =` and the right side one indent further, when that fits. */
function letNextLine(col: number, lead: string, rest: string): string | null {
  if (!lead.startsWith("let ") || !fits(col + 4, rest)) return null;
  return `${lead.trimEnd()}\n    ${rest}`;
}

/** Call width: `head(args)tail`, or one argument per line. */
export function call(
  head: string,
  args: readonly string[],
  tail: string,
  opts: { macro?: boolean } = {},
): Block {
  return (col) => {
    const joined = args.join(", ");
    const one = `${head}${joined}${tail}`;
    if ((args.length === 1 || joined.length <= CALL_WIDTH) && fits(col, one)) return one;
    const last = args.length - 1;
    return code`
      ${head}
          ${args.map((a, i) => (i === last && opts.macro ? a : `${a},`))}
      ${tail}
    `(col);
  };
}

/** Signature: `end` is " {" for a definition or ";" for a trait declaration. */
export function signature(
  head: string,
  params: readonly string[],
  ret: string,
  end: " {" | ";",
): Block {
  return (col) => {
    const arrow = ret ? ` -> ${ret}` : "";
    const one = `${head}(${params.join(", ")})${arrow}${end}`;
    if (col + one.length <= (end === ";" ? MAX_WIDTH - 1 : MAX_WIDTH)) return one;
    if (params.length === 0 && end === " {" && !ret && fits(col, `${head}()`))
      return `${head}()\n{`;
    if (end === ";" && ret && col + one.length === MAX_WIDTH)
      return `${head}(${params.join(", ")})\n    -> ${ret};`;
    const close = `)${arrow}${end}`;
    const closing = end === ";" || fits(col + 4, close) ? close : `)${arrow}\n{`;
    return code`
      ${head}(
          ${params.map((p) => `${p},`)}
      ${closing}
    `(col);
  };
}

/** `async fn name() {` for a test, opened up like any signature when the name is too long. */
export const testHead = (name: string): Block => signature(`async fn ${name}`, [], "", " {");

/**
 * Struct literal: `lead calls(Name { fields })end`, e.g. `Ok(Response::new(X { count }))`. A field
 * given as a Block spans lines, so the literal does too.
 */
export function structLiteral(
  lead: string,
  calls: readonly string[],
  name: string,
  fields: readonly (string | Block)[],
  end: string,
): Block {
  return (col) => {
    const open = opened(calls);
    const close = ")".repeat(calls.length);
    const spans = fields.some((f) => typeof f !== "string");
    const body = fields.filter((f) => typeof f === "string").join(", ");
    const literal = fields.length ? `${name} { ${body} }` : `${name} {}`;
    // The call width binds only a nested call; a literal directly inside one call may run longer.
    const inner = `${opened(calls.slice(1))}${literal}${close.slice(1)}`;
    const oneLine =
      !spans &&
      body.length <= STRUCT_BODY_WIDTH &&
      (calls.length <= 1 || inner.length <= CALL_WIDTH);
    const rest = `${open}${literal}${close}${end}`;
    if (oneLine && fits(col, lead + rest)) return lead + rest;
    const next = oneLine && letNextLine(col, lead, rest);
    if (next) return next;
    if (fields.length === 0) return unbreakableArg(lead, calls, literal, end)(col);
    const fieldLines = fields.map(fieldLine);
    // Inside calls, the literal's head plus the inner calls' closing parens must fit the call width.
    const head = `${opened(calls.slice(1))}${name} {`;
    const overflow = calls.length === 0 || head.length + calls.length - 1 <= CALL_WIDTH;
    if (overflow && fits(col, `${lead}${open}${name} {`))
      return code`
        ${lead}${open}${name} {
            ${fieldLines}
        }${close}${end}
      `(col);
    const own =
      !spans && body.length <= STRUCT_BODY_WIDTH && fits(col + 4, `${literal},`)
        ? `${literal},`
        : code`
            ${name} {
                ${fieldLines}
            },
          `;
    return code`
      ${lead}${open}
          ${own}
      ${close}${end}
    `(col);
  };
}

/** One field initialiser of a vertical literal; a `..base` update takes no trailing comma. */
function fieldLine(field: string | Block): string | Block {
  if (typeof field !== "string") return (col) => `${field(col)},`;
  if (field.startsWith("..")) return field;
  const m = /^([\w#]+): (.*)$/.exec(field);
  const parts = m ? splitChain(m[2]!) : [];
  if (!m || parts.length < 2) return `${field},`;
  return chain(`${m[1]}: `, parts[0]!, parts.slice(1), ",");
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

/** Unbreakable argument: `lead calls(atom)end`, or the atom on its own line inside the calls. */
export function unbreakableArg(
  lead: string,
  calls: readonly string[],
  atom: string,
  end: string,
): Block {
  return (col) => {
    const open = opened(calls);
    const close = ")".repeat(calls.length);
    const outerArgs = opened(calls.slice(1)) + atom + close.slice(1);
    // Measured: an atom ending in `()` gets one column more (rustfmt 1.9).
    const width = CALL_WIDTH + (atom.endsWith("()") ? 1 : 0);
    const one = `${lead}${open}${atom}${close}${end}`;
    if ((calls.length <= 1 || outerArgs.length <= width) && fits(col, one)) return one;
    return `${lead}${open}\n    ${atom},\n${close}${end}`;
  };
}

/** A method call inside a chain; its arguments break open like any call's. */
export interface ChainCall {
  readonly method: string;
  readonly args: readonly string[];
}
/** `.method(|param| fn(args))suffix`, the last element of a chain. */
interface ChainClosure extends ChainCall {
  readonly param: string;
  readonly fn: string;
  readonly suffix: string;
}
type ChainChild = string | ChainCall | ChainClosure;

const isClosure = (c: ChainChild): c is ChainClosure => typeof c !== "string" && "fn" in c;

function childText(c: ChainChild): string {
  if (typeof c === "string") return c;
  if (isClosure(c)) return `.${c.method}(${c.param} ${c.fn}(${c.args.join(", ")}))${c.suffix}`;
  return `.${c.method}(${c.args.join(", ")})`;
}

/** A child on its own line at `col`, with `end` after it; the closure block rule. */
function childLine(c: ChainChild, col: number, end: string): string | Block {
  if (typeof c === "string") return c;
  if (!isClosure(c)) return call(`.${c.method}(`, c.args, ")");
  if (col + childText(c).length + end.length < MAX_WIDTH) return childText(c);
  return code`
    .${c.method}(${c.param} {
        ${call(`${c.fn}(`, c.args, ")")}
    })${c.suffix}
  `;
}

/** Chain width: `lead root.c1.c2…end`, or one element per line. */
export function chain(
  lead: string,
  root: string,
  children: readonly ChainChild[],
  end: string,
): Block {
  return (col) => {
    const rest = root + children.map(childText).join("") + end;
    // A closure's arguments do not count: only a call's break the chain open.
    const short =
      rest.length - end.length <= CALL_WIDTH &&
      children.every(
        (c) => typeof c === "string" || isClosure(c) || c.args.join(", ").length <= CALL_WIDTH,
      );
    if (short && fits(col, lead + rest)) return lead + rest;
    const next = short && letNextLine(col, lead, rest);
    if (next) return next;
    const keepFirst = !lead && root.length <= 4 && children.length > 0;
    const first = keepFirst ? `${root}${childText(children[0]!)}` : `${lead}${root}`;
    const others = keepFirst ? children.slice(1) : children;
    const lines = others.map((c, i) => childLine(c, col + 4, i === others.length - 1 ? end : ""));
    return (
      code`
        ${first}
            ${lines}
      `(col) + end
    );
  };
}

/** If condition: `if a || b {`. */
export function ifAny(conditions: readonly string[]): Block {
  return (col) => {
    const head = `if ${conditions.join(" || ")}`;
    if (fits(col, `${head} {`)) return `${head} {`;
    if (fits(col, head)) return `${head}\n{`;
    return code`
      if ${conditions[0]}
          ${conditions.slice(1).map((c) => `|| ${c}`)}
      {
    `(col);
  };
}

/** Let match: `let name = match scrutinee { arms };`. */
export function letMatch(name: string, scrutinee: string, arms: readonly string[]): Block {
  return (col) => {
    const match = code`
      match ${scrutinee} {
          ${arms}
      };
    `(0);
    if (fits(col, `let ${name} = match ${scrutinee} {`)) return `let ${name} = ${match}`;
    return code`let ${name} =\n    ${match}`(col);
  };
}
