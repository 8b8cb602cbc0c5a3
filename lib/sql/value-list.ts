/**
 * The array of an `= ANY (…)` as PostgreSQL prints it: a parameter (`$2`, `($2)::bigint[]`), a
 * literal (`'{1,2,3}'::bigint[]`, what `IN (1, 2, 3)` becomes) or an ARRAY constructor
 * (`ARRAY[$2, $3]`, what `IN ($2, $3)` becomes). One linear scan each.
 */
import type { ValueList } from "./verdict";

/** Top-level separators between `from` and the bracket that closes it, quotes respected. */
function countElements(text: string, from: number, close: string): number | null {
  let depth = 0;
  let quote: string | null = null;
  let commas = 0;
  let content = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (quote) {
      if (ch === "\\" && quote === '"') i++;
      else if (ch === quote) quote = null;
      content = true;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (depth === 0 && ch === close) return content ? commas + 1 : 0;
    else if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth--;
    else if (depth === 0 && ch === ",") commas++;
    if (!/\s/.test(ch)) content = true;
  }
  return null;
}

export function valueList(printed: string | undefined): ValueList {
  const inner = /^ANY\s*\((.*)\)$/is.exec((printed ?? "").trim())?.[1]?.trim() ?? "";
  const param = /^\(*(\$\d+)\)*(?:::[a-z_ ]+(?:\[\])?)?$/i.exec(inner);
  if (param) return { param: param[1] ?? null, count: null };
  if (inner.startsWith("'{")) return { param: null, count: countElements(inner, 2, "}") };
  if (/^ARRAY\[/i.test(inner)) return { param: null, count: countElements(inner, 6, "]") };
  return { param: null, count: null };
}
