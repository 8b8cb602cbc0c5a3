"use client";
import dynamic from "next/dynamic";
import type { MonacoSqlEditorProps } from "./monaco-sql-editor";

/** The editor loads on demand; until then a same-size placeholder keeps the layout still. */
export const SqlEditor = dynamic<MonacoSqlEditorProps>(() => import("./monaco-sql-editor"), {
  ssr: false,
  loading: () => (
    <div
      data-testid="sql-editor-loading"
      className="flex h-56 items-center justify-center rounded border border-slate-300 text-sm text-slate-500 dark:border-slate-700"
    >
      Loading the SQL editor…
    </div>
  ),
});
