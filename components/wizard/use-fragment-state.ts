"use client";
import { useEffect, useRef, useState } from "react";
import { decodeFragment, encodeFragment, type SliceState } from "@/lib/design/fragment";

const WRITE_DELAY_MS = 300;

/**
 * State mirrored in the URL fragment: read once on mount, written back (debounced, replaceState so
 * typing does not flood history). The first render uses the defaults so the prerendered HTML matches.
 */
export function useFragmentState(defaults: SliceState) {
  const [state, setState] = useState<SliceState>(defaults);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [loaded, setLoaded] = useState(false);
  // Counts replacements from outside (the link), so editors know to take the new text.
  const [revision, setRevision] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const decoded = decodeFragment(window.location.hash);
    // Restoring from the URL must happen after hydration, so this effect sets state once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setState((current) => ({ ...current, ...decoded.state }));
    setWarnings(decoded.warnings);
    setRevision((r) => r + 1);
    setLoaded(true);
  }, []);

  useEffect(() => {
    if (!loaded) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      window.history.replaceState(null, "", encodeFragment(state));
    }, WRITE_DELAY_MS);
    return () => clearTimeout(timer.current);
  }, [state, loaded]);

  return { state, setState, warnings, loaded, revision };
}
