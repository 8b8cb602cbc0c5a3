/**
 * Every route at a phone's size and a desktop's, in both themes: nothing scrolls the page sideways,
 * axe finds no serious or critical violation, and a screenshot of each is attached to the report.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { WORKED_EXAMPLE } from "../lib/design/defaults";
import { encodeDesignLink } from "../lib/link";
import { THEME_KEY, type Theme } from "../lib/theme";
import { expect, expectAccessible, expectNoHorizontalOverflow, test, preferTheme } from "./helpers";

const GUIDE_SLUGS = readdirSync(path.join(import.meta.dirname, "../content/guide"))
  .filter((f) => f.endsWith(".md"))
  .map((f) => f.replace(/\.md$/, ""))
  .sort();

const ROUTES = [
  "/",
  "/guide",
  ...GUIDE_SLUGS.map((slug) => `/guide/${slug}`),
  "/wizard",
  "/review",
];

/**
 * A phone in the light theme, then a desktop in the dark one: both sizes, both themes, from one
 * page load per route. The theme changes as it does when another tab picks it (a storage event).
 */
const VIEWS: readonly { name: string; width: number; height: number; theme: Theme }[] = [
  { name: "phone-light", width: 390, height: 844, theme: "light" },
  { name: "desktop-dark", width: 1440, height: 900, theme: "dark" },
];

for (const route of ROUTES) {
  test(`${route} at 390×844 light and 1440×900 dark: fits, accessible, screenshots`, async ({
    page,
    offOrigin,
  }, testInfo) => {
    const [first] = VIEWS;
    await preferTheme(page, first!.theme);
    await page.setViewportSize({ width: first!.width, height: first!.height });
    const link = route === "/review" ? await encodeDesignLink(WORKED_EXAMPLE) : "";
    await page.goto(`${route}${link}`);
    await expect(page.locator("main h1").first()).toBeVisible();
    if (route === "/review") await expect(page.getByTestId("review")).toBeVisible();
    if (route === "/wizard")
      await expect(page.getByRole("navigation", { name: "Wizard steps" })).toBeVisible();
    for (const view of VIEWS) {
      await test.step(view.name, async () => {
        await page.setViewportSize({ width: view.width, height: view.height });
        await page.evaluate(
          ({ key, value }) => {
            localStorage.setItem(key, value);
            window.dispatchEvent(new StorageEvent("storage", { key }));
          },
          { key: THEME_KEY, value: view.theme },
        );
        await expect(page.locator("html")).toHaveClass(
          view.theme === "dark" ? /dark/ : /^(?!.*dark)/,
        );
        await expectAccessible(page);
        const name = `${route.replaceAll("/", "_") || "_"}-${view.name}.png`;
        // Kept in test-results/ as well as attached to the report.
        const file = testInfo.outputPath(name);
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(name, { path: file, contentType: "image/png" });
        await expectNoHorizontalOverflow(page);
      });
    }
    expect(offOrigin).toEqual([]);
  });
}
