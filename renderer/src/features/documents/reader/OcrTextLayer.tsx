import { useMemo } from 'react';
import type { RecognisedPage, RecognisedWord } from '../../../../../shared/domain';

const FONT = 'sans-serif';

let measuring: CanvasRenderingContext2D | null = null;

/** How wide a word is in the layer's font at 100 px, to stretch it over its box. */
function widthAt100(text: string): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return text.length * 50;
  measuring.font = `100px ${FONT}`;
  return measuring.measureText(text).width || text.length * 50;
}

/** The page's words line by line, each followed by the space that follows it in the recognised text, if any. */
function linesOf(page: RecognisedPage): { word: RecognisedWord; space: boolean }[][] {
  const lines: { word: RecognisedWord; space: boolean }[][] = [];
  page.words.forEach((word, index) => {
    const next = page.words[index + 1];
    (lines[word.line] ??= []).push({ word, space: Boolean(next && next.line === word.line && next.start > word.end) });
  });
  return lines.filter(Boolean);
}

/**
 * The words recognised on a page image (OCR), laid transparently over where they are in the image so they can be
 * selected, found and quoted as a PDF's own text layer can: each word sized and stretched to its box, each line an
 * element of its own (so find and selection see line breaks).
 */
export function OcrTextLayer({ page }: { page: RecognisedPage }) {
  const lines = useMemo(() => linesOf(page), [page]);
  const percent = (value: number, of: number) => `${(value / of) * 100}%`;
  return (
    <div className="textLayer ocr-layer" data-rendered="true">
      {lines.map((line, index) => (
        <div className="ocr-line" key={index}>
          {line.map(({ word, space }, position) => {
            const [left, top, right, bottom] = word.box;
            const height = Math.max(1, bottom - top);
            const width = Math.max(1, right - left);
            // The font's size in container query units follows the page at any size without measuring it; the page
            // keeps the image's proportions, so the stretch that fits the word to its box is the same at every size.
            const fontSize = `${(height / page.height) * 100}cqh`;
            const stretch = (width / height) * (100 / widthAt100(word.text));
            return (
              <span
                key={position}
                style={{
                  left: percent(left, page.width),
                  top: percent(top, page.height),
                  fontSize,
                  fontFamily: FONT,
                  transform: `scaleX(${stretch.toFixed(4)})`,
                }}
              >
                {word.text}
                {space ? ' ' : ''}
              </span>
            );
          })}
        </div>
      ))}
    </div>
  );
}
