import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { TimelineEvent } from '../../../../shared/domain';
import { draftKey, hasDraft } from '../../components/drafts';
import { queries } from '../../app/casebook';
import { fold } from '../../search/fold';
import { RichTextView } from '../../editor/RichTextView';
import { formatPartialDate } from '../../../../shared/partialDate';
import { LinksPanel } from '../links/LinksPanel';
import { DeleteRecordButton } from '../shared/DeleteRecordButton';
import { RecordSection } from '../shared/RecordSection';
import { EventForm } from './EventForm';
import { TimelineOverview } from './TimelineOverview';

export const formatEventDate = (event: TimelineEvent): string =>
  event.end ? `${formatPartialDate(event.start)} – ${formatPartialDate(event.end)}` : formatPartialDate(event.start);

export function TimelineSection({ caseId }: { caseId: string }) {
  const events = useLiveQuery(
    () => queries.timeline(caseId),
    [caseId],
  );
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
      renderNew={(onCreated, onCancel) => <EventForm caseId={caseId} onDone={(e) => onCreated(e.id)} onCancel={onCancel} />}
      renderDetail={(id) => <EventDetail key={id} caseId={caseId} eventId={id} />}
    />
  );
}

function EventDetail({ caseId, eventId }: { caseId: string; eventId: string }) {
  const event = useLiveQuery(() => queries.eventById(eventId), [eventId]);
  // An edit left unsaved (the page reloaded, another record opened) reopens the form, which offers it back.
  const [editing, setEditing] = useState(() => hasDraft(draftKey('event', eventId)));
  const navigate = useNavigate();
  if (event === undefined) return null;
  if (event === null) return <p className="muted">This event no longer exists.</p>;
  if (editing)
    return <EventForm caseId={caseId} existing={event} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />;
  return (
    <article aria-labelledby="event-title">
      <div className="section-header">
        <h2 id="event-title">{event.title}</h2>
        <span className="spacer" />
        <button type="button" onClick={() => setEditing(true)}>
          Edit
        </button>
        <DeleteRecordButton target={{ type: 'event', id: event.id }} onDeleted={() => navigate(`/case/${caseId}/timeline`)} />
      </div>
      <p>
        <time dateTime={event.start.value}>{formatEventDate(event)}</time>{' '}
        <span className="muted small">(known to the {event.start.precision})</span>
      </p>
      <RichTextView value={event.description} empty="No description." />
      <LinksPanel caseId={caseId} record={{ type: 'event', id: event.id }} />
    </article>
  );
}
