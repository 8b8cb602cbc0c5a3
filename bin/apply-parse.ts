/**
 * After apply writes: the real parsers this machine has, over the files it changed — protobufjs
 * (every proto under proto/, so the new rpc lines' message names must resolve), Python's `ast`,
 * the TypeScript parser, and `rustfmt --check` (edition 2021). Each is bounded in time; a parser
 * that is not installed is reported as skipped, never as passed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import protobuf from "protobufjs";
import ts from "typescript";

const TOOL_TIMEOUT_MS = 30_000;

export interface ParseReport {
  readonly ok: boolean;
  readonly lines: readonly string[];
}

function protoFiles(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? protoFiles(path.join(dir, e.name), `${prefix}${e.name}/`)
      : e.name.endsWith(".proto")
        ? [`${prefix}${e.name}`]
        : [],
  );
}

/**
 * Where protobufjs reads a proto: a regular file under proto/, reached without a link. Anything
 * else (an import of ../../etc/passwd, a link to /dev/zero, a FIFO) is refused unread, as
 * reading it could print what it holds or never end. A missing file is left to protobufjs to name.
 */
function protoPath(root: string, target: string): string {
  const full = path.join(root, target);
  let real: string;
  try {
    real = realpathSync(full);
  } catch {
    return full;
  }
  if (full.startsWith(root + path.sep) && real === full && statSync(full).isFile()) return full;
  throw new Error(`${target}: not a regular file inside proto/, so it was not read`);
}

/** Loads every personhog proto with imports resolved under proto/, then resolves every type. */
function checkProtos(repo: string): string | null {
  const root = path.join(repo, "proto");
  const files = protoFiles(path.join(root, "personhog")).map((f) => `personhog/${f}`);
  try {
    const pb = new protobuf.Root();
    pb.resolvePath = (_origin, target) => protoPath(root, target);
    pb.loadSync(files, { keepCase: true });
    pb.resolveAll();
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

function checkPython(repo: string, files: readonly string[]): string | null {
  const script =
    "import ast,sys\nfor p in sys.argv[1:]:\n  ast.parse(open(p,encoding='utf-8').read(),p)";
  // -I: isolated, so an ast.py in the working directory (the checkout, often) is not what runs.
  const run = spawnSync("python3", ["-I", "-c", script, ...files.map((f) => path.join(repo, f))], {
    encoding: "utf8",
    timeout: TOOL_TIMEOUT_MS,
  });
  if (run.error) return `python3 did not run (${run.error.message})`;
  return run.status === 0 ? null : run.stderr.trim().split("\n").slice(-4).join("\n");
}

function checkTypeScript(repo: string, files: readonly string[]): string | null {
  const errors = files.flatMap((file) => {
    const out = ts.transpileModule(readFileSync(path.join(repo, file), "utf8"), {
      fileName: file,
      reportDiagnostics: true,
      compilerOptions: { target: ts.ScriptTarget.ES2022 },
    });
    return (out.diagnostics ?? []).map(
      (d) => `${file}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
    );
  });
  return errors.length ? errors.slice(0, 10).join("\n") : null;
}

function rustfmtPath(): string | null {
  const home = path.join(homedir(), ".cargo/bin/rustfmt");
  if (existsSync(home)) return home;
  return spawnSync("rustfmt", ["--version"]).status === 0 ? "rustfmt" : null;
}

/**
 * Each file through rustfmt on standard input, compared with what rustfmt prints: unlike
 * `rustfmt --check FILE`, this never follows `mod x;` into files apply did not touch (which may
 * be missing, or formatted by another rustfmt version, and are not apply's to answer for).
 */
function checkRust(repo: string, files: readonly string[]): string | null | "skipped" {
  const rustfmt = rustfmtPath();
  if (!rustfmt) return "skipped";
  for (const file of files) {
    const text = readFileSync(path.join(repo, file), "utf8");
    const run = spawnSync(rustfmt, ["--edition", "2021", "--emit", "stdout", "--color", "never"], {
      input: text,
      encoding: "utf8",
      timeout: TOOL_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
    if (run.error) return `rustfmt did not run (${run.error.message})`;
    if (run.status !== 0)
      return run.stderr.replaceAll("<stdin>", file).trim().split("\n").slice(0, 40).join("\n");
    if (run.stdout !== text) {
      const before = text.split("\n");
      const after = run.stdout.split("\n");
      const line = before.findIndex((l, i) => l !== after[i]);
      return `${file}:${line + 1}: not as rustfmt leaves it (rustfmt writes: ${JSON.stringify(after[line] ?? "")})`;
    }
  }
  return null;
}

/** Runs each parser over the changed files of its language. */
export function checkApplied(repo: string, changed: readonly string[]): ParseReport {
  const of = (ext: string) => changed.filter((f) => f.endsWith(ext));
  const checks: [string, string[], () => string | null | "skipped"][] = [
    ["protobufjs", of(".proto"), () => checkProtos(repo)],
    ["python ast", of(".py"), () => checkPython(repo, of(".py"))],
    ["typescript parser", of(".ts"), () => checkTypeScript(repo, of(".ts"))],
    ["rustfmt --check", of(".rs"), () => checkRust(repo, of(".rs"))],
  ];
  const lines: string[] = [];
  let ok = true;
  for (const [name, files, run] of checks) {
    if (!files.length) continue;
    const result = run();
    if (result === "skipped") lines.push(`skipped: ${name} (not installed here)`);
    else if (result === null) lines.push(`parses: ${name} over ${files.length} file(s)`);
    else {
      ok = false;
      lines.push(`FAILS: ${name}\n${result}`);
    }
  }
  return { ok, lines };
}
