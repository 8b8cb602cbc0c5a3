/**
 * A small tokenizer for PostgreSQL's lexical structure: enough to tell what kind of statement a
 * text holds and where its placeholders are, without a regular expression. One pass, each
 * character looked at a bounded number of times (dollar-quote tags included), so the time is
 * linear in the text whatever it holds. Comments and whitespace produce no token; strings,
 * quoted identifiers and comments that are never closed are reported, not guessed at.
 */

export type TokenKind =
  /** An unquoted identifier or keyword; `lower` holds it in lower case. */
  | "word"
  /** A quoted identifier: never a keyword. */
  | "quoted"
  /** Any string constant: '…', E'…', B'…', X'…', N'…', U&'…', $tag$…$tag$. */
  | "string"
  | "number"
  /** `$n`; `lower` holds the digits. */
  | "param"
  /** ( ) [ ] , ; . : :: and operator runs (`=`, `<>`, `->>` …). */
  | "punct";

export interface Token {
  readonly kind: TokenKind;
  /** Offsets into the text: `text.slice(start, end)` is the token. */
  readonly start: number;
  readonly end: number;
  readonly lower: string;
}

export interface Unclosed {
  readonly what: "string" | "quoted identifier" | "comment";
  readonly start: number;
}

export interface Tokens {
  readonly tokens: readonly Token[];
  /** A string, quoted identifier or block comment that runs to the end of the text. */
  readonly unclosed?: Unclosed;
}

/** The operators that compare two values. */
export const COMPARISONS = new Set(["=", "<>", "!=", "<", "<=", ">", ">="]);

const OPERATOR_CHARS = new Set("+-*/<>=~!@#%^&|`?");

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

/** PostgreSQL's ident_start: ASCII letters, underscore and any non-ASCII character. */
function isIdentStart(c: string | undefined): boolean {
  if (c === undefined) return false;
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_" || c >= "\u0080";
}

/** ident_cont adds digits and `$` (which is why `a$1` is one identifier, not a placeholder). */
function isIdentCont(c: string | undefined): boolean {
  return isIdentStart(c) || isDigit(c) || c === "$";
}

/** Dollar-quote tags are like identifiers but without `$`. */
function isTagCont(c: string | undefined): boolean {
  return isIdentStart(c) || isDigit(c);
}

function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v";
}

/** Index just past a quoted run closed by `quote`, a doubled quote standing for itself. */
function closeQuoted(text: string, from: number, quote: string, backslash: boolean): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (backslash && c === "\\") i += 2;
    else if (c === quote) {
      if (text[i + 1] !== quote) return i + 1;
      i += 2;
    } else i++;
  }
  return -1;
}

/** Index just past the `*​/` closing a block comment opened at `from`; they nest. */
function closeComment(text: string, from: number): number {
  let depth = 1;
  let i = from + 2;
  while (i < text.length) {
    if (text[i] === "/" && text[i + 1] === "*") {
      depth++;
      i += 2;
    } else if (text[i] === "*" && text[i + 1] === "/") {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return -1;
}

/** The length of the tag run at `from` (letters, digits, underscore). */
function tagLength(text: string, from: number): number {
  let i = from;
  while (isTagCont(text[i])) i++;
  return i - from;
}

/**
 * Index just past the closing `$tag$` of a dollar quote whose body starts at `from`. At each `$`
 * the tag run after it is read once; a run that is not the closing tag is skipped whole, and its
 * final `$` (if any) is looked at again as a possible opener of the closing tag, as PostgreSQL does.
 */
function closeDollar(text: string, from: number, tag: string): number {
  let i = text.indexOf("$", from);
  while (i >= 0) {
    const run = tagLength(text, i + 1);
    if (run === tag.length && text[i + 1 + run] === "$" && text.startsWith(tag, i + 1)) {
      return i + run + 2;
    }
    i = text.indexOf("$", i + 1 + run);
  }
  return -1;
}

/** A string prefix glued to its quote: E'…', B'…', X'…', N'…', U&'…' (and U&"…" identifiers). */
function prefixedQuote(text: string, i: number): { quoteAt: number; backslash: boolean } | null {
  const c = text[i]?.toLowerCase();
  if ((c === "e" || c === "b" || c === "x" || c === "n") && text[i + 1] === "'") {
    return { quoteAt: i + 1, backslash: c === "e" };
  }
  if (c === "u" && text[i + 1] === "&" && (text[i + 2] === "'" || text[i + 2] === '"')) {
    return { quoteAt: i + 2, backslash: false };
  }
  return null;
}

function operatorEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && OPERATOR_CHARS.has(text[i] ?? "")) {
    // A comment can start inside an operator run: `a=--x` is `a =` and a comment.
    if (i > from && text[i] === "-" && text[i + 1] === "-") break;
    if (i > from && text[i] === "/" && text[i + 1] === "*") break;
    i++;
  }
  return i;
}

function numberEnd(text: string, from: number): number {
  let i = from;
  // Digits, a decimal point, exponents, 0x/0o/0b prefixes and `_` separators (PostgreSQL 16).
  while (i < text.length) {
    const c = text[i] ?? "";
    if (isDigit(c) || c === "." || c === "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")) {
      if ((c === "e" || c === "E") && (text[i + 1] === "+" || text[i + 1] === "-")) i++;
      i++;
    } else break;
  }
  return i;
}

export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number, lower = "") =>
    tokens.push({ kind, start, end, lower });
  const unclosed = (what: Unclosed["what"], start: number): Tokens => ({
    tokens,
    unclosed: { what, start },
  });
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? "";
    if (isSpace(c)) {
      i++;
    } else if (c === "-" && text[i + 1] === "-") {
      const newline = text.indexOf("\n", i);
      i = newline < 0 ? text.length : newline + 1;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = closeComment(text, i);
      if (end < 0) return unclosed("comment", i);
      i = end;
    } else if (c === "'") {
      const end = closeQuoted(text, i + 1, "'", false);
      if (end < 0) return unclosed("string", i);
      push("string", i, end);
      i = end;
    } else if (c === '"') {
      const end = closeQuoted(text, i + 1, '"', false);
      if (end < 0) return unclosed("quoted identifier", i);
      push("quoted", i, end);
      i = end;
    } else if (isIdentStart(c)) {
      const prefixed = prefixedQuote(text, i);
      if (prefixed) {
        const quote = text[prefixed.quoteAt] ?? "'";
        const end = closeQuoted(text, prefixed.quoteAt + 1, quote, prefixed.backslash);
        if (end < 0) return unclosed(quote === "'" ? "string" : "quoted identifier", i);
        push(quote === "'" ? "string" : "quoted", i, end);
        i = end;
      } else {
        let end = i + 1;
        while (isIdentCont(text[end])) end++;
        push("word", i, end, text.slice(i, end).toLowerCase());
        i = end;
      }
    } else if (c === "$" && isDigit(text[i + 1])) {
      let end = i + 1;
      while (isDigit(text[end])) end++;
      push("param", i, end, text.slice(i + 1, end));
      i = end;
    } else if (c === "$") {
      const run = isIdentStart(text[i + 1]) ? tagLength(text, i + 1) : 0;
      if (text[i + 1 + run] === "$") {
        const end = closeDollar(text, i + run + 2, text.slice(i + 1, i + 1 + run));
        if (end < 0) return unclosed("string", i);
        push("string", i, end);
        i = end;
      } else {
        push("punct", i, i + 1, "$");
        i++;
      }
    } else if (isDigit(c) || (c === "." && isDigit(text[i + 1]))) {
      const end = numberEnd(text, i);
      push("number", i, end);
      i = end;
    } else if (c === ":" && text[i + 1] === ":") {
      push("punct", i, i + 2, "::");
      i += 2;
    } else if (OPERATOR_CHARS.has(c)) {
      const end = operatorEnd(text, i);
      push("punct", i, end, text.slice(i, end));
      i = end;
    } else {
      // ( ) [ ] , ; . : and anything PostgreSQL would refuse: one character each.
      push("punct", i, i + 1, c);
      i++;
    }
  }
  return { tokens };
}

/** The name a word or quoted identifier spells: words fold to lower case; `""` in quotes is `"`. */
export function nameOf(text: string, t: Token | undefined): string | null {
  if (t?.kind === "word") return t.lower;
  return t?.kind === "quoted" ? text.slice(t.start + 1, t.end - 1).replaceAll('""', '"') : null;
}

/** Each bracket's partner both ways, by token index: `(` with `)`, `[` with `]`. */
export function partners(tokens: readonly Token[]): Map<number, number> {
  const partner = new Map<number, number>();
  const open: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== "punct") return;
    if (t.lower === "(" || t.lower === "[") open.push(i);
    const from = t.lower === ")" || t.lower === "]" ? open.pop() : undefined;
    if (from === undefined) return;
    partner.set(from, i);
    partner.set(i, from);
  });
  return partner;
}
