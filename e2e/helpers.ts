import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";
import { TEST_HOOKS_FLAG } from "../components/test-hooks";
import type { StepId } from "../lib/design/steps";
import { decodeDesignLink } from "../lib/link";
import { THEME_KEY, type Theme } from "../lib/theme";

/** Pages in this context expose the handles tests drive them through (see components/test-hooks). */
export async function enableTestHooks(context: BrowserContext): Promise<void> {
  await context.addInitScript((flag) => {
    (window as unknown as Record<string, boolean>)[flag] = true;
  }, TEST_HOOKS_FLAG);
}

/**
 * Every e2e test fails on a console error, an uncaught page error, or a request that leaves the
 * origin: the app must work offline and quietly.
 */
export const test = base.extend<{ offOrigin: string[] }>({
  context: async ({ context }, use) => {
    await enableTestHooks(context);
    await use(context);
  },
  offOrigin: async ({ page, baseURL }, use) => {
    const problems: string[] = [];
    const offOrigin: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("request", (req) => {
      const url = req.url();
      if (!url.startsWith(baseURL ?? "") && !url.startsWith("data:") && !url.startsWith("blob:"))
        offOrigin.push(url);
    });
    await use(offOrigin);
    expect(problems, "console and page errors").toEqual([]);
    expect(offOrigin, "requests that left the origin").toEqual([]);
  },
});

export { expect };

/**
 * Presses a key until `moved` holds. A key pressed before React hydrates the page reaches no
 * handler (a clean-clone run lost one that way), so a single press can do nothing; each try waits
 * long enough for a handled press to show before pressing again.
 */
export async function pressUntil(
  page: Page,
  key: string,
  moved: () => Promise<void>,
): Promise<void> {
  await expect(async () => {
    await page.keyboard.press(key);
    await moved();
  }).toPass({ timeout: 30_000, intervals: [0] });
}

export async function waitForLab(page: Page): Promise<void> {
  await expect(page.getByTestId("lab-status")).toHaveAttribute("data-state", "ready", {
    timeout: 30_000,
  });
  await page.waitForFunction(() => "__sqlEditor" in window, null, { timeout: 30_000 });
}

/** Sets the SQL through Monaco's API, which fires the same change events as typing. */
export async function setSql(page: Page, sql: string): Promise<void> {
  await page.evaluate((text) => {
    const editor = (window as unknown as { __sqlEditor: { setValue(v: string): void } })
      .__sqlEditor;
    editor.setValue(text);
  }, sql);
}

/** The design JSON the page has written into its URL fragment (what a copied link would carry). */
export async function designInUrl(page: Page): Promise<string> {
  const { design } = await decodeDesignLink(await page.evaluate(() => window.location.hash));
  return design ? JSON.stringify(design) : "";
}

export async function gotoStep(page: Page, step: StepId): Promise<void> {
  await page.getByTestId(`step-${step}`).click();
  await expect(page.getByTestId(`step-${step}`)).toHaveAttribute("aria-current", "step");
}

/** No serious or critical accessibility violation on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/** The Monaco editor module sets this global when it loads; pages that do not edit must not. */
export async function monacoLoaded(page: Page): Promise<boolean> {
  return page.evaluate(() => "MonacoEnvironment" in window);
}

/** Opens pages in this theme: the preference is set in localStorage before any script runs. */
export async function preferTheme(page: Page, theme: Theme): Promise<void> {
  await page.addInitScript(({ key, value }) => window.localStorage.setItem(key, value), {
    key: THEME_KEY,
    value: theme,
  });
}

/**
 * The page is no wider than the window (only boxes meant to scroll sideways do); on failure, the
 * outermost elements that stick out are named.
 */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, innerWidth, sticking } = await page.evaluate(() => {
    const width = window.innerWidth;
    const out = [...document.body.querySelectorAll<HTMLElement>("*")].filter(
      (el) => el.getBoundingClientRect().right > width + 1,
    );
    const outermost = out.filter((el) => !out.includes(el.parentElement as HTMLElement));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: width,
      sticking: outermost
        .slice(0, 5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)} px)`,
        ),
    };
  });
  expect(scrollWidth, `wider than the window: ${sticking.join(", ")}`).toBeLessThanOrEqual(
    innerWidth,
  );
}
