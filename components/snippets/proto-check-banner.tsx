"use client";
import { useMemo } from "react";
import type { Snippet } from "@/lib/generate/snippet";
import { checkProto } from "@/lib/validate/proto";

/**
 * Parses the generated proto with protobufjs whenever it changes and shows what it says; edits
 * elsewhere in the design (the SQL, say) do not re-parse it.
 */
export function ProtoCheckBanner({ snippets }: { readonly snippets: readonly Snippet[] }) {
  const messages = snippets.find((s) => s.id === "proto-messages")?.code ?? "";
  const rpc = snippets.find((s) => s.id.startsWith("proto-rpc-"))?.code ?? "";
  const result = useMemo(() => checkProto(messages, rpc), [messages, rpc]);
  if (snippets.length === 0) return null;
  return result.ok ? (
    <p
      data-testid="proto-check"
      data-ok="true"
      className="text-sm text-emerald-700 dark:text-emerald-300"
    >
      protobufjs parses and resolves the generated proto.
    </p>
  ) : (
    <ul
      data-testid="proto-check"
      data-ok="false"
      role="alert"
      className="rounded border border-red-600 p-2 text-sm text-red-800 dark:text-red-200"
    >
      {result.errors.map((e) => (
        <li key={e}>protobufjs: {e}</li>
      ))}
    </ul>
  );
}
