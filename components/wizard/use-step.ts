"use client";
import { useCallback, useEffect, useState } from "react";
import { STEPS, isStepId, type StepId } from "@/lib/design/steps";

/**
 * The current step: from `?step=` (links from the guide), else the first. Alt+→ / Alt+← move
 * between steps anywhere on the page, since the editor keeps plain arrows for itself.
 */
export function useStep() {
  const [step, setStep] = useState<StepId>("eligibility");
  useEffect(() => {
    const requested = new URLSearchParams(window.location.search).get("step");
    // Reading the URL must wait for hydration, so this effect sets state once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (isStepId(requested)) setStep(requested);
  }, []);
  const move = useCallback((delta: -1 | 1) => {
    setStep((current) => {
      const index = STEPS.findIndex((s) => s.id === current) + delta;
      return STEPS[Math.min(STEPS.length - 1, Math.max(0, index))]?.id ?? current;
    });
  }, []);
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
