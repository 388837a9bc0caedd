/** The worker's side of the protocol, apart from the worker so the page can run it in tests, where there is none. */
import type { SuggestionsReply, SuggestionsRequest } from './protocol';
import { suggestEntities, suggestForBatch } from './suggest';

/** A few sentences that take every part of the engine once: compromise builds its lexicon on its first text. */
const SAMPLE =
  'Chief prosecutor Helena Marwick said on Tuesday that Banco Meridional had moved the money through Gibraltar. ' +
  '"Every container had a price," Marwick told reporters in Lisbon.\nADVERTISEMENT\nPolice in Belgium and the Netherlands arrested 48 people.';

/** Answers one request; an unexpected failure is answered with its message rather than thrown. */
export function answer(request: SuggestionsRequest): SuggestionsReply {
  const started = performance.now();
  try {
    if (request.type === 'prepare') {
      suggestEntities(SAMPLE, { language: 'en', knownEntities: [], dismissed: [] });
      return { id: request.id, ok: true, value: { workerMs: performance.now() - started } };
    }
    const suggestions = request.type === 'document' ? suggestEntities(request.text, request.options) : suggestForBatch(request.documents, request.options);
    return { id: request.id, ok: true, value: { suggestions, workerMs: performance.now() - started } } as SuggestionsReply;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { id: request.id, ok: false, message: `Casebook could not read the text for names (${detail.slice(0, 200)}). Try again; if it fails again, the text may be too unusual for the suggestions.` };
  }
}
