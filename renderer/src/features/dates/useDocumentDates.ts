import { useEffect, useState } from 'react';
import type { CaseDocument } from '../../../../shared/domain';
import { parsePartialDate } from '../../../../shared/partialDate';
import { datesClient } from '../../app/dates';
import type { FoundDate } from '../../dates';

/** The dates found in a document's text once the worker has read it, or why it could not. */
export type DocumentDatesState = { status: 'reading' } | { status: 'ready'; dates: FoundDate[]; workerMs: number } | { status: 'failed'; message: string };

export type DatedDocument = Pick<CaseDocument, 'id' | 'text' | 'textVersion' | 'language' | 'publishedAt'>;

/** What a document's dates are resolved by: its language and its published date (null when it has none). */
export const datesOptionsOf = (document: Pick<CaseDocument, 'language' | 'publishedAt'>) => ({
  language: document.language,
  reference: document.publishedAt ? parsePartialDate(document.publishedAt) : null,
});

/**
 * Reads a document's text for dates in the dates worker, again when its text, language or published date changes, or
 * when `attempt` changes (Try again).
 */
export function useDocumentDates(document: DatedDocument, attempt: number): DocumentDatesState {
  const request = JSON.stringify([document.id, document.textVersion, document.language, document.publishedAt, attempt]);
  const [answered, setAnswered] = useState<{ request: string; state: DocumentDatesState } | null>(null);
  const { text } = document;
  const options = datesOptionsOf(document);
  useEffect(() => {
    let current = true;
    datesClient()
      .then((client) => client.findDates(text, options))
      .then(
        (answer) => current && setAnswered({ request, state: { status: 'ready', ...answer } }),
        (error: unknown) => current && setAnswered({ request, state: { status: 'failed', message: error instanceof Error ? error.message : String(error) } }),
      );
    return () => {
      current = false;
    };
    // What is read is named by the request: the text changes with its version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);
  return answered?.request === request ? answered.state : { status: 'reading' };
}
