import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { queries } from '../../app/casebook';
import { Dialog } from '../../components/Dialog';
import type { BatchSuggestion } from '../../suggestions/types';
import { SuggestionsReview } from './SuggestionsReview';
import { useBatchSuggestions } from './useSuggestions';

/**
 * The suggested entities of an import batch: the names its documents give, read together (counted over all of them,
 * snippets from several, each naming its document), to accept, add as aliases or dismiss as in the reader.
 */
export function BatchSuggestionsDialog({ caseId, documentIds, onClose }: { caseId: string; documentIds: readonly string[]; onClose(): void }) {
  const [attempt, setAttempt] = useState(0);
  const key = documentIds.join(' ');
  // Read once: the texts can be long, and the review follows the entities, not the texts.
  const documents = useLiveQuery(() => queries.documentsByIds(documentIds), [key]);
  const state = useBatchSuggestions(caseId, documents, attempt);
  const byId = useMemo(() => new Map((documents ?? []).map((document) => [document.id, document])), [documents]);
  const titleOf = (documentId: string) => byId.get(documentId)?.title ?? 'a document since deleted';
  // An alias remembers the document that names it most.
  const foundIn = (suggestion: BatchSuggestion) => {
    const most = [...suggestion.documents].sort((a, b) => b.count - a.count)[0];
    return most ? titleOf(most.documentId) : 'an import';
  };
  const count = documentIds.length;
  return (
    <Dialog title="Suggested entities in this import" onClose={onClose}>
      <div className="batch-suggestions">
        <p className="muted small">
          Names the {count === 1 ? 'document' : `${count} documents`} of this import give, counted over all of {count === 1 ? 'it' : 'them'}. Nothing is
          added to the case until you accept it.
        </p>
        <SuggestionsReview
          caseId={caseId}
          state={documents === undefined ? { status: 'reading' } : state}
          onRetry={() => setAttempt((tries) => tries + 1)}
          foundIn={foundIn}
          titleOf={titleOf}
          textOf={(documentId) => (documentId ? byId.get(documentId)?.text : undefined)}
        />
      </div>
      <div className="row end">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
