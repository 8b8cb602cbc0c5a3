import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { renderGuidePage } from "./markdown";
import { htmlText, sectionsOf } from "./sections";

describe("sectionsOf", () => {
  it("cuts a rendered page at its headings, the opening text under the page title", () => {
    const page = renderGuidePage(
      "---\ntitle: Counting\n---\nIntro with `COUNT(*)` & more.\n\n## The SQL\n\n```sql\nSELECT COUNT(*) FROM t\n```\n\n### A table\n\n| Index | Columns |\n| --- | --- |\n| `idx_email` | (email) |\n",
    );
    assert.deepEqual(page.sections, [
      { id: null, heading: "Counting", text: "Intro with COUNT(*) & more." },
      { id: "the-sql", heading: "The SQL", text: "SELECT COUNT(*) FROM t" },
      { id: "a-table", heading: "A table", text: "Index Columns idx_email (email)" },
    ]);
  });

  it("keeps a heading with nothing under it, and drops an empty opening", () => {
    assert.deepEqual(sectionsOf('<h2 id="a"><a href="#a">A</a></h2>', "T"), [
      { id: "a", heading: "A", text: "" },
    ]);
  });
});

describe("htmlText", () => {
  it("decodes entities, drops copy buttons, and keeps blocks apart", () => {
    assert.equal(
      htmlText(
        '<p>a &amp; b &lt;c&gt; &#39;d&#39; &#x41;</p><div><button type="button">Copy</button><pre>x</pre></div><p>y</p>',
      ),
      "a & b <c> 'd' A x y",
    );
  });
});
