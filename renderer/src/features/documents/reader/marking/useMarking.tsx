import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { preloadEditor } from '../../../../editor/RichTextEditor';
import type { CaseDocument, Excerpt } from '../../../../../../shared/domain';
import { operations } from '../../../../app/casebook';
import { commandHint, useCommandTarget } from '../../../../commands';
import { explainError } from '../../../../components/useOperation';
import { overlappingExcerpts, selectionAnchor, type TextView } from '../excerptMarks';
import { layoutOf } from '../textLayout';
import { MarkPanel, type MarkState } from './MarkPanel';
import { SelectionEntityPanel, type SelectionToEntity } from './SelectionEntityPanel';
import { placeBeside, selectionIn, useReaderSelection } from './useReaderSelection';

type Box = { left: number; top: number; bottom: number };
type Passage = NonNullable<ReturnType<typeof selectionAnchor>>;

/** What opens at the selection: the marking panel, or the panel that makes an entity of the words or links them to one. */
type Panel = { at: Box; state: MarkState } | { at: Box; entity: { how: SelectionToEntity; passage: Passage; existing: Excerpt | null } };

/**
 * Marking excerpts in the reader: the button that appears at a selection, the context menu on it, the "Mark
 * excerpt" command (Ctrl+E / Cmd+E) while words are selected, and the panel that opens at the selection; and, from
 * the same selection, *New entity from selection* and *Link selection to entity*. `view` is null where nothing can be
 * marked (the original page, pages without text).
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
  const [panel, setPanel] = useState<Panel | null>(null);
  const [menu, setMenu] = useState<Box | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const create = useCallback(
    async (at: Box, selected: Passage) => {
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

  /** The passage selected in the reader and where it is on screen, or null (the panel then says why) when none is. */
  const readSelection = useCallback(
    (from?: Box): { at: Box; selected: Passage } | null => {
      setMenu(null);
      returnFocus.current = globalThis.document.activeElement as HTMLElement | null;
      const current = view ? selectionIn(content) : null;
      const at = current?.rect ?? from ?? { left: 16, top: 16, bottom: 16 };
      const selected = current && content && view
        ? selectionAnchor(content, layoutOf(content, view, document.text), view, document, current.range)
        : null;
      if (selected) return { at, selected };
      setPanel({ at, state: { kind: 'error', message: 'Select the words in the text first.' } });
      return null;
    },
    [view, content, document],
  );

  const mark = useCallback(
    (from?: Box) => {
      const read = readSelection(from);
      if (!read) return;
      const { at, selected } = read;
      const [existing] = selected.anchor ? overlappingExcerpts(excerpts, selected.anchor) : [];
      if (existing) {
        setPanel({ at, state: { kind: 'existing', excerpt: existing, markAnyway: () => void create(at, selected) } });
        return;
      }
      void create(at, selected);
    },
    [readSelection, excerpts, create],
  );

  const toEntity = useCallback(
    (how: SelectionToEntity, from?: Box) => {
      const read = readSelection(from);
      if (!read) return;
      const { at, selected } = read;
      // Linking the very passage of an excerpt links that excerpt, rather than marking the same words twice.
      const existing =
        excerpts.find((excerpt) => excerpt.anchor && excerpt.anchor.start === selected.anchor?.start && excerpt.anchor.end === selected.anchor.end) ?? null;
      setPanel({ at, entity: { how, passage: selected, existing } });
    },
    [readSelection, excerpts],
  );

  // The comment box of the first excerpt marked should not wait for the editor's code.
  useEffect(preloadEditor, []);

  // The shortcut marks only while words are selected in the reader.
  useCommandTarget('markExcerpt', selection && !panel ? mark : null);
  useCommandTarget('selectionToEntity', selection && !panel ? toEntity : null);

  // A right-click on the selection offers marking in a menu of the reader's own (the browser has no way to add to its).
  // The menu key (Shift+F10) is heard on the whole page: the focus need not be in the text for its selection to be.
  useEffect(() => {
    if (!content || !view) return;
    const onContextMenu = (event: MouseEvent) => {
      const current = selectionIn(content);
      // The menu key's event is not a right button's (its position is the focused element's, not the pointer's).
      const fromKeyboard = event.button !== 2;
      if (!current || !(fromKeyboard || (event.target instanceof Node && content.contains(event.target)))) return;
      event.preventDefault();
      // From the keyboard, the menu opens at the selection.
      const at = fromKeyboard ? current.rect : { left: event.clientX, top: event.clientY, bottom: event.clientY };
      setMenu(at);
    };
    globalThis.document.addEventListener('contextmenu', onContextMenu);
    return () => globalThis.document.removeEventListener('contextmenu', onContextMenu);
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
      {menu && <SelectionMenu at={menu} onMark={() => mark(menu)} onEntity={(how) => toEntity(how, menu)} onClose={() => setMenu(null)} />}
      {panel && 'state' in panel && <MarkPanel caseId={caseId} at={panel.at} state={panel.state} onClose={close} />}
      {panel && 'entity' in panel && (
        <SelectionEntityPanel caseId={caseId} documentId={document.id} at={panel.at} {...panel.entity} onClose={close} />
      )}
    </>
  );
  return { mark, layer };
}

/** The items of the reader's context menu on a selection, with the command each runs. */
const SELECTION_MENU = [
  { command: 'excerpt.mark', label: 'Mark excerpt' },
  { command: 'entity.fromSelection', label: 'New entity from selection…' },
  { command: 'entity.linkSelection', label: 'Link selection to entity…' },
] as const;

/**
 * The reader's context menu on a selection, reached and chosen with the keyboard as with the mouse: the first item
 * takes the focus, Up and Down move, Enter chooses, Escape or Tab closes.
 */
function SelectionMenu({ at, onMark, onEntity, onClose }: { at: Box; onMark(): void; onEntity(how: SelectionToEntity): void; onClose(): void }) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (event: MouseEvent) => {
      if (!(event.target instanceof Node && menu.current?.contains(event.target))) onClose();
    };
    globalThis.document.addEventListener('mousedown', away);
    return () => globalThis.document.removeEventListener('mousedown', away);
  }, [onClose]);
  const choose = (command: (typeof SELECTION_MENU)[number]['command']) => {
    if (command === 'excerpt.mark') onMark();
    else onEntity(command === 'entity.fromSelection' ? 'new' : 'link');
  };
  return (
    <div
      ref={menu}
      className="mark-menu"
      role="menu"
      aria-label="Selection"
      style={{ left: at.left, top: at.bottom + 4 }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' || event.key === 'Tab') {
          event.preventDefault();
          onClose();
        } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
          const at = items.indexOf(globalThis.document.activeElement as HTMLElement);
          const next = (at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
          items[next]?.focus();
        }
      }}
    >
      {SELECTION_MENU.map(({ command, label }) => (
        <button
          key={command}
          type="button"
          role="menuitem"
          tabIndex={-1}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => choose(command)}
          {...commandHint(command)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
