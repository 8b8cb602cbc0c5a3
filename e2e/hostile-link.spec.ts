import type { Page } from "@playwright/test";
import { WORKED_EXAMPLE, field } from "../lib/design/defaults";
import type { Design } from "../lib/design/model";
import { generateSnippets } from "../lib/generate";
import { encodeDesignLink } from "../lib/link";
import { expect, gotoStep, test } from "./helpers";

/**
 * A link someone else made, carrying code and markup in every free-text field: the workbench and
 * the review page must show it as text (inside comments in generated code) and run none of it.
 */
const INJECTED_FN = "fn pwned(){std::process::exit(1)}";
const SCRIPT = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;

const HOSTILE: Design = {
  ...WORKED_EXAMPLE,
  target: "current",
  rpcName: "SetPersonLastSeen",
  operation: "write",
  readOptions: false,
  batch: "single",
  sql: "UPDATE posthog_person SET last_seen_at = $3 WHERE team_id = $1 AND id = $2",
  request: [
    field("team_id", "int64", { comment: `Team. ${SCRIPT}` }),
    field("person_id", "int64", { comment: `*/ ${INJECTED_FN} /* \n}\n${INJECTED_FN}` }),
    field("last_seen_at_ms", "int64", { comment: '""" import os """ `${x}` \u202e evil' }),
  ],
  response: { kind: "new", fields: [field("updated", "bool", { comment: SCRIPT })] },
  leaderSafety: { kind: "idempotency-key", field: `k\n}\n${INJECTED_FN}\nfn x(){//` },
  personWriteBackend: "leader",
};

/** The text of every generated snippet on the page, by snippet id. */
async function shownSnippets(page: Page): Promise<Map<string, string>> {
  const figures = page.locator("figure[data-testid^='snippet-']");
  const shown = new Map<string, string>();
  for (const figure of await figures.all()) {
    const id = (await figure.getAttribute("data-testid"))!.slice("snippet-".length);
    shown.set(id, (await figure.locator("pre").textContent()) ?? "");
  }
  return shown;
}

/** The injected text only ever stands after a comment opener on its line (or in a doc block). */
function expectOnlyInComments(code: string): void {
  for (const line of code.split("\n")) {
    const at = line.indexOf("pwned");
    if (at < 0) continue;
    expect(line.slice(0, at), `injected text outside a comment:\n${code}`).toMatch(/\/\/|#|^\s*\*/);
  }
}

async function expectNoScriptRan(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator("img[src='x']")).toHaveCount(0);
  await expect(page.locator("body script:not([src])", { hasText: "__pwned" })).toHaveCount(0);
}

test("a hostile link shows its text in comments and runs nothing, in the workbench and the review page", async ({
  page,
  offOrigin,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => void dialogs.push(d.message()));
  const fragment = await encodeDesignLink(HOSTILE);
  const expected = new Map(generateSnippets(HOSTILE).map((s) => [s.id, s.code]));
  expect(
    expected.get("rust-leader-handler") ?? "",
    "the design reaches the leader handler",
  ).toContain("pwned");

  await page.goto(`/wizard${fragment}`);
  await gotoStep(page, "rust");
  await expect(page.getByTestId("snippet-rust-leader-handler")).toBeVisible();
  for (const [id, code] of await shownSnippets(page)) {
    expect(code, `snippet ${id} as the generator wrote it`).toBe(expected.get(id));
    expectOnlyInComments(code);
  }
  await gotoStep(page, "proto");
  for (const [, code] of await shownSnippets(page)) expectOnlyInComments(code);
  await expectNoScriptRan(page);

  await page.goto(`/review${fragment}`);
  await expect(page.getByTestId("review")).toBeVisible();
  const reviewed = await shownSnippets(page);
  expect(reviewed.size).toBeGreaterThan(0);
  for (const [id, code] of reviewed) {
    expect(code, `snippet ${id} on the review page`).toBe(expected.get(id));
    expectOnlyInComments(code);
  }
  await expectNoScriptRan(page);
  expect(dialogs).toEqual([]);
  expect(offOrigin).toEqual([]);
});
