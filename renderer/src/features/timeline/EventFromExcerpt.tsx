import { useLiveQuery } from 'dexie-react-hooks';
import type { TimelineEvent } from '../../../../shared/domain';
import { queries } from '../../app/casebook';
import { EventForm } from './EventForm';
import { proposedTitle } from './proposedTitle';
import { useProposedDate } from './useProposedDate';

/**
 * The event form for a new event made from an excerpt: the excerpt is its evidence, the entities linked to it are
 * offered ticked as participants and those its quote names unticked, and its quote's first sentence is proposed as
 * the title; the first date its quote gives is proposed (resolved against its document's published date), unless
 * `proposedDate` says which (a date chosen among the document's, "" for none).
 */
export function EventFromExcerpt({
  caseId,
  excerptId,
  proposedDate,
  onDone,
  onCancel,
}: {
  caseId: string;
  excerptId: string;
  proposedDate?: string;
  onDone: (event: TimelineEvent) => void;
  onCancel: () => void;
}) {
  const seed = useLiveQuery(() => queries.eventSeedFromExcerpt(excerptId), [excerptId]);
  const when = useProposedDate(seed?.excerpt, proposedDate);
  if (seed === undefined || (seed && when === undefined)) return <p role="status">Reading the excerpt…</p>;
  if (seed === null || seed.excerpt.caseId !== caseId)
    return (
      <p role="alert">
        The excerpt to make an event from is not in this case any more (deleted in another window?). <button type="button" onClick={onCancel}>Close</button>
      </p>
    );
  return (
    <EventForm
      caseId={caseId}
      seed={{
        excerptId,
        title: proposedTitle(seed.excerpt.quote),
        when: when ?? '',
        evidenceIds: [excerptId],
        participants: seed.linked.map((entity) => ({ entityId: entity.id, role: null })),
        offered: [
          ...seed.linked.map((entity) => ({ entity, why: 'linked to the excerpt' })),
          ...seed.named.map((entity) => ({ entity, why: 'named in its quote' })),
        ],
      }}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}
