/**
 * Test helper: rustc's own lexer over generated Rust, through the proc macro in rust-tokens/
 * (built once with `cargo build --offline`; it needs nothing from crates.io). Returns one line
 * per file that does not lex or holds the marker as an identifier. Node-only.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findRustTool } from "./rustc-run";

const CRATE = path.join(import.meta.dirname, "rust-tokens");
let built: string | null = null;

function macroLibrary(): string {
  if (built) return built;
  const target = path.join(CRATE, "target");
  const build = spawnSync(
    findRustTool("cargo"),
    ["build", "--offline", "--quiet", "--manifest-path", path.join(CRATE, "Cargo.toml")],
    { encoding: "utf8", env: { ...process.env, CARGO_TARGET_DIR: target }, timeout: 120_000 },
  );
  assert.equal(build.status, 0, `cargo build of rust-tokens failed:\n${build.stderr}`);
  const ext = process.platform === "darwin" ? "dylib" : process.platform === "win32" ? "dll" : "so";
  const prefix = process.platform === "win32" ? "" : "lib";
  built = path.join(target, "debug", `${prefix}rust_tokens.${ext}`);
  return built;
}

/** Failures, one line each, for the named Rust sources; empty when all lex without the marker. */
export function rustMarkerFailures(
  files: readonly { readonly name: string; readonly code: string }[],
  marker: string,
): string[] {
  const library = macroLibrary();
  const dir = mkdtempSync(path.join(tmpdir(), "workbench-tokens-"));
  try {
    const sources = path.join(dir, "sources");
    mkdirSync(sources);
    files.forEach((f, i) =>
      writeFileSync(path.join(sources, `${String(i).padStart(4, "0")}-${f.name}.rs`), f.code),
    );
    const main = path.join(dir, "scan.rs");
    const args = [sources, marker].map((a) => JSON.stringify(a)).join(", ");
    writeFileSync(main, `rust_tokens::scan_dir!(${args}, ${files.length});\n`);
    const run = spawnSync(
      findRustTool("rustc"),
      [
        ...["--edition", "2024", "--crate-type", "lib", "--emit", "metadata"],
        ...["-o", path.join(dir, "scan.rmeta"), "--extern", `rust_tokens=${library}`, main],
      ],
      { encoding: "utf8", timeout: 60_000 },
    );
    if (run.status === 0) return [];
    const errors = run.stderr.split("\n").filter((l) => /^error|\.rs: /.test(l));
    const lastFile = run.stderr.match(/rust_tokens: lexing (.*)$/gm)?.pop() ?? "";
    return [...errors, `(last file read: ${lastFile.replace("rust_tokens: lexing ", "")})`];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
