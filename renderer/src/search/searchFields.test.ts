import { describe, expect, it } from 'vitest';
import type { Note } from '../../../shared/domain';
import { linkedRecordsOf } from './persistence';
import { searchFieldsOf } from './searchFields';

describe('a note’s searched text', () => {
  it('holds the names it mentions and the quotes it shows, as last saved, where they stand', () => {
    const note = {
      id: 'n1',
      caseId: 'c1',
      title: 'Theory',
      parentId: null,
      position: 'a0',
      pinned: false,
      createdAt: '',
      updatedAt: '',
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'The courier ' },
              { type: 'recordLink', attrs: { type: 'entity', id: 'e1', label: 'Jan Nowak', as: 'mention' } },
              { type: 'text', text: ' paid.' },
            ],
          },
          { type: 'excerptQuote', attrs: { id: 'x1', quote: 'The cargo left at dawn', citation: 'Port log.' } },
        ],
      },
    } satisfies Note;
    expect(searchFieldsOf('note', note).body).toBe('The courier Jan Nowak paid.\nThe cargo left at dawn');
    // The records it is found by the names of, and those names as they are now (one not given reads as saved).
    expect(linkedRecordsOf('note', note)).toEqual([{ type: 'entity', id: 'e1' }]);
    expect(searchFieldsOf('note', note, new Map(), new Map([['entity:e1', 'Jan Kowalski']])).body).toBe(
      'The courier Jan Kowalski paid.\nThe cargo left at dawn',
    );
  });
});
