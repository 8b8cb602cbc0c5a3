"use client";
import { useState } from "react";
import type { FieldDesign } from "@/lib/design/model";
import { importProtoMessage } from "@/lib/validate/import-proto";

/** Paste a message from a checkout to prefill the fields; what cannot be imported is listed. */
export function ProtoPaste({ onImport }: { readonly onImport: (fields: FieldDesign[]) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [messages, setMessages] = useState<string[]>([]);
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded border border-slate-400 px-2 py-0.5 text-xs"
      >
        Paste a proto message…
      </button>
    );
  }
  const run = () => {
    const result = importProtoMessage(text);
    setMessages(
      result.name
        ? [`Imported ${result.fields.length} fields from ${result.name}.`, ...result.problems]
        : result.problems,
    );
    if (result.fields.length > 0) onImport(result.fields);
  };
  return (
    <div className="w-full space-y-1">
      <textarea
        aria-label="Proto message to import"
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={5}
        spellCheck={false}
        className="w-full rounded border border-slate-300 p-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
        placeholder="message GetThingRequest { int64 team_id = 1; }"
      />
      <button
        type="button"
        onClick={run}
        className="rounded bg-slate-700 px-2 py-0.5 text-xs text-white"
      >
        Import fields
      </button>
      {messages.length > 0 && (
        <ul data-testid="paste-messages" className="text-xs">
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
