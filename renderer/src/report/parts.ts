/**
 * A long report is printed in parts: each part is a document of its own, laid out and printed alone, and the printed
 * parts are joined into one PDF (`mergeParts.ts`). Chromium lays out one document at a time and its time and memory
 * grow faster than the page count, so a report of thousands of pages is never one layout.
 *
 * Parts are cut by the size of their HTML, at a section's start where the section fits in a part of its own, else
 * between two of its blocks (a note, an excerpt, a row); a section cut in two goes on, on a new page, in the next
 * part. A link to an element printed in another part cannot be a link inside that part's document: it is written
 * with the scheme `casebook-report:`, which the print keeps as the link's address, and the join makes it a link to
 * the element's named destination. An element linked from another part is linked from its own part too, by a hidden
 * link, since the print makes named destinations only for elements its own document links to.
 */
import { sectionHtml, type SectionBlocks } from './sections/section';

/** The address a link to an element of another part is written with, until the join makes it a link inside the PDF. */
export const PART_LINK_SCHEME = 'casebook-report:';

/** A link to an element of another part: `casebook-report:excerpt-12`. */
export const partLinkHref = (id: string): string => `${PART_LINK_SCHEME}${encodeURIComponent(id)}`;

/**
 * The size of a part's HTML (without its fonts) the cut aims at, in characters: about 150 pages of excerpts. Measured
 * (`npm run bench -- report`), a part of this size prints at the speed of a short report, and one layout's memory
 * stays that of a short report whatever the length of the whole.
 */
export const PART_SIZE = 1_000_000;

/** A run of a section's blocks, `from` to `to` (exclusive), printed in one part. */
export interface SectionRun {
  section: SectionBlocks;
  from: number;
  to: number;
}

export interface PartCut {
  runs: SectionRun[];
  /** The part begins in the middle of a section, which the previous part began. */
  continuesSection: boolean;
}

const sizeOf = (blocks: readonly string[], from = 0, to = blocks.length): number => {
  let size = 0;
  for (let index = from; index < to; index++) size += blocks[index]!.length;
  return size;
};

/**
 * Cuts the sections into parts of about `budget` characters, the first part holding `frontSize` characters already
 * (the cover and the contents). A section starts a new part when it does not fit in what is left of the current one
 * but fits in a part of its own; a section longer than a part is cut between its blocks, and the part that ends it
 * holds nothing else (its headings all belong under the section's, in the outline). Every part holds something.
 * Since each section starts on a new page anyway, a cut between sections changes no page.
 */
export function cutIntoParts(sections: readonly SectionBlocks[], budget: number, frontSize = 0): PartCut[] {
  const parts: PartCut[] = [];
  let current: PartCut = { runs: [], continuesSection: false };
  let size = frontSize;
  const startPart = (continuesSection: boolean) => {
    if (current.runs.length || (parts.length === 0 && frontSize > 0)) parts.push(current);
    current = { runs: [], continuesSection };
    size = 0;
  };
  for (const section of sections) {
    const whole = section.head.length + section.tail.length + sizeOf(section.blocks);
    if (current.continuesSection || (size > 0 && size + whole > budget && whole <= budget)) startPart(false);
    let from = 0;
    size += section.head.length;
    for (let index = 0; index < section.blocks.length; index++) {
      const block = section.blocks[index]!.length;
      // A part ends before a block that would take it past its budget, unless the block would be its first.
      if (size > 0 && size + block > budget && index > from) {
        current.runs.push({ section, from, to: index });
        startPart(true);
        from = index;
      }
      size += block;
    }
    current.runs.push({ section, from, to: section.blocks.length });
    size += section.tail.length;
  }
  if (current.runs.length || parts.length === 0) parts.push(current);
  return parts;
}

/** A part's sections as HTML: each run in its section's element, with the section's head and tail where they fall. */
export function partBody(cut: PartCut): string {
  return cut.runs.map(({ section, from, to }) => sectionHtml(section, from, to)).join('\n');
}

const ID = /\sid="([^"]+)"/g;
const INTERNAL_HREF = /\shref="#([^"]+)"/g;

export interface LinkedParts {
  /** Each part's body, its links to other parts' elements written with `PART_LINK_SCHEME`. */
  bodies: string[];
  /** Each part's hidden links: to its elements that other parts link to, so the print makes their destinations. */
  anchors: string[][];
  /** Each part's element ids. */
  ids: Set<string>[];
}

/**
 * Rewrites the links that leave their part, and lists the hidden links each part needs. `linkedFromFront` are the ids
 * the first part links to beyond its body (the contents, written with each layout). A link to an id no part has is
 * left as it is: the print drops it, as it would in one document.
 */
export function linkParts(bodies: readonly string[], linkedFromFront: readonly string[] = []): LinkedParts {
  const ids = bodies.map((body) => new Set(Array.from(body.matchAll(ID), (match) => match[1]!)));
  const partOf = new Map<string, number>();
  ids.forEach((set, part) => set.forEach((id) => partOf.has(id) || partOf.set(id, part)));
  const wanted = bodies.map(() => new Set<string>());
  const want = (id: string, from: number) => {
    const part = partOf.get(id);
    if (part !== undefined && part !== from) wanted[part]!.add(id);
    return part;
  };
  for (const id of linkedFromFront) want(id, 0);
  const linked = bodies.map((body, index) =>
    body.replace(INTERNAL_HREF, (whole, id: string) => {
      const part = want(id, index);
      return part === undefined || part === index ? whole : ` href="${partLinkHref(id)}"`;
    }),
  );
  return { bodies: linked, anchors: wanted.map((set) => [...set]), ids };
}

/** The hidden links a part's document ends with (nothing is drawn or read aloud from them). */
export const hiddenLinks = (ids: readonly string[]): string =>
  ids.length ? `<div hidden>${ids.map((id) => `<a href="#${id}"></a>`).join('')}</div>` : '';

/** Where a link to `id` points from a part whose own ids are `local`. */
export const hrefIn = (local: ReadonlySet<string>, id: string): string => (local.has(id) ? `#${id}` : partLinkHref(id));
