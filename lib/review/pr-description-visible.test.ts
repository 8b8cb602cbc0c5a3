/**
 * The PR description as a reader sees it on GitHub: rendered by `marked` in GitHub-flavoured
 * mode, each line's visible text must be exactly what was meant — no backslash of an escape, no
 * backtick that was meant to make code — and backtick-quoted names must show as code.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { marked } from "marked";
import { taskLine } from "../generate/verify";
import { WORKED_EXAMPLE } from "../design/defaults";
import { DESIGN_FIXTURES } from "../design/fixtures";
import type { Design } from "../design/model";
import { checkSql } from "../sql/session";
import { sharedLabDatabase } from "../sql/test-lab";
import { prDescription } from "./pr-description";
import { buildReview, type Review } from "./review";

const getLab = sharedLabDatabase();
const LINKS = { review: "https://wb.example/review#v=3", workbench: "https://wb.example/wizard" };

const ENTITIES: Readonly<Record<string, string>> = {
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&amp;": "&",
};

/** The text of each list item, as a browser shows it, and the code spans inside each. */
function listItems(html: string): { text: string; code: string[] }[] {
  const decode = (s: string) => s.replace(/&(?:lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e]!);
  return [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, inner = ""]) => ({
    text: decode(inner.replace(/<[^>]*>/g, "")).trim(),
    code: [...inner.matchAll(/<code>([\s\S]*?)<\/code>/g)].map(([, c = ""]) => decode(c)),
  }));
}

/** Text with backtick-quoted parts, as it reads once those parts are code: the quotes go. */
const meant = (text: string) => text.replaceAll("`", "");
const quoted = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map(([, c = ""]) => c);

async function review(design: Design): Promise<Review> {
  return buildReview(design, await checkSql(getLab().db, getLab().ctx, design.sql));
}

describe("the PR description on GitHub", () => {
  for (const [name, design] of Object.entries({
    "worked-example": WORKED_EXAMPLE,
    ...DESIGN_FIXTURES,
  })) {
    it(`${name}: every file, verdict and checklist line shows what was meant`, async () => {
      const r = await review(design);
      const html = marked.parse(prDescription(r, LINKS), { gfm: true, async: false });
      const items = listItems(html);
      const expected: { text: string; code: string[] }[] = [
        ...(r.sql.state === "checked"
          ? r.sql.verdicts
              .filter((v) => v.rule !== "index-only")
              .map((v) => {
                const at = `${v.table ?? "query"}${v.index ? ` via ${v.index}` : ""}`;
                const words = `${v.message}${v.advice ? ` ${v.advice}` : ""}`;
                return {
                  text: `${v.severity} (${v.rule}) ${at}: ${meant(words)}`,
                  code: [v.table ?? [], v.index ?? [], ...quoted(words)].flat(),
                };
              })
          : []),
        ...r.tables.map((t) => ({ text: `${t.name}: ${t.category}`, code: [t.name] })),
        ...r.files.map((f) => {
          const anchors = f.snippets.map((s) => s.anchor).join("; ");
          return { text: `${f.file}: ${meant(anchors)}`, code: [f.file, ...quoted(anchors)] };
        }),
        ...r.checklist.map((c) => {
          const words = taskLine(c).replace(/^- \[[ x]\] /, "");
          return { text: meant(words), code: quoted(words) };
        }),
      ];
      assert.deepEqual(items, expected);
      assert.ok(
        r.files.some((f) => f.snippets.some((s) => s.anchor.includes("`"))),
        "some anchor quotes code",
      );
      assert.doesNotMatch(html.replace(/<pre>[\s\S]*?<\/pre>/g, ""), /\\|`/);
    });
  }
});
