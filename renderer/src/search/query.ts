import { fold, isIndexed, wordsOf } from './fold';

/**
 * A search as typed: words that must all appear, "quoted phrases" whose words must appear one after another, and
 * whether the last word is still being typed (no space after it), so that it also matches the words it begins.
 */
export interface ParsedQuery {
  /** Folded words outside quotes, each once, in the order typed. */
  words: string[];
  /** Folded phrases of two words or more; a quoted single word is an ordinary word. */
  phrases: string[][];
  /** The last of `words` was typed last, with nothing after it: it is matched as a prefix too. */
  lastIsPrefix: boolean;
  /** What the index is asked for: every indexed word of `words` and `phrases`, the prefix last. */
  indexWords: string[];
  /** Words too common to look up on their own ("the"); a phrase still checks them in the text. */
  ignored: string[];
}

const QUOTES = /["“”„«»]/;

export function parseQuery(input: string): ParsedQuery {
  const words: string[] = [];
  const phrases: string[][] = [];
  let lastIsPrefix = false;
  let rest = input;
  while (rest) {
    const quote = rest.search(QUOTES);
    const bare = quote < 0 ? rest : rest.slice(0, quote);
    const bareWords = wordsOf(fold(bare));
    words.push(...bareWords);
    if (quote < 0) {
      lastIsPrefix = bareWords.length > 0 && !/[^\p{L}\p{N}]$/u.test(bare);
      break;
    }
    const after = rest.slice(quote + 1);
    const close = after.search(QUOTES);
    const phraseWords = wordsOf(fold(close < 0 ? after : after.slice(0, close)));
    if (phraseWords.length > 1) phrases.push(phraseWords);
    else words.push(...phraseWords);
    rest = close < 0 ? '' : after.slice(close + 1);
  }

  const unique = [...new Set(words)];
  const prefix = lastIsPrefix ? words.at(-1)! : null;
  // The word being typed goes last, where the engine expands it.
  const plain = prefix ? [...unique.filter((word) => word !== prefix), prefix] : unique;
  const indexWords = [...new Set([...phrases.flat().filter(isIndexed), ...plain.filter(isIndexed)])];
  if (prefix && !isIndexed(prefix)) indexWords.push(prefix);
  else if (prefix) indexWords.push(...indexWords.splice(indexWords.indexOf(prefix), 1));
  const ignored = [...new Set([...phrases.flat(), ...plain].filter((word) => !isIndexed(word) && word !== prefix))];
  return { words: plain, phrases, lastIsPrefix: Boolean(prefix), indexWords, ignored };
}
