"use client";
import { useCallback, useEffect, useState } from "react";
import type { LabStatus } from "@/workers/lab-client";
import type { BootMode } from "@/workers/lab-protocol";

/** `?boot=ddl` runs the schema DDL instead of loading the snapshot (used by the benchmark). */
function bootModeFromUrl(): BootMode {
  return new URLSearchParams(window.location.search).get("boot") === "ddl" ? "ddl" : "snapshot";
}

/** Boot status of the lab worker plus check and advise; the worker module loads on first use. */
export function useLab() {
  const [status, setStatus] = useState<LabStatus>({ state: "booting" });
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    import("@/workers/lab-client").then((client) => {
      if (!cancelled) unsubscribe = client.watchLab(setStatus, bootModeFromUrl());
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, []);
  const check = useCallback(
    async (sql: string) => (await import("@/workers/lab-client")).checkInLab(sql),
    [],
  );
  const advise = useCallback(
    async (sql: string) => (await import("@/workers/lab-client")).adviseInLab(sql),
    [],
  );
  useEffect(() => {
    // The benchmark times checks in the page through this handle, without the typing debounce.
    (window as unknown as { __workbenchLab?: object }).__workbenchLab = { check };
  }, [check]);
  return { status, check, advise };
}
