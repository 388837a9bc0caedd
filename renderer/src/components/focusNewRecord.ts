/** Navigation state saying the page shows a record just created, whose heading should take the focus. */
export const JUST_CREATED = { justCreated: true } as const;

export const isJustCreated = (state: unknown): boolean =>
  typeof state === 'object' && state !== null && (state as { justCreated?: unknown }).justCreated === true;

/**
 * Moves the focus to the first heading that appears in `container` (a record's view loads after the navigation that
 * shows it), so a keyboard or screen-reader user lands on what they have just created. Gives up after `timeout` ms;
 * returns the function that stops waiting.
 */
export function focusHeadingWhenShown(container: HTMLElement, selector = 'h1, h2', timeout = 3000): () => void {
  const tryFocus = () => {
    const heading = container.querySelector<HTMLElement>(selector);
    if (!heading || heading.closest('form')) return false;
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus();
    return true;
  };
  if (tryFocus()) return () => {};
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = window.setTimeout(() => stop(), timeout);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(container, { childList: true, subtree: true });
  return stop;
}
