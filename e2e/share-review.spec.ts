import type { Browser, BrowserContext, Page } from "@playwright/test";
import { WORKED_EXAMPLE } from "../lib/design/defaults";
import { encodeDesignLink } from "../lib/link";
import {
  expect,
  expectAccessible,
  gotoStep,
  monacoLoaded,
  enableTestHooks,
  setSql,
  test,
  waitForLab,
} from "./helpers";

const GROUP_SQL =
  "SELECT id, group_key, group_properties FROM posthog_group WHERE team_id = $1 AND group_type_index = $2 AND group_key = $3";

async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await enableTestHooks(context);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  return { context, page: await context.newPage() };
}

async function copied(page: Page, testId: string): Promise<string> {
  const button = page.getByTestId(testId).first();
  await button.click();
  await expect(button).toHaveText("Copied");
  return page.evaluate(() => navigator.clipboard.readText());
}

async function sqlInEditor(page: Page): Promise<string> {
  return page.evaluate(() =>
    (window as unknown as { __sqlEditor: { getValue(): string } }).__sqlEditor.getValue(),
  );
}

test("a copied link opens the identical design in a fresh browser, in the workbench and the review view", async ({
  page,
  context,
  browser,
  offOrigin,
}, testInfo) => {
  // Three fresh browsers each boot their own lab: on a loaded 2-core machine that passes 60 s.
  test.setTimeout(180_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/wizard?step=access");
  await waitForLab(page);
  expect(await monacoLoaded(page), "the marker the review's check relies on").toBe(true);
  await setSql(page, GROUP_SQL);
  // The worked example's query also passes: wait for the verdict on this one.
  await expect(page.getByTestId("statement-summary")).toContainText("posthog_group");
  await expect(page.getByTestId("check-status")).toHaveAttribute("data-status", "pass");
  await gotoStep(page, "eligibility");
  await page.getByTestId("use-sql-tables").click();
  await gotoStep(page, "proto");
  await page.getByTestId("rpc-name").fill("GetGroupByKey");
  // $n takes the n-th request field: one field per placeholder, of the type PostgreSQL takes.
  const request = page.getByTestId("request-fields");
  await request.getByRole("button", { name: "Paste a proto message…" }).click();
  await request
    .getByLabel("Proto message to import")
    .fill("message X { int64 team_id = 1; int32 group_type_index = 2; string group_key = 3; }");
  await request.getByRole("button", { name: "Import fields" }).click();
  await page.getByTestId("domain").selectOption("group");
  await page.getByTestId("target").selectOption("current");
  await expect(page.getByTestId("share-bar").getByTestId("link-length")).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#v=4&z=/);
  const link = await copied(page, "copy-link");
  expect(link).toMatch(/\/wizard#v=4&z=[\w-]+$/);

  // The workbench, in a browser with no history of this design.
  const second = await freshPage(browser);
  await second.page.goto(link);
  await gotoStep(second.page, "proto");
  await expect(second.page.getByTestId("rpc-name")).toHaveValue("GetGroupByKey");
  await expect(second.page.getByTestId("domain")).toHaveValue("group");
  await expect(second.page.getByTestId("target")).toHaveValue("current");
  await gotoStep(second.page, "access");
  await waitForLab(second.page);
  expect(await sqlInEditor(second.page)).toBe(GROUP_SQL);
  await expect(second.page.getByTestId("check-status")).toHaveAttribute("data-status", "pass");
  // Identical state: the reopened workbench encodes exactly the link it was opened with.
  expect(await copied(second.page, "copy-link")).toBe(link);
  await second.context.close();

  // The review view, again fresh, recomputes the verdict itself.
  const reviewLink = await copied(page, "copy-review-link");
  expect(reviewLink).toBe(link.replace("/wizard#", "/review#"));
  await expect(page.getByTestId("preview-review")).toHaveAttribute("href", reviewLink);
  const third = await freshPage(browser);
  await third.page.goto(reviewLink);
  await expect(third.page.getByTestId("review-title")).toHaveText("GetGroupByKey");
  await expect(third.page.getByTestId("review-sql")).toHaveText(GROUP_SQL);
  await expect(third.page.getByTestId("check-status")).toHaveAttribute("data-status", "pass", {
    timeout: 30_000,
  });
  await expect(third.page.getByTestId("review-route")).toContainText("replica");
  await expect(third.page.getByTestId("review-tables")).toContainText(
    "posthog_group: NonPersonData (chosen and in the SQL)",
  );
  await expect(third.page.locator('[data-testid=checklist] [data-item="index"]')).toHaveAttribute(
    "data-state",
    "pass",
  );
  await expect(third.page.getByTestId("mark-legend")).toBeVisible();
  await expect(third.page.getByTestId("mark-eligibility")).toHaveAttribute("data-state", "pass");
  await expect(third.page.getByTestId("snippet-target").first()).toHaveText("Current PostHog code");
  await expect(third.page.getByTestId("design-ok")).toBeVisible();
  await expectAccessible(third.page);
  expect(await monacoLoaded(third.page), "the read-only review does not load Monaco").toBe(false);
  await third.page.screenshot({ path: testInfo.outputPath("review.png"), fullPage: true });

  const pr = await copied(third.page, "copy-pr-description");
  expect(pr).toContain("## personhog: add the `GetGroupByKey` RPC");
  expect(pr).toContain(`\`\`\`sql\n${GROUP_SQL}\n\`\`\``);
  expect(pr).toContain("SQL lab: the query **passes**");
  expect(pr).toContain("Routed to the **replica**");
  expect(pr).toContain("- `rust/personhog-replica/src/storage/traits/group.rs`");
  expect(pr).toContain("- [x] Query uses an existing index (no seq scans)");
  expect(pr).toContain(`[review it](${reviewLink})`);

  await third.page.getByTestId("open-in-workbench").click();
  await expect(third.page).toHaveURL(link);
  await gotoStep(third.page, "proto");
  await expect(third.page.getByTestId("rpc-name")).toHaveValue("GetGroupByKey");
  await third.context.close();
  expect(offOrigin).toEqual([]);
});

test("a link too long for chat tools says so and can leave the SQL out", async ({
  page,
  context,
  browser,
  offOrigin,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // Distinct pseudo-random ids, so compression cannot hide the length.
  const ids = Array.from({ length: 260 }, (_, i) => ((i * 2654435761) % 4294967296).toString(16));
  const longSql = `SELECT id FROM posthog_person WHERE team_id = $1 AND uuid::text = ANY('{${ids.join(",")}}')`;
  await page.goto("/wizard?step=access");
  await waitForLab(page);
  await setSql(page, longSql);
  const meter = page.getByTestId("share-bar").getByTestId("link-length");
  await expect(meter).toHaveAttribute("data-long", "true");
  await expect(meter).toContainText("some chat and review tools cut links this long");
  await page.getByTestId("omit-sql").check();
  await expect(meter).toHaveAttribute("data-long", "false");

  const reviewLink = await copied(page, "copy-review-link");
  const other = await freshPage(browser);
  await other.page.goto(reviewLink);
  await expect(other.page.getByTestId("review-sql-empty")).toHaveText(
    "The author left the SQL out of this link.",
  );
  await expect(other.page.getByTestId("link-warnings")).toContainText("SQL");
  await other.context.close();
  expect(offOrigin).toEqual([]);
});

test("bad links say what was wrong, keep what they can, and run nothing from the link", async ({
  page,
  offOrigin,
}) => {
  await page.goto("/review#v=4&z=AAAAbroken");
  await expect(page.getByTestId("link-warnings")).toBeVisible();
  await expect(page.getByTestId("review-empty")).toBeVisible();

  await page.goto("/wizard#v=99&z=AAAA");
  await expect(page.getByTestId("link-warnings")).toContainText("99");
  // Past the 300 ms write delay, the damaged link is still in the address bar, not replaced.
  await page.waitForTimeout(1000);
  expect(page.url()).toMatch(/#v=99&z=AAAA$/);

  const hostileName = '<img src=x onerror="window.__pwned=1">';
  const fragment = await encodeDesignLink({
    ...WORKED_EXAMPLE,
    rpcName: hostileName,
    sql: "SELECT 1 -- <script>window.__pwned=2</script>",
  });
  await page.goto(`/review${fragment}`);
  await expect(page.getByTestId("review-title")).toHaveText(hostileName);
  await expect(page.getByTestId("no-snippets")).toContainText("PascalCase");
  await expect(page.getByTestId("design-problems")).toContainText("PascalCase");
  await expect(page.getByTestId("review-sql")).toContainText("<script>");
  await expect(page.getByTestId("check-status")).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await page.goto(`/wizard?step=proto${fragment}`);
  await expect(page.getByTestId("rpc-name")).toHaveValue(hostileName);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(offOrigin).toEqual([]);
});
