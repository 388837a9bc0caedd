/**
 * What is linked to an entity, grouped as its page shows it: the excerpts that mention it, the events it is involved
 * in (by date), the notes and documents linked to it, and plain links with other entities.
 */
import type { RecordType, TimelineEvent } from '../../../../shared/domain';
import { isKeptByText } from '../../../../shared/vocabulary';
import type { LinkedRecord } from '../../db/queries/links';

export const LINK_GROUPS = ['excerpt', 'event', 'note', 'document', 'entity'] as const satisfies readonly RecordType[];

/** Each group's heading on the page and the name of its list. */
export const LINK_GROUP_TITLES: Record<RecordType, string> = {
  excerpt: 'Excerpts',
  event: 'Events',
  note: 'Notes',
  document: 'Documents',
  entity: 'Linked entities',
};

/** Code-point order, for ISO dates and sort keys (a locale's collation may pass over their punctuation). */
const ascending = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The linked records by type: events earliest first, the others in the order they were linked; records gone left out. */
export function groupLinkedRecords(linked: readonly LinkedRecord[]): Record<RecordType, LinkedRecord[]> {
  const groups: Record<RecordType, LinkedRecord[]> = { excerpt: [], event: [], note: [], document: [], entity: [] };
  // A note's mentions are shown as the sentences they are in (TextBacklinks), not among the links made by hand.
  for (const item of linked) if (item.record && !isKeptByText(item.link.kind)) groups[item.other.type].push(item);
  for (const group of Object.values(groups)) group.sort((a, b) => ascending(a.link.createdAt, b.link.createdAt));
  groups.event.sort((a, b) => ascending((a.record as TimelineEvent).sortKey, (b.record as TimelineEvent).sortKey));
  return groups;
}
