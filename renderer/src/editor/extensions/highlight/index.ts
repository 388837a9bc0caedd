import { Highlight, type HighlightOptions } from '@tiptap/extension-highlight';

/**
 * Highlighting, as with a marker pen: one colour, the theme's (multicolor would store colours that clash with the
 * dark theme). `==words==` or Mod+Shift+H highlights, and the highlight is written as `<mark>`.
 */
export const highlightOptions: Partial<HighlightOptions> = { multicolor: false };

export const Highlighting = Highlight.configure(highlightOptions);
