import { useId } from 'react';
import { PARTIAL_DATE_FORMS, parsePartialDate } from '../../../../shared/partialDate';
import { SUGGESTED_ATTRIBUTE_KEYS, dateRangeText, type AttributeRow } from './attributeRows';

/** What a row's dates read as, or what the date fields expect when one cannot be read. */
function datesHint(row: AttributeRow): string | null {
  if (!row.start.trim() && !row.end.trim()) return null;
  const start = row.start.trim() ? parsePartialDate(row.start) : null;
  const end = row.end.trim() ? parsePartialDate(row.end) : null;
  if ((row.start.trim() && !start) || (row.end.trim() && !end)) return `Dates as precisely as you know them: ${PARTIAL_DATE_FORMS}`;
  return `Holds ${dateRangeText(start, end)}`;
}

/**
 * An entity's attributes, one row each: a key (nationality, role, registration, address… or any other), a value, and
 * where it applies for a time only, the dates it held ("from", "to"), each as precisely as known.
 */
export function AttributesEditor({
  rows,
  onChange,
  error,
}: {
  rows: readonly AttributeRow[];
  onChange: (rows: AttributeRow[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const keysId = `${id}-keys`;
  const change = (index: number, patch: Partial<AttributeRow>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="attributes-editor" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>Attributes</legend>
      <datalist id={keysId}>
        {SUGGESTED_ATTRIBUTE_KEYS.map((key) => (
          <option key={key} value={key} />
        ))}
      </datalist>
      {rows.length === 0 && <p className="muted small">Facts such as a nationality, a role, a registration or an address, with the dates they held.</p>}
      {rows.map((row, index) => {
        const hint = datesHint(row);
        const name = `Attribute ${index + 1}`;
        return (
          <div key={row.id ?? `new-${index}`} role="group" aria-label={name} className="attribute-row">
            <label>
              <span>Key</span>
              <input list={keysId} value={row.key} onChange={(e) => change(index, { key: e.target.value })} placeholder="Role" />
            </label>
            <label>
              <span>Value</span>
              <input value={row.value} onChange={(e) => change(index, { value: e.target.value })} />
            </label>
            <label>
              <span>From</span>
              <input value={row.start} onChange={(e) => change(index, { start: e.target.value })} placeholder="YYYY-MM" size={10} />
            </label>
            <label>
              <span>To</span>
              <input value={row.end} onChange={(e) => change(index, { end: e.target.value })} placeholder="YYYY-MM" size={10} />
            </label>
            <button type="button" className="quiet small" aria-label={`Remove ${name}`} onClick={() => onChange(rows.filter((_, at) => at !== index))}>
              Remove
            </button>
            {hint && <span className="hint attribute-hint">{hint}</span>}
          </div>
        );
      })}
      <button type="button" className="small" onClick={() => onChange([...rows, { key: '', value: '', start: '', end: '' }])}>
        Add attribute
      </button>
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
