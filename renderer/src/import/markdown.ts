import { Marked } from 'marked';
import { decodeText } from './charset';
import { isPlausibleDate, parseDateValue } from './dates';
import { checkTextLength, collapseSpaces, emptyDocument, normaliseLineEndings } from './document';
import { parseHtmlDocument } from './dom';
import { languageTag, splitByline } from './html-metadata';
import { cleanedText, type CleanupOptions } from './text-cleanup';
import type { ParsedDocument } from './types';

const marked = new Marked({ gfm: true, async: false });

interface FrontMatter {
  values: Map<string, string[]>;
  body: string;
}

/**
 * YAML front matter as notes apps and static sites write it ("---" … "---" at the very top), read for the few
 * flat keys Casebook uses: `key: value` and `key:` followed by "- item" lines. Anything else in it is ignored.
 */
export function readFrontMatter(source: string): FrontMatter {
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
  const values = new Map<string, string[]>();
  if (!match) return { values, body: source };
  let current: string | null = null;
  for (const line of match[1]!.split('\n')) {
    const pair = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (pair) {
      current = pair[1]!.toLowerCase();
      const value = unquote(pair[2]!);
      const list = /^\[(.*)\]$/.exec(value);
      values.set(current, list ? list[1]!.split(',').map(unquote).filter(Boolean) : value ? [value] : []);
    } else if (item && current) {
      values.get(current)?.push(unquote(item[1]!));
    }
  }
  return { values, body: source.slice(match[0].length) };
}

const unquote = (value: string) => value.trim().replace(/^(["'])(.*)\1$/, '$2').trim();

export function parseMarkdown(bytes: Uint8Array, options: CleanupOptions = {}): ParsedDocument {
  const decoded = decodeText(bytes);
  checkTextLength(decoded.text.length);
  const source = normaliseLineEndings(decoded.text.replace(/^\ufeff/, ''));
  return readMarkdown(
    source,
    {
      charset: decoded.charset,
      language: decoded.language,
      languageSource: decoded.language ? 'detected' : null,
      warnings: decoded.warnings,
    },
    options,
  );
}

/**
 * Markdown source (already decoded, "\n" line endings) as a document: its HTML, its text without the syntax, and
 * the title, authors, date, address and language its front matter gives, else its first heading for the title.
 */
export function readMarkdown(
  source: string,
  decoded: Pick<ParsedDocument, 'charset' | 'language' | 'languageSource' | 'warnings'>,
  options: CleanupOptions = {},
): ParsedDocument {
  const { values, body } = readFrontMatter(source);
  const field = (...keys: string[]) => keys.map((key) => values.get(key)?.[0]).find(Boolean) ?? null;

  const doc = parseHtmlDocument(`<!doctype html><html><body>${marked.parse(body) as string}</body></html>`);
  // Notes clipped from a web page may carry its buttons and labels; only what cannot be the author's own goes.
  const { text, html, cleanup } = cleanedText(doc.body, { ...options, onlySure: true });
  checkTextLength(text.length);
  const heading = doc.querySelector('h1') ?? doc.querySelector('h2, h3, h4, h5, h6');
  const date = field('date', 'published', 'created');
  const iso = date ? parseDateValue(date) : null;
  const publishedAt = iso && isPlausibleDate(iso) ? iso : null;
  const declaredLanguage = languageTag(field('lang', 'language'));

  return {
    ...emptyDocument('markdown'),
    title: field('title') ?? collapseSpaces(heading?.textContent ?? ''),
    text,
    html,
    cleanup,
    charset: decoded.charset,
    authors: ['author', 'authors'].flatMap((key) => values.get(key) ?? []).flatMap(splitByline),
    publishedAt,
    publishedAtSource: publishedAt ? { from: 'front-matter' } : null,
    sourceUrl: validUrl(field('source', 'url', 'source_url', 'original_url', 'canonical_url', 'link')),
    language: declaredLanguage ?? decoded.language,
    languageSource: declaredLanguage ? 'declared' : decoded.languageSource,
    warnings: decoded.warnings,
  };
}

function validUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
