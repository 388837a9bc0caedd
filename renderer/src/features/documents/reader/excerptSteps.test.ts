import { describe, expect, it } from 'vitest';
import type { Excerpt } from '../../../../../shared/domain';
import type { PlacedExcerpt } from './excerptMarks';
import { describeStep, inTextOrder, stepExcerpt, stepFromCaret, type StepFrom } from './excerptSteps';

const excerpt = (id: string, start: number | null, end = (start ?? 0) + 5, orphaned = false): Excerpt =>
  ({
    id,
    quote: `quote ${id}`,
    anchor: start === null ? null : { start, end, prefix: '', suffix: '', page: null },
    orphaned,
    comment: null,
    tags: [],
  }) as unknown as Excerpt;

// Stored out of text order, as the database returns them; one orphaned, one never located.
const EXCERPTS = [
  excerpt('c', 300),
  excerpt('a', 10),
  excerpt('lost', 150, 160, true),
  excerpt('unplaced', null),
  excerpt('b2', 100, 140),
  excerpt('b1', 100, 120),
];
const ORDERED = inTextOrder(EXCERPTS);
const ids = (from: StepFrom | null, direction: 'next' | 'previous') => stepExcerpt(ORDERED, from, direction)?.excerpt.id ?? null;

describe('inTextOrder', () => {
  it('keeps the excerpts that have a place, by where they start, then end', () => {
    expect(ORDERED.map((one) => one.id)).toEqual(['a', 'b1', 'b2', 'c']);
  });
});

describe('stepExcerpt', () => {
  it('goes to the neighbour of the excerpt shown, and says where it is among them', () => {
    expect(stepExcerpt(ORDERED, { offset: 100, excerptId: 'b1' }, 'next')).toMatchObject({ excerpt: { id: 'b2' }, position: 3, count: 4 });
    expect(ids({ offset: 100, excerptId: 'b2' }, 'previous')).toBe('b1');
    expect(ids({ offset: 10, excerptId: 'a' }, 'previous')).toBeNull();
    expect(ids({ offset: 300, excerptId: 'c' }, 'next')).toBeNull();
  });

  it('from an offset, goes to the first excerpt starting there or later, or the last starting before it', () => {
    expect(ids({ offset: 50 }, 'next')).toBe('b1');
    expect(ids({ offset: 100 }, 'next')).toBe('b1');
    expect(ids({ offset: 100 }, 'previous')).toBe('a');
    expect(ids({ offset: 301 }, 'previous')).toBe('c');
    expect(ids({ offset: 301 }, 'next')).toBeNull();
    expect(ids({ offset: 0 }, 'previous')).toBeNull();
  });

  it('from nowhere, starts at the top of the text', () => {
    expect(ids(null, 'next')).toBe('a');
    expect(ids(null, 'previous')).toBeNull();
  });

  it('skips orphaned excerpts: stepping from one goes by the place it had', () => {
    expect(ids({ offset: 150, excerptId: 'lost' }, 'next')).toBe('c');
    expect(ids({ offset: 150, excerptId: 'lost' }, 'previous')).toBe('b2');
  });

  it('finds nothing in a document without located excerpts', () => {
    expect(stepExcerpt(inTextOrder([excerpt('x', null), excerpt('y', 4, 9, true)]), null, 'next')).toBeNull();
  });

  it('steps through 2,000 excerpts in well under a millisecond a step', () => {
    const many = inTextOrder(Array.from({ length: 2_000 }, (_, index) => excerpt(`e${index}`, index * 200)));
    const started = performance.now();
    let from: StepFrom | null = null;
    for (let step = stepExcerpt(many, from, 'next'); step; step = stepExcerpt(many, from, 'next'))
      from = { offset: step.excerpt.anchor.start, excerptId: step.excerpt.id };
    expect(from?.excerptId).toBe('e1999');
    expect((performance.now() - started) / 2_000).toBeLessThan(1);
  });
});

describe('stepFromCaret', () => {
  // Drawn at other offsets than they are stored at, as in the HTML view (list markers and white space differ).
  const placed = (id: string, start: number, end: number): PlacedExcerpt => ({ excerpt: EXCERPTS.find((one) => one.id === id)!, span: { start, end } });
  const PLACED = [placed('c', 280, 285), placed('a', 8, 13), placed('b2', 90, 130), placed('b1', 90, 110)];

  it('inside a highlight, is at that excerpt (the one starting last, then the first found)', () => {
    expect(stepFromCaret(PLACED, 9)).toEqual({ offset: 10, excerptId: 'a' });
    expect(stepFromCaret(PLACED, 120)).toEqual({ offset: 100, excerptId: 'b2' });
  });

  it('between highlights, is just before the next one drawn, so Next reaches it and Previous the one before', () => {
    const from = stepFromCaret(PLACED, 50);
    expect(from).toEqual({ offset: 100 });
    expect(ids(from, 'next')).toBe('b1');
    expect(ids(from, 'previous')).toBe('a');
  });

  it('after the last highlight drawn, is just after it: excerpts on pages not drawn yet still come next', () => {
    const from = stepFromCaret([placed('a', 8, 13)], 40);
    expect(from).toEqual({ offset: 11 });
    expect(ids(from, 'next')).toBe('b1');
    expect(ids(from, 'previous')).toBe('a');
  });

  it('is nowhere when no highlight is drawn', () => {
    expect(stepFromCaret([], 40)).toBeNull();
  });
});

describe('describeStep', () => {
  it('says which excerpt of how many, with its quote on one line and shortened', () => {
    const long = { ...excerpt('long', 0), quote: `The first truck\ncarried ${'a sealed container '.repeat(4)}` } as Excerpt & { anchor: NonNullable<Excerpt['anchor']> };
    expect(describeStep({ excerpt: long, position: 3, count: 12 }, 'next', true)).toBe(
      'Excerpt 3 of 12: “The first truck carried a sealed container a sealed contain…”',
    );
  });

  it('says when there is none further', () => {
    expect(describeStep(null, 'next', true)).toBe('No more excerpts after this one.');
    expect(describeStep(null, 'previous', false)).toBe('No excerpts before this point.');
  });
});
