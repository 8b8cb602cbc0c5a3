"use client";
import { useEffect, useState } from "react";
import { exposeTestHook } from "@/components/test-hooks";
import { checkInLab, startLab, tryFixInLab, watchLab, type LabStatus } from "@/workers/lab-client";

// Take over the worker the page's HTML started (or start one) as soon as this module runs in a
// browser, before React hydrates. (On the server, where pages are prerendered, there is no window.)
if (typeof window !== "undefined") startLab();

/** Boot status of the lab worker, checks, and "try it" for a fix. */
export function useLab() {
  const [status, setStatus] = useState<LabStatus>({ state: "booting" });
  useEffect(() => watchLab(setStatus), []);
  useEffect(() => {
    // The benchmark times checks in the page through this handle, without the typing debounce.
    exposeTestHook("__workbenchLab", { check: checkInLab });
  }, []);
  return { status, check: checkInLab, tryFix: tryFixInLab };
}
