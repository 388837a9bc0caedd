/** The worker's side of the protocol, apart from the worker so the page can run it in tests, where there is none. */
import { findDates } from './find';
import type { DatesReply, DatesRequest } from './protocol';

/** A sentence that takes most of a parser's readings once, so their code is ready before the first document. */
const SAMPLE = 'On Tuesday, 9 March 2021, prosecutors said the inquiry began in July last year, between 15 September 2020 and 24 April 2021.';

/** Answers one request; an unexpected failure is answered with its message rather than thrown. */
export function answer(request: DatesRequest): DatesReply {
  const started = performance.now();
  try {
    if (request.type === 'prepare') {
      for (const language of request.languages) findDates(SAMPLE, { language, reference: { value: '2021-03-09', precision: 'day' } });
      return { id: request.id, ok: true, value: { workerMs: performance.now() - started } };
    }
    if (request.type === 'document') {
      const dates = findDates(request.text, request.options);
      return { id: request.id, ok: true, value: { dates, workerMs: performance.now() - started } };
    }
    const documents = request.documents.map(({ documentId, text, language, reference }) => ({ documentId, dates: findDates(text, { language, reference }) }));
    return { id: request.id, ok: true, value: { documents, workerMs: performance.now() - started } };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { id: request.id, ok: false, message: `Casebook could not read the text for dates (${detail.slice(0, 200)}). Try again; if it fails again, the text may be too unusual for the date finder.` };
  }
}
