/**
 * Theme preference: "system" follows the operating system; "light" and "dark" override it. The
 * same rule runs inline before the first paint (no flash) and in the toggle; a test holds them
 * together.
 */
export const THEME_KEY = "personhog-workbench:theme";
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** The stored preference; anything unknown (or nothing) is "system". */
export function parseTheme(stored: string | null): Theme {
  return THEMES.find((t) => t === stored) ?? "system";
}

export function isDark(theme: Theme, systemDark: boolean): boolean {
  return theme === "dark" || (theme === "system" && systemDark);
}

export function nextTheme(theme: Theme): Theme {
  return THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length] ?? "system";
}

/** The inline script: our own constant text, never built from input. */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d)}catch(e){}`;
