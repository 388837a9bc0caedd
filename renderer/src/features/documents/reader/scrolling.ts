import { useEffect } from 'react';

/**
 * The nearest ancestor that scrolls (or may scroll, when `overflowing` is false), or null when the page itself does.
 */
export function scrollParentOf(element: Element, overflowing = false): Element | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if ((overflowY === 'auto' || overflowY === 'scroll') && (!overflowing || parent.scrollHeight > parent.clientHeight))
      return parent;
  }
  return null;
}

/** Scrolls so that a range of text sits in the middle of its scrolling area, as a browser's own find does. */
export function scrollRangeIntoView(range: Range) {
  const node = range.startContainer;
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!element) return;
  const scroller = scrollParentOf(element, true);
  const rect = range.getBoundingClientRect();
  if (!scroller) {
    element.scrollIntoView({ block: 'center' });
    return;
  }
  const area = scroller.getBoundingClientRect();
  scroller.scrollTop += rect.top - area.top - area.height / 2 + rect.height / 2;
}

/**
 * Calls `draw(false)` at most once a frame while the text's scrolling area scrolls or the window is resized: what is
 * drawn only near the screen (excerpt highlights, mention underlines) follows what comes into view.
 */
export function useRedrawOnScroll(content: Element | null, draw: (force: boolean) => void): void {
  useEffect(() => {
    if (!content) return;
    const target: EventTarget = scrollParentOf(content) ?? window;
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        draw(false);
      });
    };
    target.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      target.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [content, draw]);
}
