"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CheckResult } from "@/lib/sql/session";

const DEBOUNCE_MS = 250;

/**
 * Verdicts that follow the SQL as it is typed: a check starts once typing pauses, and an answer
 * for text that has since changed is dropped. `runNow` checks at once (Ctrl/Cmd+Enter).
 */
export function useLiveCheck(
  sql: string,
  ready: boolean,
  check: (sql: string) => Promise<CheckResult>,
) {
  const [result, setResult] = useState<CheckResult | null>(null);
  const [checkedSql, setCheckedSql] = useState<string | null>(null);
  const latest = useRef(sql);
  useEffect(() => {
    latest.current = sql;
  }, [sql]);

  const runNow = useCallback(async () => {
    const text = latest.current;
    const next = await check(text);
    if (latest.current === text) {
      setResult(next);
      setCheckedSql(text);
    }
  }, [check]);

  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(runNow, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [sql, ready, runNow]);

  return { result, checkedSql, stale: checkedSql !== sql, runNow };
}
