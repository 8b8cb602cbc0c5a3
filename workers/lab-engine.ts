/**
 * The lab worker's heavy half (PGlite's JavaScript and the analysis), a module of its own: the
 * worker's script (lab.worker.ts) is small, so its downloads start as soon as the page starts it,
 * while this loads beside them. Bundled to `lab-engine.js` beside the worker's script.
 */
export { bootLab, bootLabFromSnapshot } from "@/lib/sql/boot";
export { checkSql } from "@/lib/sql/session";
export { tryFix } from "@/lib/sql/try-fix";
