import { decodeText, junkRatio } from './charset';
import { checkTextLength, emptyDocument, normaliseLineEndings, guessTitle } from './document';
import { ImportError, type ParsedDocument } from './types';

/** Plain text in any encoding Casebook can recognise; its first short line is taken as the title. */
export function parseText(bytes: Uint8Array): ParsedDocument {
  const decoded = decodeText(bytes);
  checkTextLength(decoded.text.length);
  // Judged before NULs are dropped: a file full of them is binary, whatever decoded it.
  if (junkRatio(decoded.text.slice(0, 65_536)) > 0.05)
    throw new ImportError('does not contain readable text: it looks like binary data rather than a text file.');
  const text = normaliseLineEndings(decoded.text.replace(/^\ufeff/, '')).replace(/\f/g, '\n\n');
  return {
    ...emptyDocument('text'),
    title: guessTitle(text) ?? '',
    text,
    charset: decoded.charset,
    // The language chardet associates with a legacy encoding: a guess, which detection from the text replaces.
    language: decoded.language,
    languageSource: decoded.language ? 'detected' : null,
    warnings: decoded.warnings,
  };
}

/** A front matter block at the very top that names at least one of the fields a note or a saved page carries. */
const FRONT_MATTER = /^---[ \t]*\n(?:[^\n]*\n){0,60}?(?:title|date|author|authors|url|source|link|published)[ \t]*:[^\n]*\n(?:[^\n]*\n){0,60}?(?:---|\.\.\.)[ \t]*(?:\n|$)/i;

/**
 * Whether a text file is written in Markdown, and so is better shown formatted than raw: a front matter block, or
 * enough of Markdown's syntax that it cannot be chance (a heading and a link, links, a fenced block, a table). A
 * hyphen list or a line starting with "#" alone is not enough: plain notes have those too.
 */
export function looksLikeMarkdown(text: string): boolean {
  if (FRONT_MATTER.test(text)) return true;
  const sample = text.slice(0, 100_000);
  const headings = /^#{1,6}[ \t]+\S/m.test(sample) || /^\S[^\n]*\n(?:={3,}|-{3,})[ \t]*$/m.test(sample);
  const links = (sample.match(/!?\[[^\]\n]+\]\((?:https?:\/\/|mailto:|\.{0,2}\/|#)[^)\s]*(?:\s+"[^"\n]*")?\)/g) ?? []).length;
  const fenced = /^(?:```|~~~)[^\n]*\n[\s\S]*?\n(?:```|~~~)[ \t]*$/m.test(sample);
  const table = /^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/m.test(sample);
  const emphasis = /(?:\*\*|__)[^\s*_][^\n]*?(?:\*\*|__)/.test(sample);
  const lists = /^[ \t]*(?:[-*+]|\d+\.)[ \t]+\S/m.test(sample);
  const quotes = /^>[ \t]?\S/m.test(sample);
  const score =
    (headings ? 2 : 0) + (links >= 2 ? 3 : links ? 2 : 0) + (fenced ? 3 : 0) + (table ? 3 : 0) + (emphasis ? 1 : 0) + (lists ? 1 : 0) + (quotes ? 1 : 0);
  return score >= 3;
}
