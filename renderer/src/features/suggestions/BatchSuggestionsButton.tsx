import { useState } from 'react';
import { prepareSuggestions } from '../../app/suggestions';
import { Deferred, lazyComponent } from '../../components/Deferred';

// The review, and the suggestions worker it starts, load when the researcher asks for them.
const BatchSuggestionsDialog = lazyComponent(() => import('./BatchSuggestionsDialog'), 'BatchSuggestionsDialog');

/** In an import's report: *Review suggested entities* for the documents the batch imported. */
export function BatchSuggestionsButton({ caseId, documentIds }: { caseId: string; documentIds: string[] }) {
  const [open, setOpen] = useState(false);
  if (!documentIds.length) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} onPointerEnter={prepareSuggestions} onFocus={prepareSuggestions}>
        Review suggested entities
      </button>
      {open && (
        <Deferred what="the suggestions">
          <BatchSuggestionsDialog caseId={caseId} documentIds={documentIds} onClose={() => setOpen(false)} />
        </Deferred>
      )}
    </>
  );
}
