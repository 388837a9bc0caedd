import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { CaseDocument } from '../../../../shared/domain';
import { prepareSuggestions } from '../../app/suggestions';
import { commandHint, useCommandTarget } from '../../commands';
import { Deferred, lazyComponent } from '../../components/Deferred';

// The panel, the review rules and the entity index load when the researcher first asks for suggestions.
const Panel = lazyComponent(() => import('./ReaderSuggestionsPanel'), 'ReaderSuggestionsPanel');

/**
 * The open document's suggested entities, for the reader: the toolbar's *Suggest entities* button (and command) and
 * the panel beside the text it opens. The reader places the two; everything else is here.
 */
export function useReaderSuggestions(caseId: string, document: CaseDocument): { button: ReactNode; panel: ReactNode } {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const hasText = Boolean(document.text.trim());
  // Each opening asks for the focus to go to the panel, once it is there.
  const [focusRequest, setFocusRequest] = useState(0);
  const openPanel = useCallback(() => {
    setOpen(true);
    setFocusRequest((request) => request + 1);
  }, []);
  useCommandTarget('suggestEntities', hasText ? openPanel : null);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };

  const button = (
    <button
      ref={opener}
      type="button"
      aria-pressed={open}
      onClick={() => (open ? close() : openPanel())}
      // The worker gets ready (compromise loaded) while the pointer or the focus is on its way.
      onPointerEnter={prepareSuggestions}
      onFocus={prepareSuggestions}
      disabled={!hasText}
      {...commandHint('entity.suggest')}
    >
      Suggest entities
    </button>
  );
  const panel = open && hasText && (
    <Deferred what="the suggestions">
      <Panel caseId={caseId} document={document} focusRequest={focusRequest} onClose={close} />
    </Deferred>
  );
  return { button, panel };
}
