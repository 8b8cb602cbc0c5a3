/**
 * The statements of a check-sql batch: a .sql file split at its semicolons, or JSON lines. Both
 * readers are linear: the file goes through the lab's tokenizer once (a semicolon inside a string,
 * a quoted name, a comment or a dollar quote is text), and each JSON line is parsed once.
 */
import { duplicateKeys } from "../lib/link/duplicate-keys";
import { tokenize, type Token } from "../lib/sql/tokens";

/** One entry of a batch: a statement to check, or why its line could not be read. */
export type BatchItem = {
  /** The 1-based line where the statement starts (in a .sql file) or its JSON line. */
  readonly line: number;
  /** The `id` a JSON line gave, handed back with its result. */
  readonly id?: string | number;
} & ({ readonly sql: string } | { readonly error: string });

/** More than an agent or CI would send at once; each statement may take up to 5 s. */
export const MAX_BATCH_STATEMENTS = 10_000;

/** 1-based line numbers of increasing offsets, counting each newline once. */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (; at < offset; at++) if (text[at] === "\n") line++;
    return line;
  };
}

/**
 * Every statement of a SQL file, from its first token to its last (comments and blank space
 * between statements are dropped). A string, quoted name or comment left open runs to the end of
 * the file: that last statement is handed over whole, so its check says where it was left open.
 */
export function splitSqlStatements(text: string): BatchItem[] {
  const { tokens, unclosed } = tokenize(text);
  const lineOf = lineCounter(text);
  const items: BatchItem[] = [];
  const add = (start: number, end: number) =>
    items.push({ line: lineOf(start), sql: text.slice(start, end) });
  let first: Token | undefined;
  let last: Token | undefined;
  for (const token of tokens) {
    if (token.kind === "punct" && token.lower === ";") {
      if (first && last) add(first.start, last.end);
      first = undefined;
    } else {
      first ??= token;
      last = token;
    }
  }
  if (unclosed) add(first?.start ?? unclosed.start, text.length);
  else if (first && last) add(first.start, last.end);
  return items;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return typeof value === "boolean" ? "true/false" : `a ${typeof value}`;
}

/**
 * A number that comes back as the number written: JSON.parse rounds whole numbers beyond 2^53
 * (12345678901234567890 would come back as …7000) and makes 1e999 Infinity, which prints as null.
 */
const keptExactly = (n: number): boolean =>
  Number.isFinite(n) && (!Number.isInteger(n) || Number.isSafeInteger(n));

/** Keys in a message: the first few, each by its first characters (a key may be a megabyte). */
function shownKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40)));
  return keys.length > 5 ? `${shown.join(", ")} and ${keys.length - 5} more` : shown.join(", ");
}

function jsonLine(text: string, line: number): BatchItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { line, error: `Line ${line} is not JSON: ${(error as Error).message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { line, error: `Line ${line} holds ${describe(value)}, not {"sql": "…", "id": "…"}.` };
  const [twice] = duplicateKeys(text);
  if (twice !== undefined)
    return { line, error: `Line ${line}: "${twice}" is given more than once; give it once.` };
  const { sql, id, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (id !== undefined && typeof id !== "string" && typeof id !== "number")
    return { line, error: `Line ${line}: "id" is ${describe(id)}; it must be text or a number.` };
  if (typeof id === "number" && !keptExactly(id))
    return {
      line,
      error: `Line ${line}: the number "id" cannot come back as written (beyond ±${Number.MAX_SAFE_INTEGER}, or not finite); give it as text.`,
    };
  const named = id === undefined ? { line } : { line, id };
  if (unknown.length)
    return {
      ...named,
      error: `Line ${line}: unknown key ${shownKeys(unknown)}; a line holds "sql" and, if you like, "id".`,
    };
  if (typeof sql !== "string")
    return { ...named, error: `Line ${line}: "sql" is ${describe(sql)}; it must be text.` };
  return { ...named, sql };
}

/** One statement per non-blank line: `{"sql": "…", "id": "…"}`, the id optional. */
export function parseJsonLines(text: string): BatchItem[] {
  const body = text.startsWith("\ufeff") ? text.slice(1) : text;
  const items: BatchItem[] = [];
  for (const [i, raw] of body.split("\n").entries()) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() !== "") items.push(jsonLine(line, i + 1));
  }
  return items;
}
