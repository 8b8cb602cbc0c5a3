/**
 * The checkout files `apply` reads and then replaces. A checkout can be hostile too, so each one
 * must be a regular file reached from the checkout's root without a symbolic link (through a
 * linked folder the rename would land outside the checkout, and over a linked file it would
 * replace the link), no larger than 4 MiB (a FIFO or a device would never end), and UTF-8 (a
 * replacement character would change bytes the design never meant to touch).
 */
import { lstatSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { decodeUtf8 } from "../lib/link/utf8";

/** Far above any personhog source file. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** The text, or why apply may not change the file; null when it does not exist. */
function readOne(root: string, file: string): { text: string } | { problem: string } | null {
  const full = path.join(root, file);
  let real: string;
  try {
    real = realpathSync(full);
  } catch (error) {
    // Missing (or a link to nothing): applySnippets names the file and the snippet that needs it.
    if ((error as { code?: string }).code === "ENOENT") return null;
    return { problem: `${file}: cannot be read (${(error as Error).message})` };
  }
  if (real !== full)
    return {
      problem: `${file}: reached through a symbolic link (to ${real}); apply changes only files inside the checkout, never through a link`,
    };
  const stat = lstatSync(full);
  if (!stat.isFile()) return { problem: `${file}: not a regular file` };
  if (stat.size > MAX_FILE_BYTES)
    return { problem: `${file}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, not read` };
  const bytes = readFileSync(full);
  const { invalidAt } = decodeUtf8(bytes);
  if (invalidAt !== null)
    return {
      problem: `${file}: not UTF-8 text (byte ${invalidAt}); apply would change bytes it does not mean to touch`,
    };
  // Decoded as Node does, so a byte order mark stays in the text and in the file written back.
  return { text: bytes.toString("utf8") };
}

/** The files' texts (by path inside the checkout), and a line per file apply may not change. */
export function readCheckoutFiles(root: string, files: readonly string[]) {
  const texts = new Map<string, string>();
  const problems: string[] = [];
  for (const file of files) {
    const read = readOne(root, file);
    if (read && "text" in read) texts.set(file, read.text);
    else if (read) problems.push(read.problem);
  }
  return { texts, problems };
}
