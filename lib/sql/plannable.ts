/**
 * What a check accepts, decided before anything reaches the database: one statement of a kind that
 * has a plan (SELECT, VALUES, TABLE, WITH …, INSERT, UPDATE, DELETE, MERGE), within the size and
 * placeholder bounds. Read from the tokens, never from the first keyword alone: `SELECT … INTO`
 * plans like a SELECT but creates a table, and a keyword inside a string or a comment is text.
 */
import { MAX_PLACEHOLDERS, MAX_STATEMENT_LENGTH } from "./limits";
import { placeholderNumber } from "./params";
import { tokenize, type Token } from "./tokens";

export const NOT_PLANNABLE =
  "Only SELECT, INSERT, UPDATE, DELETE and MERGE statements have a plan to check.";

export interface Refusal {
  readonly message: string;
  /** 1-based character offset into the user's text, when one place is to blame. */
  readonly position?: number;
}

export type Plannable =
  | {
      readonly ok: true;
      /** From the first token to the last, without the comments, spaces and `;` around it. */
      readonly statement: string;
      /** Where `statement` starts in the user's text, for error positions. */
      readonly offset: number;
    }
  | { readonly ok: false; readonly refusal: Refusal };

/** Words a statement with a plan can start with (after any opening parentheses). */
const PLANNABLE_STARTS = new Set([
  "select",
  "values",
  "table",
  "with",
  "insert",
  "update",
  "delete",
  "merge",
]);

/** Every other word a PostgreSQL statement can start with: these statements have no plan. */
const UTILITY_STARTS = new Set(
  (
    "abort alter analyse analyze begin call checkpoint close cluster comment commit copy create " +
    "deallocate declare discard do drop end execute explain fetch grant import listen load lock " +
    "move notify prepare reassign refresh reindex release reset revoke rollback savepoint " +
    "security set show start truncate unlisten vacuum"
  ).split(" "),
);

const count = (n: number) => n.toLocaleString("en-US");
const refuse = (message: string, at?: number): Plannable => ({
  ok: false,
  refusal: at === undefined ? { message } : { message, position: at + 1 },
});

/** `INTO` is a target after INSERT or MERGE, a label after AS or `.`; anywhere else it is SELECT … INTO. */
function selectInto(tokens: readonly Token[]): Token | undefined {
  return tokens.find((t, i) => {
    if (t.kind !== "word" || t.lower !== "into") return false;
    const before = tokens[i - 1]?.lower ?? "";
    return !["insert", "merge", "as", "."].includes(before);
  });
}

/** Placeholders run from $1 with no gap, up to MAX_PLACEHOLDERS. */
function placeholderRefusal(tokens: readonly Token[]): Plannable | undefined {
  const used = new Set<number>();
  let highest: Token | undefined;
  for (const t of tokens) {
    if (t.kind !== "param") continue;
    const n = placeholderNumber(t);
    if (n === 0) return refuse("$0 is not a placeholder: they are numbered from $1.", t.start);
    if (n > MAX_PLACEHOLDERS) {
      const shown = t.lower.length > 12 ? `$${t.lower.slice(0, 12)}…` : `$${t.lower}`;
      return refuse(
        `${shown} is beyond the ${MAX_PLACEHOLDERS} placeholders a check takes: each is bound from a request field, and a request has at most ${MAX_PLACEHOLDERS}.`,
        t.start,
      );
    }
    used.add(n);
    if (!highest || n > placeholderNumber(highest)) highest = t;
  }
  if (!highest) return undefined;
  for (let n = 1; n < placeholderNumber(highest); n++) {
    if (!used.has(n)) {
      return refuse(
        `The statement uses $${highest.lower} but not $${n}: PostgreSQL needs every placeholder from $1 up to the highest.`,
        highest.start,
      );
    }
  }
  return undefined;
}

export function plannableStatement(sql: string): Plannable {
  if (sql.length > MAX_STATEMENT_LENGTH) {
    return refuse(
      `The SQL is ${count(sql.length)} characters long; a check takes at most ${count(MAX_STATEMENT_LENGTH)}.`,
    );
  }
  const nul = sql.indexOf("\0");
  if (nul >= 0)
    return refuse("The SQL contains a NUL character, which PostgreSQL does not accept.", nul);
  const { tokens, unclosed } = tokenize(sql);
  if (unclosed) {
    return refuse(`The ${unclosed.what} that starts here is never closed.`, unclosed.start);
  }
  // Trailing semicolons are harmless; anything after one is a second statement.
  const end = tokens.findIndex((t) => t.lower === ";");
  const statement = end < 0 ? tokens : tokens.slice(0, end);
  const next = end < 0 ? undefined : tokens.slice(end).find((t) => t.lower !== ";");
  if (next) {
    return refuse("One statement at a time: another one starts here.", next.start);
  }
  const first = statement[0];
  const last = statement[statement.length - 1];
  if (!first || !last) return refuse("Enter one SQL statement to check.");
  const lead = statement.find((t) => t.lower !== "(") ?? first;
  const word = lead.kind === "word" ? lead.lower : "";
  if (UTILITY_STARTS.has(word)) return refuse(NOT_PLANNABLE, lead.start);
  if (!PLANNABLE_STARTS.has(word)) {
    // No statement starts so: PostgreSQL's own answer, without asking it.
    const text = sql.slice(lead.start, lead.end);
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    return refuse(`syntax error at or near "${shown}"`, lead.start);
  }
  const into = selectInto(statement);
  if (into) return refuse(`${NOT_PLANNABLE} SELECT … INTO creates a table.`, into.start);
  const placeholders = placeholderRefusal(statement);
  if (placeholders) return placeholders;
  return { ok: true, statement: sql.slice(first.start, last.end), offset: first.start };
}
