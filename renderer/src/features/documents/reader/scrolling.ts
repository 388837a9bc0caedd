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
