/**
 * Sends a file compressed at build time as it is, in the coding the request's Accept-Encoding
 * prefers among those on hand (identity for a client that accepts none). Each variant is read
 * once per modification of its file and kept in memory.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { CODING_SUFFIX, chooseCoding, type Coding } from "../lib/serve/content-coding";

export interface StoredFile {
  /** Absolute path of the file as the build left it. */
  readonly path: string;
  readonly type: string;
  /** Codings written beside it (`.br`, `.gz`). */
  readonly precompressed: readonly Coding[];
  /** A file stored already compressed is sent as is under that coding, decoded only for a client that refuses it. */
  readonly stored?: Coding;
  readonly cacheControl: string;
}

interface Loaded {
  readonly mtimeMs: number;
  readonly bytes: Buffer;
  readonly etag: string;
}

const loaded = new Map<string, Loaded>();

async function load(file: string): Promise<Loaded> {
  const { mtimeMs } = await stat(file);
  const cached = loaded.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached;
  const bytes = await readFile(file);
  const etag = `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 22)}"`;
  const entry = { mtimeMs, bytes, etag };
  loaded.set(file, entry);
  return entry;
}

async function variant(file: StoredFile, coding: Coding | "identity"): Promise<Loaded> {
  if (coding === (file.stored ?? "identity")) return load(file.path);
  if (coding !== "identity") return load(file.path + CODING_SUFFIX[coding]);
  // Identity for a file stored compressed (only gzip is): decoded for this rare client.
  const stored = await load(file.path);
  return { ...stored, bytes: gunzipSync(stored.bytes), etag: stored.etag.replace(/"$/, '-id"') };
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" }).end(text);
}

/** Answers GET and HEAD; a file missing on disk is a 404 that says the build is needed. */
export async function sendPrecompressed(
  req: IncomingMessage,
  res: ServerResponse,
  file: StoredFile,
): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    return sendText(res, 405, "Method not allowed");
  }
  const available = [...file.precompressed, ...(file.stored ? [file.stored] : [])];
  const accept = req.headers["accept-encoding"];
  const coding = chooseCoding(
    Array.isArray(accept) ? accept.join(",") : (accept ?? null),
    available,
  );
  let body: Loaded;
  try {
    body = await variant(file, coding);
  } catch {
    return sendText(res, 404, "Not built: run npm run build.");
  }
  res.setHeader("Content-Type", file.type);
  res.setHeader("Cache-Control", file.cacheControl);
  res.setHeader("Vary", "Accept-Encoding");
  res.setHeader("ETag", body.etag);
  if (coding !== "identity") res.setHeader("Content-Encoding", coding);
  if (req.headers["if-none-match"] === body.etag) return void res.writeHead(304).end();
  res.setHeader("Content-Length", body.bytes.length);
  res.writeHead(200).end(req.method === "HEAD" ? undefined : body.bytes);
}
