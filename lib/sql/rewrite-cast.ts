/**
 * Takes the cast off a column where the statement writes one (`uuid::text = $2` → `uuid = $2`),
 * the smallest edit that gives the column back to its indexes. Works on tokens (tokens.ts), so
 * text in strings, comments and quoted names never matches; only the `::type` form is edited, and
 * not where it is compared with another column (a join key: the cast belongs on the other side).
 */
import { bareColumnsOf, lex } from "./levels";
import type { Target } from "./rewrite";
import { COMPARISONS, nameOf, type Token } from "./tokens";

/** Words that continue a type name (`character varying`, `timestamp with time zone`). */
const TYPE_WORDS = new Set(["varying", "precision", "with", "without", "time", "zone"]);

const isPunct = (sql: string, t: Token | undefined, p: string) =>
  t?.kind === "punct" && sql.slice(t.start, t.end) === p;

const LIST_WORDS = new Set(["any", "all", "some", "array"]);

/**
 * Is the token on the far side of a comparison a column (`= d.distinct_id`)? Taking the cast off
 * would then compare two types (uuid = varchar) and fail: the cast belongs on the other side.
 */
function comparedWithColumn(sql: string, tokens: readonly Token[], op: number, far: number) {
  const t = tokens[far];
  if (!COMPARISONS.has(sql.slice(tokens[op]?.start, tokens[op]?.end))) return false;
  return t?.kind === "quoted" || (t?.kind === "word" && !LIST_WORDS.has(t.lower));
}

/** The index of the last token of the type name that starts at `k`, or -1. */
function typeEnd(sql: string, tokens: readonly Token[], k: number): number {
  if (tokens[k]?.kind !== "word") return -1;
  let end = k;
  while (TYPE_WORDS.has(tokens[end + 1]?.lower ?? "") && tokens[end + 1]?.kind === "word") end++;
  if (isPunct(sql, tokens[end + 1], "(") && isPunct(sql, tokens[end + 3], ")")) end += 3;
  if (isPunct(sql, tokens[end + 1], "[") && isPunct(sql, tokens[end + 2], "]")) end += 2;
  return end;
}

/**
 * `sql` with every `column::type` of the reference `target` written as `column` (qualified by its
 * alias, or unqualified), or null when the statement writes no such cast.
 */
export function dropColumnCast(sql: string, target: Target, column: string): string | null {
  const lx = lex(sql);
  const { tokens } = lx;
  const bare = bareColumnsOf(lx, target.table, target.alias);
  const cuts: { from: number; to: number }[] = [];
  tokens.forEach((t, k) => {
    if (nameOf(sql, t) !== column || !isPunct(sql, tokens[k + 1], "::")) return;
    const qualified = isPunct(sql, tokens[k - 1], ".");
    if (qualified ? nameOf(sql, tokens[k - 2]) !== target.alias : !bare(k)) return;
    let end = k + 1;
    // A chain of casts goes as a whole: `uuid::text::varchar`.
    while (isPunct(sql, tokens[end], "::")) {
      const last = typeEnd(sql, tokens, end + 1);
      if (last < 0) return;
      end = last + 1;
    }
    const first = qualified ? k - 2 : k;
    if (comparedWithColumn(sql, tokens, end, end + 1)) return;
    if (comparedWithColumn(sql, tokens, first - 1, first - 2)) return;
    const from = tokens[k + 1]?.start ?? 0;
    cuts.push({ from, to: tokens[end - 1]?.end ?? from });
  });
  if (cuts.length === 0) return null;
  let out = sql;
  for (const cut of cuts.reverse()) out = out.slice(0, cut.from) + out.slice(cut.to);
  return out;
}
