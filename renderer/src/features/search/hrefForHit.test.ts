import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../search';
import { hrefForHit, hrefForSearch } from './hrefForHit';

const hit = (overrides: Partial<SearchHit>): SearchHit => ({
  ref: { type: 'document', id: 'doc-1' },
  title: 'Audit',
  snippet: { text: '…the ledger shows a transfer to Øresund Holdings.', highlights: [[32, 39]] },
  score: 1,
  ...overrides,
});

describe('hrefForHit', () => {
  it('opens a document at the page of the match, finding the words as the document spells them', () => {
    expect(hrefForHit('case-1', hit({ page: 3, offset: 120 }))).toBe(
      '/case/case-1/documents/doc-1?page=3&q=%C3%98resund',
    );
  });

  it('opens a document without a page or words when the match is not in its text', () => {
    expect(hrefForHit('case-1', hit({}))).toBe('/case/case-1/documents/doc-1');
  });

  it('opens every other kind of record in its section', () => {
    const cases = [
      ['excerpt', '/case/c/excerpts/x'],
      ['entity', '/case/c/entities/x'],
      ['event', '/case/c/timeline/x'],
      ['note', '/case/c/notes/x'],
    ] as const;
    for (const [type, href] of cases) expect(hrefForHit('c', hit({ ref: { type, id: 'x' }, page: 2 }))).toBe(href);
  });

  it('links to the results page with the query', () => {
    expect(hrefForSearch('c', '"bill of lading" kelp')).toBe('/case/c/search?q=%22bill+of+lading%22+kelp');
  });
});
