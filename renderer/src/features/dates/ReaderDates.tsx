import type { ReactNode } from 'react';
import type { CaseDocument } from '../../../../shared/domain';
import { prepareDates } from '../../app/dates';
import { lazyComponent } from '../../components/Deferred';
import type { TextView } from '../documents/reader/excerptMarks';
import { useReaderPanel } from '../documents/reader/useReaderPanel';

// The panel loads when the researcher first asks for the dates; the date finder itself runs in its worker.
const Panel = lazyComponent(() => import('./ReaderDatesPanel'), 'ReaderDatesPanel');

/**
 * The open document's dates, for the reader: the toolbar's *Find dates* button (and the command *Find dates in this
 * document*) and the panel beside the text it opens. `content` and `view` let a sentence be shown in the text.
 */
export function useReaderDates(
  caseId: string,
  document: CaseDocument,
  reader: { content: HTMLElement | null; view: TextView | null },
): { button: ReactNode; panel: ReactNode } {
  return useReaderPanel({
    command: 'dates.find',
    target: 'findDates',
    label: 'Find dates',
    what: 'the dates',
    enabled: Boolean(document.text.trim()),
    prepare: () => prepareDates(document.language),
    Panel,
    props: { caseId, document, reader },
  });
}
