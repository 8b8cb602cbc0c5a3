import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { THEME_BOOT_SCRIPT, isDark, nextTheme, parseTheme } from "./theme";

describe("theme", () => {
  it("follows the system unless told otherwise", () => {
    assert.equal(isDark("system", true), true);
    assert.equal(isDark("system", false), false);
    assert.equal(isDark("light", true), false);
    assert.equal(isDark("dark", false), true);
  });
  it("cycles system, light, dark", () => {
    assert.deepEqual(
      [nextTheme("system"), nextTheme("light"), nextTheme("dark")],
      ["light", "dark", "system"],
    );
  });
  it("reads an unknown or missing stored value as system", () => {
    assert.equal(parseTheme("dark"), "dark");
    assert.equal(parseTheme("purple"), "system");
    assert.equal(parseTheme(null), "system");
  });
  it("boots with the toggle's rule, whatever is stored", () => {
    for (const stored of ["system", "light", "dark", "purple", null])
      for (const systemDark of [true, false]) {
        let dark: boolean | undefined;
        const boot = new Function("localStorage", "matchMedia", "document", THEME_BOOT_SCRIPT);
        boot({ getItem: () => stored }, () => ({ matches: systemDark }), {
          documentElement: { classList: { toggle: (_: string, on: boolean) => (dark = on) } },
        });
        assert.equal(dark, isDark(parseTheme(stored), systemDark), `${stored}, ${systemDark}`);
      }
  });
});
