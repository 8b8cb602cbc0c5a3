"use client";
import { useCallback, useEffect, useSyncExternalStore } from "react";
import { STEPS, isStepId, type StepId } from "@/lib/design/steps";
import { windowEvents } from "@/components/ui/window-events";

const FIRST_STEP: StepId = "eligibility";
/** Fired after this page pushes a step, since pushState itself fires no event. */
const STEP_PUSHED = "workbench:step";

const subscribe = windowEvents("popstate", STEP_PUSHED);

function stepInUrl(): StepId {
  const requested = new URLSearchParams(window.location.search).get("step");
  return isStepId(requested) ? requested : FIRST_STEP;
}

/**
 * The current step lives in the URL (`?step=`): a reload, a shared link, and Back and Forward all
 * land on it. Each move is a history entry. Alt+→ / Alt+← move between steps anywhere on the
 * page, since the editor keeps plain arrows for itself.
 */
export function useStep() {
  const step = useSyncExternalStore(subscribe, stepInUrl, () => FIRST_STEP);
  const setStep = useCallback((next: StepId) => {
    if (next === stepInUrl()) return;
    const url = new URL(window.location.href);
    url.searchParams.set("step", next);
    window.history.pushState(null, "", url);
    window.dispatchEvent(new Event(STEP_PUSHED));
  }, []);
  const move = useCallback(
    (delta: -1 | 1) => {
      const index = STEPS.findIndex((s) => s.id === stepInUrl()) + delta;
      const next = STEPS[Math.min(STEPS.length - 1, Math.max(0, index))];
      if (next) setStep(next.id);
    },
    [setStep],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || (e.key !== "ArrowRight" && e.key !== "ArrowLeft")) return;
      e.preventDefault();
      move(e.key === "ArrowRight" ? 1 : -1);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [move]);
  return { step, setStep, move };
}
