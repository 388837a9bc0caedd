import { CharacterCount, type CharacterCountOptions } from '@tiptap/extensions';

/** Words are what whitespace separates, as a word processor counts them (a hyphenated word is one). */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/**
 * The count of words and characters under the editor, from TipTap's character count. It has no limit: a note is
 * as long as the researcher needs. The count is read when shown, not on every keystroke (see WordCount.tsx).
 */
export const wordCountOptions: Partial<CharacterCountOptions> = { limit: null, wordCounter: countWords };

export const WordCounting = CharacterCount.configure(wordCountOptions);
