import type { LabStatus } from "@/workers/lab-client";

export function LabStatusLine({ status }: { readonly status: LabStatus }) {
  return (
    <span
      data-testid="lab-status"
      data-state={status.state}
      className="text-sm text-slate-600 dark:text-slate-400"
    >
      {status.state === "booting" &&
        (status.restarted
          ? `${status.restarted}`
          : "Starting the persons database in your browser…")}
      {status.state === "ready" &&
        `Database ready in ${Math.round(status.bootMs)} ms. Checks follow your typing; Ctrl/Cmd+Enter checks now.`}
      {status.state === "failed" && `The database could not start: ${status.message}`}
    </span>
  );
}
