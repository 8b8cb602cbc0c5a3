/**
 * A design that names no target gets a new design's: today's code. Designs written while the
 * guide's layout was the default may rely on it, so whoever reads such a design says which was used.
 * Likewise a person write on today's code that names no side gets the replica, where designs
 * written before the choice existed meant the leader.
 */
import { EMPTY_DESIGN } from "./defaults";
import { derive } from "./derive";
import { TARGET_LABELS, type Design } from "./model";
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

/** `design` is what validateDesign read from `input`. */
export function missingPersonWriteSideProblem(input: unknown, design: Design): Problem | null {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return null;
  if (Object.hasOwn(input, "personWriteBackend") || !derive(design).choosesPersonWriteSide)
    return null;
  return problem(
    "personWriteBackend",
    "warning",
    `The design is a person write on today's code and names no personWriteBackend, so the replica serves it on its primary pool ("${EMPTY_DESIGN.personWriteBackend}"), today's practice; add "personWriteBackend": "leader" for the leader, which designs written before this choice meant.`,
  );
}
