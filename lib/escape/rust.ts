/**
 * The Rust contexts design text reaches: comments, string literals, the SQL of a sqlx macro, and
 * field names as identifiers.
 */
import { braced, isSurrogate, isUnsafe, replaceUnsafe } from "./chars";
import { commentText } from "./comment";
import { RUST_RAW, RUST_SUFFIXED } from "./keywords";

export const rustComment = (text: string): string => `// ${commentText(text)}`;

const STRING_ESCAPES: Readonly<Record<number, string>> = {
  0x00: "\\0",
  0x09: "\\t",
  0x0a: "\\n",
  0x0d: "\\r",
};

/** The body of a `"…"` literal: quotes and backslashes escaped, unsafe characters as `\u{…}`. */
function stringBody(text: string): string {
  return replaceUnsafe(text.replaceAll("\\", "\\\\").replaceAll('"', '\\"'), (cp) =>
    // Rust has no escape for a lone surrogate: it becomes U+FFFD, as a UTF-8 file would hold it.
    isSurrogate(cp) ? "\\u{fffd}" : (STRING_ESCAPES[cp] ?? braced(cp)),
  );
}

/** A Rust string literal holding `text` exactly (lone surrogates aside). */
export const rustString = (text: string): string => `"${stringBody(text)}"`;

/** rustc delimits raw strings with at most 255 `#`. */
const MAX_HASHES = 255;

/**
 * SQL as the string argument of a sqlx macro, on its own lines at `col`, re-indented (rustfmt
 * never touches a literal). A raw string (`r#"…"#`, with enough `#` that the SQL cannot close it)
 * keeps the SQL readable (tabs and newlines included); SQL holding any other character a raw
 * string cannot escape (controls, bidi, separators) or needing more than 255 `#` goes in an
 * ordinary literal with escapes instead.
 */
export function rustSql(col: number, sql: string): string[] {
  const lines = sql
    .replace(/\r\n?/g, "\n")
    .replace(/^(?:[ \t]*\n)+/, "")
    .trimEnd()
    .split("\n");
  const common = Math.min(
    ...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length),
    Infinity,
  );
  const pad = " ".repeat(col);
  const body = lines.map((l) => (l.trim() ? `${pad}${l.slice(common).trimEnd()}` : ""));
  const hashes = rawHashes(sql);
  const layout = (ch: string) => ch === "\n" || ch === "\t";
  const plain = [...body.join("\n")].every((ch) => layout(ch) || !isUnsafe(ch.codePointAt(0)!));
  if (plain && hashes.length <= MAX_HASHES)
    return [`${pad}r${hashes}"`, ...body, `${pad}"${hashes}`];
  // An ordinary literal may span lines; a `\` before a newline would swallow it, but every
  // backslash is escaped.
  return [`${pad}"`, ...body.map(stringBody), `${pad}"`];
}

/** The fewest `#` (at least one) such that `"` followed by them does not occur in `text`. */
function rawHashes(text: string): string {
  let longest = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) {
    let n = 0;
    while (text[i + 1 + n] === "#") n++;
    longest = Math.max(longest, n);
  }
  return "#".repeat(longest + 1);
}

/**
 * A proto field name as prost spells the Rust field: keywords as raw identifiers (`r#type`),
 * the few Rust refuses even raw with a trailing underscore (`self_`). Handlers read `req.<name>`
 * from prost's structs, so this must be prost's rule exactly; storage parameters and result
 * struct fields use it too, so one field has one Rust name everywhere.
 */
export function rustIdent(name: string): string {
  if (RUST_SUFFIXED.has(name)) return `${name}_`;
  return RUST_RAW.has(name) ? `r#${name}` : name;
}
