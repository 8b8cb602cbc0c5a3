"use client";
import { useCallback, useEffect, useReducer, useRef } from "react";
import {
  INITIAL_DESIGN_STATE,
  designReducer,
  lastDesignFrom,
  openingAction,
  type DesignAction,
} from "@/lib/design/design-reducer";
import type { Design } from "@/lib/design/model";
import { decodeDesignLink, encodeDesignLink } from "@/lib/link";

const WRITE_DELAY_MS = 300;
/** The last design, kept on this device apart from share links. */
export const LAST_DESIGN_KEY = "personhog-workbench:last-design";

function readLastDesign(): Design | null {
  try {
    return lastDesignFrom(window.localStorage.getItem(LAST_DESIGN_KEY));
  } catch {
    return null; // storage disabled
  }
}

/**
 * The design (see designReducer), mirrored in the URL fragment (a link wins) and in localStorage
 * (the last design on this device). Both are written debounced; the fragment with replaceState so
 * typing does not flood history. Replacing the whole design (New RPC, an example) adds a history
 * entry, so browser Back undoes it as the Undo button does.
 */
export function useDesignState() {
  const [state, dispatch] = useReducer(designReducer, INITIAL_DESIGN_STATE);
  const { design, loaded, asOpened } = state;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Counts URL writes: encoding is async, so an older write may finish after a newer one. */
  const writes = useRef(0);
  /** The fragment last written, put back when Back or Forward lands on an entry holding an older one. */
  const written = useRef<string | null>(null);

  useEffect(() => {
    let current = true;
    // The URL and storage are read after hydration; the design is written only once they are.
    void decodeDesignLink(window.location.hash).then((decoded) => {
      if (current) dispatch(openingAction(decoded, readLastDesign));
    });
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    if (!loaded || asOpened) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const write = ++writes.current;
      encodeDesignLink(design).then(
        (hash) => {
          if (write !== writes.current) return;
          written.current = hash;
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
  }, [design, loaded, asOpened]);

  /** Where the page was when the design was last replaced: Back to it undoes the replacement. */
  const beforeReplacement = useRef<string | null>(null);
  const undoPending = useRef(false);
  useEffect(() => {
    undoPending.current = state.undo !== null;
  }, [state.undo]);

  useEffect(() => {
    const onPop = () => {
      if (undoPending.current && window.location.href === beforeReplacement.current) {
        dispatch({ type: "undone" });
        return;
      }
      // Moving between steps with Back and Forward must not bring back an older design's link.
      const hash = written.current;
      if (hash === null || window.location.hash === hash) return;
      const { pathname, search } = window.location;
      window.history.replaceState(null, "", `${pathname}${search}${hash}`);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  /** As the reducer's dispatch; a whole-design replacement also gets a history entry to go Back from. */
  const act = useCallback((action: DesignAction) => {
    if (action.type === "started") {
      beforeReplacement.current = window.location.href;
      window.history.pushState(null, "", window.location.href);
    }
    dispatch(action);
  }, []);
  const update = useCallback((change: Partial<Design>) => dispatch({ type: "edited", change }), []);
  const replace = useCallback(
    (change: Partial<Design>) => dispatch({ type: "replaced", change }),
    [],
  );
  return { state, dispatch: act, update, replace };
}
