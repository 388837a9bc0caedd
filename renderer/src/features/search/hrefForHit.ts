import type { RecordType } from '../../../../shared/domain';
import { RECORD_KINDS, recordPath } from '../../../../shared/vocabulary';
import type { SearchHit } from '../../search';

/** The word shown beside a result for its type. */
export const hitTypeLabel = (type: RecordType): string => RECORD_KINDS[type].heading;

/** The text of the snippet's first highlight: the words as the record spells them, for the reader to find. */
export function matchedText(hit: SearchHit): string | null {
  const [first] = hit.snippet.highlights;
  return first ? hit.snippet.text.slice(first[0], first[1]) : null;
}

/**
 * Where a search result opens: the record in its section; a document at the page of the match (`?page=`), with
 * the matched words to find in it (`?q=`).
 */
export function hrefForHit(caseId: string, hit: SearchHit): string {
  const path = recordPath(caseId, hit.ref.type, hit.ref.id);
  if (hit.ref.type !== 'document') return path;
  const params = new URLSearchParams();
  if (hit.page !== undefined) params.set('page', String(hit.page));
  const matched = hit.offset !== undefined ? matchedText(hit) : null;
  if (matched) params.set('q', matched);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The search results page of the case for a query. */
export const hrefForSearch = (caseId: string, query: string): string =>
  `/case/${encodeURIComponent(caseId)}/search?${new URLSearchParams({ q: query })}`;
