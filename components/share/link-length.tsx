import { LINK_WARN_LENGTH } from "@/lib/link";

/** How long the link is against what chat and review tools take before they cut it. */
export function LinkLength({ length }: { readonly length: number }) {
  const long = length > LINK_WARN_LENGTH;
  return (
    <span data-testid="link-length" data-long={long} className="flex items-center gap-2 text-xs">
      <meter
        min={0}
        max={LINK_WARN_LENGTH}
        high={LINK_WARN_LENGTH * 0.8}
        value={Math.min(length, LINK_WARN_LENGTH)}
        aria-label="Link length"
      />
      <span className={long ? "font-semibold text-amber-800 dark:text-amber-200" : ""}>
        {length.toLocaleString("en")} characters
        {long &&
          ` (over ${LINK_WARN_LENGTH.toLocaleString("en")}: some chat and review tools cut links this long)`}
      </span>
    </span>
  );
}
