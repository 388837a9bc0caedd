/** The page's text block in CSS pixels (96 per inch), which the figures are drawn to fit, by paper size. */
import type { PaperSize } from '../options';

const MM = 96 / 25.4;
/** The page's margins, as the stylesheet sets them. */
export const PAGE_MARGIN_MM = { top: 22, bottom: 22, side: 20 } as const;
const PAPER_MM: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
};

/** The width a figure spans and the tallest it may be (the text block, less a caption's room). */
export function figureBox(paper: PaperSize): { width: number; maxHeight: number } {
  const size = PAPER_MM[paper];
  return {
    width: Math.floor((size.width - 2 * PAGE_MARGIN_MM.side) * MM),
    maxHeight: Math.floor((size.height - PAGE_MARGIN_MM.top - PAGE_MARGIN_MM.bottom) * MM) - 140,
  };
}

/** A figure with its caption: the art as the figures' module drew it (SVG written from the data, no script). */
export const figureHtml = (id: string, art: string, caption: string): string =>
  `<figure class="figure" id="${id}"><div class="figure-art">${art}</div><figcaption>${caption}</figcaption></figure>`;
