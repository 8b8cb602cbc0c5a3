"use client";
/**
 * Monaco from the npm package (never a CDN): only the editor API and the SQL language, with the
 * editor worker bundled from our own origin. Loaded through next/dynamic so the guide never pays.
 */
import { useEffect, useRef } from "react";
import Editor, { loader, type OnMount } from "@monaco-editor/react";
import * as monaco from "monaco-editor/editor/editor.api";
import "monaco-editor/languages/definitions/sql/register";

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

export interface MonacoSqlEditorProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onRun: () => void;
  readonly dark: boolean;
}

type StandaloneEditor = Parameters<OnMount>[0];

/**
 * The editor owns its text while someone types (a controlled `value` lags behind fast typing and
 * writes old text back); a `value` that differs from what the editor last reported came from
 * outside (a link, start over) and is pushed in.
 */
export default function MonacoSqlEditor({ value, onChange, onRun, dark }: MonacoSqlEditorProps) {
  // The editor command is registered once; it must still call the latest onRun.
  const onRunRef = useRef(onRun);
  const editorRef = useRef<StandaloneEditor | null>(null);
  const reported = useRef(value);
  useEffect(() => {
    onRunRef.current = onRun;
  }, [onRun]);
  useEffect(() => {
    const editor = editorRef.current;
    if (editor && value !== reported.current && value !== editor.getValue()) {
      reported.current = value;
      editor.setValue(value);
    }
  }, [value]);
  const handleChange = (next: string | undefined) => {
    reported.current = next ?? "";
    onChange(reported.current);
  };
  const handleMount: OnMount = (editor, api) => {
    editorRef.current = editor;
    if (editor.getValue() !== reported.current) editor.setValue(reported.current);
    editor.addCommand(api.KeyMod.CtrlCmd | api.KeyCode.Enter, () => onRunRef.current());
    // End-to-end tests set the editor's content through its API, as a person's typing would.
    (window as unknown as { __sqlEditor?: typeof editor }).__sqlEditor = editor;
  };
  return (
    <div
      data-testid="sql-editor"
      className="h-56 overflow-hidden rounded border border-slate-300 dark:border-slate-700"
    >
      <Editor
        language="sql"
        defaultValue={value}
        theme={dark ? "vs-dark" : "vs"}
        onChange={handleChange}
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
