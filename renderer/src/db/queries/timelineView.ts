import type { Link, TimelineEvent } from '../../../../shared/domain';
import type { CasebookDB } from '../schema';
import { timeline } from './events';

/** The link kinds that put an event in a lane: its participants, its place, its evidence (and so its documents). */
const LANE_LINK_KINDS = ['involves', 'located-in', 'evidence'] as const;

/** What the timeline view draws, read together: the events, their lane links, and the names those links lead to. */
export interface TimelineRecords {
  events: TimelineEvent[];
  /** Links from the case's events: `involves` and `located-in` an entity, `evidence` an excerpt or a document. */
  links: Link[];
  /** The names of the entities and the titles of the documents the links reach, by id. */
  names: Record<string, string>;
  /** The document each excerpt given as evidence quotes, by excerpt id (absent: quoted without its source). */
  excerptDocuments: Record<string, string>;
}

export async function timelineRecordsOf(db: CasebookDB, caseId: string): Promise<TimelineRecords> {
  const [events, linksByKind] = await Promise.all([
    timeline(db, caseId),
    Promise.all(LANE_LINK_KINDS.map((kind) => db.links.where('[caseId+kind]').equals([caseId, kind]).toArray())),
  ]);
  const links = linksByKind.flat().filter((link) => link.from.type === 'event');
  const ids = (type: string) => [...new Set(links.filter((link) => link.to.type === type).map((link) => link.to.id))];
  const [entities, excerpts] = await Promise.all([db.entities.bulkGet(ids('entity')), db.excerpts.bulkGet(ids('excerpt'))]);
  const excerptDocuments: Record<string, string> = {};
  for (const excerpt of excerpts) if (excerpt?.documentId) excerptDocuments[excerpt.id] = excerpt.documentId;
  const documentIds = [...new Set([...ids('document'), ...Object.values(excerptDocuments)])];
  // Only the titles: a document's record carries its whole text.
  const titles = await db.documents.where('id').anyOf(documentIds).toArray((documents) => documents.map(({ id, title }) => [id, title] as const));
  const names: Record<string, string> = Object.fromEntries(titles);
  for (const entity of entities) if (entity) names[entity.id] = entity.name;
  return { events, links, names, excerptDocuments };
}
