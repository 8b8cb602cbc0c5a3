/** A labelled select over a fixed list of options; labels default to the values. */
export function Choice<T extends string>(props: {
  readonly label: string;
  readonly value: T;
  readonly options: readonly T[];
  readonly labels?: Readonly<Partial<Record<T, string>>>;
  readonly onChange: (value: T) => void;
  readonly testId?: string;
}) {
  return (
    <label className="block text-sm">
      {props.label}
      <select
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as T)}
        className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labels?.[o] ?? o}
          </option>
        ))}
      </select>
    </label>
  );
}
