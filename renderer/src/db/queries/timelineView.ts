import type { Link, TimelineEvent } from '../../../../shared/domain';
import { tagPath } from '../../../../shared/codebook';
import type { CasebookDB } from '../schema';
import { timeline } from './events';
import { caseTags } from './tags';

/** What the timeline view draws, read together: the events, and the names their lanes lead to. */
export interface TimelineRecords {
  events: TimelineEvent[];
  /** `evidence` links from the case's events to whole documents (evidence excerpts are the events' own field). */
  links: Link[];
  /** The names of the entities, the paths of the tags and the titles of the documents the lanes refer to, by id. */
  names: Record<string, string>;
  /** The document each excerpt given as evidence quotes, by excerpt id (absent: quoted without its source). */
  excerptDocuments: Record<string, string>;
}

export async function timelineRecordsOf(db: CasebookDB, caseId: string): Promise<TimelineRecords> {
  const [events, evidenceLinks, tags] = await Promise.all([
    timeline(db, caseId),
    db.links.where('[caseId+kind]').equals([caseId, 'evidence']).toArray(),
    caseTags(db, caseId),
  ]);
  const links = evidenceLinks.filter((link) => link.from.type === 'event' && link.to.type === 'document');
  const entityIds = [...new Set(events.flatMap((event) => [...event.participants.map(({ entityId }) => entityId), ...(event.placeId ? [event.placeId] : [])]))];
  const excerptIds = [...new Set(events.flatMap((event) => event.evidenceIds))];
  const [entities, excerpts] = await Promise.all([db.entities.bulkGet(entityIds), db.excerpts.bulkGet(excerptIds)]);
  const excerptDocuments: Record<string, string> = {};
  for (const excerpt of excerpts) if (excerpt?.documentId) excerptDocuments[excerpt.id] = excerpt.documentId;
  const documentIds = [...new Set([...links.map((link) => link.to.id), ...Object.values(excerptDocuments)])];
  // Only the titles: a document's record carries its whole text.
  const titles = await db.documents.where('id').anyOf(documentIds).toArray((documents) => documents.map(({ id, title }) => [id, title] as const));
  const names: Record<string, string> = Object.fromEntries(titles);
  for (const entity of entities) if (entity) names[entity.id] = entity.name;
  for (const tag of tags) names[tag.id] = tagPath(tags, tag.id);
  return { events, links, names, excerptDocuments };
}
