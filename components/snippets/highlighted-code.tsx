import { highlight, type HighlightLanguage, type TokenKind } from "@/lib/highlight/highlight";

const TONE: Record<TokenKind, string> = {
  comment: "text-slate-500 italic",
  string: "text-emerald-700 dark:text-emerald-300",
  number: "text-orange-700 dark:text-orange-300",
  keyword: "text-violet-700 dark:text-violet-300",
  type: "text-sky-700 dark:text-sky-300",
  plain: "",
};

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
          <span key={i} className={TONE[t.kind]}>
            {t.text}
          </span>
        ),
      )}
    </code>
  );
}
