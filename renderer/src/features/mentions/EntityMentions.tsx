import './mentions.css';
import { Link } from 'react-router';
import type { DocumentMentions, MentionSnippet } from '../../mentions';
import { MentionsState } from './MentionsState';
import { mentionsStatusText, useDocumentsMentioning } from './useMentions';

/** Snippets shown per document; the reader shows the rest. */
const SNIPPETS_PER_DOCUMENT = 3;

/** Where a snippet opens the reader: at the mention's passage, on its page for a paged document. */
export const mentionPath = (caseId: string, documentId: string, snippet: Pick<MentionSnippet, 'start' | 'end' | 'page'>) =>
  `/case/${caseId}/documents/${documentId}?mention=${snippet.start}-${snippet.end}${snippet.page ? `&page=${snippet.page}` : ''}`;

const times = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'mention' : 'mentions'}`;

/**
 * An entity's mentions in the case's documents (its name and aliases found in their text): how many in each document,
 * most first, with the first few passages, each opening the reader there.
 */
export function EntityMentions({ caseId, entityId }: { caseId: string; entityId: string }) {
  const { value: documents, failure, status } = useDocumentsMentioning(caseId, entityId, SNIPPETS_PER_DOCUMENT);
  const total = documents?.reduce((sum, document) => sum + document.count, 0) ?? 0;
  const progress = mentionsStatusText(status);
  return (
    <section className="entity-mentions" aria-labelledby="entity-mentions-title">
      <h3 id="entity-mentions-title">Mentions</h3>
      <MentionsState progress={progress} failure={failure} what="read" />
      {documents && documents.length === 0 && !progress && <p className="muted">No document names this entity or its aliases.</p>}
      {documents && documents.length > 0 && (
        <>
          <p className="muted small" aria-label="Mentions in all">
            {times(total)} in {documents.length.toLocaleString('en')} {documents.length === 1 ? 'document' : 'documents'}
          </p>
          <ol aria-label="Documents mentioning this entity">
            {documents.map((document) => (
              <DocumentItem key={document.documentId} caseId={caseId} document={document} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function DocumentItem({ caseId, document }: { caseId: string; document: DocumentMentions }) {
  return (
    <li aria-label={`${document.title}, ${times(document.count)}`}>
      <Link to={`/case/${caseId}/documents/${document.documentId}`}>{document.title}</Link>{' '}
      <span className="muted small">{times(document.count)}</span>
      <ul>
        {document.snippets.map((snippet) => (
          <li key={snippet.start} className="snippet">
            <Link to={mentionPath(caseId, document.documentId, snippet)}>
              {snippet.before}
              <mark>{snippet.text}</mark>
              {snippet.after}
            </Link>
            {snippet.page !== null && <span className="muted small"> · page {snippet.page}</span>}
          </li>
        ))}
      </ul>
    </li>
  );
}
