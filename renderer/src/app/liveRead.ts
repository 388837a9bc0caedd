import { liveQuery } from 'dexie';

/**
 * Runs a read of `queries` as a live query outside React (where `useLiveQuery` cannot go: an editor's node views):
 * `onValue` hears the result, and again each time the tables it read change. Returns the function that stops it.
 */
export function watchRead<T>(read: () => Promise<T>, onValue: (value: T) => void): () => void {
  const subscription = liveQuery(read).subscribe({
    next: onValue,
    // A read that fails (the case deleted meanwhile) leaves what was shown; the next change tries again.
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
