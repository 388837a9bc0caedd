import type { IndexStatus, SearchHit } from '../../search';
import { hitTypeLabel } from './hrefForHit';
import { Highlighted } from './Highlighted';

/** One result's lines: its type (and page), its title, its snippet. */
export function HitSummary({ hit }: { hit: SearchHit }) {
  return (
    <>
      <span className="hit-type">
        {hitTypeLabel(hit.ref.type)}
        {hit.page !== undefined && ` · page ${hit.page}`}
      </span>
      <span className="hit-title">{hit.title}</span>
      {hit.snippet.text && <Highlighted snippet={hit.snippet} />}
    </>
  );
}

/** What the index is doing, in words, or null when it is ready. */
export function describeStatus(status: IndexStatus): string | null {
  switch (status.state) {
    case 'opening':
      return 'Opening the search index…';
    case 'building': {
      const share = status.total ? Math.floor((status.done / status.total) * 100) : 0;
      return `Indexing this case for search: ${share}% done. Results so far are incomplete.`;
    }
    case 'failed':
      return `Search is unavailable: ${status.message} Reload the window to try again.`;
    case 'ready':
      return null;
  }
}
