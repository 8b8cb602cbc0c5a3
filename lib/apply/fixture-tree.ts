/**
 * Test helper (Node only, like lib/generate/rustfmt-harness.ts): the checkout `apply` is tested
 * against, per era — the compile harness's skeleton of PostHog's proto and Rust
 * (`rust-harness/skeleton/base` with `current/` or `guide/` over it) and the Python and Node
 * stand-ins in `lib/apply/fixtures/checkout` over both.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Target } from "../design/model";

const ROOT = path.join(import.meta.dirname, "..", "..");
const SKELETON = path.join(ROOT, "rust-harness", "skeleton");
const CHECKOUT = path.join(import.meta.dirname, "fixtures", "checkout");

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
  return readTree(CHECKOUT, tree);
}

/** Every design apply is tested with: the design fixtures, and content/examples/*.json when present. */
export function exampleDesignFiles(): { name: string; text: string }[] {
  const dir = path.join(ROOT, "content", "examples");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ""),
      text: readFileSync(path.join(dir, f), "utf8"),
    }));
}
