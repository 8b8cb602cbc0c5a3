/**
 * A lexer for the user's SQL text, in one pass: strings ('…', E'…' with backslashes, $tag$…$tag$),
 * quoted identifiers, comments (line and nested block comments), placeholders, words, numbers, operators and
 * punctuation, each with its offsets. It never fails: unterminated text runs to the end. Used to
 * rewrite a statement (a fix adds a predicate) without ever matching a pattern against user text.
 */

export type TokenKind =
  | "word"
  | "quoted-ident"
  | "string"
  | "number"
  | "param"
  | "operator"
  | "punct"
  | "comment"
  | "space";

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
}

const OPERATOR_CHARS = new Set("+-*/<>=~!@#%^&|`?:");
const PUNCT = new Set("()[],;.");

const isSpace = (ch: string) =>
  ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\f";
const isDigit = (ch: string) => ch >= "0" && ch <= "9";
const isIdentStart = (ch: string) =>
  (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z") || ch === "_" || ch > "\u007f";
const isIdentPart = (ch: string) => isIdentStart(ch) || isDigit(ch) || ch === "$";

/** End of a '…' string starting at `at` (the quote); `backslash` for E'…' strings. */
function stringEnd(sql: string, at: number, backslash: boolean): number {
  for (let i = at + 1; i < sql.length; i++) {
    const ch = sql[i];
    if (backslash && ch === "\\") i++;
    else if (ch === "'") {
      if (sql[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return sql.length;
}

function quotedIdentEnd(sql: string, at: number): number {
  for (let i = at + 1; i < sql.length; i++) {
    if (sql[i] !== '"') continue;
    if (sql[i + 1] === '"') i++;
    else return i + 1;
  }
  return sql.length;
}

function blockCommentEnd(sql: string, at: number): number {
  let depth = 0;
  for (let i = at; i < sql.length - 1; i++) {
    if (sql[i] === "/" && sql[i + 1] === "*") {
      depth++;
      i++;
    } else if (sql[i] === "*" && sql[i + 1] === "/") {
      depth--;
      i++;
      if (depth === 0) return i + 1;
    }
  }
  return sql.length;
}

/** `$1` → a placeholder; `$$` or `$tag$` → a dollar-quoted string to its closing tag. */
function dollarToken(sql: string, at: number): Token {
  let i = at + 1;
  if (isDigit(sql[i] ?? "")) {
    while (isDigit(sql[i] ?? "")) i++;
    return { kind: "param", start: at, end: i };
  }
  if (isIdentStart(sql[i] ?? "")) while (isIdentPart(sql[i] ?? "") && sql[i] !== "$") i++;
  if (sql[i] !== "$") return { kind: "operator", start: at, end: at + 1 };
  const tag = sql.slice(at, i + 1);
  const close = sql.indexOf(tag, i + 1);
  return { kind: "string", start: at, end: close < 0 ? sql.length : close + tag.length };
}

function operatorEnd(sql: string, at: number): number {
  let i = at;
  while (i < sql.length && OPERATOR_CHARS.has(sql[i] ?? "")) {
    if (i > at && (sql.startsWith("--", i) || sql.startsWith("/*", i))) break;
    i++;
  }
  return i;
}

function nextToken(sql: string, at: number): Token {
  const ch = sql[at] ?? "";
  const token = (kind: TokenKind, end: number): Token => ({ kind, start: at, end });
  if (isSpace(ch)) {
    let i = at + 1;
    while (isSpace(sql[i] ?? "")) i++;
    return token("space", i);
  }
  if (sql.startsWith("--", at)) {
    const newline = sql.indexOf("\n", at);
    return token("comment", newline < 0 ? sql.length : newline);
  }
  if (sql.startsWith("/*", at)) return token("comment", blockCommentEnd(sql, at));
  if (ch === "'") return token("string", stringEnd(sql, at, false));
  if (ch === '"') return token("quoted-ident", quotedIdentEnd(sql, at));
  if (ch === "$") return dollarToken(sql, at);
  if (isDigit(ch) || (ch === "." && isDigit(sql[at + 1] ?? ""))) {
    let i = at + 1;
    while (isIdentPart(sql[i] ?? "") || sql[i] === ".") i++;
    return token("number", i);
  }
  if (isIdentStart(ch)) {
    let i = at + 1;
    while (isIdentPart(sql[i] ?? "")) i++;
    // E'…' takes backslash escapes; B'…', X'…' and N'…' are plain strings with a prefix.
    if (i === at + 1 && sql[i] === "'" && /[ebxn]/i.test(ch)) {
      return token("string", stringEnd(sql, i, ch === "e" || ch === "E"));
    }
    return token("word", i);
  }
  if (PUNCT.has(ch)) return token("punct", at + 1);
  if (OPERATOR_CHARS.has(ch)) return token("operator", operatorEnd(sql, at));
  return token("operator", at + 1);
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  for (let at = 0; at < sql.length;) {
    const token = nextToken(sql, at);
    tokens.push(token);
    at = token.end;
  }
  return tokens;
}

/** Tokens that carry meaning: no whitespace, no comments. */
export function significant(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.kind !== "space" && t.kind !== "comment");
}

/** The largest `$n` in the statement, 0 when it has none. */
export function highestPlaceholder(sql: string, tokens: readonly Token[] = tokenize(sql)): number {
  let highest = 0;
  for (const t of tokens) {
    if (t.kind === "param") highest = Math.max(highest, Number(sql.slice(t.start + 1, t.end)));
  }
  return highest;
}
