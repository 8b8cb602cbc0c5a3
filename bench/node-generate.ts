/** The pure work behind every keystroke: rules and every snippet for a design, in Node. */
import { DESIGN_FIXTURES } from "../lib/design/fixtures";
import { designProblems } from "../lib/design/rules";
import { generateSnippets } from "../lib/generate";
import { median, percentile, round, sampleEach, type Figures } from "./figures";

export async function generateFigures(): Promise<Figures> {
  const designs = Object.values(DESIGN_FIXTURES);
  const samples = (
    await sampleEach(designs, 200, async (design) => {
      designProblems(design);
      generateSnippets(design);
    })
  ).flat();
  return {
    "node.generate_all_snippets_median": {
      value: round(median(samples)),
      unit: "ms",
      note: "rules + every snippet, per design",
    },
    "node.generate_all_snippets_p95": { value: round(percentile(samples, 95)), unit: "ms" },
  };
}
