"use client";
import { useCallback, useState } from "react";
import type { CheckResult } from "@/lib/sql/session";
import { fixKey, type Fix } from "@/lib/sql/verdict";

type Trial = CheckResult | "trying";
const NONE: ReadonlyMap<string, Trial> = new Map();

/** Index fixes tried in the sandbox, kept for the SQL they were offered for. */
export function useFixTrials(sql: string, tryFix: (fix: Fix) => Promise<CheckResult>) {
  const [trials, setTrials] = useState<{ sql: string; byKey: ReadonlyMap<string, Trial> }>({
    sql,
    byKey: NONE,
  });
  const byKey = trials.sql === sql ? trials.byKey : NONE;
  const trySandbox = useCallback(
    async (fix: Fix) => {
      const key = fixKey(fix);
      const record = (trial: Trial) =>
        setTrials((t) => ({ sql, byKey: new Map(t.sql === sql ? t.byKey : NONE).set(key, trial) }));
      record("trying");
      record(await tryFix(fix));
    },
    [sql, tryFix],
  );
  const trialOf = useCallback((fix: Fix) => byKey.get(fixKey(fix)), [byKey]);
  return { trySandbox, trialOf };
}
