"use client";
import { useState } from "react";

/** Copies text and says so for two seconds; says so too when the browser refuses. */
export function CopyButton({
  text,
  label = "Copy",
  busyLabel,
  testId = "copy-button",
}: {
  /** The text, or a function making it when clicked (for text that is costly or async to build). */
  readonly text: string | (() => string | Promise<string>);
  readonly label?: string;
  /** Shown while the text is being made, when making it waits for something people should know of. */
  readonly busyLabel?: string;
  readonly testId?: string;
}) {
  const [state, setState] = useState<"idle" | "busy" | "copied" | "failed">("idle");
  const copy = async () => {
    if (busyLabel) setState("busy");
    try {
      await navigator.clipboard.writeText(typeof text === "function" ? await text() : text);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2000);
  };
  return (
    <button
      type="button"
      onClick={copy}
      data-testid={testId}
      data-state={state}
      aria-busy={state === "busy" || undefined}
      className="rounded border border-slate-400 px-2 py-0.5 text-xs hover:bg-slate-100 dark:hover:bg-slate-800"
    >
      <span aria-live="polite">
        {state === "copied"
          ? "Copied"
          : state === "failed"
            ? "Copy failed: select and copy"
            : state === "busy"
              ? busyLabel
              : label}
      </span>
    </button>
  );
}
