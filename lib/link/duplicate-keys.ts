/**
 * The keys JSON text gives more than once in one object. JSON.parse keeps the last copy without a
 * word, while a person or another tool reading the same text may take the first: a shared design
 * could show its reader one SQL and hand us another. One pass over text JSON.parse accepted; each
 * key is decoded, so "sql" and "\u0073ql" are the same key.
 */

/** A crafted text can repeat thousands of keys; the reader needs the first few. */
const MAX_FOUND = 20;
/** A key is shown by its first characters (it may be a megabyte long). */
const SHOWN_KEY = 40;

type Open =
  | { readonly kind: "object"; readonly path: string; readonly keys: Set<string>; key: string }
  | { readonly kind: "array"; readonly path: string; index: number };

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Where the next value inside `open` sits. */
function childPath(open: Open | undefined): string {
  if (!open) return "";
  return join(open.path, open.kind === "object" ? open.key : String(open.index));
}

const isSpace = (ch: string | undefined) => ch === " " || ch === "\t" || ch === "\n" || ch === "\r";

/** The path of each repeated key (`request.0.name`), in order; the text must be valid JSON. */
export function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  const stack: Open[] = [];
  for (let i = 0; i < text.length && found.length < MAX_FOUND; i++) {
    const ch = text[i];
    const top = stack.at(-1);
    if (ch === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === "\\") i++;
      let next = i + 1;
      while (isSpace(text[next])) next++;
      if (top?.kind !== "object" || text[next] !== ":") continue;
      const key = JSON.parse(text.slice(start, i + 1)) as string;
      if (top.keys.has(key)) found.push(join(top.path, key.slice(0, SHOWN_KEY)));
      top.keys.add(key);
      top.key = key.slice(0, SHOWN_KEY);
    } else if (ch === "{")
      stack.push({ kind: "object", path: childPath(top), keys: new Set(), key: "" });
    else if (ch === "[") stack.push({ kind: "array", path: childPath(top), index: 0 });
    else if (ch === "}" || ch === "]") stack.pop();
    else if (ch === "," && top?.kind === "array") top.index++;
  }
  return found;
}

/** The warning for each repeated key, saying which copy was read. */
export const duplicateKeyWarnings = (text: string): string[] =>
  duplicateKeys(text).map(
    (path) => `The key "${path}" is given more than once; only its last copy was read.`,
  );
