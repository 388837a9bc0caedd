import { Link } from 'react-router';
import { formatPartialDate, parsePartialDate } from '../../../../shared/partialDate';
import { recordPath } from '../../../../shared/vocabulary';
import type { EvidenceQuote } from '../../db/queries/conflicts';
import type { FoundDate, ResolvedDate } from '../../dates/types';
import type { Conflict, DatedEvent } from '../../timeline/conflicts';
import { eventWhen } from '../../../../shared/eventDates';
import { MarkedQuote } from './MarkedQuote';

interface ConflictCardProps {
  caseId: string;
  conflict: Conflict;
  evidence: Readonly<Record<string, EvidenceQuote>>;
  dates: ReadonlyMap<string, readonly FoundDate[]>;
  onOpen(eventId: string): void;
}

const resolvedText = (resolved: ResolvedDate) =>
  eventWhen(resolved);

const published = (value: string) => {
  const date = parsePartialDate(value);
  return date ? formatPartialDate(date) : value;
};

/** One conflict: the dates that disagree side by side, each with the quotes behind it. */
export function ConflictCard({ caseId, conflict, evidence, dates, onOpen }: ConflictCardProps) {
  if (conflict.kind === 'same-happening') {
    const titles = conflict.events.map((event) => `“${event.title}”`).join(', ');
    return (
      <li className="conflict" aria-label={`Same happening, different dates: ${titles}`}>
        <p className="conflict-kind">Marked as the same happening, on dates that do not agree</p>
        <div className="conflict-sides">
          {conflict.events.map((event) => (
            <div key={event.id} className="conflict-side" role="group" aria-label={event.title}>
              <EventHeading event={event} onOpen={onOpen} />
              <EvidenceQuotes caseId={caseId} ids={event.evidenceIds} evidence={evidence} dates={dates} />
            </div>
          ))}
        </div>
      </li>
    );
  }
  const quote = evidence[conflict.excerptId];
  const said = [...new Set(conflict.dates.map((date) => resolvedText(date.resolved!)))].join(', ');
  return (
    <li className="conflict" aria-label={`Evidence dated otherwise: “${conflict.event.title}”`}>
      <p className="conflict-kind">Its evidence names another date</p>
      <div className="conflict-sides">
        <div className="conflict-side" role="group" aria-label={conflict.event.title}>
          <EventHeading event={conflict.event} onOpen={onOpen} />
        </div>
        <div className="conflict-side" role="group" aria-label="The evidence">
          <p className="conflict-event">The evidence says</p>
          <p className="conflict-date">{said}</p>
          {quote && <EvidenceQuotes caseId={caseId} ids={[quote.id]} evidence={evidence} dates={dates} />}
        </div>
      </div>
    </li>
  );
}

function EventHeading({ event, onOpen }: { event: DatedEvent; onOpen(eventId: string): void }) {
  return (
    <>
      <button type="button" className="conflict-event" onClick={() => onOpen(event.id)}>
        {event.title}
      </button>
      <p className="conflict-date">{eventWhen(event)}</p>
    </>
  );
}

/** The quotes given as evidence, each opening its excerpt, with the dates they name marked and their documents. */
function EvidenceQuotes({
  caseId,
  ids,
  evidence,
  dates,
}: {
  caseId: string;
  ids: readonly string[];
  evidence: Readonly<Record<string, EvidenceQuote>>;
  dates: ReadonlyMap<string, readonly FoundDate[]>;
}) {
  const quotes = ids.flatMap((id) => (evidence[id] ? [evidence[id]] : []));
  if (!quotes.length) return <p className="muted small">No evidence recorded.</p>;
  return (
    <ul className="conflict-evidence" aria-label="Evidence">
      {quotes.map((quote) => (
        <li key={quote.id}>
          <MarkedQuote quote={quote.quote} dates={dates.get(quote.id) ?? []} />
          <p className="small">
            <Link to={recordPath(caseId, 'excerpt', quote.id)}>Open the excerpt</Link>
            {quote.documentTitle && (
              <>
                {' · '}
                {quote.documentId ? (
                  <Link to={recordPath(caseId, 'document', quote.documentId)}>{quote.documentTitle}</Link>
                ) : (
                  <span>{quote.documentTitle} (deleted)</span>
                )}
              </>
            )}
            {quote.publishedAt && <span className="muted">, published {published(quote.publishedAt)}</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
