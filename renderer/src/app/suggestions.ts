import type { SuggestionsClient } from '../suggestions/client';

let client: Promise<SuggestionsClient> | null = null;
let prepared = false;

/**
 * The suggestions worker's client, started on first use and kept for the session: compromise, which the worker loads
 * for English, takes a while to get ready, and the second document should not wait for it again.
 */
export function suggestionsClient(): Promise<SuggestionsClient> {
  client ??= import('../suggestions/client').then(({ SuggestionsClient }) => new SuggestionsClient());
  return client;
}

/** Gets the worker ready ahead (when the researcher is about to ask for suggestions); a failure is told when they ask. */
export function prepareSuggestions(): void {
  if (prepared) return;
  prepared = true;
  void suggestionsClient()
    .then((ready) => ready.prepare())
    .catch(() => undefined);
}
