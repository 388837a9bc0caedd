/**
 * The words around a mention, for the entity page and the watchlist's export: a few dozen characters either side,
 * cut at a space so no word is broken, white space made single, on one line.
 */
import type { PageSpan } from '../../../shared/domain';
import type { MentionSnippet } from './protocol';

/** Characters kept either side of the mention, about. */
export const SNIPPET_CONTEXT = 60;

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

export function snippetOf(text: string, start: number, end: number, pages: readonly PageSpan[] | null = null, context = SNIPPET_CONTEXT): MentionSnippet {
  let from = Math.max(0, start - context);
  let to = Math.min(text.length, end + context);
  // Cut at the first space after `from` and the last before `to`, unless the text starts or ends there.
  if (from > 0) {
    const space = text.slice(from, start).search(/\s/);
    from = space < 0 ? start : from + space + 1;
  }
  if (to < text.length) {
    const space = text.slice(end, to).search(/\s\S*$/);
    to = space < 0 ? end : end + space;
  }
  return {
    start,
    end,
    before: `${from > 0 ? '…' : ''}${oneLine(text.slice(from, start)).trimStart()}`,
    text: oneLine(text.slice(start, end)),
    after: `${oneLine(text.slice(end, to)).trimEnd()}${to < text.length ? '…' : ''}`,
    page: pages?.find((span) => start >= span.start && start < span.end)?.page ?? null,
  };
}

/** A snippet as one line of text: "…before mention after…". */
export const snippetLine = (snippet: MentionSnippet): string => `${snippet.before}${snippet.text}${snippet.after}`;
