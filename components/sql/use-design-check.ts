"use client";
import { useCallback, useEffect, useRef } from "react";
import type { CheckResult } from "@/lib/sql/session";
import { useLab } from "./use-lab";
import { useLiveCheck } from "./use-live-check";

interface Waiter {
  readonly sql: string;
  readonly resolve: (result: CheckResult | null) => void;
}

/**
 * The one check of the design's SQL on a page: sent at once, it runs as soon as the lab is ready,
 * and again whenever the SQL changes, whichever step is open, and every view reads it. `current` is the
 * answer for the SQL as it stands (null until the lab has answered for it); `last` may be for
 * text since edited (the editor shows it dimmed). `settled` waits for the answer for some SQL:
 * null when there will be none (the lab failed, or the SQL changed meanwhile).
 */
export function useDesignCheck(sql: string) {
  const { status, check, tryFix } = useLab();
  const live = useLiveCheck(sql, status.state !== "failed", check);
  const current = live.checkedSql === sql ? live.result : null;
  const waiters = useRef<Waiter[]>([]);

  useEffect(() => {
    waiters.current = waiters.current.filter((w) => {
      if (w.sql === live.checkedSql) w.resolve(live.result);
      else if (w.sql === sql && status.state !== "failed") return true;
      else w.resolve(null);
      return false;
    });
  }, [sql, live.checkedSql, live.result, status.state]);

  const settled = useCallback(
    (forSql: string): Promise<CheckResult | null> => {
      if (!forSql.trim()) return Promise.resolve(null);
      if (forSql === live.checkedSql) return Promise.resolve(live.result);
      if (forSql !== sql || status.state === "failed") return Promise.resolve(null);
      return new Promise((resolve) => waiters.current.push({ sql: forSql, resolve }));
    },
    [sql, live.checkedSql, live.result, status.state],
  );

  return {
    status,
    current,
    last: live.result,
    stale: live.stale,
    /** True while the SQL as it stands has no answer yet but will get one. */
    pending: Boolean(sql.trim()) && !current && status.state !== "failed",
    runNow: live.runNow,
    settled,
    tryFix,
  };
}

export type DesignCheck = ReturnType<typeof useDesignCheck>;
