/**
 * npm run bench: measures the lab and writes bench/results.json (one key per figure, with its
 * unit; goals carry their limit and whether this run met it). Browser figures need `npm run build`.
 */
import { browserLabFigures } from "./browser-lab";
import { cliFigures } from "./cli-process";
import { median, round, writeFigures, type Figure, type Figures } from "./figures";
import { goalCorpus } from "./goal-corpus";
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

/** A figure over the Node snapshot boot of the same run, with its goal: at most `limit` times it. */
function perBoot(value: number, bootMs: number, limit: number, note: string): Figure {
  const ratioValue = round(value / bootMs);
  return { value: ratioValue, unit: "ratio", note, goal: `≤ ${limit}`, met: ratioValue <= limit };
}

async function main(): Promise<void> {
  const node = await nodeLabFigures();
  const bootMs = node.figures["node.boot_snapshot_median"]!.value;
  const cli = await cliFigures();
  const figures: Figures = {
    ...node.figures,
    ...(await generateFigures()),
    ...(await linkFigures()),
    ...cli.figures,
    "ratio.cli_check_sql_vs_node_snapshot_boot": perBoot(
      cli.checkSqlWallMs,
      bootMs,
      1.3,
      "one check-sql process, spawn to exit, ÷ the in-process snapshot boot of this run",
    ),
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

  if (!("skipped" in browser)) {
    figures["ratio.navigation_to_ready_vs_node_snapshot_boot"] = perBoot(
      browser.navigationToReadyMs,
      bootMs,
      2,
      "/wizard navigation to lab ready, cold, ÷ the in-process snapshot boot of this run",
    );
    figures["ratio.review_to_first_verdict_vs_node_snapshot_boot"] = perBoot(
      browser.reviewFirstVerdictMs,
      bootMs,
      2.5,
      "/review navigation to the first verdict shown, cold, ÷ the in-process snapshot boot of this run",
    );
  }
  if (!("skipped" in native) && !("skipped" in browser)) {
    figures["ratio.browser_check_vs_native_explain"] = {
      value: round(ratio(browser.checkMedians, native.explainMedians)),
      unit: "ratio",
      note: "information (the goal moved to the same check natively): per query, browser whole check ÷ native EXPLAIN round trip, median over the corpus",
    };
    figures["ratio.browser_check_vs_native_explain_corpus_total"] = {
      value: round(sum(browser.checkMedians) / sum(native.explainMedians)),
      unit: "ratio",
      note: "the corpus as a whole: sum of per-query medians, browser whole check ÷ native EXPLAIN",
    };
    const vsCheck = round(ratio(browser.checkMedians, native.checkMedians));
    figures["ratio.browser_check_vs_native_check"] = {
      value: vsCheck,
      unit: "ratio",
      note: "per query: browser whole check ÷ the same check sequence on native PostgreSQL, median over the corpus",
      goal: "≤ 1.2",
      met: vsCheck <= 1.2,
    };
    const { indexes } = goalCorpus();
    const pick = (values: readonly number[]) => indexes.map((i) => values[i] ?? NaN);
    figures["ratio.browser_check_vs_native_check_goal_corpus"] = {
      value: round(ratio(pick(browser.checkMedians), pick(native.checkMedians))),
      unit: "ratio",
      note: "information: the same over the rows the goal was set on (bench/goal-corpus.ts)",
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
