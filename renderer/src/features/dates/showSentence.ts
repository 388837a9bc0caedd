import type { CaseDocument, Excerpt } from '../../../../shared/domain';
import { anchorAt } from '../../anchoring/anchor';
import type { TextSpan } from '../../dates';
import { setHighlight } from '../documents/reader/domText';
import { placeExcerpts, type TextView } from '../documents/reader/excerptMarks';
import { scrollRangeIntoView } from '../documents/reader/scrolling';
import { layoutOf } from '../documents/reader/textLayout';

const SENTENCE_HIGHLIGHT = 'casebook-date-sentence';

/**
 * Scrolls the reader to a sentence of the document and marks it, in whichever view shows the text: placed as an
 * excerpt would be (its offsets in plain text, its words near the same place in a web page's or a PDF's text).
 * Returns false when the view shows no text to place it in (the original page, pages without text).
 */
export function showSentence(content: HTMLElement | null, view: TextView | null, document: Pick<CaseDocument, 'text' | 'pages'>, sentence: TextSpan): boolean {
  if (!content || !view) return false;
  const layout = layoutOf(content, view, document.text);
  const passage = { quote: document.text.slice(sentence.start, sentence.end), anchor: anchorAt(document.text, sentence.start, sentence.end), orphaned: false } as Excerpt;
  const [placed] = placeExcerpts(content, layout, view, document, [passage]);
  const range = placed ? layout.rangeOf(placed.span) : null;
  if (!range) return false;
  setHighlight(SENTENCE_HIGHLIGHT, [range]);
  scrollRangeIntoView(range);
  return true;
}

/** Takes the sentence's mark off (the panel closed). */
export const hideSentence = () => setHighlight(SENTENCE_HIGHLIGHT, []);
