"use client";
import { useEffect, useSyncExternalStore } from "react";
import { THEME_KEY, isDark, nextTheme, parseTheme, type Theme } from "@/lib/theme";
import { windowEvents } from "./window-events";

const LABEL: Record<Theme, string> = {
  system: "Theme: system",
  light: "Theme: light",
  dark: "Theme: dark",
};
/** Fired after this tab stores a choice; other tabs hear the `storage` event. */
const THEME_STORED = "workbench:theme";

const subscribe = windowEvents("storage", THEME_STORED);

function storedTheme(): Theme {
  try {
    return parseTheme(window.localStorage.getItem(THEME_KEY));
  } catch {
    return "system"; // storage disabled
  }
}

/** Cycles system → light → dark; the choice stays on this device, never in a share link. */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, storedTheme, () => "system" as const);
  useEffect(() => {
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const apply = () =>
      document.documentElement.classList.toggle("dark", isDark(theme, media.matches));
    apply();
    media.addEventListener("change", apply);
    return () => media.removeEventListener("change", apply);
  }, [theme]);
  const cycle = () => {
    try {
      window.localStorage.setItem(THEME_KEY, nextTheme(theme));
    } catch {
      return; // storage disabled: the system's theme stays
    }
    window.dispatchEvent(new Event(THEME_STORED));
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
