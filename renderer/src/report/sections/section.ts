/**
 * A section as the report's parts cut it. A long report is printed in parts (see `../parts.ts`), and a long section
 * may be cut between two parts: it is written as its opening, its blocks (a part may end after any of them) and its
 * closing, so each part prints a run of its blocks inside the section's own element and page style.
 */
import type { ReportSection } from '../options';

export interface SectionBlocks {
  /** The section's name: its element's class (`part-notes`) and so its named page and running header. */
  name: ReportSection;
  /** Printed once, at the section's start: its heading and lead. */
  head: string;
  /** What the section lists, in order: a note, an excerpt, a row. A part may end after any of them. */
  blocks: string[];
  /** Printed once, after the last block: the section's figures. */
  tail: string;
  /** What each part's run of blocks sits in: the chronology's rows are a table's, repeated with its header. */
  around?: readonly [open: string, close: string];
  /**
   * The heading a part going on from block `index` begins with: the heading of the group the block is in (a
   * document's excerpts, an entity type), again, marked "continued"; '' where the block begins its group.
   */
  continued?: (index: number) => string;
}

/** The heading of a group repeated at the top of a part going on with it. */
export const continuedHeading = (heading: string): string => `<h2 class="continued">${heading} <span class="continued-mark">(continued)</span></h2>`;

/** Blocks `from` to `to` (exclusive) as HTML: with the section's head when they start it, its tail when they end it. */
export function sectionHtml(section: SectionBlocks, from = 0, to = section.blocks.length): string {
  const first = from === 0;
  const [open, close] = section.around ?? ['', ''];
  const run = to > from ? `${open}${section.blocks.slice(from, to).join('\n')}${close}` : '';
  return `<section class="part part-${section.name}${first ? '' : ' continued'}">${first ? section.head : (section.continued?.(from) ?? '')}
${run}${to === section.blocks.length ? section.tail : ''}</section>`;
}
