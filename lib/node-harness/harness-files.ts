/**
 * Test helper (Node only, like lib/apply/fixture-tree.ts): what the Node compile harness reads from
 * disk, TypeScript's lib files and the skeleton's proto files of each target, and one call that
 * type-checks a design's snippets in a layout.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fixtureCheckout } from "../apply/fixture-tree";
import type { Design, Target } from "../design/model";
import { generateSnippets } from "../generate/index";
import type { Snippet } from "../generate/snippet";
import type { NodeLayout } from "./client-module";
import { typecheckNode, type NodeHarnessResult } from "./typecheck";

const LIB_DIR = path.dirname(createRequire(import.meta.url).resolve("typescript"));

export function libFile(name: string): string | undefined {
  try {
    return readFileSync(path.join(LIB_DIR, path.basename(name)), "utf8");
  } catch {
    return undefined;
  }
}

const protoCache = new Map<Target, Map<string, string>>();
export function skeletonProtos(target: Target): Map<string, string> {
  let files = protoCache.get(target);
  if (!files) {
    files = new Map([...fixtureCheckout(target)].filter(([p]) => p.startsWith("proto/")));
    protoCache.set(target, files);
  }
  return files;
}

/** The design's Node snippets type-checked in `layout` (its own layout by default). */
export function typecheckDesign(
  design: Design,
  layout: NodeLayout = design.target === "guide" ? "ingestion-client" : design.nodeLayout,
  snippets: readonly Snippet[] = generateSnippets(design),
): NodeHarnessResult {
  return typecheckNode({ layout, snippets, protoFiles: skeletonProtos(design.target), libFile });
}

/** A failing result as the test prints it: the diagnostics, then the hand-written files. */
export const harnessReport = (r: NodeHarnessResult) =>
  [...r.problems, ...r.diagnostics].join("\n") +
  (r.diagnostics.length
    ? `\n\n${[...r.files]
        .filter(([p]) => !p.includes("generated") && !p.includes("node_modules"))
        .map(([p, t]) => `--- ${p}\n${t}`)
        .join("\n")}`
    : "");
