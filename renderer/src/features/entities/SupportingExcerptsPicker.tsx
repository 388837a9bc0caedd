import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { queries } from '../../app/casebook';
import { supportingExcerptChoices } from './relationshipView';

/** Most excerpts listed at once; typing finds the others. */
const SHOWN = 40;

/**
 * Chooses the excerpts that support a relationship from the case's: those linked to either of its entities first,
 * narrowed by words of the quote or its document's title (case and accents aside), each ticked or unticked.
 */
export function SupportingExcerptsPicker({
  caseId,
  entityIds,
  value,
  onChange,
  error,
  legend = 'Supporting excerpts',
}: {
  /** What the chosen excerpts are to the record: "Supporting excerpts" of a relationship, an event's "Evidence". */
  legend?: string;
  caseId: string;
  entityIds: readonly string[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const excerpts = useLiveQuery(() => queries.supportingExcerptOptions(caseId, entityIds), [caseId, entityIds.join(' ')]);
  const shown = useMemo(() => supportingExcerptChoices(excerpts ?? [], typed, value, SHOWN), [excerpts, typed, value]);
  const toggle = (excerptId: string, on: boolean) => onChange(on ? [...value, excerptId] : value.filter((chosen) => chosen !== excerptId));
  return (
    <fieldset className="supporting-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        {legend}{value.length ? ` (${value.length} chosen)` : ''}
      </legend>
      <label htmlFor={`${id}-find`} className="small">
        Find excerpts
      </label>
      <input id={`${id}-find`} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="Words of the quote or its document" />
      {excerpts !== undefined && shown.length === 0 && (
        <p className="muted small">{excerpts.length ? `No excerpt of this case holds “${typed.trim()}”.` : 'This case has no excerpts yet.'}</p>
      )}
      {shown.length > 0 && (
        <ul className="excerpt-choices" aria-label="Excerpts to choose from">
          {shown.map((excerpt) => (
            <li key={excerpt.id}>
              <label>
                <input type="checkbox" checked={value.includes(excerpt.id)} onChange={(e) => toggle(excerpt.id, e.target.checked)} />
                <span>
                  “{excerpt.quote}”
                  <span className="muted small">
                    {excerpt.source && ` · ${excerpt.source}`}
                    {excerpt.linked && ' · linked'}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
