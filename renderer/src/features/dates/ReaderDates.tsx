import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { CaseDocument } from '../../../../shared/domain';
import { prepareDates } from '../../app/dates';
import { commandHint, useCommandTarget } from '../../commands';
import { Deferred, lazyComponent } from '../../components/Deferred';
import type { TextView } from '../documents/reader/excerptMarks';

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
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const hasText = Boolean(document.text.trim());
  const [focusRequest, setFocusRequest] = useState(0);
  const openPanel = useCallback(() => {
    setOpen(true);
    setFocusRequest((request) => request + 1);
  }, []);
  useCommandTarget('findDates', hasText ? openPanel : null);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const prepare = () => prepareDates(document.language);

  const button = (
    <button
      ref={opener}
      type="button"
      aria-pressed={open}
      onClick={() => (open ? close() : openPanel())}
      onPointerEnter={prepare}
      onFocus={prepare}
      disabled={!hasText}
      {...commandHint('dates.find')}
    >
      Find dates
    </button>
  );
  const panel = open && hasText && (
    <Deferred what="the dates">
      <Panel caseId={caseId} document={document} reader={reader} focusRequest={focusRequest} onClose={close} />
    </Deferred>
  );
  return { button, panel };
}
