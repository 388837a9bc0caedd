import { useEffect, useRef, useState } from 'react';
import type { CaseDocument } from '../../../../shared/domain';
import { SuggestionsReview } from './SuggestionsReview';
import { useDocumentSuggestions } from './useSuggestions';

/**
 * Beside the reader's text: the people, organisations and places the document names, read in the suggestions worker,
 * for the researcher to accept, add as aliases or dismiss. Escape closes it.
 */
export function ReaderSuggestionsPanel({ caseId, document, focusRequest, onClose }: { caseId: string; document: CaseDocument; focusRequest: number; onClose(): void }) {
  const [attempt, setAttempt] = useState(0);
  const state = useDocumentSuggestions(caseId, document, attempt);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [focusRequest]);
  return (
    <aside
      className="suggestions-panel"
      aria-labelledby="suggestions-title"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onClose();
      }}
    >
      <header>
        <h3 id="suggestions-title" ref={heading} tabIndex={-1}>
          Suggested entities
        </h3>
        <button type="button" className="link-button" onClick={onClose} aria-label="Close suggestions">
          Close
        </button>
      </header>
      <p className="muted small">Names this document gives. Nothing is added to the case until you accept it.</p>
      <SuggestionsReview
        caseId={caseId}
        state={state}
        onRetry={() => setAttempt((count) => count + 1)}
        foundIn={() => document.title}
        textOf={() => document.text}
      />
    </aside>
  );
}
