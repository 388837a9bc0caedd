import { useCallback, useState } from 'react';
import { notify } from './notices';

/** `load`, run once: every later call gets the same promise (and so the module the browser already has). */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () => (loaded ??= load());
}

/**
 * A component that something opens (a key, a button) and that is fetched then rather than at start: the palette,
 * the case form. `open(show)` loads it and calls `show` once it is here, so it appears whole, with its focus and
 * its first keys, rather than as a "Loading…" status that would swallow what is typed. The component is null until
 * the first opening; if it cannot be fetched, a notice says so.
 */
export function useOnDemand<C>(load: () => Promise<C>, what: string): [component: C | null, open: (show: () => void) => void] {
  const [component, setComponent] = useState<C | null>(null);
  const open = useCallback(
    (show: () => void) => {
      load().then(
        (loaded) => {
          // A function would be taken as an updater: the component is wrapped in one.
          setComponent(() => loaded);
          show();
        },
        () => notify('error', `Casebook could not load ${what}. Reload the window to try again; nothing you saved is lost.`),
      );
    },
    [load, what],
  );
  return [component, open];
}
