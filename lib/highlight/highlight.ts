/**
 * A light highlighter for generated code: comments, strings, numbers, keywords and types, by one
 * regular expression per language. Generated code is regular, so this is enough, and it keeps
 * Monaco off the page where nobody edits. Tokens concatenate back to the input as a reader must
 * see it: exactly, except that each character that hides or reorders text (a bidi override in
 * a link's SQL, Trojan Source) is shown as its `\uXXXX` escape, as in the terminal.
 */
import { terminalText } from "../export/terminal-text";
import type { Snippet } from "../generate/snippet";

/** Snippet languages, plus SQL for the design's query on read-only pages. */
export type HighlightLanguage = Snippet["language"] | "sql";

export type TokenKind = "comment" | "string" | "number" | "keyword" | "type" | "plain";
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

const SQL_KEYWORDS = [
  "SELECT",
  "FROM",
  "WHERE",
  "AND",
  "OR",
  "NOT",
  "IN",
  "ANY",
  "JOIN",
  "LEFT",
  "INNER",
  "ON",
  "AS",
  "ORDER",
  "BY",
  "GROUP",
  "LIMIT",
  "OFFSET",
  "INSERT",
  "INTO",
  "VALUES",
  "UPDATE",
  "SET",
  "DELETE",
  "RETURNING",
  "CONFLICT",
  "DO",
  "NOTHING",
  "FOR",
  "IS",
  "NULL",
  "TRUE",
  "FALSE",
  "COUNT",
  "EXISTS",
  "DISTINCT",
  "ASC",
  "DESC",
  "WITH",
  "USING",
  "CASE",
  "WHEN",
  "THEN",
  "ELSE",
  "END",
  "LIKE",
  "BETWEEN",
];

const KEYWORDS: Readonly<Record<HighlightLanguage, readonly string[]>> = {
  // SQL is case-insensitive; both spellings people use are listed.
  sql: [...SQL_KEYWORDS, ...SQL_KEYWORDS.map((k) => k.toLowerCase())],
  proto: [
    "syntax",
    "package",
    "import",
    "message",
    "service",
    "rpc",
    "returns",
    "repeated",
    "optional",
    "enum",
    "reserved",
  ],
  python: [
    "def",
    "return",
    "class",
    "from",
    "import",
    "if",
    "else",
    "for",
    "in",
    "None",
    "True",
    "False",
    "self",
    "async",
    "await",
    "not",
    "and",
    "or",
    "lambda",
  ],
  typescript: [
    "async",
    "await",
    "const",
    "let",
    "return",
    "if",
    "else",
    "for",
    "of",
    "new",
    "function",
    "class",
    "import",
    "from",
    "export",
    "undefined",
    "true",
    "false",
    "this",
    "readonly",
  ],
  rust: [
    "fn",
    "let",
    "mut",
    "pub",
    "impl",
    "trait",
    "struct",
    "enum",
    "async",
    "await",
    "return",
    "if",
    "else",
    "match",
    "for",
    "in",
    "use",
    "mod",
    "self",
    "Self",
    "Some",
    "None",
    "Ok",
    "Err",
    "true",
    "false",
    "as",
    "where",
    "const",
    "move",
  ],
  shell: ["cd", "cargo", "pnpm", "npx", "bin"],
  markdown: [],
};

const COMMENT: Readonly<Record<HighlightLanguage, string>> = {
  sql: "--[^\\n]*",
  proto: "//[^\\n]*",
  python: "#[^\\n]*",
  typescript: "//[^\\n]*",
  rust: "//[^\\n]*",
  shell: "#[^\\n]*",
  markdown: "(?!)",
};

const cache = new Map<HighlightLanguage, RegExp>();

/*
 * Every alternative that scans ahead ends at the latest at the end of the line (strings) or of the
 * text (raw strings), instead of failing: a quote that is never closed is highlighted to the end of
 * its line rather than rescanned from each later quote, which made the time quadratic.
 */

function scanner(language: HighlightLanguage): RegExp {
  let re = cache.get(language);
  if (!re) {
    const words = KEYWORDS[language].join("|") || "(?!)";
    re = new RegExp(
      `(${COMMENT[language]})|("(?:[^"\\\\\\n]|\\\\[\\s\\S]?)*(?:"|(?=\\n)|$)|'(?:[^'\\\\\\n]|\\\\[\\s\\S]?)*(?:'|(?=\\n)|$)|r#"[\\s\\S]*?(?:"#|$))|(\\b\\d[\\d_]*n?\\b)|\\b(${words})\\b|\\b([A-Z][A-Za-z0-9]*)\\b`,
      "g",
    );
    cache.set(language, re);
  }
  return re;
}

export function highlight(text: string, language: HighlightLanguage): Token[] {
  const code = terminalText(text);
  const tokens: Token[] = [];
  let last = 0;
  for (const m of code.matchAll(scanner(language))) {
    const index = m.index ?? 0;
    if (index > last) tokens.push({ kind: "plain", text: code.slice(last, index) });
    const kind: TokenKind = m[1]
      ? "comment"
      : m[2]
        ? "string"
        : m[3]
          ? "number"
          : m[4]
            ? "keyword"
            : "type";
    tokens.push({ kind, text: m[0] });
    last = index + m[0].length;
  }
  if (last < code.length) tokens.push({ kind: "plain", text: code.slice(last) });
  return tokens;
}
