import type { ReactNode } from "react";

/** A checkbox inside the label that names it, so the words toggle it too. */
export function Checkbox(props: {
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  /** The label's classes: the row it sits in decides the gap and the size. */
  readonly className: string;
  readonly testId?: string;
  readonly children: ReactNode;
}) {
  return (
    <label className={props.className}>
      <input
        type="checkbox"
        data-testid={props.testId}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.children}
    </label>
  );
}
