/**
 * The excerpts, grouped by document or by tag, each numbered as the chronology and the index cite it, with its quote,
 * tags, comment, what it mentions and its full citation linked to its source entry. A quote whose document was
 * deleted is cited from what was saved of its source, with the original's hash; one no longer found is marked.
 */
import { REPORT_SECTION_TITLES } from '../options';
import type { ReportExcerpt } from '../build';
import type { ExcerptGroup, RenderContext } from './context';
import { anchors, esc, link, plural } from './html';
import { hasText } from './richText';
import { continuedHeading, type SectionBlocks } from './section';

/** The label of each source, S1 first, in the order Sources lists them. */
export const sourceLabel = (index: number): string => `S${index + 1}`;

function excerptArticle(context: RenderContext, { excerpt, comment }: ReportExcerpt, sourceLabels: Map<string, string>): string {
  const { derived } = context;
  const number = derived.numbers.get(excerpt.id)!;
  const tags = excerpt.tags.map((id) => derived.tagPaths.get(id)).filter((path): path is string => Boolean(path));
  const flags: string[] = [];
  if (excerpt.detachedFrom && !(excerpt.documentId && derived.documentById.has(excerpt.documentId)))
    flags.push('<span class="flag">Detached quote: its document was deleted from the case</span>');
  if (excerpt.orphaned) flags.push('<span class="flag warn">Orphaned: the quote can no longer be found in its document’s current text</span>');
  const citation = context.citationOf(excerpt);
  const sourceAnchor = excerpt.documentId ? context.sourceAnchor(excerpt.documentId) : null;
  const toSource = sourceAnchor && excerpt.documentId ? ` ${link(sourceAnchor, `Source ${sourceLabels.get(excerpt.documentId) ?? ''}`.trim(), 'to-source')}` : '';
  const mentioned = [...(derived.excerptEntities.get(excerpt.id) ?? [])];
  return `<article class="excerpt" id="${anchors.excerpt(excerpt.id)}">
<header class="excerpt-head"><span class="excerpt-number">[${number}]</span>${tags.map((path) => `<span class="tag">${esc(path)}</span>`).join('')}${flags.join('')}</header>
<blockquote class="excerpt-quote">${esc(excerpt.quote)}</blockquote>
<p class="citation">${citation ?? '<span class="quiet">No source recorded for this quote.</span>'}${toSource}</p>
${hasText(comment.doc) || comment.problem ? `<div class="comment rich"><span class="label block">Comment</span>${context.text(comment)}</div>` : ''}
${mentioned.length ? `<p class="mentions"><span class="label">Mentions</span> ${mentioned.map((id) => context.entityName(id)).join(', ')}</p>` : ''}
</article>`;
}

/** A group's blocks: its heading goes with its first excerpt, so a part never ends on a heading. */
function groupBlocks(context: RenderContext, group: ExcerptGroup, printed: Map<string, string>, sourceLabels: Map<string, string>): string[] {
  const id = anchors.excerptGroup(group.key);
  context.listed(id, group.title, 2);
  const sourceAnchor = group.documentId ? context.sourceAnchor(group.documentId) : null;
  const intro = `<p class="group-intro">${esc(plural(group.excerpts.length, 'excerpt'))}${sourceAnchor && group.documentId ? `; the document is described in ${link(sourceAnchor, `Sources, ${sourceLabels.get(group.documentId)}`)}` : ''}.</p>`;
  const items = group.excerpts.map((item) => {
    const first = printed.get(item.excerpt.id);
    if (first !== undefined) {
      // Under a second tag, the excerpt refers back to where it is printed in full.
      const quote = item.excerpt.quote.length > 120 ? `${item.excerpt.quote.slice(0, 119)}…` : item.excerpt.quote;
      return `<p class="excerpt-again">${context.excerptReference(item.excerpt.id)} “${esc(quote)}” <span class="quiet">Printed in full under ${esc(first)}.</span></p>`;
    }
    printed.set(item.excerpt.id, group.title);
    return excerptArticle(context, item, sourceLabels);
  });
  const heading = `<h2 id="${id}">${group.documentId ? `<cite>${esc(group.title)}</cite>` : esc(group.title)}</h2>${intro}`;
  return [`${heading}${items[0] ?? ''}`, ...items.slice(1)];
}

export function excerptsSection(context: RenderContext): SectionBlocks {
  const title = REPORT_SECTION_TITLES.excerpts;
  context.listed(anchors.section('excerpts'), title, 1);
  const sourceLabels = new Map(context.data.sources.map((document, index) => [document.id, sourceLabel(index)]));
  const printed = new Map<string, string>();
  const blocks: string[] = [];
  // Each block's group heading, for a part that goes on from it ('' where the block begins its group).
  const headings: string[] = [];
  for (const group of context.derived.groups) {
    const items = groupBlocks(context, group, printed, sourceLabels);
    const heading = group.documentId ? `<cite>${esc(group.title)}</cite>` : esc(group.title);
    items.forEach((block, index) => (blocks.push(block), headings.push(index === 0 ? '' : continuedHeading(heading))));
  }
  const by = context.data.options.excerptsBy === 'tag' ? 'by tag (an excerpt with several tags is printed under the first and referred to under the others)' : 'by document, in the order they appear in it';
  return {
    name: 'excerpts',
    head: `<h1 id="${anchors.section('excerpts')}">${title}</h1>
<p class="lead">${esc(plural(context.data.excerpts.length, 'excerpt'))}, ${by}. The numbers in brackets are those the chronology and the index cite.</p>`,
    blocks,
    tail: '',
    continued: (index) => headings[index] ?? '',
  };
}
