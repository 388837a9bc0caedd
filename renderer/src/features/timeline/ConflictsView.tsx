import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { queries } from '../../app/casebook';
import type { FoundDate } from '../../dates/types';
import { excerptsToCheck, findConflicts, type Conflict } from '../../timeline/conflicts';
import { ConflictCard } from './ConflictCard';
import { useEvidenceDates } from './useEvidenceDates';
import './conflicts.css';

/** No quote's dates: what the check has when the worker could not read them. */
const NOTHING: ReadonlyMap<string, readonly FoundDate[]> = new Map();

/**
 * Where the case's dates disagree: events marked as the same happening whose dates do not meet, and evidence whose
 * quotes name other dates than its event's, each side by side with the quotes. The quotes' dates are found in the
 * dates worker, read against their documents' published dates.
 */
export function ConflictsView({ caseId, onOpen }: { caseId: string; onOpen(eventId: string): void }) {
  const records = useLiveQuery(() => queries.conflictRecordsOf(caseId), [caseId]);
  const quotes = useMemo(
    () => (records ? excerptsToCheck(records.events).flatMap((id) => (records.evidence[id] ? [records.evidence[id]] : [])) : undefined),
    [records],
  );
  const dates = useEvidenceDates(quotes);
  const conflicts = useMemo<Conflict[] | null>(() => {
    if (!records) return null;
    if (dates.status === 'reading') return null;
    return findConflicts(records.events, dates.status === 'ready' ? dates.dates : NOTHING);
  }, [records, dates]);

  return (
    <section className="conflicts-view" aria-labelledby="conflicts-heading">
      <h3 id="conflicts-heading">Conflicts</h3>
      {dates.status === 'failed' && (
        <div role="alert" className="conflicts-failure">
          <p>
            The evidence’s dates could not be checked: {dates.message} Only events marked as the same happening are compared below.
          </p>
          <button type="button" onClick={dates.retry}>
            Check the evidence’s dates again
          </button>
        </div>
      )}
      {!conflicts ? (
        <p role="status" className="muted">
          {records ? 'Checking the evidence’s dates…' : 'Reading the events…'}
        </p>
      ) : conflicts.length === 0 ? (
        <p role="status" className="muted">
          No conflicts. Checked: the dates of events marked as the same happening against each other, and each dated event
          against the dates its evidence’s quotes name (read against their documents’ published dates).
        </p>
      ) : (
        <>
          <p role="status" className="conflicts-count">
            {conflicts.length === 1 ? '1 conflict' : `${conflicts.length} conflicts`}
          </p>
          <ol className="conflict-list" aria-label="Conflicts">
            {conflicts.map((conflict) => (
              <ConflictCard
                key={conflict.key}
                caseId={caseId}
                conflict={conflict}
                evidence={records!.evidence}
                dates={dates.status === 'ready' ? dates.dates : NOTHING}
                onOpen={onOpen}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
