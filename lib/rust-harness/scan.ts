/**
 * Just enough lexing of Rust (and proto, whose strings and comments are a subset) to find the
 * brace that closes a block and to read string literals: strings, raw strings, char literals and
 * comments are skipped, so a `{` inside `format!("{x}")` does not count.
 */

const IDENT_CHAR = /[A-Za-z0-9_]/;

/** A string literal at `i` (`"…"`, `r"…"`, `r#"…"#`): its source text and where it ends. */
export function readStringLiteral(src: string, i: number): { text: string; end: number } | null {
  if (src[i] === "r" && !IDENT_CHAR.test(src[i - 1] ?? "")) {
    const m = /^r(#*)"/.exec(src.slice(i, i + 260));
    if (m) {
      const close = `"${m[1]}`;
      const end = src.indexOf(close, i + m[0].length);
      if (end < 0) return null;
      return { text: src.slice(i, end + close.length), end: end + close.length };
    }
  }
  if (src[i] !== '"') return null;
  let j = i + 1;
  while (j < src.length && src[j] !== '"') j += src[j] === "\\" ? 2 : 1;
  return j < src.length ? { text: src.slice(i, j + 1), end: j + 1 } : null;
}

/** Where the token at `i` ends if it is a string, char literal or comment; else null. */
function skip(src: string, i: number): number | null {
  const c = src[i];
  if (c === "/" && src[i + 1] === "/") {
    const nl = src.indexOf("\n", i);
    return nl < 0 ? src.length : nl;
  }
  if (c === "/" && src[i + 1] === "*") {
    const end = src.indexOf("*/", i + 2);
    return end < 0 ? src.length : end + 2;
  }
  if (c === '"' || c === "r") return readStringLiteral(src, i)?.end ?? null;
  if (c === "'") {
    // A char literal ('{', '\n', '\u{7b}'); anything else after a quote is a lifetime.
    const m = /^'(?:\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'/.exec(src.slice(i, i + 12));
    return m ? i + m[0].length : null;
  }
  return null;
}

/** The index of the `}` that closes the `{` at `open`. */
export function matchingBrace(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const skipped = skip(src, i);
    if (skipped !== null) {
      i = skipped - 1;
      continue;
    }
    if (src[i] === "{") depth++;
    else if (src[i] === "}" && --depth === 0) return i;
  }
  throw new Error("unbalanced braces");
}

/** The value of a Rust string literal's source text. */
export function stringLiteralValue(literal: string): string {
  const raw = /^r(#*)"([\s\S]*)"\1$/.exec(literal);
  if (raw) return raw[2]!;
  const body = literal.slice(1, -1);
  return body.replace(
    /\\(?:u\{([0-9a-fA-F]+)\}|x([0-9a-fA-F]{2})|\n\s*|(.))/g,
    (_, unicode?: string, hex?: string, simple?: string) => {
      if (unicode) return String.fromCodePoint(parseInt(unicode, 16));
      if (hex) return String.fromCharCode(parseInt(hex, 16));
      if (simple === undefined) return ""; // a line continuation
      return { n: "\n", t: "\t", r: "\r", "0": "\0" }[simple] ?? simple;
    },
  );
}
