import type { DocumentKind } from '../../../shared/domain';
import { TEXT_LENGTH } from '../../../shared/limits';
import { ImportError, type ParsedDocument } from './types';

export function emptyDocument(kind: DocumentKind): ParsedDocument {
  return {
    kind,
    title: '',
    text: '',
    html: null,
    charset: null,
    authors: [],
    publishedAt: null,
    publishedAtSource: null,
    sourceUrl: null,
    siteName: null,
    language: null,
    languageSource: null,
    pages: null,
    pageCount: null,
    textLayer: true,
    warnings: [],
    cleanup: null,
  };
}

export const tooMuchText = () => new ImportError(TEXT_LENGTH.refusal());

/** Throws before a parser builds on text that could never be stored. */
export function checkTextLength(length: number): void {
  if (length > TEXT_LENGTH.max) throw tooMuchText();
}

/** Line endings as "\n", no NULs, no trailing blank lines. */
export function normaliseLineEndings(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u0000/g, '')
    .replace(/\s+$/, '');
}

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const MAX_TITLE_LENGTH = 200;

const cleanLine = (line: string) => collapseSpaces(line.replace(/^[#>*\-=\s]+/, ''));

/**
 * A title guessed from the opening lines: the first line when it reads like one (two words or more, short);
 * otherwise the first short line standing alone as a paragraph, as a headline does below the menu words of a page
 * copied from a browser; otherwise the first short line. Null when nothing short enough opens the text.
 */
export function guessTitle(text: string): string | null {
  const lines = text.slice(0, 3000).split('\n').map(cleanLine);
  const first = lines.find(Boolean);
  if (!first) return null;
  if (first.includes(' ') && first.length <= 120) return first;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const alone = !lines[i - 1] && !lines[i + 1];
    if (line && alone && line.split(' ').length >= 3 && line.length <= 150 && !/[.;,:]$/.test(line)) return line;
  }
  return first.length <= 120 ? first : null;
}

export function titleFromFileName(name: string): string {
  const base = (name.split(/[/\\]/).at(-1) ?? '').replace(/\.[a-z0-9]{1,10}$/i, '');
  return collapseSpaces(base.replace(/[_]+/g, ' ')) || 'Untitled document';
}

/** Deduplicated, non-empty names in their original order. */
export function uniqueNames(names: Iterable<string>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const name of names) {
    const clean = collapseSpaces(name);
    if (!clean || seen.has(clean.toLowerCase())) continue;
    seen.add(clean.toLowerCase());
    result.push(clean);
  }
  return result;
}

/** The rules every parser's result meets: a title, text within the limit, no repeated warnings. */
export function finishDocument(document: ParsedDocument, fileName: string): ParsedDocument {
  checkTextLength(document.text.length);
  const title = collapseSpaces(document.title) || guessTitle(document.text) || titleFromFileName(fileName);
  return {
    ...document,
    title: title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1).trimEnd()}…` : title,
    authors: uniqueNames(document.authors),
    warnings: [...new Set(document.warnings.map((warning) => warning.trim()).filter(Boolean))],
  };
}
