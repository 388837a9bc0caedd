/**
 * Text in the report's figures, which are written as SVG without a browser to measure with: widths estimated from the
 * characters (Noto Sans's average advance; wide scripts a full em), names shortened to fit, everything escaped.
 */
import { escapeXml } from '../../chart/exportChart';
import { REPORT_FONTS } from '../fonts';

export { escapeXml };

/** The smallest text a figure prints: 7 pt, in CSS pixels (the figure is drawn at its printed size). */
export const MIN_TEXT = 9.5;

/** The figures' font: the report's sans-serif, with its CJK fallbacks, as an attribute value. */
export const FIGURE_FONT = REPORT_FONTS.sans.replace(/'/g, '&#39;');

/** Characters drawn a full em wide: CJK ideographs, kana, Hangul, full-width forms. */
const WIDE = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const NARROW = /[iljtfrI.,:;'!|()[\] ]/;

/** About how wide `text` is printed at `size` pixels (a little over rather than under, so labels never collide). */
export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const character of text) ems += WIDE.test(character) ? 1 : NARROW.test(character) ? 0.32 : /[A-ZMWmw]/.test(character) ? 0.68 : 0.56;
  return ems * size;
}

/** `text` on one line, shortened with an ellipsis to fit `width` pixels at `size`. */
export function fitText(text: string, size: number, width: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (textWidth(line, size) <= width) return line;
  const characters = [...line];
  let kept = characters.length;
  while (kept > 0 && textWidth(`${characters.slice(0, kept).join('').trimEnd()}…`, size) > width) kept--;
  return kept === 0 ? '' : `${characters.slice(0, kept).join('').trimEnd()}…`;
}

/** A number for an attribute, to a tenth of a pixel. */
export const px = (value: number): number => Math.round(value * 10) / 10;

/** Wraps a mark in a link to its entry in the report, when it has one. */
export function linked(markup: string, anchor: string | null | undefined): string {
  return anchor ? `<a href="#${escapeXml(anchor)}">${markup}</a>` : markup;
}
