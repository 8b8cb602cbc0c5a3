"use client";
import { useEffect, useState } from "react";
import { adviseInLab, checkInLab, startLab, watchLab, type LabStatus } from "@/workers/lab-client";
import type { BootMode } from "@/workers/lab-protocol";

/** `?boot=ddl` runs the schema DDL instead of loading the snapshot (used by the benchmark). */
function bootModeFromUrl(): BootMode {
  return new URLSearchParams(window.location.search).get("boot") === "ddl" ? "ddl" : "snapshot";
}

// Boot as soon as this module runs in a browser, before React hydrates: the boot is the slowest
// thing on the page. (On the server, where pages are prerendered, there is no window.)
if (typeof window !== "undefined") startLab(bootModeFromUrl());

/** Boot status of the lab worker plus check and advise. */
export function useLab() {
  const [status, setStatus] = useState<LabStatus>({ state: "booting" });
  useEffect(() => watchLab(setStatus), []);
  useEffect(() => {
    // The benchmark times checks in the page through this handle, without the typing debounce.
    (window as unknown as { __workbenchLab?: object }).__workbenchLab = { check: checkInLab };
  }, []);
  return { status, check: checkInLab, advise: adviseInLab };
}
