/**
 * Input to updated snippet, in the page: type a character into the RPC name (a real input event
 * through React's own path) and time until the generated proto shows it.
 */
import type { Browser } from "playwright-core";
import { median, percentile, round, type Figures } from "./figures";

const KEYSTROKES = 40;

export async function typingFigures(browser: Browser, base: string): Promise<Figures> {
  const page = await browser.newPage();
  await page.goto(`${base}/wizard?step=proto`);
  await page.waitForSelector("[data-testid=snippet-proto-messages]");
  const times = await page.evaluate(async (count) => {
    const input = document.querySelector<HTMLInputElement>("[data-testid=rpc-name]");
    const target = document.querySelector("[data-testid=snippet-proto-messages]");
    if (!input || !target) throw new Error("the proto step did not render");
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const name = `GetPersonCount${"X".repeat(i + 1)}`;
      const seen = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (target.textContent?.includes(`${name}Request`)) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(target, { subtree: true, characterData: true, childList: true });
      });
      const t0 = performance.now();
      setValue?.call(input, name);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      out.push((await seen) - t0);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    return out;
  }, KEYSTROKES);
  await page.close();
  const p95 = percentile(times, 95);
  return {
    "browser.input_to_snippet_median": {
      value: round(median(times)),
      unit: "ms",
      note: `${KEYSTROKES} edits of the RPC name, until the proto snippet shows it`,
    },
    "browser.input_to_snippet_p95": {
      value: round(p95),
      unit: "ms",
      goal: "< 16 ms (one frame)",
      met: p95 < 16,
    },
  };
}
