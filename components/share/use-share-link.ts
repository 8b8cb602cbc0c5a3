"use client";
import { useCallback, useEffect, useState } from "react";
import type { Design } from "@/lib/design/model";
import { encodeDesignLink, type BulkyPart } from "@/lib/link";
import { shareUrls, type ShareUrls } from "@/lib/review/share-urls";

/** Like the address bar's fragment: the meter's link is re-encoded only once typing pauses. */
const METER_DELAY_MS = 300;

/**
 * The design's share URLs: `shown` for the length meter and the preview, encoded once typing
 * pauses; `now()` encodes the design as it is at that moment, for copying.
 */
export function useShareLink(design: Design, omit: readonly BulkyPart[]) {
  const [shown, setShown] = useState<ShareUrls | null>(null);
  const now = useCallback(
    async () => shareUrls(window.location.origin, await encodeDesignLink(design, { omit })),
    [design, omit],
  );
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void now().then((urls) => {
        if (current) setShown(urls);
      });
    }, METER_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [now]);
  return { shown, now };
}
