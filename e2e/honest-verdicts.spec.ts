import type { Page } from "@playwright/test";
import { WORKED_EXAMPLE, field } from "../lib/design/defaults";
import { DESIGN_FIXTURES } from "../lib/design/fixtures";
import type { Design } from "../lib/design/model";
import { encodeDesignLink } from "../lib/link";
import { expect, gotoStep, setSql, test, waitForLab } from "./helpers";

/** The example: the design says posthog_person, its SQL reads distinct ids by text. */
const MISMATCHED: Design = {
  ...WORKED_EXAMPLE,
  rpcName: "GetPersonIdByDistinctId",
  sql: "SELECT person_id FROM posthog_persondistinctid WHERE distinct_id = $1",
  request: [field("team_id", "int64")],
};

interface Marker {
  message: string;
  startLineNumber: number;
  startColumn: number;
  endColumn: number;
}

/** The SQL editor's markers, read through Monaco's own API in the page. */
async function markers(page: Page): Promise<Marker[]> {
  return page.evaluate(() => {
    const monaco = (
      window as unknown as {
        __monaco: { editor: { getModelMarkers(filter: object): Marker[] } };
      }
    ).__monaco;
    return monaco.editor
      .getModelMarkers({})
      .map(({ message, startLineNumber, startColumn, endColumn }) => ({
        message,
        startLineNumber,
        startColumn,
        endColumn,
      }));
  });
}

test("a design whose SQL touches another table fails Eligibility and Rust, with the reasons on each step", async ({
  page,
  offOrigin,
}, testInfo) => {
  await page.goto(`/wizard${await encodeDesignLink(MISMATCHED)}`);
  // No step but the first is opened: the workbench checks the SQL by itself.
  await expect(page.getByTestId("step-eligibility")).toHaveAttribute("data-state", "failed", {
    timeout: 30_000,
  });
  await expect(page.getByTestId("step-rust")).toHaveAttribute("data-state", "failed");
  await expect(page.getByTestId("step-proto")).toHaveAttribute("data-state", "pass");
  await expect(page.getByTestId("mark-legend")).toContainText("needs a reviewer's OK");
  const eligibility = page.getByTestId("step-problems-eligibility");
  await expect(eligibility).toContainText(
    "The SQL touches posthog_persondistinctid, which the design does not name",
  );
  await expect(eligibility).toContainText(
    "The design names posthog_person, but the SQL never touches it",
  );
  // The summary says what the SQL does, not what the design claims.
  await expect(page.getByTestId("design-summary-sql")).toHaveText(
    "a read (SELECT) of posthog_persondistinctid",
  );
  await page.screenshot({ path: testInfo.outputPath("mismatch-eligibility.png"), fullPage: true });

  await gotoStep(page, "rust");
  await expect(page.getByTestId("step-problems-rust")).toContainText(
    // The SQL in the message may be shown as code (backticks) or as rendered code (no backticks).
    /\$1 in `?distinct_id = \$1`? takes text, but is bound to team_id \(int64\)/,
  );
  await page.screenshot({ path: testInfo.outputPath("mismatch-rust.png"), fullPage: true });
  expect(offOrigin).toEqual([]);
});

test("the PR description copied straight after opening a link waits for the SQL check and carries its verdict", async ({
  page,
  context,
  offOrigin,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // Hold the lab's database back a little, so the copy certainly comes before the lab is ready.
  await context.route("**/lab/lab-snapshot.tar", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const design = DESIGN_FIXTURES["group-read-current"]!;
  await page.goto(`/wizard${await encodeDesignLink(design)}`);
  // The link's design is loaded (the page has hydrated); no step is visited.
  await expect(page.getByTestId("design-summary")).toContainText("ListGroupsByType");
  await expect(page.getByTestId("design-check")).toHaveAttribute("data-status", "unchecked");
  const button = page.getByTestId("copy-pr-description");
  await button.click();
  await expect(button).toHaveText("Waiting for the SQL check…");
  await expect(button).toHaveText("Copied", { timeout: 30_000 });
  const pr = await page.evaluate(() => navigator.clipboard.readText());
  expect(pr).not.toContain("Not checked in the SQL lab yet");
  expect(pr).toContain("SQL lab: the query **needs a reviewer's OK**");
  expect(pr).toContain(
    "- [ ] Reviewer: accept or refuse. Query uses an existing index (no seq scans), with a warning: posthog_group is looked up",
  );
  expect(pr).not.toContain("- [x] Query uses an existing index");
  await expect(page.getByTestId("design-check")).toHaveAttribute("data-status", "warning");
  await expect(page.getByTestId("step-access")).toHaveAttribute("data-state", "warning");
  expect(offOrigin).toEqual([]);
});

test("a syntax error and a second statement are marked in the editor where PostgreSQL points, and cleared by the next check", async ({
  page,
  offOrigin,
}, testInfo) => {
  await page.goto("/wizard?step=access");
  await waitForLab(page);
  await setSql(page, "SELECT *\nFORM posthog_person");
  await expect(page.getByTestId("check-status")).toHaveAttribute("data-status", "invalid");
  await expect
    .poll(() => markers(page))
    .toEqual([
      {
        message: 'syntax error at or near "FORM"',
        startLineNumber: 2,
        startColumn: 1,
        endColumn: 5,
      },
    ]);
  await page.screenshot({ path: testInfo.outputPath("syntax-marker.png"), fullPage: true });

  await setSql(page, "SELECT 1; DELETE FROM posthog_person");
  await expect(page.getByTestId("check-status")).toContainText("One statement at a time");
  await expect
    .poll(() => markers(page))
    .toEqual([
      {
        message: "One statement at a time: another one starts here.",
        startLineNumber: 1,
        startColumn: 11,
        endColumn: 17,
      },
    ]);

  await setSql(page, WORKED_EXAMPLE.sql);
  await expect(page.getByTestId("check-status")).toHaveAttribute("data-status", "pass");
  await expect.poll(() => markers(page)).toEqual([]);
  expect(offOrigin).toEqual([]);
});

test("while the lab starts, the steps that wait for it say not checked yet, never a warning", async ({
  page,
  context,
  offOrigin,
}) => {
  await context.route("**/lab/lab-snapshot.tar", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto("/wizard");
  await expect(page.getByTestId("step-access")).toHaveAttribute("data-state", "unchecked");
  await expect(page.getByTestId("step-access")).toHaveAttribute(
    "aria-label",
    "Step 2: Access pattern (not checked yet)",
  );
  await expect(page.getByTestId("step-proto")).toHaveAttribute("data-state", "pass");
  await gotoStep(page, "verify");
  await expect(page.locator('[data-testid=checklist] [data-item="index"]')).toHaveAttribute(
    "data-state",
    "unchecked",
  );
  await expect(page.getByTestId("step-access")).toHaveAttribute("data-state", "pass", {
    timeout: 30_000,
  });
  await expect(page.locator('[data-testid=checklist] [data-item="index"]')).toHaveAttribute(
    "data-state",
    "pass",
  );
  expect(offOrigin).toEqual([]);
});
