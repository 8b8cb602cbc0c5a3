"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { WORKED_EXAMPLE } from "@/lib/design/defaults";
import { decodeDesignLink, encodeDesignLink } from "@/lib/design/link";
import type { Design } from "@/lib/design/model";

const WRITE_DELAY_MS = 300;

/**
 * The design, mirrored in the URL fragment: read once on mount, written back debounced with
 * replaceState (typing does not flood history). `revision` counts replacements from outside (a
 * link), so editors that own their text while typing know to take the new value.
 */
export function useDesignState() {
  const [design, setDesign] = useState<Design>(WORKED_EXAMPLE);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [revision, setRevision] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const decoded = decodeDesignLink(window.location.hash);
    // Restoring from the URL must happen after hydration, so this effect sets state once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (decoded.design) setDesign(decoded.design);
    setWarnings(decoded.warnings);
    setRevision((r) => r + 1);
    setLoaded(true);
  }, []);

  useEffect(() => {
    if (!loaded) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(
      () => window.history.replaceState(null, "", encodeDesignLink(design)),
      WRITE_DELAY_MS,
    );
    return () => clearTimeout(timer.current);
  }, [design, loaded]);

  const update = useCallback(
    (change: Partial<Design>) => setDesign((d) => ({ ...d, ...change })),
    [],
  );
  return { design, update, warnings, revision };
}
