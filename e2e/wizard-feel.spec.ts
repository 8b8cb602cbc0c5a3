import type { Download } from "@playwright/test";
import { expect, gotoStep, pressUntil, test } from "./helpers";

test("keys move between steps, the step survives reload and Back, the theme toggles, the last design comes back, and New RPC and examples can be undone", async ({
  page,
  offOrigin,
}) => {
  await page.goto("/wizard");
  await expect(page.getByTestId("design-origin")).toHaveText(/worked example/);
  await expect(page.getByTestId("keyboard-hint")).toBeVisible();
  const current = (step: string) => () =>
    expect(page.getByTestId(`step-${step}`)).toHaveAttribute("aria-current", "step", {
      timeout: 3_000,
    });
  await pressUntil(page, "Alt+ArrowRight", current("access"));
  await page.keyboard.press("Alt+ArrowRight");
  await expect(page.getByTestId("step-proto")).toHaveAttribute("aria-current", "step");
  await expect(page).toHaveURL(/\?step=proto$/);
  await page.reload();
  await expect(page.getByTestId("step-proto")).toHaveAttribute("aria-current", "step");
  await page.goBack();
  await expect(page.getByTestId("step-access")).toHaveAttribute("aria-current", "step");
  await page.goForward();
  await expect(page.getByTestId("step-proto")).toHaveAttribute("aria-current", "step");
  // Back and Forward may load the page again: the key waits for its handler as the first did.
  await pressUntil(page, "Alt+ArrowLeft", current("access"));

  await page.getByTestId("theme-toggle").click(); // system → light
  await page.getByTestId("theme-toggle").click(); // light → dark
  await expect(page.locator("html")).toHaveClass(/dark/);

  await gotoStep(page, "proto");
  const name = page.getByTestId("rpc-name");
  await name.fill("GetRememberedThing");
  const stored = () =>
    page.evaluate(() => localStorage.getItem("personhog-workbench:last-design") ?? "");
  await expect.poll(stored).toContain("GetRememberedThing");
  await page.goto("/wizard?step=proto"); // no fragment: the last design comes from this device
  await expect(name).toHaveValue("GetRememberedThing");
  await expect(page.getByTestId("design-origin")).toHaveText(/last design on this device/);
  await expect(page.locator("html")).toHaveClass(/dark/);

  // New RPC empties the design; Undo brings back exactly what was there, and it is saved again.
  await page.getByTestId("start-over").click();
  await expect(name).toHaveValue("");
  await expect(page.getByTestId("no-snippets")).toBeVisible();
  await expect(page.getByTestId("design-origin")).toHaveText(/new RPC/);
  await expect.poll(stored).not.toContain("GetRememberedThing");
  await page.getByTestId("undo-notice").getByTestId("undo").click();
  await expect(name).toHaveValue("GetRememberedThing");
  await expect(page.getByTestId("undo-notice")).toHaveCount(0);
  await expect(page.getByTestId("design-origin")).toHaveText(/last design on this device/);
  await expect.poll(stored).toContain("GetRememberedThing");

  // So does loading an example over it.
  await page.getByTestId("example-menu").selectOption("group-read-current");
  await expect(name).toHaveValue("ListGroupsByType");
  await expect(page.getByTestId("design-origin")).toHaveText(/group-read-current/);
  await page.getByTestId("undo").click();
  await expect(name).toHaveValue("GetRememberedThing");

  // Browser Back undoes New RPC as the button does, and stays on the step.
  await page.getByTestId("start-over").click();
  await expect(name).toHaveValue("");
  await page.goBack();
  await expect(name).toHaveValue("GetRememberedThing");
  await expect(page.getByTestId("undo-notice")).toHaveCount(0);
  await expect(page.getByTestId("step-proto")).toHaveAttribute("aria-current", "step");
  expect(offOrigin).toEqual([]);
});

test("every file downloads as one zip, and each file copies whole", async ({
  page,
  offOrigin,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/wizard?step=rust");
  const files = page.getByTestId("files-touched");
  // A click before React hydrates the button does nothing (a clean-clone run waited a minute for
  // a download that never started): click until one does.
  let download: Download | undefined;
  await expect(async () => {
    const started = page.waitForEvent("download", { timeout: 3_000 });
    await files.getByTestId("download-zip").click();
    download = await started;
  }).toPass({ timeout: 30_000 });
  if (!download) throw new Error("no download started");
  expect(download.suggestedFilename()).toBe("GetPersonCount.zip");
  const path = await download.path();
  const { readFileSync } = await import("node:fs");
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 4).toString("binary")).toBe("PK\u0003\u0004");
  // One top-level folder, a README, and every file named as a fragment.
  expect(bytes.toString("utf8")).toContain("GetPersonCount/README.md");
  expect(bytes.toString("utf8")).toContain(
    "GetPersonCount/rust/personhog-replica/src/storage/traits/person.fragment.rs",
  );

  const row = files.locator("li", { hasText: "proto/personhog/types/v1/person.proto" });
  await row.getByTestId("copy-button").click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    "message GetPersonCountRequest",
  );
  expect(offOrigin).toEqual([]);
});
