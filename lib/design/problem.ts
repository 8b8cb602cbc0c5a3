/** A message about a design: where it points, how bad it is, and the rule it cites. */
export interface Problem {
  /** Dotted path into the design (`request.2.type`), or "" for the whole design. */
  readonly path: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  /** The convention or guide rule behind it, shown beside the message. */
  readonly rule?: string;
}
