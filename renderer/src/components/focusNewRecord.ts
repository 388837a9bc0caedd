/** Navigation state saying the page shows a record just created, whose heading should take the focus. */
export const JUST_CREATED = { justCreated: true } as const;

export const isJustCreated = (state: unknown): boolean =>
  typeof state === 'object' && state !== null && (state as { justCreated?: unknown }).justCreated === true;

/**
 * Moves the focus to the first heading that appears in `container` (a record's view loads after the navigation that
 * shows it), so a keyboard or screen-reader user lands on what they have just created. The heading takes the focus
 * only from nowhere or from inside `container`, where the record was made: saving can take a while, and a researcher
 * who has meanwhile turned to the search box, say, keeps the focus there rather than losing it (and the search box its
 * results) to the heading. Gives up after `timeout` ms, or once the focus is elsewhere; returns the function that
 * stops waiting.
 */
export function focusHeadingWhenShown(container: HTMLElement, selector = 'h1, h2', timeout = 3000): () => void {
  /** True once done: the heading has the focus, or the focus is the researcher's elsewhere. */
  const settle = () => {
    const active = document.activeElement;
    if (active && active !== document.body && !container.contains(active)) return true;
    const heading = container.querySelector<HTMLElement>(selector);
    if (!heading || heading.closest('form')) return false;
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus();
    return true;
  };
  if (settle()) return () => {};
  const observer = new MutationObserver(() => {
    if (settle()) stop();
  });
  const timer = window.setTimeout(() => stop(), timeout);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(container, { childList: true, subtree: true });
  return stop;
}
