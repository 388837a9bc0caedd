import { useCallback, useEffect, useRef } from 'react';
import type { CaseDocument, Excerpt } from '../../../../../shared/domain';
import { excerptsAt, placeExcerpts, type PlacedExcerpt, type TextView } from './excerptMarks';
import { ensureHighlightStyle, highlightNameOf, OVERLAP_HIGHLIGHT, type ColourOf } from './highlightColours';
import { setHighlight } from './domText';
import type { TextSpan } from './find';
import { scrollParentOf, scrollRangeIntoView, useRedrawOnScroll } from './scrolling';
import { layoutOf, spanOnScreen, type TextLayout } from './textLayout';

/** Up to this many excerpts, every highlight is drawn; beyond, only those on screen and a screen either side. */
export const DRAW_ALL_UP_TO = 300;

/** The excerpt shown in the side panel, drawn over the others with a focus style (styled in workspace.css). */
export const CURRENT_HIGHLIGHT = 'casebook-current-excerpt';

/** Where the excerpts are in the reader's text as laid out now: placed once per change of the text, not per use. */
export interface Placed {
  layout: TextLayout;
  excerpts: PlacedExcerpt[];
}

/** The excerpt to draw as the current one; `reveal` scrolls it into view once, as soon as its place is drawn. */
export interface CurrentExcerpt {
  id: string;
  reveal: boolean;
}

/** Where two spans overlap, for the overlap highlight: a sweep over the spans sorted by start. */
export function overlapsOf(spans: readonly TextSpan[]): TextSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const overlaps: TextSpan[] = [];
  let reach: TextSpan | null = null;
  for (const span of sorted) {
    if (reach && span.start < reach.end) overlaps.push({ start: span.start, end: Math.min(span.end, reach.end) });
    if (!reach || span.end > reach.end) reach = span;
  }
  return overlaps;
}

/** The caret position under a point, in whichever API the browser offers. */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

const contains = (rect: DOMRect, x: number, y: number) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;

/**
 * Draws the document's excerpts in the reader with the CSS Custom Highlight API, one highlight per colour, exactly
 * where each was made. Only the excerpts on screen (and a screen either side) get DOM ranges, updated as the reader
 * scrolls, so a document with thousands of excerpts stays smooth. Returns what is under a point, for hover and click.
 */
export function useExcerptHighlights(options: {
  content: HTMLElement | null;
  view: TextView | null;
  document: Pick<CaseDocument, 'text' | 'pages'>;
  excerpts: readonly Excerpt[];
  version: number;
  colourOf: ColourOf;
}) {
  const { content, view, document, excerpts, version, colourOf } = options;
  const placed = useRef<Placed | null>(null);
  /** One Highlight per name, registered once and then changed range by range as the reader scrolls. */
  const registered = useRef(new Map<string, Highlight>());
  /** The excerpts drawn now, with their range and the highlight holding it. */
  const drawn = useRef(new Map<PlacedExcerpt, { range: Range; name: string }>());
  const shown = useRef<TextSpan | null>(null);
  const current = useRef<CurrentExcerpt | null>(null);
  /** The request whose excerpt was scrolled into view: a new request (even for the same excerpt) scrolls again. */
  const revealed = useRef<CurrentExcerpt | null>(null);

  /** Draws the current excerpt where it is placed now (one range); returns whether it has a place. */
  const drawCurrent = useCallback((): boolean => {
    const wanted = current.current;
    const at = placed.current;
    const place = wanted && at ? at.excerpts.find(({ excerpt }) => excerpt.id === wanted.id) : undefined;
    const range = place && at ? at.layout.rangeOf(place.span) : null;
    setHighlight(CURRENT_HIGHLIGHT, range ? [range] : [], 1);
    if (range && wanted?.reveal && revealed.current !== wanted) {
      revealed.current = wanted;
      scrollRangeIntoView(range);
    }
    return range !== null;
  }, []);

  const clear = useCallback(() => {
    for (const name of registered.current.keys()) CSS.highlights.delete(name);
    registered.current.clear();
    drawn.current.clear();
    shown.current = null;
    setHighlight(CURRENT_HIGHLIGHT, []);
  }, []);

  const highlightNamed = (name: string): Highlight => {
    let highlight = registered.current.get(name);
    if (!highlight) {
      highlight = new Highlight();
      registered.current.set(name, highlight);
      CSS.highlights.set(name, highlight);
    }
    return highlight;
  };

  const draw = useCallback(
    (force: boolean) => {
      const current = placed.current;
      if (!current || !content || typeof Highlight === 'undefined') return;
      if (force) {
        for (const highlight of registered.current.values()) highlight.clear();
        drawn.current.clear();
      }
      const scroller = scrollParentOf(content);
      const area = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
      const height = area.bottom - area.top;
      // A few hundred ranges cost less than measuring what is on screen at each scroll: draw them all.
      const onScreen =
        current.excerpts.length <= DRAW_ALL_UP_TO
          ? { start: 0, end: current.layout.text.length }
          : spanOnScreen(current.layout, area.top - height, area.bottom + height);
      if (!force && onScreen?.start === shown.current?.start && onScreen?.end === shown.current?.end) return;
      shown.current = onScreen;
      const wanted = new Set(
        onScreen ? current.excerpts.filter(({ span }) => span.end > onScreen.start && span.start < onScreen.end) : [],
      );
      // Only the excerpts that came on screen or left it change: the others keep their ranges.
      let changed = force;
      for (const [excerpt, { range, name }] of drawn.current) {
        if (wanted.has(excerpt)) continue;
        registered.current.get(name)?.delete(range);
        drawn.current.delete(excerpt);
        changed = true;
      }
      for (const excerpt of wanted) {
        if (drawn.current.has(excerpt)) continue;
        const range = current.layout.rangeOf(excerpt.span);
        if (!range) continue;
        const colour = colourOf(excerpt.excerpt);
        ensureHighlightStyle(colour);
        const name = highlightNameOf(colour);
        highlightNamed(name).add(range);
        drawn.current.set(excerpt, { range, name });
        changed = true;
      }
      if (!changed) return;
      const overlaps = overlapsOf([...drawn.current.keys()].map(({ span }) => span));
      const overlap = registered.current.get(OVERLAP_HIGHLIGHT);
      overlap?.clear();
      if (overlaps.length) {
        const highlight = overlap ?? highlightNamed(OVERLAP_HIGHLIGHT);
        for (const span of overlaps) {
          const range = current.layout.rangeOf(span);
          if (range) highlight.add(range);
        }
      }
    },
    [content, colourOf],
  );

  useEffect(() => {
    if (!content || !view) {
      placed.current = null;
      clear();
      return;
    }
    const frame = requestAnimationFrame(() => {
      const layout = layoutOf(content, view, document.text);
      placed.current = { layout, excerpts: placeExcerpts(content, layout, view, document, excerpts) };
      draw(true);
      drawCurrent();
    });
    return () => cancelAnimationFrame(frame);
  }, [content, view, document, excerpts, version, draw, drawCurrent, clear]);

  // Scrolling brings other excerpts on screen: at most one update a frame, and none while the span shown is the same.
  useRedrawOnScroll(content, draw);

  useEffect(() => clear, [clear]);

  /** The excerpts drawn under a point (client coordinates), innermost first. */
  const excerptsUnder = useCallback((x: number, y: number): Excerpt[] => {
    const current = placed.current;
    const caret = current ? caretAt(x, y) : null;
    if (!current || !caret) return [];
    const offset = current.layout.offsetOf(caret.node, caret.offset);
    if (offset === null) return [];
    // The caret falls between characters: the one under the pointer is on either side of it.
    const near = new Map([...excerptsAt(current.excerpts, offset), ...excerptsAt(current.excerpts, offset - 1)].map((hit) => [hit.excerpt.id, hit]));
    return [...near.values()]
      .filter(({ span }) => {
        const range = current.layout.rangeOf(span);
        return range ? Array.from(range.getClientRects()).some((rect) => contains(rect, x, y)) : false;
      })
      .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))
      .map(({ excerpt }) => excerpt);
  }, []);

  /** Where the excerpts are placed now, or null before the text is laid out. */
  const placement = useCallback((): Placed | null => placed.current, []);

  /**
   * Draws an excerpt as the current one (null: none), scrolling it into view if asked; returns whether it has a place
   * on screen now. One without (on a page not drawn yet) is drawn, and revealed, when its place is.
   */
  const showCurrent = useCallback(
    (excerpt: CurrentExcerpt | null): boolean => {
      current.current = excerpt;
      return drawCurrent();
    },
    [drawCurrent],
  );

  return { excerptsUnder, placement, showCurrent };
}
