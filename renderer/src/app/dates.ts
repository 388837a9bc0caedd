import type { DatesClient } from '../dates/client';

let client: Promise<DatesClient> | null = null;

/**
 * The dates worker's client, started on first use and kept for the session: chrono-node's parsers are built once per
 * language in the worker, and the next question should not wait for them again.
 */
export function datesClient(): Promise<DatesClient> {
  client ??= import('../dates/client').then(({ DatesClient }) => new DatesClient());
  return client;
}
