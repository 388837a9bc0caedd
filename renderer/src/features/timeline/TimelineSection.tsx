import { useLiveQuery } from 'dexie-react-hooks';
import { useNavigate, useSearchParams } from 'react-router';
import type { TimelineEvent } from '../../../../shared/domain';
import { eventWhen } from '../../../../shared/eventDates';
import { queries } from '../../app/casebook';
import { Deferred, lazyComponent } from '../../components/Deferred';
import { fold } from '../../search/fold';
import { RecordSection } from '../shared/RecordSection';
import { EventDetail } from './EventDetail';
import { FROM_EXCERPT_PARAM, PROPOSED_DATE_PARAM } from './paths';
import { TimelineOverview } from './TimelineOverview';

// The form reads typed dates with chrono-node: it loads with the first form opened, not with the case.
const EventForm = lazyComponent(() => import('./EventForm'), 'EventForm');
const EventFromExcerpt = lazyComponent(() => import('./EventFromExcerpt'), 'EventFromExcerpt');

/** An event's date for lists: "about 2019", "15 September 2020 – April 2021", "Undated". */
export const formatEventDate = (event: TimelineEvent): string => eventWhen(event);

export function TimelineSection({ caseId }: { caseId: string }) {
  const events = useLiveQuery(() => queries.timeline(caseId), [caseId]);
  const [params] = useSearchParams();
  const fromExcerpt = params.get(FROM_EXCERPT_PARAM);
  const navigate = useNavigate();
  return (
    <RecordSection
      caseId={caseId}
      path="timeline"
      title="Timeline"
      items={events}
      newLabel="New event"
      emptyMessage="No events yet. Place what happened on the timeline, with the date as precisely as you know it."
      filterLabel="Filter events by title"
      matches={(event, key) => fold(event.title).includes(key)}
      status={<TimelineOverview caseId={caseId} />}
      rowTitle={(event) => event.title}
      rowMeta={formatEventDate}
      renderNew={(onCreated, onCancel) => (
        <Deferred what="the event form">
          {fromExcerpt ? (
            <EventFromExcerpt
              caseId={caseId}
              excerptId={fromExcerpt}
              proposedDate={params.get(PROPOSED_DATE_PARAM) ?? undefined}
              onDone={(event) => onCreated(event.id)}
              // Back where the researcher came from: the excerpt or the reader.
              onCancel={() => navigate(-1)}
            />
          ) : (
            <EventForm caseId={caseId} onDone={(event) => onCreated(event.id)} onCancel={onCancel} />
          )}
        </Deferred>
      )}
      renderDetail={(id) => <EventDetail key={id} caseId={caseId} eventId={id} />}
    />
  );
}
