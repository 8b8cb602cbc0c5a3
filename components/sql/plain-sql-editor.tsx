"use client";
import type { RefObject } from "react";
import type { MonacoSqlEditorProps } from "./monaco-sql-editor";

/**
 * The SQL box before Monaco takes over (and instead of it, if Monaco never loads): a plain text
 * area of the same size that edits the same text; Ctrl/⌘+Enter checks, as in Monaco.
 */
export function PlainSqlEditor({
  value,
  onChange,
  onRun,
  error,
  textRef,
}: Pick<MonacoSqlEditorProps, "value" | "onChange" | "onRun" | "error"> & {
  readonly textRef: RefObject<HTMLTextAreaElement | null>;
}) {
  return (
    <textarea
      ref={textRef}
      data-testid="sql-editor-plain"
      aria-labelledby="sql-heading"
      aria-invalid={error ? true : undefined}
      spellCheck={false}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          onRun();
        }
      }}
      className="block h-56 w-full resize-none rounded border border-slate-300 bg-white p-2 font-mono text-[13px] leading-[19px] text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
    />
  );
}
