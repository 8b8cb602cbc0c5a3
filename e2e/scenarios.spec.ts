import type { Page, TestInfo } from "@playwright/test";
import { STEPS } from "../lib/design/steps";
import { expect, expectAccessible, gotoStep, setSql, test, waitForLab } from "./helpers";

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test("the guide's worked example, GetPersonCount, from eligibility to a ticked checklist", async ({
  page,
  offOrigin,
}, testInfo) => {
  await page.goto("/wizard");
  await expect(page.getByTestId("route-summary")).toContainText("replica");
  await expectAccessible(page);
  await shot(page, testInfo, "1-eligibility");

  await gotoStep(page, "access");
  await waitForLab(page);
  await expect(page.getByTestId("check-status")).toHaveAttribute("data-status", "pass");
  await expect(page.getByTestId("step-access")).toHaveAttribute("data-state", "pass");
  await expectAccessible(page);
  await shot(page, testInfo, "2-access");

  await gotoStep(page, "proto");
  await expect(page.getByTestId("snippet-proto-messages")).toContainText(
    "message GetPersonCountRequest",
  );
  await expectAccessible(page);
  await shot(page, testInfo, "3-proto");

  await gotoStep(page, "clients");
  await expect(page.getByTestId("snippet-python-fake-method")).toContainText(
    '_Call("get_person_count", request)',
  );
  await expectAccessible(page);
  await gotoStep(page, "rust");
  // The count is written non-null for sqlx, as PostHog's own count queries are.
  await expect(page.getByTestId("snippet-rust-storage-postgres")).toContainText(
    'SELECT COUNT(*) as "count!" FROM posthog_person',
  );
  await expectAccessible(page);
  await shot(page, testInfo, "5-rust");

  await gotoStep(page, "verify");
  await expect(page.locator('[data-testid=checklist] [data-item="index"]')).toHaveAttribute(
    "data-state",
    "pass",
  );
  await expectAccessible(page);
  await shot(page, testInfo, "6-verify");
  for (const { id } of STEPS)
    await expect(page.getByTestId(`step-${id}`)).toHaveAttribute("data-state", "pass");
  expect(offOrigin).toEqual([]);
});

test("a group read by type gets the prefix-plus-filter warning on its access step", async ({
  page,
  offOrigin,
}, testInfo) => {
  await page.goto("/wizard");
  await page
    .locator("label", { hasText: "posthog_person" })
    .first()
    .getByRole("checkbox")
    .uncheck();
  await page.locator("label", { hasText: "posthog_group" }).first().getByRole("checkbox").check();
  await expect(page.getByTestId("route-summary")).toContainText(
    "NonPersonData always goes to the replica",
  );
  await gotoStep(page, "access");
  await waitForLab(page);
  await setSql(
    page,
    "SELECT id, group_key FROM posthog_group WHERE team_id = $1 AND group_type_index = $2",
  );
  await expect(page.locator('[data-rule="broad-index-prefix"]')).toContainText("group_type_index");
  await expect(page.getByTestId("step-access")).toHaveAttribute("data-state", "warning");
  await shot(page, testInfo, "group-read-warning");
  expect(offOrigin).toEqual([]);
});

test("a current-target person write is served by the replica until the leader is chosen, which blocks until the at-least-once question is answered", async ({
  page,
  offOrigin,
}, testInfo) => {
  await page.goto("/wizard");
  // A choice made before React hydrates the form is reset by it: choose until it holds.
  await expect(async () => {
    await page.getByTestId("target").selectOption("current");
    await page.getByTestId("operation-eligibility").selectOption("write");
    await expect(page.getByTestId("route-summary")).toContainText("temporary measure", {
      timeout: 1000,
    });
  }).toPass();
  const side = page.getByTestId("person-write-side");
  await expect(side.getByRole("radio", { name: /replica/ })).toBeChecked();
  await expect(page.getByTestId("leader-safety")).toHaveCount(0);
  await expect(page.getByTestId("blocked")).toHaveCount(0);

  await side.getByRole("radio", { name: "The leader" }).check();
  await expect(page.getByTestId("route-summary")).toContainText("Routing: leader");
  await expect(page.getByTestId("leader-safety")).toBeVisible();
  await expect(page.getByTestId("blocked")).toContainText("at-least-once");
  await gotoStep(page, "rust");
  await expect(page.getByTestId("blocked")).toBeVisible();

  await gotoStep(page, "eligibility");
  await page
    .getByTestId("leader-safety")
    .getByLabel("How is a second delivery safe?")
    .selectOption("convergent");
  await expect(page.getByTestId("blocked")).toHaveCount(0);
  await gotoStep(page, "proto");
  await expect(page.getByTestId("snippet-proto-rpc-leader")).toContainText("rpc GetPersonCount(");
  await expectAccessible(page);
  await shot(page, testInfo, "leader-write");
  expect(offOrigin).toEqual([]);
});

test("a table outside personhog stops at eligibility with the reason", async ({
  page,
  offOrigin,
}, testInfo) => {
  await page.goto("/wizard?step=access");
  await waitForLab(page);
  await setSql(
    page,
    "SELECT uuid FROM posthog_personoverridemapping WHERE team_id = $1 AND uuid = $2",
  );
  await expect(page.locator('[data-rule="not-eligible"]')).toBeVisible();
  await gotoStep(page, "eligibility");
  await page.getByTestId("use-sql-tables").click();
  await expect(page.getByTestId("blocked")).toContainText(
    "posthog_personoverridemapping is not personhog data",
  );
  await expect(page.getByTestId("step-eligibility")).toHaveAttribute("data-state", "failed");
  await gotoStep(page, "clients");
  await expect(page.getByTestId("blocked")).toBeVisible();
  await shot(page, testInfo, "not-eligible");
  expect(offOrigin).toEqual([]);
});
