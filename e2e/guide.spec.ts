import { expect, monacoLoaded, test } from "./helpers";

test("read the guide, search for seq scan, try the step in the workbench, copy a code block", async ({
  page,
  offOrigin,
  context,
}, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const heavy: string[] = [];
  page.on("request", (r) => {
    if (/monaco|pglite|lab-snapshot|lab-worker|\.wasm/i.test(r.url())) heavy.push(r.url());
  });

  await page.goto("/guide/eligibility");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Does this belong in personhog?",
  );
  await page.getByTestId("next-page").click();
  await expect(page).toHaveURL(/\/guide\/access-pattern$/);

  await page.getByTestId("guide-search").fill("seq scan");
  const results = page.getByTestId("search-results");
  await expect(results.getByRole("option").first()).toHaveAttribute(
    "data-href",
    /^\/guide\/access-pattern\?q=seq%20scan#/,
  );
  await results.getByRole("option").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/access pattern/i);

  // Headings are deep links.
  const anchor = page.locator("article h2 a.anchor").first();
  const href = await anchor.getAttribute("href");
  expect(href).toMatch(/^#[a-z0-9-]+$/);
  await page.goto(`/guide/access-pattern${href}`);
  await expect(page.locator(`article h2${href}`)).toBeVisible();

  await page.goto("/guide/verify");
  const block = page.locator(".code-block").first();
  await block.getByRole("button", { name: "Copy" }).click();
  await expect(block.getByRole("button")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    "cargo build -p personhog-proto",
  );
  expect(heavy, "guide pages load neither Monaco nor PGlite").toEqual([]);
  expect(await monacoLoaded(page), "the Monaco module is not loaded on guide pages").toBe(false);
  await page.screenshot({ path: testInfo.outputPath("guide.png"), fullPage: true });

  await page.goto("/guide/access-pattern");
  await page.getByTestId("try-it").click();
  await expect(page).toHaveURL(/\/wizard\?step=access#v=4&z=/);
  await expect(page.getByTestId("step-access")).toHaveAttribute("aria-current", "step");
  await expect(page.getByTestId("lab-status")).toBeVisible();
  expect(offOrigin).toEqual([]);
});
