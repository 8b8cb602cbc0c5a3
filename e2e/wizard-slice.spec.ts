import { designInUrl, expect, gotoStep, setSql, test, waitForLab } from "./helpers";

const NO_INDEX = "SELECT * FROM posthog_persondistinctid WHERE version = 7";
const INDEXED =
  "SELECT person_id FROM posthog_persondistinctid WHERE team_id = 2 AND distinct_id = 'user-1'";

test("checks SQL in the browser database and restores the design on reload", async ({
  page,
  offOrigin,
}, testInfo) => {
  await page.goto("/wizard?step=access");
  await waitForLab(page);

  await setSql(page, NO_INDEX);
  await expect(page.getByTestId("check-status")).toHaveAttribute("data-status", "error");
  await expect(page.locator('[data-rule="seq-scan"]')).toContainText("posthog_persondistinctid");

  await setSql(page, INDEXED);
  await page.getByTestId("check-button").click();
  await expect(page.getByTestId("check-status")).toHaveAttribute("data-status", "pass");

  await gotoStep(page, "proto");
  await page.getByTestId("rpc-name").fill("GetDistinctIdOwner");
  await expect(page.getByTestId("snippet-proto-rpc-service")).toContainText(
    "rpc GetDistinctIdOwner(",
  );
  await expect.poll(() => designInUrl(page)).toContain('"rpcName":"GetDistinctIdOwner"');

  await page.reload();
  await gotoStep(page, "proto");
  await expect(page.getByTestId("rpc-name")).toHaveValue("GetDistinctIdOwner");
  await gotoStep(page, "access");
  await waitForLab(page);
  const restored = await page.evaluate(() =>
    (window as unknown as { __sqlEditor: { getValue(): string } }).__sqlEditor.getValue(),
  );
  expect(restored).toBe(INDEXED);
  await expect(page.getByTestId("check-status")).toHaveAttribute("data-status", "pass");

  await page.screenshot({ path: testInfo.outputPath("wizard-slice.png"), fullPage: true });
  expect(offOrigin).toEqual([]);
});

test("Ctrl+Enter in the editor checks the query at once", async ({ page, offOrigin }) => {
  await page.goto("/wizard?step=access");
  await waitForLab(page);
  await page.locator("[data-testid=sql-editor] .view-lines").click();
  await page.keyboard.press("Control+A");
  const typed = "SELECT * FROM posthog_group WHERE version = 1";
  await page.keyboard.type(typed);
  await page.keyboard.press("Control+Enter");
  // Fast typing must keep every key: the editor's text is exactly what was typed.
  expect(
    await page.evaluate(() =>
      (window as unknown as { __sqlEditor: { getValue(): string } }).__sqlEditor.getValue(),
    ),
  ).toBe(typed);
  await expect(page.getByTestId("check-status")).toHaveAttribute("data-status", "error");
  expect(offOrigin).toEqual([]);
});

test("the eligibility page lists the personhog tables", async ({ page, offOrigin }) => {
  await page.goto("/guide/eligibility");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Does this belong in personhog?",
  );
  await expect(
    page.getByRole("region", { name: /^Table: The tables personhog/ }).getByRole("table"),
  ).toContainText("posthog_featureflaghashkeyoverride");
  expect(offOrigin).toEqual([]);
});
