/**
 * Reading a file or standard input for a command, bounded: at most MAX_INPUT_BYTES are read
 * (`/dev/zero` or a huge file cannot fill memory), and the bytes must be UTF-8 (a replacement
 * character would silently change what the user wrote). Every refusal is an InputError.
 */
import { open, type FileHandle } from "node:fs/promises";
import { decodeUtf8 } from "../lib/link/utf8";
import { InputError, MAX_INPUT_BYTES } from "./io";

const LIMIT = `${MAX_INPUT_BYTES / 1024 / 1024} MiB`;

function utf8(bytes: Uint8Array, what: string): string {
  const { text, invalidAt } = decodeUtf8(bytes);
  if (invalidAt !== null)
    throw new InputError(`${what} is not UTF-8 text (byte ${invalidAt} is not valid UTF-8).`);
  return text;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of the path is not a directory",
  ENAMETOOLONG: "the path is too long",
  ELOOP: "too many symbolic links",
};

function reason(error: unknown): string {
  const code = (error as { code?: string }).code ?? "";
  return REASONS[code] ?? (error instanceof Error ? error.message : String(error));
}

async function readUpTo(handle: FileHandle, max: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(max);
  let size = 0;
  while (size < max) {
    const { bytesRead } = await handle.read(buffer, size, max - size, null);
    if (bytesRead === 0) break;
    size += bytesRead;
  }
  return buffer.subarray(0, size);
}

export async function readFileText(path: string): Promise<string> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${reason(error)}.`);
  }
  try {
    if ((await handle.stat()).isDirectory())
      throw new InputError(`cannot read ${path}: it is a directory, not a file.`);
    const bytes = await readUpTo(handle, MAX_INPUT_BYTES + 1);
    if (bytes.length > MAX_INPUT_BYTES)
      throw new InputError(`${path} is larger than ${LIMIT}, far more than any design; not read.`);
    return utf8(bytes, path);
  } catch (error) {
    throw error instanceof InputError
      ? error
      : new InputError(`cannot read ${path}: ${reason(error)}.`);
  } finally {
    await handle.close();
  }
}

/** Stops reading as soon as the input passes the bound. */
export async function readStdinText(stdin: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    size += chunk.length;
    if (size > MAX_INPUT_BYTES)
      throw new InputError(`Standard input is larger than ${LIMIT}; it was not read.`);
    chunks.push(chunk);
  }
  return utf8(Buffer.concat(chunks), "Standard input");
}
