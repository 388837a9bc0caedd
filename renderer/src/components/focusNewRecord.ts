/** Navigation state saying the page shows a record just created, which should take the focus. */
export const JUST_CREATED = { justCreated: true } as const;

export const isJustCreated = (state: unknown): boolean =>
  typeof state === 'object' && state !== null && (state as { justCreated?: unknown }).justCreated === true;

/**
 * What takes the focus in the view of a record just created: its heading, or, for a record shown as the form that
 * edits it (a note), the form's first field (its title), where the writing continues.
 */
export type CreatedFocus = 'heading' | 'first field';

const FIND: Record<CreatedFocus, (container: HTMLElement) => HTMLElement | null> = {
  heading: (container) => {
    const heading = container.querySelector<HTMLElement>('h1, h2');
    if (!heading || heading.closest('form')) return null;
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    return heading;
  },
  'first field': (container) => container.querySelector('form')?.querySelector<HTMLElement>('input, textarea, select') ?? null,
};

/**
 * Moves the focus to the record's heading or first field once it appears in `container` (a record's view loads after
 * the navigation that shows it), so a keyboard or screen-reader user lands on what they have just created. It takes
 * the focus only from nowhere or from inside `container`, where the record was made: saving can take a while, and a
 * researcher who has meanwhile turned to the search box, say, keeps the focus there rather than losing it (and the
 * search box its results). Gives up after `timeout` ms, or once the focus is elsewhere; returns the function that
 * stops waiting.
 */
export function focusRecordWhenShown(container: HTMLElement, target: CreatedFocus = 'heading', timeout = 3000): () => void {
  /** True once done: the record has the focus, or the focus is the researcher's elsewhere. */
  const settle = () => {
    const active = document.activeElement;
    if (active && active !== document.body && !container.contains(active)) return true;
    const element = FIND[target](container);
    element?.focus();
    return Boolean(element);
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
