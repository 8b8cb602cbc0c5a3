"use client";
import { useCallback, useEffect, useState } from "react";
import type { CheckResult } from "@/lib/sql/session";
import type { LabStatus } from "@/workers/lab-client";

/** Boot status of the lab worker and a check function; the worker module loads on first use. */
export function useLab() {
  const [status, setStatus] = useState<LabStatus>({ state: "booting" });
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    import("@/workers/lab-client").then((client) => {
      if (!cancelled) unsubscribe = client.watchLab(setStatus);
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, []);
  const check = useCallback(async (sql: string): Promise<CheckResult> => {
    const client = await import("@/workers/lab-client");
    return client.checkInLab(sql);
  }, []);
  return { status, check };
}
