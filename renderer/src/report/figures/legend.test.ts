// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { layOutLegend, legendSvg, type LegendItem } from './legend';
import { MIN_TEXT, textWidth } from './svgText';

const STYLE = { side: 10, lineHeight: 15, swatchWidth: 20 };
const SWATCH = '<rect x="0" y="-4" width="14" height="8" fill="#2c5d8f"/>';
const item = (text: string): LegendItem => ({ swatch: SWATCH, text });
/** How wide an item is laid out: its swatch, its words and the gap after them. */
const widthOf = (text: string) => STYLE.swatchWidth + textWidth(text, MIN_TEXT) + 14;

function parse(svg: string): Document {
  const document = new DOMParser().parseFromString(`<svg xmlns="http://www.w3.org/2000/svg">${svg}</svg>`, 'image/svg+xml');
  expect(document.querySelector('parsererror')).toBeNull();
  return document;
}

/** Each drawn item's words and where its group is moved to. */
const drawn = (document: Document) =>
  [...document.querySelectorAll('g[transform]')].map((group) => {
    const [x, y] = /translate\(([\d.]+) ([\d.]+)\)/.exec(group.getAttribute('transform')!)!.slice(1).map(Number);
    return { text: group.querySelector('text')!.textContent, x: x!, y: y!, swatch: group.querySelector('rect') !== null };
  });

describe('a figure’s legend', () => {
  const items = ['known to the day', 'disputed', 'unverified', 'about'].map(item);

  it('keeps its items on one line when the figure is wide enough', () => {
    const layout = layOutLegend(items, 600, STYLE);
    expect(layout.placed.map((entry) => entry.line)).toEqual([0, 0, 0, 0]);
    expect(layout.height).toBe(STYLE.lineHeight);
    expect(layout.placed[0]!.x).toBe(STYLE.side);
    expect(layout.placed[1]!.x).toBeCloseTo(STYLE.side + widthOf('known to the day'));
  });

  it('wraps to the figure’s width, each line starting at the side, none crossing the other side', () => {
    const width = STYLE.side * 2 + widthOf('known to the day') + widthOf('disputed') + 1;
    const layout = layOutLegend(items, width, STYLE);
    expect(layout.placed.map((entry) => entry.line)).toEqual([0, 0, 1, 1]);
    expect(layout.height).toBe(2 * STYLE.lineHeight);
    expect(layout.placed[2]!.x).toBe(STYLE.side);
    for (const { item: laid, x } of layout.placed) expect(x + widthOf(laid.text)).toBeLessThanOrEqual(width - STYLE.side);
    // Drawn where laid out: the second line one line height below the first, from the top given.
    const document = parse(legendSvg(layout, 100));
    expect(drawn(document).map(({ text, y }) => [text, y])).toEqual([
      ['known to the day', 107.5],
      ['disputed', 107.5],
      ['unverified', 122.5],
      ['about', 122.5],
    ]);
    expect(drawn(document).every((entry) => entry.swatch)).toBe(true);
  });

  it('gives an item wider than the figure a line of its own, with no empty line before it', () => {
    const layout = layOutLegend([item('a'), item('a very long explanation of what a mark means'), item('b')], 120, STYLE);
    expect(layout.placed.map((entry) => entry.line)).toEqual([0, 1, 2]);
    expect(layOutLegend([item('a very long explanation of what a mark means')], 120, STYLE).placed[0]!.line).toBe(0);
  });

  it('escapes the words, which come from the case', () => {
    const words = '<script>alert("x")</script> & Sons';
    const svg = legendSvg(layOutLegend([item(words)], 600, STYLE), 0);
    expect(svg).not.toContain('<script>');
    const document = parse(svg);
    expect(document.querySelector('script')).toBeNull();
    expect(drawn(document).map((entry) => entry.text)).toEqual([words]);
  });

  it('takes no room and draws nothing when there is nothing to explain', () => {
    const layout = layOutLegend([], 600, STYLE);
    expect(layout.height).toBe(0);
    expect(legendSvg(layout, 40)).toBe('');
  });
});
