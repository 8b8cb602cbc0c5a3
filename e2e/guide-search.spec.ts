import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, expectAccessible, preferTheme, test } from "./helpers";

const PAGES = readdirSync(path.join(import.meta.dirname, "../content/guide")).filter((f) =>
  f.endsWith(".md"),
).length;

test("search from the keyboard: / focuses, arrows choose, Enter opens the section with the term marked", async ({
  page,
  offOrigin,
}, testInfo) => {
  await page.goto("/guide/eligibility");
  await page.locator("main h1").click();
  await page.keyboard.press("/");
  const box = page.getByTestId("guide-search");
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("");

  await page.keyboard.type("email");
  const options = page.getByTestId("search-results").getByRole("option");
  await expect(options.first()).toContainText("Database indexes");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", "guide-search-option-0");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await expectAccessible(page);
  await page.keyboard.press("ArrowUp");
  await expect(options.last()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");

  const anchor = "claims-you-may-still-read-elsewhere-that-are-no-longer-true";
  await expect(page).toHaveURL(new RegExp(`/guide/database-indexes\\?q=email#${anchor}$`));
  await expect(page.locator(`#${anchor}`)).toBeInViewport();
  const marks = page.locator("#guide-body mark");
  await expect(marks.first()).toHaveText(/^email$/i);
  await expect(marks.first()).toBeInViewport();
  const shot = testInfo.outputPath("search-arrival.png");
  await page.screenshot({ path: shot });
  await testInfo.attach("search-arrival.png", { path: shot, contentType: "image/png" });

  // Esc closes the list, then clears the query; a new search from this page moves the marks.
  await box.fill("partition");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByTestId("search-results")).toBeHidden();
  await page.keyboard.press("Escape");
  await expect(box).toHaveValue("");
  await box.fill("seq scan");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?q=seq%20scan#/);
  await expect(page.locator("#guide-body mark").first()).toHaveText(/^(seq|scan)$/i);
  await expect(page.locator("#guide-body mark", { hasText: /^email$/i })).toHaveCount(0);
  expect(offOrigin).toEqual([]);
});

test("the guide's contents page lists every page in order with its summary, linked from the header", async ({
  page,
  offOrigin,
}) => {
  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "Guide" }).click();
  await expect(page).toHaveURL(/\/guide$/);
  const items = page.getByTestId("guide-contents").locator("li");
  await expect(items).toHaveCount(PAGES);
  await expect(items.first().getByRole("link")).toHaveText("Does this belong in personhog?");
  await expect(items.first()).toContainText("personhog owns a short, fixed list of tables");
  await items.nth(1).getByRole("link").click();
  await expect(page).toHaveURL(/\/guide\/access-pattern$/);
  expect(offOrigin).toEqual([]);
});

test("the Try it button reads white on blue in the light theme", async ({ page, offOrigin }) => {
  await preferTheme(page, "light");
  await page.goto("/guide/access-pattern");
  const button = page.getByTestId("try-it");
  const colours = await button.evaluate((el) => {
    const style = getComputedStyle(el);
    return { text: style.color, background: style.backgroundColor, line: style.textDecorationLine };
  });
  expect(colours.text).toBe("rgb(255, 255, 255)");
  expect(colours.background).not.toBe(colours.text);
  expect(colours.line).toBe("none");
  expect(offOrigin).toEqual([]);
});
