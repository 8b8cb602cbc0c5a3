"use client";
import { useEffect, useState } from "react";
import type { Design } from "@/lib/design/model";
import { encodeDesignLink, type BulkyPart } from "@/lib/link";
import { shareUrls, type ShareUrls } from "@/lib/review/share-urls";

/** The design's share URLs, re-encoded (compression is async) whenever the design or omissions change. */
export function useShareLink(design: Design, omit: readonly BulkyPart[]): ShareUrls | null {
  const [urls, setUrls] = useState<ShareUrls | null>(null);
  useEffect(() => {
    let current = true;
    void encodeDesignLink(design, { omit }).then((fragment) => {
      if (current) setUrls(shareUrls(window.location.origin, fragment));
    });
    return () => {
      current = false;
    };
  }, [design, omit]);
  return urls;
}
