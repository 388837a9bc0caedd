import { useId, useState } from 'react';
import type { ChartGraph } from '../../chart/chartData';
import type { ChartView } from '../../chart/view';

/** The entities a picker offers: one text per entity ("Name — type", numbered where two read alike). */
export interface Choices {
  texts: string[];
  byText: ReadonlyMap<string, string>;
}

export function entityChoices(graph: ChartGraph, view: ChartView): Choices {
  const byText = new Map<string, string>();
  for (const node of view.nodes) {
    const { label, type } = graph.getNodeAttributes(node);
    const base = `${label} — ${type}`;
    let text = base;
    for (let copy = 2; byText.has(text); copy++) text = `${base} (${copy})`;
    byText.set(text, node);
  }
  return { texts: [...byText.keys()].sort((a, b) => a.localeCompare(b, 'en')), byText };
}

/** The list the pickers suggest from, written once for all of them. */
export function EntityChoices({ id, choices }: { id: string; choices: Choices }) {
  return (
    <datalist id={id}>
      {choices.texts.map((text) => (
        <option key={text} value={text} />
      ))}
    </datalist>
  );
}

/** A text box that suggests the entities shown and reports the one whose name is typed or chosen (or null). */
export function EntityPicker({
  label,
  listId,
  choices,
  initialText = '',
  onChange,
}: {
  label: string;
  listId: string;
  choices: Choices;
  initialText?: string;
  onChange(node: string | null): void;
}) {
  const [text, setText] = useState(initialText);
  const hint = useId();
  const chosen = choices.byText.get(text) ?? null;
  return (
    <label className="link-chart-field">
      <span>{label}</span>
      <input
        list={listId}
        value={text}
        aria-describedby={hint}
        aria-invalid={text !== '' && chosen === null}
        onChange={(event) => {
          setText(event.target.value);
          onChange(choices.byText.get(event.target.value) ?? null);
        }}
        placeholder="Type a name"
      />
      <span id={hint} className="visually-hidden">
        {text !== '' && chosen === null ? 'No entity shown by that name: choose one from the suggestions.' : ''}
      </span>
    </label>
  );
}
