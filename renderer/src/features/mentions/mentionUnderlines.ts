/**
 * Mentions underlined in the reader with the CSS Custom Highlight API: one highlight per entity type, styled with a
 * `text-decoration` underline in the type's colour (a rule generated here, since a case's own types have their own
 * colours). Only the mentions on screen and a screen either side get DOM ranges, drawn again as the reader scrolls;
 * the highlight API has no events, so what is under the pointer is found from the caret position there.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { Mention } from '../../mentions';
import type { TextSpan } from '../documents/reader/find';
import { scrollParentOf, scrollRangeIntoView, useRedrawOnScroll } from '../documents/reader/scrolling';
import { spanOnScreen, type TextLayout } from '../documents/reader/textLayout';
import { setHighlight } from '../documents/reader/domText';

/** Up to this many mentions, every underline is drawn; beyond, only those near the screen. */
const DRAW_ALL_UP_TO = 300;

/** The mention a link opened the reader at, drawn over the others (styled in mentions.css). */
export const CURRENT_MENTION = 'casebook-current-mention';

const PREFIX = 'casebook-mention-';
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The highlight name of a type: its id made safe for a CSS identifier. */
export const mentionHighlightName = (type: string) => `${PREFIX}${type.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`;

const styled = new Set<string>();
let sheet: HTMLStyleElement | null = null;

function ensureUnderlineStyle(name: string, colour: string): void {
  const key = `${name}${colour}`;
  if (styled.has(key)) return;
  styled.add(key);
  sheet ??= document.head.appendChild(document.createElement('style'));
  sheet.dataset.highlights = 'mentions';
  const safe = HEX.test(colour) ? colour : '#6b6b6b';
  sheet.append(
    `::highlight(${name}) { text-decoration-line: underline; text-decoration-color: ${safe}; text-decoration-thickness: 2px; text-underline-offset: 3px; }\n`,
  );
}

/** A mention with the type of its entity, placed in the layout's offsets. */
export interface PlacedMention extends Mention {
  type: string;
}

/** The caret position under a point, in whichever API the browser offers. */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** The first mention ending after `offset`, by binary search over mentions in order. */
function firstEndingAfter(mentions: readonly PlacedMention[], offset: number): number {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (mentions[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function useMentionUnderlines(options: {
  content: HTMLElement | null;
  layout: TextLayout | null;
  /** In the layout's offsets, in order; only those of the types shown. */
  mentions: readonly PlacedMention[];
  colourOf: (type: string) => string;
}) {
  const { content, layout, mentions, colourOf } = options;
  const names = useRef(new Set<string>());
  const shown = useRef<TextSpan | null>(null);

  const clear = useCallback(() => {
    for (const name of names.current) CSS.highlights?.delete(name);
    names.current.clear();
    shown.current = null;
  }, []);

  const draw = useCallback(
    (force: boolean) => {
      if (!content || !layout || typeof Highlight === 'undefined') return;
      const scroller = scrollParentOf(content);
      const area = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
      const height = area.bottom - area.top;
      const onScreen =
        mentions.length <= DRAW_ALL_UP_TO ? { start: 0, end: layout.text.length } : spanOnScreen(layout, area.top - height, area.bottom + height);
      if (!force && onScreen?.start === shown.current?.start && onScreen?.end === shown.current?.end) return;
      shown.current = onScreen;
      const byName = new Map<string, Range[]>();
      if (onScreen)
        for (let at = firstEndingAfter(mentions, onScreen.start); at < mentions.length && mentions[at]!.start < onScreen.end; at++) {
          const mention = mentions[at]!;
          const range = layout.rangeOf(mention);
          if (!range) continue;
          const name = mentionHighlightName(mention.type);
          ensureUnderlineStyle(name, colourOf(mention.type));
          byName.set(name, [...(byName.get(name) ?? []), range]);
        }
      for (const name of names.current) if (!byName.has(name)) CSS.highlights.delete(name);
      for (const [name, ranges] of byName) CSS.highlights.set(name, new Highlight(...ranges));
      names.current = new Set(byName.keys());
    },
    [content, layout, mentions, colourOf],
  );

  useEffect(() => draw(true), [draw]);

  useRedrawOnScroll(content, draw);

  useEffect(
    () => () => {
      clear();
      setHighlight(CURRENT_MENTION, []);
    },
    [clear],
  );

  /** The mention under a point (client coordinates), or null. */
  const mentionUnder = useCallback(
    (x: number, y: number): PlacedMention | null => {
      const caret = layout ? caretAt(x, y) : null;
      if (!layout || !caret) return null;
      const offset = layout.offsetOf(caret.node, caret.offset);
      if (offset === null) return null;
      // The caret falls between characters: the one under the pointer is on either side of it.
      for (let at = firstEndingAfter(mentions, offset - 1); at < mentions.length && mentions[at]!.start <= offset; at++) {
        const range = layout.rangeOf(mentions[at]!);
        if (range && Array.from(range.getClientRects()).some((rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom))
          return mentions[at]!;
      }
      return null;
    },
    [layout, mentions],
  );

  /** Draws one span as the current mention and scrolls it into view; false when it has no place on screen. */
  const showCurrent = useCallback(
    (span: TextSpan): boolean => {
      const range = layout?.rangeOf(span) ?? null;
      setHighlight(CURRENT_MENTION, range ? [range] : [], 1);
      if (range) scrollRangeIntoView(range);
      return range !== null;
    },
    [layout],
  );

  return { mentionUnder, showCurrent };
}
