/**
 * `generate --out DIR`: writes the fragment folder (lib/export/fragment-folder.ts) under DIR and
 * nowhere else. Every path is checked as text (no absolute path, no `..`, all under one folder)
 * and on disk, one folder at a time from DIR down: a symbolic link, or a hard-linked file, found
 * inside DIR/<RpcName> is refused, never followed, so nothing planted there can carry a write out.
 */
import { lstat, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ExportFile } from "../lib/export/fragment-folder";
import { pathProblem } from "../lib/export/safe-path";
import { InputError } from "./io";

/** Creates each folder of `segments` below `base`, refusing any that exists as a link or a file. */
async function makeFolders(base: string, segments: readonly string[]): Promise<void> {
  let at = base;
  for (const segment of segments) {
    at = path.join(at, segment);
    const stat = await lstat(at).catch(() => null);
    if (!stat) await mkdir(at);
    else if (!stat.isDirectory())
      throw new InputError(`refusing to write under ${at}: it is a link or a file, not a folder.`);
  }
}

async function entries(folder: string): Promise<string[] | null> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return null;
    throw new InputError(`cannot use ${folder}: ${(error as Error).message}`);
  }
}

/**
 * Writes `files` (all under one top folder) into `dir`; returns the paths written, relative to
 * `dir`. Refuses a non-empty top folder unless `force`, which overwrites only the files it writes.
 */
export async function writeFolder(
  dir: string,
  files: readonly ExportFile[],
  force: boolean,
): Promise<string[]> {
  try {
    return await write(dir, files, force);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot write under ${dir}: ${(error as Error).message}`);
  }
}

async function write(dir: string, files: readonly ExportFile[], force: boolean): Promise<string[]> {
  const top = files[0]?.path.split("/")[0] ?? "";
  for (const f of files) {
    const problem = pathProblem(f.path);
    if (problem || f.path.split("/")[0] !== top || f.path === top)
      throw new InputError(
        `refusing to write ${JSON.stringify(f.path)}: ${problem ?? "outside the folder"}.`,
      );
  }
  if (!top) return [];
  const folder = path.join(dir, top);
  const existing = await entries(folder);
  if (existing && existing.length > 0 && !force)
    throw new InputError(
      `${folder} is not empty; nothing was written. Choose another --out, or add --force to overwrite the generated files there (other files are left alone).`,
    );
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const f of files) {
    const target = path.join(dir, f.path);
    await makeFolders(dir, f.path.split("/").slice(0, -1));
    const stat = await lstat(target).catch(() => null);
    // A link (symbolic or hard) would carry the write to a file outside the folder.
    if (stat && (!stat.isFile() || stat.nlink > 1))
      throw new InputError(`refusing to write ${target}: it exists and is not a plain file.`);
    await writeFile(target, f.text, { flag: force ? "w" : "wx" });
    written.push(f.path);
  }
  return written;
}
