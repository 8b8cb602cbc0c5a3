/**
 * The design's fields in the words the wizard's form uses, for messages a user reads there (a
 * damaged link's warnings): the label, and where on the page to check it.
 */
import type { Design } from "./model";
import { STEPS, stepOfProblem } from "./steps";

export const FIELD_LABELS: Readonly<Record<keyof Design, string>> = {
  target: "Code layout",
  rpcName: "RPC name",
  domain: "Domain (proto file)",
  tables: "Tables",
  categoryOverride: "Classify the RPC by its purpose",
  operation: "Does the RPC read or write?",
  consistency: "Consistency",
  batch: "Batch",
  sql: "SQL",
  request: "Request fields",
  readOptions: "Carries read_options",
  response: "Response",
  leaderSafety: "How is a second delivery safe?",
  personWriteBackend: "Where is this write served?",
  nodeLayout: "Node client layout",
};

const isDesignKey = (key: string): key is keyof Design => Object.hasOwn(FIELD_LABELS, key);

/** `request.0.name` → `Request fields, field 1, name`; unknown paths are shown as they are. */
export function fieldLabel(path: string): string {
  const [root = "", ...rest] = path.split(".");
  if (!isDesignKey(root)) return path;
  const parts = rest.filter((p) => p !== "fields");
  return [
    FIELD_LABELS[root],
    ...parts.map((p) => (/^\d+$/.test(p) ? `field ${Number(p) + 1}` : p)),
  ].join(", ");
}

/** Where the form shows a field, to follow "check it …". */
export function fieldPlace(path: string): string {
  const root = path.split(".")[0] ?? "";
  if (root === "target") return "at the top of the workbench";
  // The form has no field for it; the Node client code shows its effect.
  if (root === "nodeLayout") return "in the Node client code";
  const step = stepOfProblem({ path, severity: "error", message: "" });
  return `on the ${STEPS.find((s) => s.id === step)?.title} step`;
}
