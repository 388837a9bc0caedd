import type { Excerpt, OcrLanguage } from '../../../shared/domain';
import type { RecognisedTextResult } from '../domain/recognisedText';
import { explainError } from '../domain/errors';
import { OcrCancelled } from './engine';
import { OCR_LANGUAGE_INFO } from './languages';
import type { OcrOptions, OcrProgress } from './recognise';

/** One document's recognition as the reader shows it: under way (with its progress), finished, or failed. */
export type OcrJob =
  | { documentId: string; language: OcrLanguage; state: 'running'; progress: OcrProgress }
  | { documentId: string; language: OcrLanguage; state: 'done'; message: string; orphaned: Excerpt[] }
  | { documentId: string; language: OcrLanguage; state: 'failed'; message: string };

export type RecogniseFn = (documentId: string, language: OcrLanguage, options: OcrOptions) => Promise<RecognisedTextResult>;

const pagesWord = (count: number) => `${count} ${count === 1 ? 'page' : 'pages'}`;

/** What the reader says once the text is stored (the excerpts it orphaned are listed beside it, each opening). */
export function doneMessage(result: RecognisedTextResult): string {
  const { document } = result;
  const pages = document.pages?.length ?? 1;
  const label = document.ocr ? OCR_LANGUAGE_INFO[document.ocr.language].label : '';
  return `Recognised the text of ${pagesWord(pages)} in ${label}.`;
}

/**
 * Recognitions under way, one per document at most, kept apart from any view: leaving the reader does not stop one,
 * and opening the document again shows how far it is. Views subscribe (useSyncExternalStore) and read `get`.
 */
export class OcrJobs {
  private readonly jobs = new Map<string, OcrJob>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly recognise: RecogniseFn) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (documentId: string): OcrJob | null => this.jobs.get(documentId) ?? null;

  private set(job: OcrJob | null, documentId: string) {
    if (job) this.jobs.set(documentId, job);
    else this.jobs.delete(documentId);
    for (const listener of this.listeners) listener();
  }

  /** Starts recognising a document's text in a language; does nothing while one is under way for it. */
  start(documentId: string, language: OcrLanguage): Promise<void> {
    if (this.controllers.has(documentId)) return Promise.resolve();
    const controller = new AbortController();
    this.controllers.set(documentId, controller);
    this.set({ documentId, language, state: 'running', progress: { page: 1, pages: 1, fraction: 0 } }, documentId);
    const onProgress = (progress: OcrProgress) => {
      if (!controller.signal.aborted) this.set({ documentId, language, state: 'running', progress }, documentId);
    };
    return this.recognise(documentId, language, { signal: controller.signal, onProgress })
      .then(
        (result) =>
          this.set({ documentId, language, state: 'done', message: doneMessage(result), orphaned: result.orphaned }, documentId),
        (error: unknown) => {
          if (controller.signal.aborted || error instanceof OcrCancelled) this.set(null, documentId);
          else this.set({ documentId, language, state: 'failed', message: explainError(error) }, documentId);
        },
      )
      .finally(() => this.controllers.delete(documentId));
  }

  /** Stops a recognition under way: nothing of it is stored, and the document stays as it was. */
  cancel(documentId: string): void {
    this.controllers.get(documentId)?.abort();
  }

  /** Forgets a finished or failed recognition's message. */
  dismiss(documentId: string): void {
    if (!this.controllers.has(documentId)) this.set(null, documentId);
  }
}
