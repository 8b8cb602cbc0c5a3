/**
 * Next's scripts and stylesheets, compressed at build time (scripts/precompress-next-static.ts),
 * sent as they are. Only files found with their brotli copy when the server starts are served
 * here (a build's hashed names never change); everything else, and every file under `next dev`,
 * is left to Next.
 */
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { NEXT_STATIC_URL, staticType } from "../lib/serve/next-static";
import { sendPrecompressed } from "./precompressed";

/** As `next start` sends them: the names are content hashes. */
const IMMUTABLE = "public, max-age=31536000, immutable";

export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export async function nextStaticHandler(dir: string): Promise<StaticHandler> {
  const entries = existsSync(dir) ? await readdir(dir, { recursive: true }) : [];
  const all = new Set(entries);
  const names = new Set(entries.filter((f) => staticType(f) && all.has(`${f}.br`)));
  return async (req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://host");
    if (!pathname.startsWith(NEXT_STATIC_URL)) return false;
    const name = pathname.slice(NEXT_STATIC_URL.length);
    const type = staticType(name);
    if (!type || !names.has(name)) return false;
    await sendPrecompressed(req, res, {
      path: path.join(dir, name),
      type,
      precompressed: ["br", "gzip"],
      cacheControl: IMMUTABLE,
    });
    return true;
  };
}
