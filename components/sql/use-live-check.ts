"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CheckResult } from "@/lib/sql/session";

const DEBOUNCE_MS = 250;

/**
 * Verdicts that follow the SQL as it is typed: the first check starts as soon as the lab is ready,
 * later ones once typing pauses, and an answer for text that has since changed is dropped.
 * `runNow` checks at once (Ctrl/Cmd+Enter). Empty text is never sent: there is nothing to check.
 */
export function useLiveCheck(
  sql: string,
  ready: boolean,
  check: (sql: string) => Promise<CheckResult>,
) {
  const [result, setResult] = useState<CheckResult | null>(null);
  const [checkedSql, setCheckedSql] = useState<string | null>(null);
  const latest = useRef(sql);
  const answered = useRef(false);
  useEffect(() => {
    latest.current = sql;
  }, [sql]);

  const runNow = useCallback(async () => {
    const text = latest.current;
    if (!text.trim()) return;
    const next = await check(text);
    answered.current = true;
    if (latest.current === text) {
      setResult(next);
      setCheckedSql(text);
    }
  }, [check]);

  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(runNow, answered.current ? DEBOUNCE_MS : 0);
    return () => clearTimeout(timer);
  }, [sql, ready, runNow]);

  return { result, checkedSql, stale: checkedSql !== sql, runNow };
}
