import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { THEME_BOOT_SCRIPT, isDark, nextTheme } from "./theme";

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
  it("boots from a script that parses", () => {
    assert.doesNotThrow(() => new Function(THEME_BOOT_SCRIPT));
  });
});
