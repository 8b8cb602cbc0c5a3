/**
 * A design that names no target gets a new design's: today's code. Designs written while the
 * guide's layout was the default may rely on it, so whoever reads such a design says which was used.
 */
import { EMPTY_DESIGN } from "./defaults";
import { TARGET_LABELS } from "./model";
import { problem, type Problem } from "./problem";

export function missingTargetProblem(input: unknown): Problem | null {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return null;
  if (Object.hasOwn(input, "target")) return null;
  const used = EMPTY_DESIGN.target;
  return problem(
    "target",
    "warning",
    `The design names no target, so it is generated for ${TARGET_LABELS[used]} ("${used}"), the default; add "target": "guide" for the written guide's layout.`,
  );
}
