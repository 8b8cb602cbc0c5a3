/**
 * The SQL lab's files (lib/serve/lab-assets.ts), compressed once at build time and sent as they
 * are. Next cannot do this: `next start` gzipped the 9 MB wasm on every request (about 0.4 s
 * each), and a route handler's Content-Encoding is dropped by Next. The URLs are not versioned, so
 * caches revalidate (ETag) rather than keep them as immutable.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { LAB_ASSETS, LAB_ASSETS_URL } from "../lib/serve/lab-assets";
import { sendPrecompressed, sendText } from "./precompressed";

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
  if (!asset) sendText(res, 404, "Not found");
  else
    await sendPrecompressed(req, res, {
      ...asset,
      path: path.join(dir, asset.file),
      cacheControl: "public, max-age=0, must-revalidate",
    });
  return true;
}
