/** The cover: title, the case's description, who made the report and when, what it covers, and its confidentiality. */
import { formatPartialDate } from '../../../../shared/partialDate';
import type { RecordCounts } from '../build';
import type { RenderContext } from './context';
import { esc, plural } from './html';
import { hasText } from './richText';

/** The report's title: the one chosen, or the case's name. */
export const reportTitle = (context: RenderContext): string => context.data.options.title?.trim() || context.data.caseName;

const KINDS: [keyof RecordCounts, string][] = [
  ['documents', 'document'],
  ['excerpts', 'excerpt'],
  ['entities', 'entity'],
  ['events', 'event'],
  ['notes', 'note'],
];

/** "12 documents, 84 excerpts, …", with the case's totals beside a selection's. */
function countsLine(context: RenderContext): string {
  const { reportCounts, caseCounts, wholeCase } = context.data;
  return KINDS.map(([kind, word]) => {
    const words = kind === 'entities' ? plural(reportCounts[kind], 'entity', 'entities') : plural(reportCounts[kind], word);
    return wholeCase || reportCounts[kind] === caseCounts[kind] ? words : `${words} (of ${caseCounts[kind]})`;
  }).join(' · ');
}

export function coverSection(context: RenderContext): string {
  const { data } = context;
  const title = reportTitle(context);
  const day = formatPartialDate({ value: data.generatedAt.slice(0, 10), precision: 'day' });
  const facts: [string, string][] = [
    ['Case', esc(data.caseName)],
    ...(data.options.author.trim() ? ([['Prepared by', esc(data.options.author.trim())]] as [string, string][]) : []),
    ['Date', `<time datetime="${esc(data.generatedAt)}">${esc(day)}</time>`],
    ['Covers', esc(data.scope)],
    ['Holds', esc(countsLine(context))],
  ];
  const description = hasText(data.description.doc) || data.description.problem ? `<div class="cover-description">${context.text(data.description)}</div>` : '';
  return `<section class="cover" aria-label="Cover">
<p class="cover-kicker">Case report</p>
<h1 class="cover-title" id="cover">${esc(title)}</h1>
${description}
<dl class="cover-facts">${facts.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>
${data.options.confidentiality.trim() ? `<p class="cover-confidentiality">${esc(data.options.confidentiality.trim())}</p>` : ''}
<p class="cover-colophon">Made with Casebook. Each excerpt is cited with its source; each source with its SHA-256, so the originals can be verified.</p>
</section>`;
}

/** The one page an empty report prints after its cover. */
export function emptySection(context: RenderContext): string {
  context.listed('section-empty', 'Nothing to report', 1);
  return `<section class="part part-empty"><h1 id="section-empty">Nothing to report</h1><p class="lead">${esc(context.data.empty ?? '')}</p></section>`;
}
