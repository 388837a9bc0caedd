import { Link } from 'react-router';
import { ExcerptLinkList } from '../shared/ExcerptLinkList';
import type { DetachedSource, Excerpt } from '../../../../shared/domain';

/** Where the reader opens to select an excerpt's passage again (the Re-attach bar). */
export const reattachPath = (caseId: string, excerpt: Pick<Excerpt, 'id' | 'documentId'>) =>
  `/case/${caseId}/documents/${excerpt.documentId}?reattach=${excerpt.id}`;

/** An orphaned excerpt's warning, with the way back: selecting the passage again in its document. */
export function OrphanedNotice({ caseId, excerpt }: { caseId: string; excerpt: Excerpt }) {
  if (!excerpt.orphaned || !excerpt.documentId) return null;
  return (
    <div className="notice warnings" role="note" aria-label="Quote not found">
      <p>
        Casebook cannot find this quote in the document any more: its text changed. The quote and where it was are kept.
      </p>
      <Link className="button" to={reattachPath(caseId, excerpt)}>
        Re-attach
      </Link>
    </div>
  );
}

/**
 * Where a detached excerpt came from, as the source line says it of a document still in the case: "From “Raids”, page
 * 2 (source deleted)". Its full citation, with the original's hash, is the excerpt's citation (citation.ts).
 */
export function DetachedCitation({ source }: { source: DetachedSource }) {
  return (
    <span className="detached-citation">
      From “{source.title}”{source.page ? `, page ${source.page}` : ''} <span className="muted">(source deleted)</span>
    </span>
  );
}

/** The list of excerpts a change to a document's text orphaned, each opening the excerpt. */
export function OrphanedList({ caseId, excerpts }: { caseId: string; excerpts: readonly Excerpt[] }) {
  if (!excerpts.length) return null;
  return (
    <div className="notice warnings" role="alert" aria-label="Excerpts not found">
      <p>
        {excerpts.length === 1
          ? '1 excerpt can no longer be found in the new text:'
          : `${excerpts.length.toLocaleString('en')} excerpts can no longer be found in the new text:`}
      </p>
      <ExcerptLinkList caseId={caseId} excerpts={excerpts} />
    </div>
  );
}
