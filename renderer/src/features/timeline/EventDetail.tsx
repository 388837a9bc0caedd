import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { eventWhen } from '../../../../shared/eventDates';
import { quoteTitle, recordPath } from '../../../../shared/vocabulary';
import { queries } from '../../app/casebook';
import { Deferred, lazyComponent } from '../../components/Deferred';
import { draftKey, hasDraft } from '../../components/drafts';
import { RichTextView } from '../../editor/RichTextView';
import { ExcerptTags } from '../codebook';
import { LinksPanel } from '../links/LinksPanel';
import { DeleteRecordButton } from '../shared/DeleteRecordButton';
import { SameHappening } from './SameHappening';

const EventForm = lazyComponent(() => import('./EventForm'), 'EventForm');

/** How precisely a date is known, in words: "known to the day". */
const known = (precision: string) => `known to the ${precision}`;

/**
 * An event's page: its date at its precision (and what each end of a range is known to), place, participants with
 * their roles, evidence, tags, confidence, status and description, each record opening its own page; then its links.
 */
export function EventDetail({ caseId, eventId }: { caseId: string; eventId: string }) {
  const view = useLiveQuery(() => queries.eventWithRecords(eventId), [eventId]);
  // An edit left unsaved (the page reloaded, another record opened) reopens the form, which offers it back.
  const [editing, setEditing] = useState(() => hasDraft(draftKey('event', eventId)));
  const navigate = useNavigate();
  if (view === undefined) return null;
  if (view === null) return <p className="muted">This event no longer exists.</p>;
  const { event, place, participants, evidence } = view;
  if (editing)
    return (
      <Deferred what="the event form">
        <EventForm caseId={caseId} existing={event} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
      </Deferred>
    );
  const precision = event.start
    ? event.end && event.end.precision !== event.start.precision
      ? `from ${known(event.start.precision)}, to ${known(event.end.precision)}`
      : known(event.start.precision)
    : 'its date is still to be found';
  return (
    <article aria-labelledby="event-title" className="event-detail">
      <div className="section-header">
        <h2 id="event-title">{event.title}</h2>
        <span className="spacer" />
        <button type="button" onClick={() => setEditing(true)}>
          Edit
        </button>
        <DeleteRecordButton target={{ type: 'event', id: event.id }} onDeleted={() => navigate(`/case/${caseId}/timeline`)} />
      </div>
      <p>
        {event.start ? <time dateTime={event.start.value}>{eventWhen(event)}</time> : <span>Undated</span>}{' '}
        <span className="muted small">({precision})</span>
      </p>
      <dl className="event-facts">
        <dt>Place</dt>
        <dd>{place ? <Link to={recordPath(caseId, 'entity', place.id)}>{place.name}</Link> : <span className="muted">Not recorded</span>}</dd>
        <dt>Confidence</dt>
        <dd>{event.confidence}</dd>
        <dt>Status</dt>
        <dd>{event.status}</dd>
      </dl>
      <section aria-label="Participants">
        <h3>Participants</h3>
        {participants.length ? (
          <ul>
            {participants.map(({ entity, role }) => (
              <li key={entity.id}>
                <Link to={recordPath(caseId, 'entity', entity.id)}>{entity.name}</Link>
                {role && <span className="muted"> ({role})</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No participants recorded.</p>
        )}
      </section>
      <section aria-label="Evidence">
        <h3>Evidence</h3>
        {evidence.length ? (
          <ul>
            {evidence.map((excerpt) => (
              <li key={excerpt.id}>
                <Link to={recordPath(caseId, 'excerpt', excerpt.id)}>“{quoteTitle(excerpt.quote)}”</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No evidence recorded: choose the excerpts that show it in Edit.</p>
        )}
      </section>
      <SameHappening caseId={caseId} event={event} />
      <ExcerptTags caseId={caseId} tagIds={event.tags} />
      <RichTextView value={event.description} empty="No description." />
      <LinksPanel caseId={caseId} record={{ type: 'event', id: event.id }} />
    </article>
  );
}
