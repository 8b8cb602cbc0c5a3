import { highlight, type HighlightLanguage } from "@/lib/highlight/highlight";

/** Token colours are the `tok-*` classes in globals.css, shared with the guide's code blocks. */
export function HighlightedCode({
  code,
  language,
}: {
  readonly code: string;
  readonly language: HighlightLanguage;
}) {
  return (
    <code data-testid="snippet-code">
      {highlight(code, language).map((t, i) =>
        t.kind === "plain" ? (
          t.text
        ) : (
          <span key={i} className={`tok-${t.kind}`}>
            {t.text}
          </span>
        ),
      )}
    </code>
  );
}
