/**
 * The entity index's figure: the case's link chart as arranged by the researcher (the rest laid out), as a vector SVG.
 * SKELETON: being written.
 */
import type { CaseChartRecords } from '../../chart/caseChart';
import type { ChartPosition } from '../../../../shared/domain';

export interface LinkChartFigureOptions {
  width: number;
  /** Tallest it may be, in CSS pixels (a page's text block). */
  maxHeight: number;
  /** The element id each entity's entry in the index has, so its disc links to it; none when left out. */
  anchorOf?: (entityId: string) => string | null;
}

export function linkChartFigureSvg(
  _records: CaseChartRecords,
  _positions: Readonly<Record<string, ChartPosition>>,
  _options: LinkChartFigureOptions,
): string {
  // One `<svg>`, or '' when the records hold no entity.
  return '';
}
