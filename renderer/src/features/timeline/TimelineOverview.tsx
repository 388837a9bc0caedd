import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { queries } from '../../app/casebook';
import { Deferred } from '../../components/Deferred';
import { useRememberedFlag } from '../../components/useRemembered';
import { timelineDataOf } from '../../timeline/fromEvents';
import { TimelineView } from './index';

/** The case's chronology above the Timeline section's list: drawn or listed, folded away when not wanted. */
export function TimelineOverview({ caseId }: { caseId: string }) {
  const [shown, setShown] = useRememberedFlag('timeline.overviewShown', true);
  const records = useLiveQuery(() => (shown ? queries.timelineRecordsOf(caseId) : undefined), [caseId, shown]);
  const data = useMemo(() => (records ? timelineDataOf(records) : null), [records]);
  const navigate = useNavigate();
  const { recordId } = useParams();
  return (
    <div className="timeline-overview">
      <button type="button" aria-expanded={shown} onClick={() => setShown(!shown)}>
        {shown ? 'Hide the timeline' : 'Show the timeline'}
      </button>
      {shown &&
        (!data ? (
          <p role="status" className="muted">
            Reading the events…
          </p>
        ) : data.items.length === 0 ? null : (
          <Deferred what="the timeline">
            <TimelineView
              caseId={caseId}
              data={data}
              currentId={recordId ?? null}
              onOpen={(id) => navigate(`/case/${caseId}/timeline/${encodeURIComponent(id)}`)}
            />
          </Deferred>
        ))}
    </div>
  );
}
