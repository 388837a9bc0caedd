import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { preloadEditor } from '../../../../editor/RichTextEditor';
import type { CaseDocument, Excerpt } from '../../../../../../shared/domain';
import { operations } from '../../../../app/casebook';
import { commandHint, useCommandTarget } from '../../../../commands';
import { explainError } from '../../../../components/useOperation';
import { overlappingExcerpts, selectionAnchor, type TextView } from '../excerptMarks';
import { layoutOf } from '../textLayout';
import { MarkPanel, type MarkState } from './MarkPanel';
import { placeBeside, selectionIn, useReaderSelection } from './useReaderSelection';

type Box = { left: number; top: number; bottom: number };

/**
 * Marking excerpts in the reader: the button that appears at a selection, the context menu on it, the "Mark
 * excerpt" command (Ctrl+E / Cmd+E) while words are selected, and the panel that opens at the selection. `view` is
 * null where nothing can be marked (the original page, pages without text).
 */
export function useMarking({
  caseId,
  document,
  excerpts,
  content,
  view,
}: {
  caseId: string;
  document: CaseDocument;
  excerpts: readonly Excerpt[];
  content: HTMLElement | null;
  view: TextView | null;
}): { mark(from?: Box): void; layer: ReactNode } {
  const selection = useReaderSelection(view ? content : null);
  const [panel, setPanel] = useState<{ at: Box; state: MarkState } | null>(null);
  const [menu, setMenu] = useState<Box | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const create = useCallback(
    async (at: Box, selected: NonNullable<ReturnType<typeof selectionAnchor>>) => {
      try {
        const excerpt = await operations.createExcerpt(caseId, { documentId: document.id, ...selected });
        window.getSelection()?.removeAllRanges();
        setPanel({ at, state: { kind: 'marked', excerpt } });
      } catch (error) {
        setPanel({ at, state: { kind: 'error', message: explainError(error) } });
      }
    },
    [caseId, document.id],
  );

  const mark = useCallback(
    (from?: Box) => {
      setMenu(null);
      returnFocus.current = globalThis.document.activeElement as HTMLElement | null;
      const current = view ? selectionIn(content) : null;
      const at = current?.rect ?? from ?? { left: 16, top: 16, bottom: 16 };
      const selected = current && content && view
        ? selectionAnchor(content, layoutOf(content, view, document.text), view, document, current.range)
        : null;
      if (!selected) {
        setPanel({ at, state: { kind: 'error', message: 'Select the words to mark in the text first.' } });
        return;
      }
      const [existing] = selected.anchor ? overlappingExcerpts(excerpts, selected.anchor) : [];
      if (existing) {
        setPanel({ at, state: { kind: 'existing', excerpt: existing, markAnyway: () => void create(at, selected) } });
        return;
      }
      void create(at, selected);
    },
    [view, content, document, excerpts, create],
  );

  // The comment box of the first excerpt marked should not wait for the editor's code.
  useEffect(preloadEditor, []);

  // The shortcut marks only while words are selected in the reader.
  useCommandTarget('markExcerpt', selection && !panel ? mark : null);

  // A right-click on the selection offers marking in a menu of the reader's own (the browser has no way to add to its).
  useEffect(() => {
    if (!content || !view) return;
    const onContextMenu = (event: MouseEvent) => {
      const current = selectionIn(content);
      if (!current) return;
      event.preventDefault();
      // From the keyboard (the menu key, Shift+F10) the event has no pointer position: open it at the selection.
      const at = event.clientX || event.clientY ? { left: event.clientX, top: event.clientY, bottom: event.clientY } : current.rect;
      setMenu(at);
    };
    content.addEventListener('contextmenu', onContextMenu);
    return () => content.removeEventListener('contextmenu', onContextMenu);
  }, [content, view]);

  const close = () => {
    setPanel(null);
    returnFocus.current?.focus?.();
  };

  const layer = (
    <>
      {selection && !panel && !menu && (
        <button
          type="button"
          className="mark-button"
          style={placeBeside(selection.rect, 140, 32)}
          // Keeps the selection: pressing the button must not clear what it is about to mark.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => mark()}
          {...commandHint('excerpt.mark')}
        >
          Mark excerpt
        </button>
      )}
      {menu && <MarkMenu at={menu} onMark={() => mark(menu)} onClose={() => setMenu(null)} />}
      {panel && <MarkPanel caseId={caseId} at={panel.at} state={panel.state} onClose={close} />}
    </>
  );
  return { mark, layer };
}

/** The reader's context menu on a selection: one item, reached and chosen with the keyboard as with the mouse. */
function MarkMenu({ at, onMark, onClose }: { at: Box; onMark(): void; onClose(): void }) {
  const item = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    item.current?.focus();
    const away = (event: MouseEvent) => {
      if (!(event.target instanceof Node && item.current?.parentElement?.contains(event.target))) onClose();
    };
    globalThis.document.addEventListener('mousedown', away);
    return () => globalThis.document.removeEventListener('mousedown', away);
  }, [onClose]);
  return (
    <div
      className="mark-menu"
      role="menu"
      aria-label="Selection"
      style={{ left: at.left, top: at.bottom + 4 }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || event.key === 'Tab') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <button
        ref={item}
        type="button"
        role="menuitem"
        onMouseDown={(event) => event.preventDefault()}
        onClick={onMark}
        {...commandHint('excerpt.mark')}
      >
        Mark excerpt
      </button>
    </div>
  );
}
