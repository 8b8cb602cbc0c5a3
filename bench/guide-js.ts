/**
 * First-load JavaScript of the guide pages, from the build output: the scripts each prerendered
 * page references, gzipped, against the same for Next's own not-found page (the framework and our
 * layout, nothing else). Goal: guide pages within 1.2 × that.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Figures } from "./figures";

const NEXT = path.join(import.meta.dirname, "..", ".next");
const APP = path.join(NEXT, "server", "app");

function firstLoadBytes(htmlFile: string): number {
  const html = readFileSync(htmlFile, "utf8");
  const scripts = new Set(
    [...html.matchAll(/src="\/_next\/(static\/[^"]+\.js)"/g)].map((m) => m[1] ?? ""),
  );
  let total = 0;
  for (const script of scripts) total += gzipSync(readFileSync(path.join(NEXT, script))).length;
  return total;
}

export function guideJsFigures(): Figures | { skipped: string } {
  const baselineFile = path.join(APP, "_not-found.html");
  if (!existsSync(baselineFile)) return { skipped: "no production build: run npm run build first" };
  const baseline = firstLoadBytes(baselineFile);
  const guideDir = path.join(APP, "guide");
  const pages = readdirSync(guideDir).filter((f) => f.endsWith(".html"));
  const largest = Math.max(...pages.map((f) => firstLoadBytes(path.join(guideDir, f))));
  const wizard = firstLoadBytes(path.join(APP, "wizard.html"));
  const ratio = Math.round((largest / baseline) * 100) / 100;
  return {
    "build.first_load_js_bare_page": {
      value: baseline,
      unit: "bytes",
      note: "gzipped scripts of the not-found page (framework + layout)",
    },
    "build.first_load_js_guide_largest": {
      value: largest,
      unit: "bytes",
      note: `largest of ${pages.length} guide pages, gzipped`,
    },
    "build.first_load_js_guide_ratio": {
      value: ratio,
      unit: "ratio",
      goal: "≤ 1.2 × the bare page",
      met: ratio <= 1.2,
    },
    "build.first_load_js_wizard": {
      value: wizard,
      unit: "bytes",
      note: "gzipped; Monaco and PGlite load later, on demand",
    },
  };
}
