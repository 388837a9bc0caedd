import { useId, useState } from 'react';
import { formatPartialDate, parsePartialDate } from '../../../../shared/partialDate';
import { eventDateForms, readEventDate } from '../../../../shared/readEventDate';
import { useDateLocale } from '../timeline/dateLocale';

type Side = 'from' | 'to';

/** A typed end of the range as the selection stores it ("2021", "2021-03", "2021-03-09"), null for none, or why not. */
export function readRangeEnd(text: string, side: Side, locale: string): { value: string | null; words: string | null; error: string | null } {
  if (!text.trim()) return { value: null, words: null, error: null };
  const reading = readEventDate(text, locale);
  if (!reading.ok) return { value: null, words: null, error: reading.message };
  // A range typed at one end gives its start, or its end.
  const date = side === 'from' ? reading.start : (reading.end ?? reading.start);
  if (!date) return { value: null, words: null, error: 'A range needs a date here, not “undated”: leave it empty for no limit.' };
  // The selection goes to the day: a time typed is dropped.
  const value = date.value.slice(0, 10);
  return { value, words: formatPartialDate(parsePartialDate(value)!), error: null };
}

interface DateRangeFieldsProps {
  from: string | null;
  to: string | null;
  /** Each end as stored (null for no limit), and whether both read. */
  onChange(range: { from: string | null; to: string | null; valid: boolean }): void;
}

/**
 * The events' date range, typed as dates are written ("March 2021", "2019", "9/3/2021" in the case's locale), each end
 * as precise as typed and optional; what each was understood as is said under it.
 */
export function DateRangeFields({ from, to, onChange }: DateRangeFieldsProps) {
  const locale = useDateLocale();
  const id = useId();
  const [text, setText] = useState<Record<Side, string>>({ from: from ?? '', to: to ?? '' });
  const readings = { from: readRangeEnd(text.from, 'from', locale), to: readRangeEnd(text.to, 'to', locale) };

  const change = (side: Side, value: string) => {
    const next = { ...text, [side]: value };
    setText(next);
    const read = { from: readRangeEnd(next.from, 'from', locale), to: readRangeEnd(next.to, 'to', locale) };
    onChange({ from: read.from.value, to: read.to.value, valid: !read.from.error && !read.to.error });
  };

  const field = (side: Side, label: string) => {
    const reading = readings[side];
    return (
      <div className="field">
        <label htmlFor={`${id}-${side}`}>{label}</label>
        <input
          id={`${id}-${side}`}
          value={text[side]}
          onChange={(event) => change(side, event.target.value)}
          placeholder={side === 'from' ? 'March 2021' : 'no limit'}
          aria-invalid={Boolean(reading.error)}
          aria-describedby={`${id}-${side}-read`}
        />
        <span id={`${id}-${side}-read`} className={reading.error ? 'field-error' : 'small muted'} role={reading.error ? 'alert' : 'status'}>
          {reading.error ?? (reading.words ? `Understood as: ${reading.words}` : '')}
        </span>
      </div>
    );
  };

  return (
    <fieldset className="report-dates">
      <legend>Events between</legend>
      <p className="hint small">Either end may stay empty. Type dates as you would write them: {eventDateForms(locale)}.</p>
      <div className="row">
        {field('from', 'Events from')}
        {field('to', 'Events until')}
      </div>
    </fieldset>
  );
}
