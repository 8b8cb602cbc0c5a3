import { codeSpans } from "@/lib/highlight/code-spans";

/** Renders `backticked` spans of a plain message as code; everything else stays text (never HTML). */
export function InlineCode({ text }: { readonly text: string }) {
  return (
    <>
      {codeSpans(text).map((span, i) => (span.code ? <code key={i}>{span.text}</code> : span.text))}
    </>
  );
}
