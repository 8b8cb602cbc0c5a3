/**
 * Test helper: runs the real rustfmt over a generated snippet placed where it lands in its file
 * (inside a trait, an impl, a match, the KNOWN_METHODS array), so rustfmt sees the true nesting
 * depth. The snippet must parse and come back unchanged; macro arguments, which rustfmt skips when
 * they do not parse, are parsed a second time as plain calls. Used by lib/generate's rust.test.ts
 * and the hostile-input property test (hostile.test.ts).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { EXISTING_RPCS } from "../catalogue/existing-rpcs";
import type { Design } from "../design/model";
import { placementOf } from "../generate/snippet-placement";
import type { Snippet } from "../generate/snippet";
import { indent } from "./place";
import { findRustTool } from "./rustc-run";

/** Each snippet placed where it lands in its file, so rustfmt sees the real nesting depth. */
function wrap(s: Snippet, design: Design): string {
  const inside = (open: string) => `${open} {\n${indent(s.code, 4)}\n}\n`;
  switch (placementOf(s.id)) {
    case "trait-item":
      return inside("trait T");
    case "impl-item":
      return inside("impl X");
    case "item":
    case "storage-type":
      return `${s.code}\n`;
    case "known-method": {
      const others = EXISTING_RPCS.filter((n) => n !== design.rpcName).map((n) => `"${n}",`);
      const lines = [...others, s.code].sort();
      return `pub const KNOWN_METHODS: &[&str] = &[\n${indent(lines.join("\n"), 4)}\n];\n`;
    }
    case "match-arm":
      return [
        "impl RawProxyInner {",
        "    async fn handle(&self) {",
        "        let (mut response, backend, channel_call_ms) = match method_name {",
        indent(s.code, 12),
        "            _ => todo!(),",
        "        };",
        "    }",
        "}",
        "",
      ].join("\n");
    default:
      throw new Error(`no placement for snippet ${s.id}: add it to snippet-placement.ts`);
  }
}

function rustfmt(source: string): { ok: boolean; out: string; err: string } {
  // Parsed as edition 2024, whose reserved words include every earlier edition's (`gen`, `try`),
  // and formatted in the 2021 style PostHog's checkout uses.
  const run = spawnSync(
    findRustTool("rustfmt"),
    ["--edition", "2024", "--style-edition", "2021", "--emit", "stdout"],
    {
      input: source,
      encoding: "utf8",
    },
  );
  return { ok: run.status === 0, out: run.stdout, err: run.stderr };
}

/** rustfmt leaves a macro alone when its arguments do not parse, so they parse as a call too. */
const macrosAsCalls = (source: string) => source.replace(/(\w)!\(/g, "$1(");

export function assertRustfmtClean(s: Snippet, design: Design): void {
  const source = wrap(s, design);
  const run = rustfmt(source);
  assert.ok(run.ok, `rustfmt rejected ${s.id} of ${design.rpcName}:\n${run.err}\n${source}`);
  assert.equal(run.out, source, `${s.id} of ${design.rpcName} is not rustfmt-clean`);
  const parsed = rustfmt(macrosAsCalls(source));
  assert.ok(parsed.ok, `macro arguments of ${s.id} do not parse:\n${parsed.err}`);
}

/** Every snippet of a design in one rustfmt run; on any difference, one by one to name it. */
export function assertAllRustfmtClean(snippets: readonly Snippet[], design: Design): void {
  const source = snippets.map((s) => wrap(s, design)).join("\n");
  const run = rustfmt(source);
  if (run.ok && run.out === source && rustfmt(macrosAsCalls(source)).ok) return;
  for (const s of snippets) assertRustfmtClean(s, design);
  assert.fail(`the snippets of ${design.rpcName} are clean alone but not together`);
}
