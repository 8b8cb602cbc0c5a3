import { KNOWN_MESSAGES } from "@/lib/catalogue/existing-rpcs";
import { SCALAR_TYPES, type FieldDesign } from "@/lib/design/model";
import { Checkbox } from "@/components/ui/checkbox";

const TYPES = [...SCALAR_TYPES, ...Object.keys(KNOWN_MESSAGES)];
/** The two switches of a field, each labelled with its proto keyword. */
const FLAGS = ["optional", "repeated"] as const;

export interface FieldRowProps {
  readonly field: FieldDesign;
  readonly number: number;
  readonly onChange: (field: FieldDesign) => void;
  readonly onRemove: () => void;
  readonly onMove: (delta: -1 | 1) => void;
}

/** One proto field: number, name, type, optional/repeated, comment, and its controls. */
export function FieldRow({ field, number, onChange, onRemove, onMove }: FieldRowProps) {
  const set = (change: Partial<FieldDesign>) => onChange({ ...field, ...change });
  const input =
    "rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-900";
  return (
    <li data-testid="field-row" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="w-5 text-right text-slate-500">{number}</span>
      <input
        aria-label={`Field ${number} name`}
        value={field.name}
        onChange={(e) => set({ name: e.target.value })}
        className={`${input} w-36 font-mono`}
        spellCheck={false}
      />
      <select
        aria-label={`Field ${number} type`}
        value={field.type}
        onChange={(e) => set({ type: e.target.value })}
        className={input}
      >
        {TYPES.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
      {FLAGS.map((flag) => (
        <Checkbox
          key={flag}
          checked={field[flag]}
          onChange={(on) => onChange({ ...field, [flag]: on })}
          className="flex items-center gap-1"
        >
          {flag}
        </Checkbox>
      ))}
      <input
        aria-label={`Field ${number} comment`}
        placeholder="comment"
        value={field.comment}
        onChange={(e) => set({ comment: e.target.value })}
        className={`${input} min-w-24 flex-1`}
      />
      <button
        type="button"
        aria-label={`Move field ${number} up`}
        onClick={() => onMove(-1)}
        className="px-1"
      >
        ↑
      </button>
      <button
        type="button"
        aria-label={`Move field ${number} down`}
        onClick={() => onMove(1)}
        className="px-1"
      >
        ↓
      </button>
      <button
        type="button"
        aria-label={`Remove field ${number}`}
        onClick={onRemove}
        className="px-1 text-red-700 dark:text-red-300"
      >
        ✕
      </button>
    </li>
  );
}
