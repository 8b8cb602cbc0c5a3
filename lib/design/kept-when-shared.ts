/**
 * What whoever opens this design's share link or file would not get. They read it through
 * validate.ts, which replaces a value it refuses (a comment over 500 characters, a 41st field)
 * with its default, while the wizard lets its author type or paste anything. So the author is
 * told, while the text is still theirs to shorten: each problem validate raises on the design as
 * it is, where what validate keeps differs from what the author has.
 */
import type { Design } from "./model";
import type { Problem } from "./problem";
import { validateDesign } from "./validate";

const RULE = "kept-when-shared";

/** The value at a dotted path (`request.2.comment`), as JSON. */
function jsonAt(value: unknown, path: string): string | undefined {
  let at = value;
  for (const key of path ? path.split(".") : [])
    at = typeof at === "object" && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return JSON.stringify(at);
}

export function lostWhenShared(design: Design): Problem[] {
  const { design: kept, problems } = validateDesign(design);
  return problems
    .filter((p) => jsonAt(design, p.path) !== jsonAt(kept, p.path))
    .map((p) => ({
      ...p,
      message: `Shared as it is, this would be lost: ${p.message}`,
      rule: RULE,
    }));
}
