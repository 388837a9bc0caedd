import { useEffect, useMemo, useRef, useState } from 'react';
import type { PageSpan } from '../../../../../shared/domain';
import { indexDomText, setHighlight } from './domText';
import { MAX_MATCHES, findMatches, foldText, type TextSpan } from './find';
import { scrollRangeIntoView } from './scrolling';

/** Highlight names, styled in styles.css with `::highlight(...)`. */
export const FIND_HIGHLIGHT = 'casebook-find';
export const CURRENT_HIGHLIGHT = 'casebook-find-current';

/**
 * Where find looks. `rendered`: the text on screen (paragraphs, HTML). `pages`: a PDF's pages, drawn only near the
 * view, so matches are counted in the extracted text and highlighted on the pages that are drawn.
 */
export type FindSource =
  | { kind: 'rendered' }
  | { kind: 'pages'; text: string; pages: readonly PageSpan[]; reveal: (page: number) => void; fromPage: number | null };

export interface FindResult {
  count: number;
  /** Index of the current match, -1 when there is none. */
  current: number;
  /** True when the count stopped at the limit. */
  capped: boolean;
  next: () => void;
  previous: () => void;
}

const pageOf = (pages: readonly PageSpan[], offset: number): number =>
  pages.find((page) => offset < page.end)?.page ?? pages.at(-1)?.page ?? 1;

/** Increments whenever the text inside `container` changes (a page's text layer drawn, a document cleaned up). */
export function useContentVersion(container: HTMLElement | null): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!container) return;
    let frame = 0;
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setVersion((value) => value + 1));
    });
    observer.observe(container, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [container]);
  return version;
}

function domMatches(root: Element, query: string): Range[] {
  const text = indexDomText(root);
  return findMatches(foldText(text.text), query)
    .map((match) => text.rangeOf(match))
    .filter((range): range is Range => range !== null);
}

/**
 * Finds `query` in the document on screen: counts matches, highlights them all and the current one apart, and
 * scrolls the current one into view when it changes. An empty query clears the highlights.
 */
export function useFind(container: HTMLElement | null, query: string, source: FindSource, version: number): FindResult {
  const [rendered, setRendered] = useState<Range[]>([]);
  const [chosen, setChosen] = useState(0);
  // Each navigation asks for one scroll; the effects remember which request they have served.
  const [scrollRequest, setScrollRequest] = useState(0);
  const scrolled = useRef(-1);
  const revealed = useRef(-1);

  const pagedText = source.kind === 'pages' ? source.text : null;
  const pagedSpans = source.kind === 'pages' ? source.pages : null;
  const folded = useMemo(() => (pagedText === null ? null : foldText(pagedText)), [pagedText]);
  const paged = useMemo(
    () =>
      folded && pagedSpans && query.trim()
        ? findMatches(folded, query).map((span: TextSpan) => ({ ...span, page: pageOf(pagedSpans, span.start) }))
        : [],
    [folded, pagedSpans, query],
  );

  // A new query starts again from the first match (on a PDF, the first on or after the page asked for). The query a
  // document opens with (`?q=`) is new too, or a search result would open at the first match instead of its page.
  const fromPage = source.kind === 'pages' ? source.fromPage : null;
  const [lastQuery, setLastQuery] = useState('');
  if (query !== lastQuery) {
    setLastQuery(query);
    setChosen(fromPage ? Math.max(0, paged.findIndex((match) => match.page >= fromPage)) : 0);
    setScrollRequest((request) => request + 1);
  }

  const kind = source.kind;
  useEffect(() => {
    if (!container || kind !== 'rendered') return;
    const frame = requestAnimationFrame(() => setRendered(query.trim() ? domMatches(container, query) : []));
    return () => cancelAnimationFrame(frame);
  }, [container, query, kind, version]);

  const count = kind === 'pages' ? paged.length : rendered.length;
  // `chosen` may run ahead of the count (Enter pressed before the matches of a new query are in): it wraps here.
  const current = count ? ((chosen % count) + count) % count : -1;
  const reveal = source.kind === 'pages' ? source.reveal : null;

  useEffect(() => {
    if (!container) return;
    if (kind === 'rendered') {
      const range = rendered[current];
      setHighlight(FIND_HIGHLIGHT, rendered);
      setHighlight(CURRENT_HIGHLIGHT, range ? [range] : []);
      if (range && scrolled.current !== scrollRequest) {
        scrollRangeIntoView(range);
        scrolled.current = scrollRequest;
      }
      return;
    }
    const match = paged[current];
    if (match && reveal && revealed.current !== scrollRequest) {
      reveal(match.page);
      revealed.current = scrollRequest;
    }
    // Only drawn pages have a text layer to highlight in; drawing one changes `version` and brings us back here.
    const frame = requestAnimationFrame(() => {
      const all: Range[] = [];
      let currentRange: Range | null = null;
      if (query.trim())
        for (const layer of container.querySelectorAll<HTMLElement>('.textLayer[data-rendered]')) {
          const page = Number(layer.closest<HTMLElement>('[data-page]')?.dataset.page);
          const ranges = domMatches(layer, query);
          all.push(...ranges);
          if (match && page === match.page) {
            const firstOnPage = paged.findIndex((candidate) => candidate.page === page);
            currentRange = ranges[Math.min(current - firstOnPage, ranges.length - 1)] ?? null;
          }
        }
      setHighlight(FIND_HIGHLIGHT, all);
      setHighlight(CURRENT_HIGHLIGHT, currentRange ? [currentRange] : []);
      if (currentRange && scrolled.current !== scrollRequest) {
        scrollRangeIntoView(currentRange);
        scrolled.current = scrollRequest;
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [container, kind, rendered, paged, current, query, reveal, scrollRequest, version]);

  useEffect(
    () => () => {
      setHighlight(FIND_HIGHLIGHT, []);
      setHighlight(CURRENT_HIGHLIGHT, []);
    },
    [],
  );

  const step = (by: number) => {
    setChosen((count ? current : chosen) + by);
    setScrollRequest((request) => request + 1);
  };
  return {
    count,
    current,
    capped: count >= MAX_MATCHES,
    next: () => step(1),
    previous: () => step(-1),
  };
}
