"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { EMPTY_DESIGN, WORKED_EXAMPLE } from "@/lib/design/defaults";
import type { Design } from "@/lib/design/model";
import { validateDesign } from "@/lib/design/validate";
import { decodeDesignLink, encodeDesignLink } from "@/lib/link";

const WRITE_DELAY_MS = 300;
/** The last design, kept on this device apart from share links. */
export const LAST_DESIGN_KEY = "personhog-workbench:last-design";

function readLastDesign(): Design | null {
  try {
    const raw = window.localStorage.getItem(LAST_DESIGN_KEY);
    if (!raw) return null;
    const { design, problems } = validateDesign(JSON.parse(raw));
    return problems.some((p) => p.severity === "error") ? null : design;
  } catch {
    return null;
  }
}

/**
 * The design, mirrored in the URL fragment (a link wins) and in localStorage (the last design on
 * this device). Both are written debounced; the fragment with replaceState so typing does not
 * flood history. `revision` counts replacements from outside, so editors that own their text
 * while typing know to take the new value.
 */
export function useDesignState() {
  const [design, setDesign] = useState<Design>(WORKED_EXAMPLE);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState(false);
  const [revision, setRevision] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Counts URL writes: encoding is async, so an older write may finish after a newer one. */
  const writes = useRef(0);
  /**
   * The design as opened. Until the user changes it, the URL and storage are left alone, so a
   * damaged link stays in the address bar, where it can be read again or reported.
   */
  const opened = useRef<Design | null>(null);

  useEffect(() => {
    let current = true;
    // Restoring from the URL or storage must happen after hydration, so this effect sets state
    // once, when the decode has finished; the URL is not written until then (`loaded`).
    void decodeDesignLink(window.location.hash).then((decoded) => {
      if (!current) return;
      const last = decoded.design || decoded.warnings.length ? null : readLastDesign();
      const start = decoded.design ?? last;
      if (start) setDesign(start);
      opened.current = start ?? WORKED_EXAMPLE;
      setRestored(Boolean(last));
      setWarnings(decoded.warnings);
      setRevision((r) => r + 1);
      setLoaded(true);
    });
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    if (!loaded || design === opened.current) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const write = ++writes.current;
      encodeDesignLink(design).then(
        (hash) => {
          if (write !== writes.current) return;
          const { pathname, search } = window.location;
          window.history.replaceState(null, "", `${pathname}${search}${hash}`);
        },
        // No CompressionStream (browsers before 2023): no link, but storage keeps the design.
        () => undefined,
      );
      try {
        window.localStorage.setItem(LAST_DESIGN_KEY, JSON.stringify(design));
      } catch {
        // Storage full or disabled: the link still holds the design.
      }
    }, WRITE_DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [design, loaded]);

  const update = useCallback(
    (change: Partial<Design>) => setDesign((d) => ({ ...d, ...change })),
    [],
  );
  /** A change made for the user (a fix tried or undone): editors that own their text take it. */
  const replace = useCallback((change: Partial<Design>) => {
    setDesign((d) => ({ ...d, ...change }));
    setRevision((r) => r + 1);
  }, []);
  const startOver = useCallback((to: "empty" | "example") => {
    setDesign(to === "empty" ? EMPTY_DESIGN : WORKED_EXAMPLE);
    setWarnings([]);
    setRestored(false);
    setRevision((r) => r + 1);
  }, []);
  return { design, update, replace, warnings, revision, restored, startOver };
}
