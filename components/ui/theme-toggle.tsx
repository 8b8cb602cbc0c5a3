"use client";
import { useEffect, useState } from "react";
import { THEME_KEY, isDark, nextTheme, parseTheme, type Theme } from "@/lib/theme";

const LABEL: Record<Theme, string> = {
  system: "Theme: system",
  light: "Theme: light",
  dark: "Theme: dark",
};

/** Cycles system → light → dark; the choice stays on this device, never in a share link. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>("system");
  useEffect(() => {
    // The stored preference is only readable after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setTheme(parseTheme(window.localStorage.getItem(THEME_KEY)));
  }, []);
  useEffect(() => {
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const apply = () =>
      document.documentElement.classList.toggle("dark", isDark(theme, media.matches));
    apply();
    media.addEventListener("change", apply);
    return () => media.removeEventListener("change", apply);
  }, [theme]);
  const cycle = () => {
    const next = nextTheme(theme);
    window.localStorage.setItem(THEME_KEY, next);
    setTheme(next);
  };
  return (
    <button
      type="button"
      data-testid="theme-toggle"
      onClick={cycle}
      className="rounded border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-700"
    >
      {LABEL[theme]}
    </button>
  );
}
