/**
 * Test helper: compiles Rust with the real rustc (edition 2024, whose reserved words include
 * every earlier edition's) and runs it. Used by the escape tests and the hostile-input property
 * test; Node-only, like rustfmt-clean.ts.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import path from "node:path";

/** A Rust tool: $RUSTC, $CARGO or $RUSTFMT when set, else rustup's, else the one on PATH. */
export function findRustTool(name: "rustc" | "cargo" | "rustfmt"): string {
  const variable = `$${name.toUpperCase()}`;
  const candidates = [
    process.env[variable.slice(1)],
    path.join(homedir(), ".cargo/bin", name),
    `/root/.cargo/bin/${name}`,
  ];
  for (const c of candidates) if (c && existsSync(c)) return c;
  const probe = spawnSync(name, ["--version"], { encoding: "utf8" });
  if (probe.status === 0) return name;
  assert.fail(
    `${name} was not found (looked at ${variable}, ~/.cargo/bin and PATH): install Rust with rustup.`,
  );
}

export interface RustRun {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** Compiles `source` as a binary and runs it; `ok` is false when either step fails. */
export function compileAndRun(source: string, extraArgs: readonly string[] = []): RustRun {
  const dir = mkdtempSync(path.join(tmpdir(), "workbench-rustc-"));
  try {
    const file = path.join(dir, "main.rs");
    const bin = path.join(dir, "main");
    writeFileSync(file, source);
    const build = spawnSync(
      findRustTool("rustc"),
      ["--edition", "2024", "-C", "debuginfo=0", ...extraArgs, "-o", bin, file],
      { encoding: "utf8", timeout: 60_000 },
    );
    if (build.status !== 0) return { ok: false, stdout: "", stderr: build.stderr };
    const run = spawnSync(bin, [], { encoding: "utf8", timeout: 10_000 });
    return { ok: run.status === 0, stdout: run.stdout, stderr: run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
