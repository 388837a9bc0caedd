import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TimelineEvent } from '../../../../shared/domain';
import { eventWhen } from '../../../../shared/eventDates';
import { recordPath } from '../../../../shared/vocabulary';
import { operations, queries } from '../../app/casebook';
import { useOperation } from '../../components/useOperation';
import { EventPicker } from './EventPicker';

/**
 * The other records of the same happening on an event's page ("Also recorded as"), and the researcher's say on it:
 * "Same happening as…" joins another event of the case (and its group), "Not the same any more" takes this one out.
 * Their dates are compared in the Timeline's Conflicts view.
 */
export function SameHappening({ caseId, event }: { caseId: string; event: TimelineEvent }) {
  const others = useLiveQuery(() => queries.sameHappeningAs(event.id), [event.id, event.sameAs]);
  const [choosing, setChoosing] = useState(false);
  const candidates = useLiveQuery(() => (choosing ? queries.timeline(caseId) : undefined), [caseId, choosing]);
  const { busy, fieldErrors, formError, run } = useOperation();
  const error = fieldErrors.sameAs ?? formError;

  const pick = async (other: TimelineEvent) => {
    if (await run(() => operations.markSameHappening(event.id, other.id))) setChoosing(false);
  };

  return (
    <section aria-label="Same happening" className="same-happening">
      <h3>Same happening</h3>
      {others === undefined ? null : others.length ? (
        <p>
          Also recorded as:{' '}
          {others.map((other, index) => (
            <span key={other.id}>
              {index > 0 && '; '}
              <Link to={recordPath(caseId, 'event', other.id)}>{other.title}</Link> <span className="muted">({eventWhen(other)})</span>
            </span>
          ))}
        </p>
      ) : (
        <p className="muted">Not marked as the same happening as another event.</p>
      )}
      {choosing ? (
        candidates && (
          <EventPicker
            events={candidates.filter((candidate) => candidate.id !== event.id && !others?.some((other) => other.id === candidate.id))}
            label="Same happening as"
            onPick={(other) => void pick(other)}
            onCancel={() => setChoosing(false)}
          />
        )
      ) : (
        <div className="row">
          <button type="button" className="small" disabled={busy} onClick={() => setChoosing(true)}>
            Same happening as…
          </button>
          {others && others.length > 0 && (
            <button type="button" className="small" disabled={busy} onClick={() => void run(() => operations.separateSameHappening(event.id))}>
              Not the same any more
            </button>
          )}
        </div>
      )}
      {choosing && (
        <button type="button" className="small" onClick={() => setChoosing(false)}>
          Cancel
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
