/** Long work (building, loading, saving an index) runs in slices of about this long between yields. */
export const SLICE_MS = 12;

/** Lets input and rendering run before the work goes on: `scheduler.yield()` where there is one, else a task. */
export function yieldToEventLoop(): Promise<void> {
  if (typeof scheduler !== 'undefined' && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A clock for one slice of work: `due()` says when to yield. */
export function slice(ms = SLICE_MS): { due: () => boolean; next: () => Promise<void> } {
  let started = performance.now();
  return {
    due: () => performance.now() - started >= ms,
    next: async () => {
      await yieldToEventLoop();
      started = performance.now();
    },
  };
}

/**
 * Waits until the browser is idle (at most `timeout` ms), so a case's first screens load before index work starts.
 * Resolves at once where there is no idle callback (Node, in the tests).
 */
export function whenIdle(timeout = 1000): Promise<void> {
  if (typeof requestIdleCallback !== 'function') return Promise.resolve();
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout }));
}
