import { useEffect, useRef, useState, type RefObject } from 'react';

/** The words selected inside the reader's text, with where they are on screen, or null. */
export interface ReaderSelection {
  range: Range;
  rect: DOMRect;
}

/** The current selection when it holds words inside `container`, else null. */
export function selectionIn(container: Element | null): ReaderSelection | null {
  const selection = window.getSelection();
  if (!container || !selection || selection.isCollapsed || !selection.rangeCount) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer) || !range.toString().trim()) return null;
  return { range, rect: range.getBoundingClientRect() };
}

/** Follows the selection inside `container` (and where it is on screen as the reader scrolls). */
export function useReaderSelection(container: Element | null): ReaderSelection | null {
  const [selection, setSelection] = useState<ReaderSelection | null>(null);
  useEffect(() => {
    if (!container) return;
    const update = () => setSelection(selectionIn(container));
    update();
    document.addEventListener('selectionchange', update);
    // Capture: the reader scrolls inside its own pane, whose scroll events do not bubble.
    window.addEventListener('scroll', update, { capture: true, passive: true });
    return () => {
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('scroll', update, { capture: true });
    };
  }, [container]);
  return selection;
}

/** A floating element's position beside a box on screen: below it, kept inside the window. */
export function placeBeside(rect: { left: number; bottom: number; top: number }, width = 320, height = 60): { left: number; top: number } {
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
  const below = rect.bottom + 8;
  const top = below + height > window.innerHeight ? Math.max(8, rect.top - height - 8) : below;
  return { left, top };
}

/**
 * Where a panel that opens at a selection goes: beside it, placed by its height as drawn rather than a guess (a
 * comment editor, chosen tags or an open list make it taller, and a fixed panel run off the bottom of the window hides
 * its buttons, since the page does not scroll to it).
 */
export function usePanelPlacement<E extends HTMLElement>(
  at: { left: number; top: number; bottom: number },
  width: number,
  firstHeight: number,
): { ref: RefObject<E | null>; style: { left: number; top: number } } {
  const ref = useRef<E>(null);
  const [height, setHeight] = useState(firstHeight);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.offsetHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, style: placeBeside(at, width, height) };
}
