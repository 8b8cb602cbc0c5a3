"use client";
/**
 * Monaco from the npm package (never a CDN): only the editor API and the SQL language, with the
 * editor worker bundled from our own origin. Loaded through next/dynamic so the guide never pays.
 */
import { useEffect, useRef, useState } from "react";
import Editor, { loader, type OnMount } from "@monaco-editor/react";
import * as monaco from "monaco-editor/editor/editor.api";
import "monaco-editor/languages/definitions/sql/register";
import { errorSpan } from "@/lib/sql/error-span";
import type { SqlError } from "@/lib/sql/session";
import { exposeTestHook } from "@/components/test-hooks";

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker: (workerId: string, label: string) => Worker };
  }
}

window.MonacoEnvironment = {
  getWorker: () =>
    new Worker(new URL("../../workers/editor.worker.ts", import.meta.url), { type: "module" }),
};
loader.config({ monaco });

// Monaco's stock SQL colours fail WCAG contrast (axe flags them); these keep 4.5:1 on each background.
// Token → [light, dark] foreground; null keeps the stock colour.
const SQL_COLOURS: ReadonlyArray<readonly [token: string, light: string, dark: string | null]> = [
  ["keyword", "0000B3", "7FB6FF"],
  ["operator", "333333", "D4D4D4"],
  // The stock themes colour these per language, which beats a plain "operator" rule.
  ["operator.sql", "4A4A4A", "C8C8C8"],
  ["predefined.sql", "7A1F8A", "E0A3F0"],
  ["number", "0B6E2B", "B5CEA8"],
  ["string", "A31515", "F0A58A"],
  ["comment", "3F6B2E", "8FBF7F"],
  ["predefined", "7A1F8A", "E0A3F0"],
  ["delimiter", "333333", null],
];
monaco.editor.defineTheme("workbench-light", {
  base: "vs",
  inherit: true,
  rules: SQL_COLOURS.map(([token, foreground]) => ({ token, foreground })),
  colors: { "editorLineNumber.foreground": "#5A5A5A" },
});
monaco.editor.defineTheme("workbench-dark", {
  base: "vs-dark",
  inherit: true,
  rules: SQL_COLOURS.flatMap(([token, , foreground]) =>
    foreground ? [{ token, foreground }] : [],
  ),
  colors: { "editorLineNumber.foreground": "#A0A0A0" },
});

export interface MonacoSqlEditorProps {
  readonly value: string;
  /** Bumped when `value` is replaced from outside (a link, start over) rather than by typing. */
  readonly revision: number;
  readonly onChange: (value: string) => void;
  readonly onRun: () => void;
  /** The lab's error for the text as it stands, marked where PostgreSQL points; null clears it. */
  readonly error: SqlError | null;
  readonly dark: boolean;
  /** Focus the editor with its caret at this offset (the text area it replaces had the caret). */
  readonly focusAt?: number;
}

/** Whose markers these are: the lab replaces only its own. */
const MARKER_OWNER = "sql-lab";

type StandaloneEditor = Parameters<OnMount>[0];
type Model = NonNullable<ReturnType<StandaloneEditor["getModel"]>>;

function rangeOf(model: Model, start: number, end: number) {
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  return {
    startLineNumber: from.lineNumber,
    startColumn: from.column,
    endLineNumber: to.lineNumber,
    endColumn: to.column,
  };
}

/**
 * The editor owns its text while someone types: a controlled `value` lags behind fast typing and
 * would write old text back. Only a new `revision` (text replaced from outside) pushes `value` in.
 */
export default function MonacoSqlEditor({
  value,
  revision,
  onChange,
  onRun,
  error,
  dark,
  focusAt,
}: MonacoSqlEditorProps) {
  // The editor command is registered once; it must still call the latest onRun.
  const onRunRef = useRef(onRun);
  const editorRef = useRef<StandaloneEditor | null>(null);
  const latestValue = useRef(value);
  useEffect(() => {
    onRunRef.current = onRun;
    latestValue.current = value;
  }, [onRun, value]);
  useEffect(() => {
    const editor = editorRef.current;
    if (editor && editor.getValue() !== latestValue.current) editor.setValue(latestValue.current);
  }, [revision]);
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const span = error?.position ? errorSpan(model.getValue(), error.position) : null;
    const markers = span
      ? [
          {
            ...rangeOf(model, span.start, span.end),
            message: error?.message ?? "",
            severity: monaco.MarkerSeverity.Error,
          },
        ]
      : [];
    monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
  }, [error, mounted]);
  const handleMount: OnMount = (editor, api) => {
    editorRef.current = editor;
    setMounted(true);
    if (editor.getValue() !== latestValue.current) editor.setValue(latestValue.current);
    editor.addCommand(api.KeyMod.CtrlCmd | api.KeyCode.Enter, () => onRunRef.current());
    const model = editor.getModel();
    if (focusAt !== undefined && model) {
      editor.setPosition(model.getPositionAt(focusAt));
      editor.focus();
    }
    // End-to-end tests set the editor's content through its API, as a person's typing would, and
    // read its markers through Monaco's.
    exposeTestHook("__sqlEditor", editor);
    exposeTestHook("__monaco", api);
  };
  return (
    <div
      data-testid="sql-editor"
      className="h-56 overflow-hidden rounded border border-slate-300 dark:border-slate-700"
    >
      <Editor
        language="sql"
        defaultValue={value}
        theme={dark ? "workbench-dark" : "workbench-light"}
        onChange={(next) => onChange(next ?? "")}
        onMount={handleMount}
        options={{
          minimap: { enabled: false },
          fontSize: 13,
          scrollBeyondLastLine: false,
          wordWrap: "on",
        }}
      />
    </div>
  );
}
