/**
 * What stops the wizard before any code: a table outside personhog, or a person-data write whose
 * at-least-once question is unanswered (or answered "neither"). Each comes with its reason.
 */
import { derive, tablesOutside } from "./derive";
import type { Design } from "./model";

export function codeBlockers(design: Design): string[] {
  const blockers: string[] = [];
  const outside = tablesOutside(design);
  if (outside.length > 0) {
    blockers.push(
      `${outside.join(", ")} ${outside.length === 1 ? "is" : "are"} not personhog data: this RPC does not belong in personhog. Keep the access in the service that owns the table.`,
    );
  }
  const s = design.leaderSafety;
  if (derive(design).leaderWrite && (s.kind === "unanswered" || s.kind === "neither")) {
    blockers.push(
      s.kind === "neither"
        ? "A leader write that neither converges nor carries an idempotency key must not be added: redesign it with a key first."
        : "This person-data write goes to the leader: answer the at-least-once question in step 1 first.",
    );
  }
  return blockers;
}
