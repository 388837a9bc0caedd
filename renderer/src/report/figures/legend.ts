/**
 * A figure's legend: what its marks mean, each a swatch with its words, in lines that wrap to the figure's width. Each
 * figure draws its own swatches (a disc with its type's letter, a bar in a status's colour, a line styled by a
 * confidence); laying them out and drawing them is the same for all.
 */
import { escapeXml, MIN_TEXT, px, textWidth } from './svgText';

export interface LegendItem {
  /** SVG markup of the swatch, drawn from x = 0 rightwards with its middle on y = 0 (escaped already). */
  swatch: string;
  /** The words beside it, as plain text: escaped when drawn. */
  text: string;
}

export interface LegendStyle {
  /** Room kept clear at either side of the figure. */
  side: number;
  /** How tall one line of the legend is. */
  lineHeight: number;
  /** Where the words start, from the swatch's left: the swatch's width and the space after it. */
  swatchWidth: number;
}

export interface LegendLayout {
  style: LegendStyle;
  /** How tall its lines are together: 0 when there is nothing to explain. */
  height: number;
  /** Each item with where it goes: x from the figure's left, and its line (0 the first). */
  placed: readonly { item: LegendItem; x: number; line: number }[];
}

/** Space between one item's words and the next item's swatch. */
const ITEM_GAP = 14;

/** Lays the items out left to right, starting a new line where the next would cross the figure's side. */
export function layOutLegend(items: readonly LegendItem[], width: number, style: LegendStyle): LegendLayout {
  const placed: { item: LegendItem; x: number; line: number }[] = [];
  let x = style.side;
  let line = 0;
  for (const item of items) {
    const itemWidth = style.swatchWidth + textWidth(item.text, MIN_TEXT) + ITEM_GAP;
    // An item wider than the figure still gets a line of its own rather than an empty line before it.
    if (x + itemWidth > width - style.side && x > style.side) {
      x = style.side;
      line++;
    }
    placed.push({ item, x, line });
    x += itemWidth;
  }
  return { style, height: placed.length === 0 ? 0 : (line + 1) * style.lineHeight, placed };
}

/** The legend as an SVG group, its first line's top at `top`; nothing when it has no items. */
export function legendSvg(layout: LegendLayout, top: number): string {
  if (layout.placed.length === 0) return '';
  const { lineHeight, swatchWidth } = layout.style;
  const items = layout.placed.map(
    ({ item, x, line }) =>
      `<g transform="translate(${px(x)} ${px(top + lineHeight / 2 + line * lineHeight)})">${item.swatch}<text x="${swatchWidth}" y="3.4" fill="#3d434a">${escapeXml(item.text)}</text></g>`,
  );
  return `<g>${items.join('')}</g>`;
}
