import type { DatesClient } from '../dates/client';

let client: Promise<DatesClient> | null = null;
let prepared = false;

/**
 * The dates worker's client, started on first use and kept for the session: chrono-node's parsers are built once per
 * language in the worker, and the next document should not wait for them again.
 */
export function datesClient(): Promise<DatesClient> {
  client ??= import('../dates/client').then(({ DatesClient }) => new DatesClient());
  return client;
}

/** Gets the worker ready ahead (the researcher is about to ask for dates); a failure is told when they ask. */
export function prepareDates(language: string | null = 'en'): void {
  if (prepared) return;
  prepared = true;
  void datesClient()
    .then((ready) => ready.prepare([language]))
    .catch(() => undefined);
}
