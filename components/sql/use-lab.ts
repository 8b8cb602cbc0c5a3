"use client";
import { useEffect, useState } from "react";
import { adviseInLab, checkInLab, watchLab, type LabStatus } from "@/workers/lab-client";
import type { BootMode } from "@/workers/lab-protocol";

/** `?boot=ddl` runs the schema DDL instead of loading the snapshot (used by the benchmark). */
function bootModeFromUrl(): BootMode {
  return new URLSearchParams(window.location.search).get("boot") === "ddl" ? "ddl" : "snapshot";
}

/**
 * Boot status of the lab worker plus check and advise. The client is imported statically (it is
 * small) so the worker starts in the first effect after hydration, while Monaco still loads.
 */
export function useLab() {
  const [status, setStatus] = useState<LabStatus>({ state: "booting" });
  useEffect(() => watchLab(setStatus, bootModeFromUrl()), []);
  useEffect(() => {
    // The benchmark times checks in the page through this handle, without the typing debounce.
    (window as unknown as { __workbenchLab?: object }).__workbenchLab = { check: checkInLab };
  }, []);
  return { status, check: checkInLab, advise: adviseInLab };
}
