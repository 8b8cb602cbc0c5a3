"use client";
import { useState, type ReactNode } from "react";
import type { Design } from "@/lib/design/model";
import { LINK_WARN_LENGTH, type BulkyPart } from "@/lib/link";
import { prDescription } from "@/lib/review/pr-description";
import type { Review } from "@/lib/review/review";
import { applyCommandLine } from "@/lib/apply/command-line";
import { CopyButton } from "@/components/ui/copy-button";
import { LinkLength } from "./link-length";
import { OmitChoices } from "./omit-choices";
import { useShareLink } from "./use-share-link";

/**
 * Copy the design as a link (workbench or review view) or as a PR description, which carries the
 * SQL lab's verdict: copied before the lab has answered, it waits for the answer.
 */
export function ShareBar({
  design,
  reviewOf,
  waiting,
  children,
}: {
  readonly design: Design;
  /** Built only when the description is copied (it regenerates every snippet), once the SQL is checked. */
  readonly reviewOf: () => Promise<Review>;
  /** The lab has not answered for the SQL as it stands yet. */
  readonly waiting: boolean;
  /** The SQL lab's answer, shown beside the buttons. */
  readonly children?: ReactNode;
}) {
  const [omit, setOmit] = useState<BulkyPart[]>([]);
  const { shown: urls, now } = useShareLink(design, omit);
  const length = urls?.workbench.length ?? 0;
  return (
    <div
      data-testid="share-bar"
      className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded border border-slate-200 p-2 dark:border-slate-800"
    >
      <CopyButton text={async () => (await now()).workbench} label="Copy link" testId="copy-link" />
      <CopyButton
        text={async () => (await now()).review}
        label="Copy review link"
        testId="copy-review-link"
      />
      <CopyButton
        text={async () => prDescription(await reviewOf(), await now())}
        label="Copy PR description"
        busyLabel={waiting ? "Waiting for the SQL check…" : undefined}
        testId="copy-pr-description"
      />
      <CopyButton
        text={async () => applyCommandLine((await now()).workbench)}
        label="Apply in your checkout"
        testId="copy-apply-command-bar"
      />
      {children}
      {urls && (
        <a
          data-testid="preview-review"
          href={urls.review}
          target="_blank"
          rel="noopener"
          className="text-xs underline"
        >
          Preview the review page
        </a>
      )}
      {urls && <LinkLength length={length} />}
      {(length > LINK_WARN_LENGTH || omit.length > 0) && (
        <OmitChoices omit={omit} onChange={setOmit} />
      )}
    </div>
  );
}
