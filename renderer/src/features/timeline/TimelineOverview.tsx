import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { queries } from '../../app/casebook';
import { Deferred } from '../../components/Deferred';
import { useRememberedFlag } from '../../components/useRemembered';
import { timelineDataOf } from '../../timeline/fromEvents';
import type { TimeWindow } from '../../timeline/inRange';
import { useCaseRange } from '../range/caseRange';
import { RangeBrushBar } from '../range/RangeBrushBar';
import { TimelineView } from './index';

/** The case's chronology above the Timeline section's list: drawn or listed, folded away when not wanted. */
export function TimelineOverview({ caseId }: { caseId: string }) {
  const [shown, setShown] = useRememberedFlag('timeline.overviewShown', true);
  const records = useLiveQuery(() => (shown ? queries.timelineRecordsOf(caseId) : undefined), [caseId, shown]);
  const data = useMemo(() => (records ? timelineDataOf(records) : null), [records]);
  const navigate = useNavigate();
  const { recordId } = useParams();
  // The case's time range (the range brush), and the window the drawing shows, which it can be set to.
  const [range, setRange] = useCaseRange(caseId);
  const [shownWindow, setShownWindow] = useState<TimeWindow | null>(null);
  return (
    <div className="timeline-overview">
      <button type="button" aria-expanded={shown} onClick={() => setShown(!shown)}>
        {shown ? 'Hide the timeline' : 'Show the timeline'}
      </button>
      <RangeBrushBar caseId={caseId} shownWindow={shown ? shownWindow : null} setRange={setRange} />
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
              onRangeChange={(window) => setShownWindow({ start: window.start.getTime(), end: window.end.getTime() })}
              brush={range}
              onBrushChange={setRange}
            />
          </Deferred>
        ))}
    </div>
  );
}
