import type { Dispatch } from "react";
import {
  originLabel,
  type DesignAction,
  type DesignOrigin,
  type Replaced,
} from "@/lib/design/design-reducer";
import { EMPTY_DESIGN } from "@/lib/design/defaults";
import type { Design } from "@/lib/design/model";

export interface MenuExample {
  readonly name: string;
  readonly design: Design;
}

const BUTTON = "rounded border border-slate-400 px-2 py-1";

/**
 * Which design is on screen, how to start another (a new RPC or a shipped example), and Undo for
 * the replacement just made.
 */
export function DesignOriginBar(props: {
  readonly origin: DesignOrigin;
  readonly undo: Replaced | null;
  readonly examples: readonly MenuExample[];
  readonly dispatch: Dispatch<DesignAction>;
}) {
  const { dispatch, examples } = props;
  const load = (name: string) => {
    const example = examples.find((e) => e.name === name);
    if (example)
      dispatch({
        type: "started",
        design: example.design,
        origin: { kind: "example", name },
        by: `Loaded the example ${name}`,
      });
  };
  return (
    <div className="space-y-2 text-sm">
      <div className="flex flex-wrap items-end gap-2">
        <p data-testid="design-origin" className="mr-auto self-center">
          {originLabel(props.origin)}
        </p>
        <button
          type="button"
          data-testid="start-over"
          onClick={() =>
            dispatch({
              type: "started",
              design: EMPTY_DESIGN,
              origin: { kind: "new" },
              by: "Started a new RPC",
            })
          }
          className={BUTTON}
        >
          New RPC
        </button>
        <label className="flex flex-col">
          Load an example
          <select
            data-testid="example-menu"
            value=""
            onChange={(e) => load(e.target.value)}
            className="mt-1 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
          >
            <option value="" disabled>
              Choose…
            </option>
            {examples.map((e) => (
              <option key={e.name} value={e.name}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {props.undo && (
        <div
          role="status"
          data-testid="undo-notice"
          className="flex flex-wrap items-center gap-2 rounded border border-slate-400 bg-slate-100 px-3 py-2 dark:bg-slate-800"
        >
          <span className="mr-auto">
            {props.undo.by}. Undo (or Back) brings back the design you had, until you edit.
          </span>
          <button
            type="button"
            data-testid="undo"
            onClick={() => dispatch({ type: "undone" })}
            className={BUTTON}
          >
            Undo
          </button>
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => dispatch({ type: "undo-dismissed" })}
            className="px-2 py-1"
          >
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
