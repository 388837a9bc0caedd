import { describe, expect, it } from 'vitest';
import { recognisedPage, type TesseractPage, type TesseractWord } from './result';

let x = 0;
/** A word as Tesseract reports it, placed after the previous one on a line at `top`. */
function word(text: string, confidence = 90, top = 100): TesseractWord {
  const box = { x0: x, y0: top, x1: x + text.length * 10, y1: top + 20 };
  x = box.x1 + 8;
  return { text, confidence, bbox: box };
}
const line = (...words: TesseractWord[]) => ({ words });

describe('recognisedPage', () => {
  it('joins words by spaces, lines by line breaks and paragraphs by a blank line, with each word at its place', () => {
    const result: TesseractPage = {
      confidence: 88,
      blocks: [
        {
          paragraphs: [
            { lines: [line(word('HARBOUR', 96), word('AUTHORITY', 92)), line(word('Inspection', 90, 130), word('report,', 80, 130))] },
            { lines: [line(word('The', 70, 200), word(' ', 10, 200), word('vessel', 94, 200), word('Kestrel', 91, 200))] },
          ],
        },
      ],
    };
    const page = recognisedPage(2, result, 1654, 2339);
    expect(page.text).toBe('HARBOUR AUTHORITY\nInspection report,\n\nThe vessel Kestrel');
    expect(page).toMatchObject({ page: 2, width: 1654, height: 2339 });
    expect(page.words.map((w) => w.text)).toEqual(['HARBOUR', 'AUTHORITY', 'Inspection', 'report,', 'The', 'vessel', 'Kestrel']);
    for (const w of page.words) expect(page.text.slice(w.start, w.end)).toBe(w.text);
    expect(page.words.map((w) => w.line)).toEqual([0, 0, 1, 1, 2, 2, 2]);
    expect(page.words[0]!.box).toEqual([0, 100, 70, 120]);
    // The mean of the words kept, not Tesseract's page figure.
    expect(page.confidence).toBe(Math.round(((96 + 92 + 90 + 80 + 70 + 94 + 91) / 7) * 10) / 10);
  });

  it('writes Chinese characters read as separate words without spaces between them', () => {
    const result: TesseractPage = {
      confidence: 80,
      blocks: [{ paragraphs: [{ lines: [line(word('港'), word('口'), word('账簿'), word('2023'), word('年'))] }] }],
    };
    const page = recognisedPage(1, result, 100, 100);
    expect(page.text).toBe('港口账簿 2023 年');
    for (const w of page.words) expect(page.text.slice(w.start, w.end)).toBe(w.text);
  });

  it('makes an empty page of a page with no words', () => {
    expect(recognisedPage(1, { confidence: 0, blocks: null }, 10, 10)).toEqual({
      page: 1,
      text: '',
      width: 10,
      height: 10,
      confidence: 0,
      words: [],
    });
  });
});
