/**
 * The sources: every document the report cites or was chosen, with what a reader needs to find and verify the
 * original: its details, file name, kind, size, import time and SHA-256 in full.
 */
import { DOCUMENT_KIND_LABELS } from '../../../../shared/domain';
import { formatPartialDate, precisionOf } from '../../../../shared/partialDate';
import { describeOcr } from '../../ocr/languages';
import { REPORT_SECTION_TITLES } from '../options';
import type { ReportDocument } from '../build';
import type { RenderContext } from './context';
import { sourceLabel } from './excerpts';
import { anchors, count, esc, humanSize, plural } from './html';
import type { SectionBlocks } from './section';


const dateOf = (value: string): string => {
  const precision = precisionOf(value);
  return precision ? formatPartialDate({ value, precision }) : value;
};

function sourceArticle(context: RenderContext, document: ReportDocument, index: number, cited: string[]): string {
  const facts: [string, string][] = [];
  const add = (term: string, value: string | null | undefined, html = false) => {
    if (value) facts.push([term, html ? value : esc(value)]);
  };
  add('Authors', document.authors.filter((name) => name.trim()).join('; '));
  add('Site', document.siteName);
  add('Published', document.publishedAt ? dateOf(document.publishedAt) : null);
  if (document.sourceUrl)
    add('Address', /^https?:\/\//i.test(document.sourceUrl) ? `<a class="address" href="${esc(document.sourceUrl)}">${esc(document.sourceUrl)}</a>` : `<span class="address">${esc(document.sourceUrl)}</span>`, true);
  add('File name', document.fileName);
  add('Kind', `${DOCUMENT_KIND_LABELS[document.kind] ?? document.kind} (${document.mimeType})`);
  add('Size', `${count(document.size)} bytes (${humanSize(document.size)})`);
  add('Imported', `<time datetime="${esc(document.importedAt)}">${esc(document.importedAt)}</time>`, true);
  add('SHA-256', `<code class="hash">${esc(document.sha256)}</code>`, true);
  if (document.pageCount) add('Pages', count(document.pageCount));
  add('Language', document.language);
  if (document.ocr) add('Text', `Recognised from page images (${describeOcr(document.ocr)}), ${dateOf(document.ocr.recognisedAt.slice(0, 10))}; a word may be misread.`);
  if (cited.length) add('Cited as', cited.join(' '), true);
  return `<article class="source" id="${anchors.source(document.id)}">
<h2 class="source-title"><span class="source-label">${sourceLabel(index)}</span>\u2002<cite>${esc(document.title || 'Untitled document')}</cite></h2>
<dl class="facts">${facts.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>
</article>`;
}

export function sourcesSection(context: RenderContext): SectionBlocks {
  const title = REPORT_SECTION_TITLES.sources;
  context.listed(anchors.section('sources'), title, 1);
  const { derived } = context;
  const citedBy = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const group of derived.groups)
    for (const { excerpt } of group.excerpts)
      if (excerpt.documentId && !seen.has(excerpt.id)) {
        seen.add(excerpt.id);
        const list = citedBy.get(excerpt.documentId);
        const reference = context.excerptReference(excerpt.id);
        if (list) list.push(reference);
        else citedBy.set(excerpt.documentId, [reference]);
      }
  const articles = context.data.sources.map((document, index) => sourceArticle(context, document, index, citedBy.get(document.id) ?? []));
  return {
    name: 'sources',
    head: `<h1 id="${anchors.section('sources')}">${title}</h1>
<p class="lead">${esc(plural(context.data.sources.length, 'document'))}. Each original can be verified by its SHA-256: the hash of the file as imported.</p>`,
    blocks: articles,
    tail: '',
  };
}
