/** PGlite's files as the CLI's lab reads and compiles them outside PGlite. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { compileLabWasm, pgliteFile } from "./pglite-files.mjs";

const ROOT = path.join(import.meta.dirname, "..");

describe("PGlite's files for the CLI's lab", () => {
  it("compiles PGlite's wasm, Liftoff only or not", async () => {
    for (const liftoffOnly of [true, false]) {
      const compiled = await compileLabWasm(ROOT, liftoffOnly);
      assert.ok(compiled instanceof WebAssembly.Module);
      const exported = WebAssembly.Module.exports(compiled).map((e) => e.name);
      assert.ok(
        exported.includes("pgl_send") && exported.includes("pgl_recv"),
        String(liftoffOnly),
      );
    }
  });

  it("resolves to no module, never a failure, when PGlite cannot be found", async () => {
    assert.equal(await compileLabWasm("/nowhere", true), undefined);
  });

  it("reads a file beside PGlite's entry, whole", () => {
    const data = pgliteFile(ROOT, "pglite.data");
    assert.ok(data.byteLength > 1_000_000);
    assert.throws(() => pgliteFile(ROOT, "no-such-file"));
  });
});
