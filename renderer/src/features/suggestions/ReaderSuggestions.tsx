import type { ReactNode } from 'react';
import type { CaseDocument } from '../../../../shared/domain';
import { prepareSuggestions } from '../../app/suggestions';
import { lazyComponent } from '../../components/Deferred';
import { useReaderPanel } from '../documents/reader/useReaderPanel';

// The panel, the review rules and the entity index load when the researcher first asks for suggestions.
const Panel = lazyComponent(() => import('./ReaderSuggestionsPanel'), 'ReaderSuggestionsPanel');

/**
 * The open document's suggested entities, for the reader: the toolbar's *Suggest entities* button (and command) and
 * the panel beside the text it opens. The reader places the two; everything else is here.
 */
export function useReaderSuggestions(caseId: string, document: CaseDocument): { button: ReactNode; panel: ReactNode } {
  return useReaderPanel({
    command: 'entity.suggest',
    target: 'suggestEntities',
    label: 'Suggest entities',
    what: 'the suggestions',
    enabled: Boolean(document.text.trim()),
    // The worker gets ready (compromise loaded) while the pointer or the focus is on its way.
    prepare: prepareSuggestions,
    Panel,
    props: { caseId, document },
  });
}
