import { useEffect, useRef } from 'react';
import type { CaseDocument, Excerpt } from '../../../../../shared/domain';
import { setHighlight } from './domText';
import { placeExcerpts, type TextView } from './excerptMarks';
import { layoutOf } from './textLayout';
import { scrollRangeIntoView } from './scrolling';

const TARGET_HIGHLIGHT = 'casebook-excerpt-target';

/**
 * "Go to source" (`?excerpt=<id>`): once the excerpt's passage is on screen in the view shown (a PDF's page may still
 * be drawing its text), scrolls it to the middle and marks it apart from the other excerpts. Scrolls once per
 * excerpt asked for, so reading on is not pulled back each time the page changes.
 */
export function useScrollToExcerpt(
  content: HTMLElement | null,
  view: TextView | null,
  document: Pick<CaseDocument, 'text' | 'pages'>,
  excerpts: readonly Excerpt[],
  excerptId: string | null,
  contentVersion: number,
): void {
  const reached = useRef<string | null>(null);
  useEffect(() => {
    const excerpt = excerptId ? excerpts.find((candidate) => candidate.id === excerptId) : undefined;
    if (!content || !view || !excerpt) return;
    const frame = requestAnimationFrame(() => {
      const layout = layoutOf(content, view, document.text);
      const [placed] = placeExcerpts(content, layout, view, document, [excerpt]);
      const range = placed ? layout.rangeOf(placed.span) : null;
      if (!range) return;
      setHighlight(TARGET_HIGHLIGHT, [range]);
      if (reached.current === excerpt.id) return;
      reached.current = excerpt.id;
      scrollRangeIntoView(range);
    });
    return () => cancelAnimationFrame(frame);
  }, [content, view, document, excerpts, excerptId, contentVersion]);
  useEffect(() => () => setHighlight(TARGET_HIGHLIGHT, []), []);
}
