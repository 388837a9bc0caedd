import Dexie from 'dexie';
import type { Excerpt, TimelineEvent } from '../../../../shared/domain';
import { DATE_SUGGESTION_TYPE, dateKeyPrefix, type EventFromDocument } from '../../dates/suggestions';
import type { CasebookDB } from '../schema';

/** What the "Dates in this document" panel checks its dates against: what was dismissed, and what is an event already. */
export interface DateSuggestionsContext {
  dismissedKeys: Set<string>;
  /** Each event whose evidence quotes the document, once per such excerpt. */
  events: EventFromDocument[];
  /** The document's excerpts found in its text, by place: a sentence already quoted is not quoted again. */
  excerpts: { id: string; start: number; end: number }[];
}

export async function dateSuggestionsContext(db: CasebookDB, caseId: string, documentId: string): Promise<DateSuggestionsContext> {
  const prefix = dateKeyPrefix(documentId);
  const [dismissed, excerpts] = await Promise.all([
    db.dismissedSuggestions
      .where('[caseId+key+type]')
      .between([caseId, prefix, Dexie.minKey], [caseId, `${prefix}\uffff`, Dexie.maxKey])
      .filter((row) => row.type === DATE_SUGGESTION_TYPE)
      .toArray(),
    db.excerpts.where('documentId').equals(documentId).toArray(),
  ]);
  const byId = new Map<string, Excerpt>(excerpts.filter((excerpt) => excerpt.caseId === caseId).map((excerpt) => [excerpt.id, excerpt]));
  const events: TimelineEvent[] = byId.size ? await db.events.where('evidenceIds').anyOf([...byId.keys()]).distinct().toArray() : [];
  return {
    excerpts: [...byId.values()].flatMap((excerpt) => (excerpt.anchor && !excerpt.orphaned ? [{ id: excerpt.id, start: excerpt.anchor.start, end: excerpt.anchor.end }] : [])),
    dismissedKeys: new Set(dismissed.map((row) => row.key)),
    events: events.flatMap((event) =>
      event.evidenceIds.flatMap((id) => {
        const excerpt = byId.get(id);
        if (!excerpt) return [];
        return [{ eventId: event.id, title: event.title, anchor: excerpt.orphaned ? null : excerpt.anchor, quote: excerpt.quote }];
      }),
    ),
  };
}
