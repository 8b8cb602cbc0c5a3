/**
 * Build step after `next build`: brotli and gzip copies beside every script and stylesheet under
 * .next/static (hashed names, never changed after the build), which npm start's server sends as
 * they are (server/next-static.ts). `next start` gzipped each on every request: a page load's
 * dozen chunks took the server 0.4–1 s under load, while the page and the lab's worker waited.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { NEXT_STATIC_DIR, staticType } from "../lib/serve/next-static";
import { precompress } from "./precompress";

const ROOT = path.join(import.meta.dirname, "..");
const dir = path.join(ROOT, NEXT_STATIC_DIR);
const files = (await readdir(dir, { recursive: true })).filter((f) => staticType(f) !== null);
await Promise.all(files.map((f) => precompress(path.join(dir, f), ["br", "gzip"])));
console.log(`precompressed ${files.length} files under ${dir}`);
