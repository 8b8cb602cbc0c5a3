/**
 * `personhog-rpc apply`: lands a design (a file, a share link or standard input) in a PostHog
 * checkout. lib/apply finds every anchor and splices the texts; this shell reads the files, asks
 * git whether they are clean, writes all of them or none (staged beside the git dir, then renamed
 * into place), prints a diff for --dry-run, and afterwards proves the result parses with the
 * parsers this machine has.
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  chmodSync,
  copyFileSync,
} from "node:fs";
import path from "node:path";
import { applySnippets, filesNamed } from "../lib/apply/apply";
import { ROUTER_FILES } from "../lib/catalogue/paths";
import { TARGET_LABELS, type Design, type Target } from "../lib/design/model";
import { designProblems } from "../lib/design/rules";
import { generateSnippets } from "../lib/generate";
import { checkApplied } from "./apply-parse";
import { readCheckoutFiles } from "./checkout-files";
import { printProblems, readDesignArg } from "./design-input";
import type { Io } from "./io";
import { isLinkSource, readLink } from "./link-command";

const USAGE =
  "apply takes a design file, - or a share link, --repo DIR, and optionally --target current|guide, --dry-run, --force.\n";

const GIT_TIMEOUT_MS = 20_000;

interface Options {
  source: string;
  repo: string;
  target: Target | null;
  dryRun: boolean;
  force: boolean;
}

function readOptions(args: string[]): Options | string {
  const rest: string[] = [];
  let repo: string | null = null;
  let target: Target | null = null;
  let dryRun = false;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--repo" || arg.startsWith("--repo=")) {
      if (repo !== null) return "--repo may be given once.\n";
      repo = arg === "--repo" ? (args[++i] ?? "") : arg.slice("--repo=".length);
    } else if (arg === "--target" || arg.startsWith("--target=")) {
      const value = arg === "--target" ? args[++i] : arg.slice("--target=".length);
      if (value !== "current" && value !== "guide") return "--target is current or guide.\n";
      target = value;
    } else if (arg === "--dry-run") dryRun = true;
    else if (arg === "--force") force = true;
    else if (arg.startsWith("--")) return `unknown option ${JSON.stringify(arg.slice(0, 40))}.\n`;
    else rest.push(arg);
  }
  if (rest.length !== 1 || !repo) return USAGE;
  return { source: rest[0]!, repo, target, dryRun, force };
}

/**
 * A checkout's own git config may name programs to run (core.fsmonitor on every status,
 * diff.external on every diff): apply runs none of them, and its diff is always git's own.
 */
const NO_PROGRAMS = ["-c", "core.fsmonitor=false"];

function git(repo: string, args: string[]) {
  return spawnSync("git", [...NO_PROGRAMS, "-C", repo, ...args], {
    encoding: "utf8",
    timeout: GIT_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
}

async function readDesign(source: string, io: Io): Promise<Design | null> {
  if (isLinkSource(source)) return (await readLink(source, io))?.design ?? null;
  return (await readDesignArg(source, io))?.design ?? null;
}

const routerFile = (target: Target) =>
  target === "guide" ? ROUTER_FILES.typed : ROUTER_FILES.proxy;

/** The other era when the checkout has only the other era's router (a design for the wrong era). */
function otherEra(repo: string, target: Target): Target | null {
  const other: Target = target === "guide" ? "current" : "guide";
  const has = (target: Target) => existsSync(path.join(repo, routerFile(target)));
  return !has(target) && has(other) ? other : null;
}

/** Staging beside the git dir: the same filesystem as the checkout, outside its working tree. */
function stagingDir(repo: string): string {
  const gitDir = git(repo, ["rev-parse", "--absolute-git-dir"]).stdout.trim();
  return mkdtempSync(path.join(gitDir, "personhog-apply-"));
}

/** A unified diff git apply accepts: one `git diff --no-index` per file over staged copies. */
function unifiedDiff(repo: string, changed: ReadonlyMap<string, string>): string {
  const stage = stagingDir(repo);
  try {
    let diff = "";
    for (const [file, text] of changed) {
      for (const [side, content] of [
        ["a", readFileSync(path.join(repo, file), "utf8")],
        ["b", text],
      ] as const) {
        mkdirSync(path.dirname(path.join(stage, side, file)), { recursive: true });
        writeFileSync(path.join(stage, side, file), content);
      }
      const run = spawnSync(
        "git",
        [
          ...NO_PROGRAMS,
          "diff",
          "--no-index",
          "--no-color",
          "--no-ext-diff",
          "--no-textconv",
          "--src-prefix=",
          "--dst-prefix=",
          `a/${file}`,
          `b/${file}`,
        ],
        { cwd: stage, encoding: "utf8", timeout: GIT_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
      );
      diff += run.stdout;
    }
    return diff;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * Every file or none: the new texts are written to a staging dir on the checkout's filesystem,
 * the originals linked aside, then each staged file renamed over its original; a failure puts back
 * the ones already renamed.
 */
function writeAll(repo: string, changed: ReadonlyMap<string, string>): void {
  const stage = stagingDir(repo);
  const done: { target: string; backup: string }[] = [];
  try {
    const staged = [...changed].map(([file, text], i) => {
      const target = path.join(repo, file);
      const next = path.join(stage, `${i}.new`);
      const backup = path.join(stage, `${i}.old`);
      writeFileSync(next, text);
      chmodSync(next, statSync(target).mode);
      try {
        linkSync(target, backup);
      } catch {
        copyFileSync(target, backup);
      }
      return { target, next, backup };
    });
    for (const { target, next, backup } of staged) {
      renameSync(next, target);
      done.push({ target, backup });
    }
  } catch (err) {
    for (const { target, backup } of done.reverse()) renameSync(backup, target);
    throw err;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

export async function applyCommand(args: string[], io: Io): Promise<number> {
  const options = readOptions(args);
  if (typeof options === "string") {
    io.stderr(options);
    return 2;
  }
  if (!existsSync(options.repo) || git(options.repo, ["rev-parse", "--git-dir"]).status !== 0) {
    io.stderr(
      `${options.repo} is not a git checkout: apply needs git to know what is committed.\n`,
    );
    return 2;
  }
  // Links resolved, so a file's own path inside it can be compared with its real path.
  const repo = realpathSync(options.repo);
  const read = await readDesign(options.source, io);
  if (!read) return 2;
  const design: Design = options.target ? { ...read, target: options.target } : read;
  const rules = designProblems(design);
  printProblems(rules, io);
  if (rules.some((p) => p.severity === "error")) {
    io.stderr("The design breaks a rule: fix it in the wizard before applying it.\n");
    return 2;
  }
  const snippets = generateSnippets(design);
  const files = filesNamed(snippets);
  const { texts, problems: unread } = readCheckoutFiles(repo, files);
  const outcome = applySnippets(texts, snippets);
  // A file apply may not change is named for that reason alone, not again as missing.
  const problems = unread.length ? unread : outcome.problems;
  if (problems.length) {
    io.stderr(`Nothing written: ${problems.length} problem(s) in ${repo}.\n`);
    for (const p of problems) io.stderr(`  ${p}\n`);
    const other = otherEra(repo, design.target);
    if (other)
      io.stderr(
        `This checkout has ${routerFile(other)} but no ${routerFile(design.target)}, the router this design's target needs: apply it with --target ${other}.\n`,
      );
    return 2;
  }
  if (outcome.changed.size === 0) {
    io.stdout(`${design.rpcName} is already applied in ${repo}: nothing to change.\n`);
    return 0;
  }
  const changedFiles = [...outcome.changed.keys()];
  const dirty = git(repo, ["status", "--porcelain", "--", ...changedFiles]).stdout.trim();
  if (dirty && !options.force && !options.dryRun) {
    io.stderr(
      `Nothing written: these files have uncommitted changes (commit or stash them, or pass --force):\n${dirty}\n`,
    );
    return 2;
  }
  if (options.dryRun) {
    // Exact into a pipe: an escaped zero-width joiner in a context line fails `git apply`.
    (io.exact ?? io.stdout)(unifiedDiff(repo, outcome.changed));
    return 0;
  }
  writeAll(repo, outcome.changed);
  io.stdout(
    `Applied ${design.rpcName} (${TARGET_LABELS[design.target]}) to ${changedFiles.length} files:\n`,
  );
  for (const file of changedFiles) io.stdout(`  ${file}\n`);
  const checks = checkApplied(repo, changedFiles);
  for (const line of checks.lines) io.stdout(`${line}\n`);
  const verify = snippets.find((s) => s.id === "verify-commands");
  if (verify) io.stdout(`\nNow run (${verify.anchor}):\n${verify.code.trimEnd()}\n`);
  return checks.ok ? 0 : 1;
}
