/**
 * Test helper (Node only, like lib/rust-harness/rustfmt-clean.ts): the checkout `apply` is tested
 * against, per era — the compile harness's skeleton of PostHog's proto and Rust
 * (`rust-harness/skeleton/base` with `current/` or `guide/` over it), the Python stand-ins in
 * `lib/apply/fixtures/checkout` and the Node compile harness's client modules (both layouts) over
 * both.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { NODE_LAYOUTS, type Target } from "../design/model";
import { clientModule } from "../node-harness/client-module";

const ROOT = path.join(import.meta.dirname, "..", "..");
const SKELETON = path.join(ROOT, "rust-harness", "skeleton");
const CHECKOUT = path.join(import.meta.dirname, "fixtures", "checkout");
const REAL_SHAPES = path.join(import.meta.dirname, "fixtures", "real-shapes");
export const EXAMPLES_DIR = path.join(ROOT, "content", "examples");

function readTree(dir: string, tree: Map<string, string>, prefix = ""): Map<string, string> {
  if (!existsSync(dir)) return tree;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) readTree(path.join(dir, entry.name), tree, rel);
    else if (rel !== "README.md") tree.set(rel, readFileSync(path.join(dir, entry.name), "utf8"));
  }
  return tree;
}

/** Repository-relative path → text, for a checkout of the given era. */
export function fixtureCheckout(target: Target): Map<string, string> {
  const tree = readTree(path.join(SKELETON, "base"), new Map());
  readTree(path.join(SKELETON, target), tree);
  for (const layout of NODE_LAYOUTS)
    for (const [file, text] of clientModule(layout)) tree.set(file, text);
  return readTree(CHECKOUT, tree);
}

/** Headings the real files word otherwise than the fixtures: [file, fixture's, real files']. */
const REWORDED: readonly (readonly [string, string, string])[] = [
  ["proto/personhog/replica/v1/replica.proto", "// Person lookups by ID", "// Person lookups"],
  ...["service", "replica"].map(
    (s) =>
      [
        `proto/personhog/${s}/v1/${s}.proto`,
        "// Feature flag hash key overrides",
        "// Feature flag hash key override support",
      ] as const,
  ),
];
const REEXPORTS = "posthog/personhog_client/proto/__init__.py";

/**
 * The current-era checkout with the real files' shapes that once broke apply: the files of
 * fixtures/real-shapes laid over it, the headings reworded as in the real files, and re-exports
 * from before any feature flag message was re-exported.
 */
export function realShapesCheckout(): Map<string, string> {
  const tree = readTree(REAL_SHAPES, fixtureCheckout("current"));
  for (const [file, from, to] of REWORDED) tree.set(file, tree.get(file)!.replace(from, to));
  tree.set(
    REEXPORTS,
    tree.get(REEXPORTS)!.replace(/^from [\w.]+\.feature_flag_pb2 import \([^)]*\)\n/m, ""),
  );
  return tree;
}

/** Every design apply is tested with: the design fixtures, and content/examples/*.json when present. */
export function exampleDesignFiles(): { name: string; text: string }[] {
  if (!existsSync(EXAMPLES_DIR)) return [];
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ""),
      text: readFileSync(path.join(EXAMPLES_DIR, f), "utf8"),
    }));
}
