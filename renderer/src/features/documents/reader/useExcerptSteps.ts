import { useCallback, useMemo, useRef, useState } from 'react';
import type { CaseDocument, Excerpt } from '../../../../../shared/domain';
import { pageAt } from '../../../anchoring/anchor';
import { useCommandTarget } from '../../../commands';
import { notify } from '../../../components/notices';
import type { TextView } from './excerptMarks';
import type { CurrentExcerpt, Placed } from './excerptHighlights';
import { describeStep, inTextOrder, stepExcerpt, stepFromCaret, type StepDirection, type StepFrom } from './excerptSteps';

/** A position in the DOM: where the caret or the selection starts. */
interface Caret {
  node: Node;
  offset: number;
}

/** The excerpt shown in the side panel; `focus` is set (a new number each time) when it was reached from the keyboard. */
export interface ShownExcerpt {
  excerpt: Excerpt;
  /** Its place among the document's located excerpts, in text order, or null for one without a place (orphaned). */
  position: { index: number; count: number } | null;
  /** Said when a step found no excerpt further: "No more excerpts after this one." */
  note: string | null;
  focus: number | null;
}

/** Where the caret (or the selection's start) is, when it is inside `content`. */
function caretIn(content: Element): Caret | null {
  const selection = window.getSelection();
  if (!selection?.rangeCount) return null;
  const range = selection.getRangeAt(0);
  return content.contains(range.startContainer) ? { node: range.startContainer, offset: range.startOffset } : null;
}

const sameCaret = (a: Caret | null, b: Caret | null) => a?.node === b?.node && a?.offset === b?.offset;

/**
 * The excerpt shown beside the text, by a click on its highlight or by Next / Previous excerpt (Alt+Down, Alt+Up),
 * which step in text order from the caret, or from the excerpt shown last when the caret has not moved since. A step
 * scrolls to the excerpt (on a PDF, to its page first), draws it as the current one, moves the focus into the side
 * panel and says where it is in `announcement`, for a live region.
 */
export function useExcerptSteps({
  content,
  view,
  document,
  excerpts,
  placement,
  showCurrent,
  revealPage,
}: {
  content: HTMLElement | null;
  view: TextView | null;
  document: Pick<CaseDocument, 'id' | 'text' | 'pages'>;
  excerpts: readonly Excerpt[];
  /** From the highlights: where the excerpts are placed now, and drawing the current one. */
  placement(): Placed | null;
  showCurrent(current: CurrentExcerpt | null): boolean;
  /** Brings a page of a PDF or a scan into view, so that its text is drawn. */
  revealPage(page: number): void;
}) {
  const ordered = useMemo(() => inTextOrder(excerpts), [excerpts]);
  const [shown, setShown] = useState<{ id: string; note: string | null; focus: number | null } | null>(null);
  // Alternates a trailing space so the same words said twice (the end, reached again) are announced again.
  const [announcement, setAnnouncement] = useState({ text: '', again: false });
  const focusCount = useRef(0);
  /** The excerpt shown last, with the caret as it was then: stepping goes on from it until the caret moves. */
  const last = useRef<{ documentId: string; id: string; offset: number; caret: Caret | null } | null>(null);

  const show = useCallback(
    (excerpt: Excerpt, how: { reveal: boolean; focus: boolean }) => {
      setShown({ id: excerpt.id, note: null, focus: how.focus ? ++focusCount.current : null });
      if (!excerpt.anchor) return;
      last.current = { documentId: document.id, id: excerpt.id, offset: excerpt.anchor.start, caret: content ? caretIn(content) : null };
      const onScreen = showCurrent({ id: excerpt.id, reveal: how.reveal });
      // On a PDF its page may not be drawn yet: brought into view, it is drawn, and the highlight scrolled to.
      const page = excerpt.anchor.page ?? pageAt(document.pages, excerpt.anchor.start);
      if (!onScreen && how.reveal && view === 'pages' && page !== null) revealPage(page);
    },
    [content, showCurrent, document.id, document.pages, view, revealPage],
  );

  /** The caret as a place to step from, by the excerpts drawn around it (or, with none drawn, by its page or share). */
  const fromCaret = useCallback(
    (caret: Caret): StepFrom | null => {
      const placed = placement();
      const offset = placed?.layout.offsetOf(caret.node, caret.offset) ?? null;
      if (!placed || offset === null) return null;
      const near = stepFromCaret(placed.excerpts, offset);
      if (near) return near;
      if (view === 'plain') return { offset };
      const element = caret.node instanceof Element ? caret.node : caret.node.parentElement;
      const page = Number(element?.closest<HTMLElement>('[data-page]')?.dataset.page);
      const span = page ? document.pages?.find((candidate) => candidate.page === page) : undefined;
      if (span) return { offset: span.start };
      return { offset: Math.round((offset * document.text.length) / Math.max(1, placed.layout.text.length)) };
    },
    [placement, view, document],
  );

  const step = useCallback(
    (direction: StepDirection) => {
      if (!content) return;
      const caret = caretIn(content);
      const previous = last.current?.documentId === document.id ? last.current : null;
      const from = caret && !sameCaret(caret, previous?.caret ?? null) ? fromCaret(caret) : previous ? { offset: previous.offset, excerptId: previous.id } : null;
      const found = stepExcerpt(ordered, from, direction);
      const text = describeStep(found, direction, from?.excerptId !== undefined);
      if (found) {
        show(found.excerpt, { reveal: true, focus: true });
        setAnnouncement((said) => ({ text, again: !said.again }));
      } else if (shown) {
        setShown({ ...shown, note: text });
        setAnnouncement((said) => ({ text, again: !said.again }));
      } else {
        // No panel to say it in: a notice says it, and is announced.
        notify('info', text);
      }
    },
    [content, document.id, ordered, fromCaret, show, shown],
  );

  const close = useCallback(() => {
    setShown(null);
    showCurrent(null);
  }, [showCurrent]);

  useCommandTarget('stepExcerpt', view && ordered.length ? step : null);

  const excerpt = shown ? excerpts.find((candidate) => candidate.id === shown.id) : undefined;
  const index = excerpt ? ordered.findIndex((candidate) => candidate.id === excerpt.id) : -1;
  const current: ShownExcerpt | null =
    shown && excerpt
      ? { excerpt, position: index >= 0 ? { index: index + 1, count: ordered.length } : null, note: shown.note, focus: shown.focus }
      : null;

  return {
    /** The excerpt in the side panel, or null. */
    shown: current,
    /** Shows an excerpt as a click on its highlight does: beside the text, where it already is. */
    showClicked: useCallback((excerpt: Excerpt) => show(excerpt, { reveal: false, focus: false }), [show]),
    step,
    /** Whether there is any excerpt to step to in the view shown. */
    canStep: view !== null && ordered.length > 0,
    close,
    announcement: announcement.text + (announcement.again ? '\u00a0' : ''),
  };
}
