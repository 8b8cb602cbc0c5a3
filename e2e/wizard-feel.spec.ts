import { expect, gotoStep, test } from "./helpers";

test("keys move between steps, the theme toggles, and the last design comes back after start over", async ({
  page,
  offOrigin,
}) => {
  await page.goto("/wizard");
  await page.keyboard.press("Alt+ArrowRight");
  await expect(page.getByTestId("step-access")).toHaveAttribute("aria-current", "step");
  await page.keyboard.press("Alt+ArrowRight");
  await expect(page.getByTestId("step-proto")).toHaveAttribute("aria-current", "step");
  await page.keyboard.press("Alt+ArrowLeft");
  await expect(page.getByTestId("step-access")).toHaveAttribute("aria-current", "step");

  await page.getByTestId("theme-toggle").click(); // system → light
  await page.getByTestId("theme-toggle").click(); // light → dark
  await expect(page.locator("html")).toHaveClass(/dark/);

  await gotoStep(page, "proto");
  await page.getByTestId("rpc-name").fill("GetRememberedThing");
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem("personhog-workbench:last-design") ?? ""))
    .toContain("GetRememberedThing");
  await page.goto("/wizard?step=proto"); // no fragment: the last design comes from this device
  await expect(page.getByTestId("rpc-name")).toHaveValue("GetRememberedThing");
  await expect(page.getByText("Restored your last design.")).toBeVisible();
  await expect(page.locator("html")).toHaveClass(/dark/);

  await page.getByTestId("start-over").click();
  await expect(page.getByTestId("rpc-name")).toHaveValue("");
  await expect(page.getByTestId("no-snippets")).toBeVisible();
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
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    files.getByTestId("download-zip").click(),
  ]);
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
