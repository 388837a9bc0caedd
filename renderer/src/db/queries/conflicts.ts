import type { TimelineEvent } from '../../../../shared/domain';
import type { CasebookDB } from '../schema';
import { timeline } from './events';

/** An evidence excerpt as the conflicts view reads it: its quote, and what its dates are read against. */
export interface EvidenceQuote {
  id: string;
  quote: string;
  /** The document quoted, or null for a quote without its source (or kept when its source was deleted). */
  documentId: string | null;
  /** The document's title, or the deleted document's as the excerpt keeps it; null when the quote has no source. */
  documentTitle: string | null;
  /** The document's published date (a partial date's value), against which "Tuesday" and "last year" are read. */
  publishedAt: string | null;
  language: string | null;
}

/** What the conflicts view checks: the case's events in order, and the excerpts they give as evidence, by id. */
export interface ConflictRecords {
  events: TimelineEvent[];
  evidence: Record<string, EvidenceQuote>;
}

export async function conflictRecordsOf(db: CasebookDB, caseId: string): Promise<ConflictRecords> {
  const events = await timeline(db, caseId);
  const excerpts = (await db.excerpts.bulkGet([...new Set(events.flatMap((event) => event.evidenceIds))])).filter((excerpt) => excerpt !== undefined);
  const documentIds = [...new Set(excerpts.flatMap((excerpt) => (excerpt.documentId ? [excerpt.documentId] : [])))];
  // Only what the dates are read by: a document's record carries its whole text.
  const documents = new Map(
    await db.documents
      .where('id')
      .anyOf(documentIds)
      .toArray((found) => found.map(({ id, title, publishedAt, language }) => [id, { title, publishedAt, language }] as const)),
  );
  const evidence: Record<string, EvidenceQuote> = {};
  for (const excerpt of excerpts) {
    const document = excerpt.documentId ? documents.get(excerpt.documentId) : undefined;
    const detached = excerpt.detachedFrom;
    evidence[excerpt.id] = {
      id: excerpt.id,
      quote: excerpt.quote,
      documentId: document ? excerpt.documentId : null,
      documentTitle: document?.title ?? detached?.title ?? null,
      publishedAt: document ? document.publishedAt : (detached?.publishedAt ?? null),
      language: document?.language ?? null,
    };
  }
  return { events, evidence };
}

/** The other events marked as the same happening as an event, in the chronology's order; none when it is in no group. */
export async function sameHappeningAs(db: CasebookDB, eventId: string): Promise<TimelineEvent[]> {
  const event = await db.events.get(eventId);
  if (!event?.sameAs) return [];
  const group = await db.events.where('sameAs').equals(event.sameAs).toArray();
  return group.filter((member) => member.id !== eventId).sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}
