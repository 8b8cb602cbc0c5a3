/**
 * npm run bench: measures the lab and writes bench/results.json (one key per figure, with its
 * unit; goals carry their limit and whether this run met it). Browser figures need `npm run build`.
 */
import { browserLabFigures } from "./browser-lab";
import { median, round, writeFigures, type Figures } from "./figures";
import { nativeLabFigures } from "./native-lab";
import { guideJsFigures } from "./guide-js";
import { generateFigures } from "./node-generate";
import { linkFigures } from "./node-link";
import { nodeLabFigures } from "./node-lab";

function ratio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((x, i) => x / (b[i] ?? Infinity)));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, x) => total + x, 0);
}

async function main(): Promise<void> {
  const node = await nodeLabFigures();
  const figures: Figures = {
    ...node.figures,
    ...(await generateFigures()),
    ...(await linkFigures()),
  };
  const guide = guideJsFigures();
  if ("skipped" in guide) console.warn(`guide figures skipped: ${guide.skipped}`);
  else Object.assign(figures, guide);
  const native = await nativeLabFigures();
  if ("skipped" in native) console.warn(`native PostgreSQL skipped: ${native.skipped}`);
  else Object.assign(figures, native.figures);
  const browser = await browserLabFigures();
  if ("skipped" in browser) console.warn(`browser figures skipped: ${browser.skipped}`);
  else Object.assign(figures, browser.figures);

  if (!("skipped" in native) && !("skipped" in browser)) {
    const vsExplain = round(ratio(browser.checkMedians, native.explainMedians));
    figures["ratio.browser_check_vs_native_explain"] = {
      value: vsExplain,
      unit: "ratio",
      note: "per query: browser whole check ÷ native EXPLAIN round trip, median over the corpus",
      goal: "≤ 2",
      met: vsExplain <= 2,
    };
    figures["ratio.browser_check_vs_native_explain_corpus_total"] = {
      value: round(sum(browser.checkMedians) / sum(native.explainMedians)),
      unit: "ratio",
      note: "the corpus as a whole: sum of per-query medians, browser whole check ÷ native EXPLAIN",
    };
    figures["ratio.browser_check_vs_native_check"] = {
      value: round(ratio(browser.checkMedians, native.checkMedians)),
      unit: "ratio",
      note: "per query: browser whole check ÷ the same check sequence on native PostgreSQL",
    };
  }
  if (!("skipped" in native)) {
    figures["ratio.pglite_explain_vs_native_explain"] = {
      value: round(ratio(node.explainMedians, native.explainMedians)),
      unit: "ratio",
      note: "per query, the EXPLAIN round trip alone: PGlite in Node ÷ native (the engine's share)",
    };
  }
  await writeFigures(figures);
  console.log(JSON.stringify(figures, null, 2));
}

await main();
