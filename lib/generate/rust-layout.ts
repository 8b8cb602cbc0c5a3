/**
 * rustfmt's layout rules for the shapes the Rust generators write, so a pasted snippet is already
 * formatted (`cargo fmt --check` passes). Each rule returns a Block: widths count from the column
 * the code lands at. The limits are rustfmt's `use_small_heuristics = "Default"` values;
 * rust.test.ts runs the real rustfmt over every snippet, so a wrong guess fails loudly.
 */
import { code, type Block } from "./code";

/** Max width: no line passes 100 columns. */
const MAX_WIDTH = 100;
/** fn_call_width and chain_width. */
const CALL_WIDTH = 60;
/** struct_lit_width. */
const STRUCT_BODY_WIDTH = 18;

const fits = (column: number, line: string): boolean => column + line.length <= MAX_WIDTH;
/** `Ok(Response::new(` from ["Ok", "Response::new"]. */
const opened = (calls: readonly string[]): string => calls.map((c) => `${c}(`).join("");

/** `lead rest` on one line, or (let on the next line) `let x =` with `rest` one indent further. */
function oneLine(col: number, lead: string, rest: string): string | false {
  if (fits(col, lead + rest)) return lead + rest;
  return lead.startsWith("let ") && fits(col + 4, rest) && `${lead.trimEnd()}\n    ${rest}`;
}

/**
 * Call width: `head(args)tail`, or arguments wider than 60 columns one per line, with a trailing
 * comma in a function call and none in a macro; a single argument stays while its line fits.
 */
export function call(
  head: string,
  args: readonly string[],
  tail: string,
  opts: { macro?: boolean } = {},
): Block {
  return (col) => {
    const joined = args.join(", ");
    if ((args.length === 1 || joined.length <= CALL_WIDTH) && fits(col, head + joined + tail))
      return head + joined + tail;
    return code`
      ${head}
          ${args.map((a, i) => (opts.macro && i === args.length - 1 ? a : `${a},`))}
      ${tail}
    `(col);
  };
}

/**
 * Signature, `end` " {" for a definition or ";" for a trait declaration: one wider than 100
 * columns puts each parameter on its own line; a declaration is measured as if it ended in ` {`,
 * and one exactly 100 wide moves only its return type down; with no parameters the brace moves
 * down first; `) -> R {` past 96 columns puts `{` on a new line.
 */
export function signature(
  head: string,
  params: readonly string[],
  ret: string,
  end: " {" | ";",
): Block {
  return (col) => {
    const arrow = ret ? ` -> ${ret}` : "";
    const one = `${head}(${params.join(", ")})`;
    if (fits(col, `${one}${arrow} {`)) return one + arrow + end;
    if (params.length === 0 && end === " {" && !ret && fits(col, one)) return `${one}\n{`;
    if (end === ";" && ret && fits(col, `${one}${arrow};`)) return `${one}\n    -> ${ret};`;
    const close = `)${arrow}${end}`;
    return code`
      ${head}(
          ${params.map((p) => `${p},`)}
      ${end === ";" || fits(col + 4, close) ? close : `)${arrow}\n{`}
    `(col);
  };
}

/** `async fn name() {` for a test, opened up like any signature when the name is too long. */
export const testHead = (name: string): Block => signature(`async fn ${name}`, [], "", " {");

/**
 * Struct literal: `lead calls(Name { fields })end`, e.g. `Ok(Response::new(X { count }))`. Its
 * body stays on one line up to 18 columns; otherwise it opens up after the calls around it while
 * its head fits the call width, else it moves to its own line inside them. A field given as a
 * Block spans lines, so the literal does too; one holding a long chain breaks like any chain.
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
    // The call width binds only what sits inside a nested call.
    const nestedFits = (text: string) =>
      `${opened(calls.slice(1))}${text}${close.slice(1)}`.length <= CALL_WIDTH;
    const body = fields.filter((f) => typeof f === "string").join(", ");
    const literal = fields.length ? `${name} { ${body} }` : `${name} {}`;
    const short = fields.every((f) => typeof f === "string") && body.length <= STRUCT_BODY_WIDTH;
    const one =
      short &&
      (calls.length <= 1 || nestedFits(literal)) &&
      oneLine(col, lead, `${open}${literal}${close}${end}`);
    if (one) return one;
    if (fields.length === 0) return unbreakableArg(lead, calls, literal, end)(col);
    const fieldLines = fields.map(fieldLine);
    if ((calls.length === 0 || nestedFits(`${name} {`)) && fits(col, `${lead}${open}${name} {`))
      return code`
        ${lead}${open}${name} {
            ${fieldLines}
        }${close}${end}
      `(col);
    const own =
      short && fits(col + 4, `${literal},`)
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
  const [root, ...children] = m ? splitChain(m[2]!) : [];
  return children.length ? chain(`${m![1]}: `, root!, children, ",") : `${field},`;
}

/** Splits `a.b(c).d` at the dots outside brackets: the root and its `.children`. */
function splitChain(expr: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  for (const piece of expr.split(/(?=\.)/)) {
    if (depth === 0) parts.push(piece);
    else parts[parts.length - 1] += piece;
    depth += (piece.match(/[([]/g)?.length ?? 0) - (piece.match(/[)\]]/g)?.length ?? 0);
  }
  return parts;
}

/** Unbreakable argument: `lead calls(atom)end`, or the atom on its own line when too wide. */
export function unbreakableArg(
  lead: string,
  calls: readonly string[],
  atom: string,
  end: string,
): Block {
  return (col) => {
    const close = ")".repeat(calls.length);
    const one = `${lead}${opened(calls)}${atom}${close}${end}`;
    // Measured: an atom ending in `()` gets one column more (rustfmt 1.9).
    const width = CALL_WIDTH + (atom.endsWith("()") ? 1 : 0);
    const nested = opened(calls.slice(1)) + atom + close.slice(1);
    if ((calls.length <= 1 || nested.length <= width) && fits(col, one)) return one;
    return `${lead}${opened(calls)}\n    ${atom},\n${close}${end}`;
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

/** A child on its own line at `col`, `end` after it. Closure block: one reaching 100 columns. */
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

/**
 * Chain width: `lead root.c1.c2…end`, or, wider than 60 columns, one element per line; a root no
 * wider than one indent keeps its first element beside it.
 */
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
    const one = short && oneLine(col, lead, rest);
    if (one) return one;
    const keepFirst = !lead && root.length <= 4 && children.length > 0;
    const first = keepFirst ? `${root}${childText(children[0]!)}` : `${lead}${root}`;
    const others = keepFirst ? children.slice(1) : children;
    const lines = others.map((c, i) => childLine(c, col + 4, i === others.length - 1 ? end : ""));
    return code`${first}\n    ${lines}`(col) + end;
  };
}

/** If condition: the brace moves down first, then the condition breaks before each `||`. */
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

/** Let match: `let name = match scrutinee { arms };`, the match under the `let` when too wide. */
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
