/**
 * The SQL lab's files, compressed once at build time (scripts/build-lab-worker.ts) and sent as
 * they are, in the coding the request's Accept-Encoding prefers (identity for a client that
 * accepts none on hand). Next cannot do this: `next start` gzipped the 9 MB wasm on every request
 * (about 0.4 s each), and a route handler's Content-Encoding is dropped by Next. The URLs are not
 * versioned, so caches revalidate (ETag) rather than keep them as immutable.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { chooseCoding, type Coding } from "../lib/serve/content-coding";
import { CODING_SUFFIX, LAB_ASSETS, LAB_ASSETS_URL, type LabAsset } from "../lib/serve/lab-assets";

interface Loaded {
  readonly mtimeMs: number;
  readonly bytes: Buffer;
  readonly etag: string;
}

/** Each file is read once per build of it (its modification time), not per request. */
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

/** The bytes to send in `coding`, from the file that holds them. */
async function variant(dir: string, asset: LabAsset, coding: Coding | "identity"): Promise<Loaded> {
  const file = path.join(dir, asset.file);
  if (coding === (asset.stored ?? "identity")) return load(file);
  if (coding !== "identity") return load(file + CODING_SUFFIX[coding]);
  // Identity for a file stored compressed (only gzip is): decoded for this rare client.
  const stored = await load(file);
  return { ...stored, bytes: gunzipSync(stored.bytes), etag: stored.etag.replace(/"$/, '-id"') };
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" }).end(text);
}

/**
 * Answers a request for one of the lab's files (from `dir`, the build's asset folder) and returns
 * true, or returns false for any other URL (Next answers it).
 */
export async function serveLabAsset(
  req: IncomingMessage,
  res: ServerResponse,
  dir: string,
): Promise<boolean> {
  const { pathname } = new URL(req.url ?? "/", "http://host");
  if (!pathname.startsWith(LAB_ASSETS_URL)) return false;
  const name = pathname.slice(LAB_ASSETS_URL.length);
  const asset = Object.hasOwn(LAB_ASSETS, name) ? LAB_ASSETS[name] : undefined;
  if (!asset) return (send(res, 404, "Not found"), true);
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    return (send(res, 405, "Method not allowed"), true);
  }
  const available = [...asset.precompressed, ...(asset.stored ? [asset.stored] : [])];
  const accept = req.headers["accept-encoding"];
  const coding = chooseCoding(
    Array.isArray(accept) ? accept.join(",") : (accept ?? null),
    available,
  );
  let body: Loaded;
  try {
    body = await variant(dir, asset, coding);
  } catch {
    return (send(res, 404, "The lab's files are not built: run npm run build."), true);
  }
  res.setHeader("Content-Type", asset.type);
  res.setHeader("Cache-Control", "public, max-age=0, must-revalidate");
  res.setHeader("Vary", "Accept-Encoding");
  res.setHeader("ETag", body.etag);
  if (coding !== "identity") res.setHeader("Content-Encoding", coding);
  if (req.headers["if-none-match"] === body.etag) return (res.writeHead(304).end(), true);
  res.setHeader("Content-Length", body.bytes.length);
  res.writeHead(200).end(req.method === "HEAD" ? undefined : body.bytes);
  return true;
}
