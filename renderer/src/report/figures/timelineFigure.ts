/**
 * The chronology's figure: the events on a time axis, as an SVG written from the data (vector, so it prints sharp).
 * SKELETON: being written.
 */
import type { TimelineEvent } from '../../../../shared/domain';

export interface TimelineFigureOptions {
  /** Width of the figure in CSS pixels (the text block's width). */
  width: number;
  /** The element id each event's entry in the chronology has, so a mark can link to it; none when left out. */
  anchorOf?: (event: TimelineEvent) => string | null;
}

export function timelineFigureSvg(_events: readonly TimelineEvent[], _options: TimelineFigureOptions): string {
  return '';
}
