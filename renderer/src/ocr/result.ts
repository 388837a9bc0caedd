import type { RecognisedWord } from '../../../shared/domain';
import type { RecognisedPageInput } from '../domain/recognisedText';

/** The parts of tesseract.js's result (its `blocks` output) that a page's text and words are made from. */
export interface TesseractBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface TesseractWord {
  text: string;
  confidence: number;
  bbox: TesseractBox;
}
export interface TesseractLine {
  words: TesseractWord[];
}
export interface TesseractParagraph {
  lines: TesseractLine[];
}
export interface TesseractBlock {
  paragraphs: TesseractParagraph[];
}
export interface TesseractPage {
  blocks: TesseractBlock[] | null;
  confidence: number;
}

/** Han characters and the other scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/** Whether two words follow each other without a space, as Chinese characters do (Tesseract reads each as a word). */
const joinsWithoutSpace = (before: string, after: string) => UNSPACED.test(before.at(-1) ?? '') && UNSPACED.test(after[0] ?? '');

/**
 * One page's text and words from Tesseract's result: words joined by spaces (none between Chinese characters), lines
 * by a line break, paragraphs by a blank line, each word with its box and its place in that text. Empty words are left
 * out. `width` and `height` are the size of the image read.
 */
export function recognisedPage(page: number, result: TesseractPage, width: number, height: number): RecognisedPageInput {
  let text = '';
  const words: RecognisedWord[] = [];
  let line = 0;
  for (const block of result.blocks ?? [])
    for (const paragraph of block.paragraphs) {
      // The paragraph's first line starts after a blank line, its others after a line break.
      let paragraphBreak = text.length > 0;
      for (const { words: lineWords } of paragraph.lines) {
        let lineStarted = false;
        for (const word of lineWords) {
          const value = word.text.trim();
          if (!value) continue;
          if (!lineStarted) {
            if (text) text += paragraphBreak ? '\n\n' : '\n';
            paragraphBreak = false;
            lineStarted = true;
          } else if (!joinsWithoutSpace(text, value)) text += ' ';
          const { x0, y0, x1, y1 } = word.bbox;
          words.push({ text: value, start: text.length, end: text.length + value.length, box: [x0, y0, x1, y1], confidence: round(word.confidence), line });
          text += value;
        }
        if (lineStarted) line++;
      }
    }
  const confidence = words.length ? words.reduce((sum, word) => sum + word.confidence, 0) / words.length : result.confidence;
  return { page, text, width, height, confidence: round(Math.min(100, Math.max(0, confidence))), words };
}

const round = (value: number) => Math.round(Math.min(100, Math.max(0, value)) * 10) / 10;
