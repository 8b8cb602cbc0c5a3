"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CheckResult } from "@/lib/sql/session";

const DEBOUNCE_MS = 250;

/**
 * Verdicts that follow the SQL as it is typed: the first check is sent at once, even while the lab
 * boots (the worker runs it right after its boot, without waiting for the page to hear "ready"),
 * later ones once typing pauses, and an answer for text that has since changed is dropped.
 * `runNow` checks at once (Ctrl/Cmd+Enter). Empty text is never sent: there is nothing to check;
 * nothing is sent while `usable` is false (the lab failed).
 */
export function useLiveCheck(
  sql: string,
  usable: boolean,
  check: (sql: string) => Promise<CheckResult>,
) {
  const [result, setResult] = useState<CheckResult | null>(null);
  const [checkedSql, setCheckedSql] = useState<string | null>(null);
  const latest = useRef(sql);
  const sent = useRef(false);
  useEffect(() => {
    latest.current = sql;
  }, [sql]);

  const runNow = useCallback(async () => {
    const text = latest.current;
    if (!text.trim()) return;
    sent.current = true;
    const next = await check(text);
    if (latest.current === text) {
      setResult(next);
      setCheckedSql(text);
    }
  }, [check]);

  useEffect(() => {
    if (!usable) return;
    const timer = setTimeout(runNow, sent.current ? DEBOUNCE_MS : 0);
    return () => clearTimeout(timer);
  }, [sql, usable, runNow]);

  return { result, checkedSql, stale: checkedSql !== sql, runNow };
}
