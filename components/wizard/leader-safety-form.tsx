import { CONVERGENT_SHAPES, type LeaderSafety } from "@/lib/design/model";
import { Choice } from "@/components/ui/choice";
import type { DesignFormProps } from "./design-form-props";

const KINDS = ["unanswered", "convergent", "idempotency-key", "neither"] as const;
const KIND_LABELS = {
  unanswered: "(answer before going on)",
  convergent: "It converges when applied twice",
  "idempotency-key": "It carries an idempotency key",
  neither: "Neither",
};

/** The leader may receive a write more than once: the design must say why that is safe. */
export function LeaderSafetyForm({ design, update }: DesignFormProps) {
  const s = design.leaderSafety;
  const set = (leaderSafety: LeaderSafety) => update({ leaderSafety });
  return (
    <fieldset
      data-testid="leader-safety"
      className="space-y-2 rounded border border-amber-500 p-2 text-sm"
    >
      <legend className="font-semibold">Leader writes arrive at least once</legend>
      <p className="text-xs">
        Clients retry after ambiguous failures and the router replays bounced requests, so this
        write can run twice.
      </p>
      <Choice
        label="How is a second delivery safe?"
        value={s.kind}
        options={KINDS}
        labels={KIND_LABELS}
        onChange={(kind) =>
          set(
            kind === "convergent"
              ? { kind, shape: "re-appliable-merge" }
              : kind === "idempotency-key"
                ? { kind, field: "" }
                : { kind },
          )
        }
      />
      {s.kind === "convergent" && (
        <Choice
          label="Which shape"
          value={s.shape}
          options={CONVERGENT_SHAPES}
          onChange={(shape) => set({ kind: "convergent", shape })}
        />
      )}
      {s.kind === "idempotency-key" && (
        <Choice
          label="Key field (a string or bytes request field)"
          value={s.field || "(none)"}
          options={["(none)", ...design.request.map((f) => f.name)]}
          onChange={(field) =>
            set({ kind: "idempotency-key", field: field === "(none)" ? "" : field })
          }
        />
      )}
    </fieldset>
  );
}
