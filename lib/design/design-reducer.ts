/**
 * The wizard's design and every way it changes, as one pure reducer: components dispatch what the
 * user did, and this decides what the design becomes, what the page says about where it came from,
 * and what Undo would bring back.
 */
import { WORKED_EXAMPLE } from "./defaults";
import type { Design } from "./model";
import { validateDesign } from "./validate";

/** Where the design on screen started, so the page can always say which it is. */
export type DesignOrigin =
  | { readonly kind: "worked-example" }
  | { readonly kind: "link" }
  | { readonly kind: "last-design" }
  | { readonly kind: "new" }
  | { readonly kind: "example"; readonly name: string };

/** What a whole-design replacement (start over, an example) took away: Undo puts it back. */
export interface Replaced {
  readonly design: Design;
  readonly origin: DesignOrigin;
  readonly warnings: readonly string[];
  /** What replaced it, in the words of the Undo notice ("Started a new RPC"). */
  readonly by: string;
}

export interface DesignState {
  readonly design: Design;
  readonly origin: DesignOrigin;
  /** What was wrong with the link that opened the page (cleared when the design is replaced). */
  readonly warnings: readonly string[];
  /**
   * Counts replacements from outside, so editors that own their text while typing know to take
   * the new value. Typing does not count.
   */
  readonly revision: number;
  /** False until the design from the URL or this device has been read. */
  readonly loaded: boolean;
  /**
   * True while the design is the one the page opened with: the URL and storage are left alone, so
   * a damaged link stays in the address bar, where it can be read again or reported.
   */
  readonly asOpened: boolean;
  /** Kept until the next edit, so Undo restores exactly what the user had. */
  readonly undo: Replaced | null;
}

export type DesignAction =
  | {
      readonly type: "opened";
      readonly design: Design;
      readonly origin: DesignOrigin;
      readonly warnings: readonly string[];
    }
  /** The user typed or picked something. */
  | { readonly type: "edited"; readonly change: Partial<Design> }
  /** A change made for the user (a fix tried or undone): editors that own their text take it. */
  | { readonly type: "replaced"; readonly change: Partial<Design> }
  /** The whole design swapped: start over, or an example. */
  | {
      readonly type: "started";
      readonly design: Design;
      readonly origin: DesignOrigin;
      readonly by: string;
    }
  | { readonly type: "undone" }
  | { readonly type: "undo-dismissed" };

/** Before the URL and storage are read, the page shows the worked example. */
export const INITIAL_DESIGN_STATE: DesignState = {
  design: WORKED_EXAMPLE,
  origin: { kind: "worked-example" },
  warnings: [],
  revision: 0,
  loaded: false,
  asOpened: true,
  undo: null,
};

export function designReducer(state: DesignState, action: DesignAction): DesignState {
  switch (action.type) {
    case "opened":
      return {
        ...state,
        design: action.design,
        origin: action.origin,
        warnings: action.warnings,
        revision: state.revision + 1,
        loaded: true,
        asOpened: true,
      };
    case "edited":
    case "replaced":
      return {
        ...state,
        design: { ...state.design, ...action.change },
        // An edit came from the editors; a replacement must be pushed into them.
        revision: action.type === "replaced" ? state.revision + 1 : state.revision,
        asOpened: false,
        undo: null,
      };
    case "started":
      return {
        ...state,
        design: action.design,
        origin: action.origin,
        warnings: [],
        revision: state.revision + 1,
        asOpened: false,
        // Two replacements in a row: Undo still goes back to the user's own design.
        undo: {
          design: state.undo?.design ?? state.design,
          origin: state.undo?.origin ?? state.origin,
          warnings: state.undo?.warnings ?? state.warnings,
          by: action.by,
        },
      };
    case "undone":
      if (!state.undo) return state;
      return {
        ...state,
        design: state.undo.design,
        origin: state.undo.origin,
        warnings: state.undo.warnings,
        revision: state.revision + 1,
        asOpened: false,
        undo: null,
      };
    case "undo-dismissed":
      return state.undo ? { ...state, undo: null } : state;
  }
}

/**
 * What the page opens on: a link's design wins; a link that could not be read shows its warnings
 * over the worked example (the last design is not swapped in for it silently); with no link, the
 * last design on this device, read only then.
 */
export function openingAction(
  link: { readonly design: Design | null; readonly warnings: readonly string[] },
  readLastDesign: () => Design | null,
): DesignAction {
  const { design, warnings } = link;
  if (design) return { type: "opened", design, origin: { kind: "link" }, warnings };
  const last = warnings.length > 0 ? null : readLastDesign();
  if (last) return { type: "opened", design: last, origin: { kind: "last-design" }, warnings };
  return { type: "opened", design: WORKED_EXAMPLE, origin: { kind: "worked-example" }, warnings };
}

/**
 * The last design this device kept (the text localStorage holds), read like any untrusted design:
 * each invalid value falls back alone, so a field name typed half-way ("Team") does not lose the
 * whole design. Null when nothing was kept or the text is not a JSON object.
 */
export function lastDesignFrom(stored: string | null): Design | null {
  let parsed: unknown;
  try {
    parsed = stored ? JSON.parse(stored) : null;
  } catch {
    return null;
  }
  const isObject = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
  return isObject ? validateDesign(parsed).design : null;
}

/** What the page says about the design on screen. */
export function originLabel(origin: DesignOrigin): string {
  switch (origin.kind) {
    case "worked-example":
      return "The guide's worked example: change anything, or start a new RPC.";
    case "link":
      return "The design from the link you opened.";
    case "last-design":
      return "Your last design on this device.";
    case "new":
      return "A new RPC, started from scratch.";
    case "example":
      return `The example ${origin.name}.`;
  }
}
