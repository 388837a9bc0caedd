import { useEffect, useMemo, useState } from 'react';
import { parsePartialDate } from '../../../../shared/partialDate';
import { datesClient } from '../../app/dates';
import type { EvidenceQuote } from '../../db/queries/conflicts';
import type { FoundDate } from '../../dates/types';

/** The dates found in evidence quotes, or why they could not be. */
export type EvidenceDatesState =
  | { status: 'reading' }
  | { status: 'ready'; dates: ReadonlyMap<string, readonly FoundDate[]> }
  | { status: 'failed'; message: string; retry(): void };

/** A quote's dates depend on its words and on what they are read against, nothing else. */
const readingKey = (quote: EvidenceQuote) => `${quote.language ?? ''}\u0000${quote.publishedAt ?? ''}\u0000${quote.quote}`;

/** Quotes already read this session: an edit elsewhere in the case re-checks without reading them again. */
const read = new Map<string, FoundDate[]>();

/**
 * The dates each quote names, found in the dates worker (off the main thread), each resolved against its document's
 * published date and read in its language. Only quotes not read before are sent.
 */
export function useEvidenceDates(quotes: readonly EvidenceQuote[] | undefined): EvidenceDatesState {
  // What this view knows of the session's readings: a new map each time more are read.
  const [known, setKnown] = useState<ReadonlyMap<string, FoundDate[]>>(() => new Map(read));
  const unread = useMemo(() => (quotes ?? []).filter((quote) => !known.has(readingKey(quote))), [quotes, known]);
  const [failure, setFailure] = useState<{ keys: string; message: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const keys = unread.map(readingKey).join('\u0001');
  const dates = useMemo(
    () => (quotes && !unread.length ? new Map(quotes.map((quote) => [quote.id, known.get(readingKey(quote))!])) : null),
    [quotes, unread, known],
  );

  useEffect(() => {
    if (!unread.length) return;
    let current = true;
    const byKey = new Map(unread.map((quote) => [readingKey(quote), quote]));
    datesClient()
      .then((client) =>
        client.findDatesInBatch(
          [...byKey].map(([key, quote]) => ({
            documentId: key,
            text: quote.quote,
            language: quote.language,
            reference: quote.publishedAt ? parsePartialDate(quote.publishedAt) : null,
          })),
        ),
      )
      .then(
        ({ documents }) => {
          for (const { documentId, dates } of documents) read.set(documentId, dates);
          if (current) setKnown(new Map(read));
        },
        (error: unknown) => {
          if (current) setFailure({ keys, message: error instanceof Error ? error.message : String(error) });
        },
      );
    return () => {
      current = false;
    };
    // `keys` names the quotes `unread` holds.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keys, attempt]);

  if (dates) return { status: 'ready', dates };
  if (failure && failure.keys === keys)
    return {
      status: 'failed',
      message: failure.message,
      retry: () => {
        setFailure(null);
        setAttempt((count) => count + 1);
      },
    };
  return { status: 'reading' };
}
