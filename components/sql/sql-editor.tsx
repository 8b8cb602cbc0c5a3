"use client";
import { useEffect, useRef, useState, type ComponentType } from "react";
import type { MonacoSqlEditorProps } from "./monaco-sql-editor";
import { PlainSqlEditor } from "./plain-sql-editor";

type Monaco = { readonly Editor: ComponentType<MonacoSqlEditorProps>; readonly focusAt?: number };

/**
 * The SQL box works at once as a plain text area; Monaco takes over once the lab has booted (or
 * failed to). Its 2.4 MB of script and first layout held the main thread for seconds, on the two
 * cores the lab's worker needed to boot, so loading it first made the first verdict later. If it
 * never loads, the text area stays. A caret in the text area moves into Monaco where it was.
 */
export function SqlEditor({
  labSettled,
  ...props
}: MonacoSqlEditorProps & { readonly labSettled: boolean }) {
  const [monaco, setMonaco] = useState<Monaco | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!labSettled || monaco) return;
    let live = true;
    import("./monaco-sql-editor").then(
      ({ default: Editor }) => {
        if (!live) return;
        const text = textRef.current;
        const focused = text !== null && text === document.activeElement;
        setMonaco({ Editor, focusAt: focused ? text.selectionStart : undefined });
      },
      () => {
        // Monaco did not load (offline, blocked): the text area goes on serving.
      },
    );
    return () => {
      live = false;
    };
  }, [labSettled, monaco]);
  if (!monaco) return <PlainSqlEditor {...props} textRef={textRef} />;
  return <monaco.Editor {...props} focusAt={monaco.focusAt} />;
}
