import type { ReactNode } from 'react';
import type { FoundDate } from '../../dates/types';

/** A quote with the words that name dates marked, each titled with what it was read as. */
export function MarkedQuote({ quote, dates }: { quote: string; dates: readonly FoundDate[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const date of [...dates].sort((a, b) => a.span.start - b.span.start)) {
    if (date.span.start < at) continue;
    parts.push(quote.slice(at, date.span.start));
    parts.push(
      <mark key={date.span.start} className="conflict-date-words" title={date.how}>
        {quote.slice(date.span.start, date.span.end)}
      </mark>,
    );
    at = date.span.end;
  }
  parts.push(quote.slice(at));
  return <blockquote className="conflict-quote">“{parts}”</blockquote>;
}
