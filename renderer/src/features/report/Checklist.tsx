import type { ReportChoice } from '../../db/queries/report';

interface ChecklistProps {
  legend: string;
  /** Said under the legend: what ticking none, or all, means. */
  hint: string;
  choices: readonly ReportChoice[];
  checked: ReadonlySet<string>;
  onChange(checked: Set<string>): void;
  /** Said instead of the list when there is nothing to choose. */
  empty: string;
}

/** A list of ticks in a fieldset named by its legend, each box named by its record; scrolls when long. */
export function Checklist({ legend, hint, choices, checked, onChange, empty }: ChecklistProps) {
  const toggle = (id: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset className="report-checklist">
      <legend>{legend}</legend>
      <p className="hint small">{hint}</p>
      {choices.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul>
          {choices.map((choice) => (
            <li key={choice.id}>
              <label>
                <input type="checkbox" checked={checked.has(choice.id)} onChange={(event) => toggle(choice.id, event.target.checked)} />{' '}
                {choice.label}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
