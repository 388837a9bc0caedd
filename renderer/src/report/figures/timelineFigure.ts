/**
 * The chronology's figure: the events on a time axis, as an SVG written from the data (vector, so it prints sharp).
 * SKELETON: being written.
 */
import type { TimelineEvent } from '../../../../shared/domain';

export interface TimelineFigureOptions {
  /** Width of the figure in CSS pixels (the text block's width). */
  width: number;
  /** Tallest one part may be, in CSS pixels (a page's text block): a long chronology is drawn in several parts. */
  maxHeight: number;
  /** The element id each event's entry in the chronology has, so a mark can link to it; none when left out. */
  anchorOf?: (event: TimelineEvent) => string | null;
}

/** One `<svg>` per part, each at most `maxHeight` tall, in time order; none when no event is dated. */
export function timelineFigureSvg(_events: readonly TimelineEvent[], _options: TimelineFigureOptions): string[] {
  return [];
}
