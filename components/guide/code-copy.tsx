"use client";
import { useEffect } from "react";

/**
 * Guide code blocks are rendered at build time with a Copy button; this one listener makes every
 * such button work (no component per block, almost no JavaScript on guide pages).
 */
export function CodeCopy() {
  useEffect(() => {
    const onClick = async (event: MouseEvent) => {
      const button = (event.target as HTMLElement | null)?.closest<HTMLButtonElement>(
        "[data-copy-code]",
      );
      const code = button?.parentElement?.querySelector("pre")?.textContent;
      if (!button || code === undefined || code === null) return;
      try {
        await navigator.clipboard.writeText(code);
        button.textContent = "Copied";
      } catch {
        button.textContent = "Copy failed: select and copy";
      }
      setTimeout(() => (button.textContent = "Copy"), 2000);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);
  return null;
}
