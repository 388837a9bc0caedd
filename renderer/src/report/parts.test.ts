import { describe, expect, it } from 'vitest';
import { cutIntoParts, hiddenLinks, linkParts, partBody, PART_LINK_SCHEME } from './parts';
import type { SectionBlocks } from './sections/section';

/** A section of `count` blocks of `size` characters each (heads and tails of 10). */
const section = (name: SectionBlocks['name'], count: number, size = 100): SectionBlocks => ({
  name,
  head: `<h1>${name}</h1>`.padEnd(10, ' '),
  blocks: Array.from({ length: count }, (_, index) => `<p>${name} ${index}</p>`.padEnd(size, ' ')),
  tail: '',
});

/** Each part as its runs: "notes 0-3" is notes' blocks 0, 1 and 2. */
const shape = (parts: ReturnType<typeof cutIntoParts>) =>
  parts.map((part) => ({ continues: part.continuesSection, runs: part.runs.map((run) => `${run.section.name} ${run.from}-${run.to}`) }));

describe('cutting a report into parts', () => {
  it('keeps sections that fit together in one part', () => {
    expect(shape(cutIntoParts([section('notes', 3), section('sources', 2)], 10_000, 500))).toEqual([{ continues: false, runs: ['notes 0-3', 'sources 0-2'] }]);
  });

  it('starts a section in a new part when it does not fit in what is left but fits in a part of its own', () => {
    expect(shape(cutIntoParts([section('notes', 6), section('sources', 5)], 1_000, 0))).toEqual([
      { continues: false, runs: ['notes 0-6'] },
      { continues: false, runs: ['sources 0-5'] },
    ]);
  });

  it('gives the cover and contents a part of their own when the first section does not fit beside them', () => {
    expect(shape(cutIntoParts([section('notes', 6)], 1_000, 700))).toEqual([
      { continues: false, runs: [] },
      { continues: false, runs: ['notes 0-6'] },
    ]);
  });

  it('cuts a section longer than a part between its blocks, each block once and in order', () => {
    const parts = cutIntoParts([section('excerpts', 25)], 1_000, 0);
    expect(shape(parts)).toEqual([
      { continues: false, runs: ['excerpts 0-9'] },
      { continues: true, runs: ['excerpts 9-19'] },
      { continues: true, runs: ['excerpts 19-25'] },
    ]);
    const bodies = parts.map(partBody);
    // The heading opens the first part only; the others go on in the same section (its page style), marked continued.
    expect(bodies[0]).toContain('<section class="part part-excerpts"><h1>excerpts</h1>');
    expect(bodies[1]).toMatch(/^<section class="part part-excerpts continued">\n<p>excerpts 9<\/p>/);
    expect(bodies.join('').match(/<p>excerpts \d+<\/p>/g)).toEqual(Array.from({ length: 25 }, (_, index) => `<p>excerpts ${index}</p>`));
  });

  it('begins the next section in a part of its own after a part going on with a section', () => {
    expect(shape(cutIntoParts([section('excerpts', 12), section('sources', 1)], 1_000, 0))).toEqual([
      { continues: false, runs: ['excerpts 0-9'] },
      { continues: true, runs: ['excerpts 9-12'] },
      { continues: false, runs: ['sources 0-1'] },
    ]);
  });

  it('repeats the heading of the group a part goes on with, marked continued', () => {
    const people: SectionBlocks = { ...section('entities', 12), continued: (index) => (index % 5 ? `<h2>People (continued from ${index})</h2>` : '') };
    const bodies = cutIntoParts([people], 1_000, 0).map(partBody);
    expect(bodies[1]).toMatch(/^<section class="part part-entities continued"><h2>People \(continued from 9\)<\/h2>/);
  });

  it('never leaves a part empty, even for a block larger than a part', () => {
    const parts = cutIntoParts([section('notes', 3, 5_000)], 1_000, 0);
    expect(shape(parts)).toEqual([
      { continues: false, runs: ['notes 0-1'] },
      { continues: true, runs: ['notes 1-2'] },
      { continues: true, runs: ['notes 2-3'] },
    ]);
  });

  it('puts each part’s run of rows in the section’s table, its header repeated', () => {
    const rows: SectionBlocks = { ...section('chronology', 4, 300), around: ['<table><thead><tr><th>Date</th></tr></thead><tbody>', '</tbody></table>'], tail: '<figure>timeline</figure>' };
    const bodies = cutIntoParts([rows], 700, 0).map(partBody);
    expect(bodies).toHaveLength(2);
    for (const body of bodies) expect(body).toMatch(/<table><thead><tr><th>Date<\/th><\/tr><\/thead><tbody>[^]*<\/tbody><\/table>/);
    // The figures close the section, once.
    expect(bodies.map((body) => body.includes('<figure>timeline</figure>'))).toEqual([false, true]);
  });
});

describe('linking across parts', () => {
  const bodies = [
    '<p id="intro">See <a href="#excerpt-2">[2]</a> and <a href="#intro">here</a>.</p>',
    '<article id="excerpt-1">One</article><a href="#excerpt-2">[2]</a>',
    '<article id="excerpt-2">Two, from <a href="#source-9">a deleted source</a></article>',
  ];

  it('writes a link to another part’s element with the report’s own scheme, and leaves the others', () => {
    const { bodies: linked } = linkParts(bodies);
    expect(linked[0]).toBe(`<p id="intro">See <a href="${PART_LINK_SCHEME}excerpt-2">[2]</a> and <a href="#intro">here</a>.</p>`);
    expect(linked[1]).toContain(`<a href="${PART_LINK_SCHEME}excerpt-2">`);
    // A link to what no part holds stays as it is: the print drops it, as in one document.
    expect(linked[2]).toContain('<a href="#source-9">');
  });

  it('links each element other parts link to from a hidden link in its own part, so the print gives it a destination', () => {
    const { anchors } = linkParts(bodies, ['excerpt-1']);
    expect(anchors).toEqual([[], ['excerpt-1'], ['excerpt-2']]);
    expect(hiddenLinks(anchors[2]!)).toBe('<div hidden><a href="#excerpt-2"></a></div>');
    expect(hiddenLinks([])).toBe('');
  });
});
