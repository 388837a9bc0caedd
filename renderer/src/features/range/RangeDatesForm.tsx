import { useId, useState } from 'react';
import type { EventDate } from '../../../../shared/domain';
import { eventDateWords } from '../../../../shared/eventDates';
import { eventDateForms, readEventDate } from '../../../../shared/readEventDate';
import { windowOfDates, type TimeWindow } from '../../timeline/inRange';
import { useDateLocale } from '../timeline/dateLocale';

type Side = 'from' | 'to';

/** One end of the range as typed: the date it names (a range typed there gives its own start or end), or why not. */
function readSide(text: string, side: Side, locale: string): { date: EventDate | null; error: string | null } {
  if (!text.trim()) return { date: null, error: side === 'from' ? 'Type where the range begins: a date, as precisely as you like.' : null };
  const reading = readEventDate(text, locale);
  if (!reading.ok) return { date: null, error: reading.message };
  const date = side === 'from' ? reading.start : (reading.end ?? reading.start);
  return date ? { date, error: null } : { date: null, error: 'A range needs a date here, not “undated”.' };
}

/**
 * The case's time range typed as dates ("September 2020" to "24 April 2021"), each as precise as typed: a month from its
 * first day to its last. Read by the event form's date reader (chrono-node), so this loads only when asked for.
 */
export function RangeDatesForm({ onSet, onCancel }: { onSet(range: TimeWindow): void; onCancel(): void }) {
  const locale = useDateLocale();
  const id = useId();
  const [text, setText] = useState<Record<Side, string>>({ from: '', to: '' });
  const [submitted, setSubmitted] = useState(false);
  const from = readSide(text.from, 'from', locale);
  const to = readSide(text.to, 'to', locale);
  const start = from.date ? windowOfDates(from.date).start : null;
  const end = to.date ? windowOfDates(to.date).end : from.date ? windowOfDates(from.date).end : null;
  const order = start !== null && end !== null && end <= start ? `The end, ${eventDateWords(to.date!)}, is before the start, ${eventDateWords(from.date!)}.` : null;
  const errors: Record<Side, string | null> = { from: from.error, to: to.error ?? order };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (start === null || end === null || errors.from || errors.to) return;
    onSet({ start, end });
  };

  const field = (side: Side, label: string, reading: { date: EventDate | null }) => {
    const error = submitted || text[side].trim() ? errors[side] : null;
    return (
      <div className="range-field">
        <label htmlFor={`${id}-${side}`}>{label}</label>
        <input
          id={`${id}-${side}`}
          value={text[side]}
          onChange={(event) => setText({ ...text, [side]: event.target.value })}
          aria-invalid={Boolean(error)}
          aria-describedby={`${id}-${side}-said ${id}-hint`}
          placeholder={side === 'from' ? '15 September 2020' : 'April 2021'}
          autoFocus={side === 'from'}
        />
        <span id={`${id}-${side}-said`} className={error ? 'field-error small' : 'small muted'} role={error ? 'alert' : 'status'}>
          {error ?? (reading.date ? `Understood as ${eventDateWords(reading.date)}` : side === 'to' ? 'Empty: to the end of the first date' : '')}
        </span>
      </div>
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Time range by dates">
      {field('from', 'From', from)}
      {field('to', 'To', to)}
      <button type="submit" className="primary">
        Filter the case to these dates
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <span id={`${id}-hint`} className="hint small">
        Each as precise as you know it: {eventDateForms(locale)}.
      </span>
    </form>
  );
}
