/**
 * The table of contents: one line per section and sub-section, linked, with dotted leaders and the page it starts on.
 * Before the page numbers are known each number is a blank of the same width, so both layouts break alike. `href` says
 * where each line links: to an element of another part of the report, not `#id` (see `../parts.ts`).
 */
import type { ContentsEntry } from '../build';
import { esc } from './html';

export function contentsSection(
  entries: readonly ContentsEntry[],
  pageNumbers: ReadonlyMap<string, number> | null,
  href: (id: string) => string = (id) => `#${id}`,
): string {
  const lines = entries.map((entry) => {
    const page = pageNumbers?.get(entry.id);
    return `<li class="toc-${entry.level}"><a href="${esc(href(entry.id))}"><span class="toc-title">${esc(entry.title)}</span><span class="toc-leader" aria-hidden="true"></span><span class="toc-page">${page === undefined ? '' : page}</span></a></li>`;
  });
  return `<section class="part part-contents"><h1 id="section-contents">Contents</h1><nav aria-label="Contents"><ol class="toc">${lines.join('')}</ol></nav></section>`;
}
