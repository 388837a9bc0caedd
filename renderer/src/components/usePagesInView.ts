import { useEffect, useState, type RefObject } from 'react';

/**
 * The numbers of the pages (elements with `data-page="N"`) inside `container` that are in view or within a screen of
 * it, kept as they scroll: a long PDF draws only those. Starts with `initial` (the first page, drawn at once) and
 * watches once `ready` (the pages are on the page); `rootOf` gives the element that scrolls them.
 */
export function usePagesInView(
  container: RefObject<HTMLElement | null>,
  ready: boolean,
  rootOf: (element: HTMLElement) => Element | null,
  initial: readonly number[] = [],
): ReadonlySet<number> {
  const [visible, setVisible] = useState<ReadonlySet<number>>(() => new Set(initial));
  useEffect(() => {
    const element = container.current;
    if (!element || !ready) return;
    const observer = new IntersectionObserver(
      (entries) =>
        setVisible((previous) => {
          const next = new Set(previous);
          for (const entry of entries) {
            const page = Number((entry.target as HTMLElement).dataset.page);
            if (entry.isIntersecting) next.add(page);
            else next.delete(page);
          }
          return next;
        }),
      // A screen above and below is drawn ahead, so scrolling rarely shows a blank page.
      { root: rootOf(element), rootMargin: '100% 0px' },
    );
    element.querySelectorAll('[data-page]').forEach((page) => observer.observe(page));
    return () => observer.disconnect();
    // `rootOf` is read once the pages are there; a new function each render must not start the watch again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [container, ready]);
  return visible;
}
