"use client";
import { useEffect, useState } from "react";
import type { CheckResult } from "@/lib/sql/session";
import { useLab } from "@/components/sql/use-lab";

/**
 * The reviewer's own check of the SQL (EXPLAIN only, rolled back), run once the lab is ready.
 * Never the author's verdict: a link carries no results, only the design.
 */
export function useFreshCheck(sql: string | null) {
  const { status, check } = useLab();
  const [checked, setChecked] = useState<{ sql: string; result: CheckResult } | null>(null);
  useEffect(() => {
    if (status.state !== "ready" || !sql?.trim()) return;
    let current = true;
    void check(sql).then((result) => {
      if (current) setChecked({ sql, result });
    });
    return () => {
      current = false;
    };
  }, [status.state, sql, check]);
  return { status, result: checked && checked.sql === sql ? checked.result : null };
}
